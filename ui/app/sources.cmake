# The main window's parts: adding torrents, the commands on torrents, the status bar.
target_sources(swarmscope-ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/addcontroller.h ${CMAKE_CURRENT_LIST_DIR}/addcontroller.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torrentactions.h ${CMAKE_CURRENT_LIST_DIR}/torrentactions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statusbarpanel.h ${CMAKE_CURRENT_LIST_DIR}/statusbarpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ratelimitsdialog.h ${CMAKE_CURRENT_LIST_DIR}/ratelimitsdialog.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/torrentlist/snapshotrows.h ${CMAKE_CURRENT_SOURCE_DIR}/torrentlist/snapshotrows.cpp)
# Single instance, tray icon and notifications (the desktop app wires them up in main.cpp).
target_sources(swarmscope-ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/singleinstance.h ${CMAKE_CURRENT_LIST_DIR}/singleinstance.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trayicon.h ${CMAKE_CURRENT_LIST_DIR}/trayicon.cpp)
# Notifications without a tray go over D-Bus, when Qt has it; otherwise they are only shown in the tray.
find_package(Qt6 QUIET OPTIONAL_COMPONENTS DBus)
if(TARGET Qt6::DBus)
  target_link_libraries(swarmscope-ui PRIVATE Qt6::DBus)
  set_property(SOURCE ${CMAKE_CURRENT_LIST_DIR}/trayicon.cpp APPEND PROPERTY COMPILE_DEFINITIONS SWARMSCOPE_HAVE_DBUS)
endif()
