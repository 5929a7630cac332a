# Power: the sleep inhibition and pause-on-battery policy, behind interfaces the desktop app
# implements over D-Bus (ui/power). Qt Core only.
target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/batterymonitor.h
  ${CMAKE_CURRENT_LIST_DIR}/sleepinhibitor.h
  ${CMAKE_CURRENT_LIST_DIR}/powerpolicy.h ${CMAKE_CURRENT_LIST_DIR}/powerpolicy.cpp)
