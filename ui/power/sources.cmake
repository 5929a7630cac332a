# Power: the app's power management (always built) and its D-Bus backends (sleep inhibition over
# logind or PowerManagement, the battery from UPower), built only when Qt has D-Bus; without
# them power management quietly does nothing.
target_sources(swarmscope-ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/batterymonitorfactory.h ${CMAKE_CURRENT_LIST_DIR}/batterymonitorfactory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/powermanagement.h ${CMAKE_CURRENT_LIST_DIR}/powermanagement.cpp)
find_package(Qt6 QUIET OPTIONAL_COMPONENTS DBus)
if(TARGET Qt6::DBus)
  target_sources(swarmscope-ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/dbussleepinhibitor.h ${CMAKE_CURRENT_LIST_DIR}/dbussleepinhibitor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/upowerbatterymonitor.h ${CMAKE_CURRENT_LIST_DIR}/upowerbatterymonitor.cpp)
  target_link_libraries(swarmscope-ui PRIVATE Qt6::DBus)
  set_property(SOURCE ${CMAKE_CURRENT_LIST_DIR}/batterymonitorfactory.cpp ${CMAKE_CURRENT_LIST_DIR}/powermanagement.cpp
               APPEND PROPERTY COMPILE_DEFINITIONS SWARMSCOPE_HAVE_DBUS)
endif()
