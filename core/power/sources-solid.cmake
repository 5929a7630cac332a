# Solid's batteries, where KF6 Solid is found (Qt >= 6.6); ui/power falls back to UPower.
if(KF6Solid_FOUND)
  target_sources(swarmscope-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/batterymonitor.h
    ${CMAKE_CURRENT_LIST_DIR}/solidbatterymonitor.h ${CMAKE_CURRENT_LIST_DIR}/solidbatterymonitor.cpp)
endif()
