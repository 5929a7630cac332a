# The main window's parts: adding torrents, the commands on torrents, the status bar.
target_sources(swarmscope-ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/addcontroller.h ${CMAKE_CURRENT_LIST_DIR}/addcontroller.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torrentactions.h ${CMAKE_CURRENT_LIST_DIR}/torrentactions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statusbarpanel.h ${CMAKE_CURRENT_LIST_DIR}/statusbarpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ratelimitsdialog.h ${CMAKE_CURRENT_LIST_DIR}/ratelimitsdialog.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/torrentlist/snapshotrows.h ${CMAKE_CURRENT_SOURCE_DIR}/torrentlist/snapshotrows.cpp)
