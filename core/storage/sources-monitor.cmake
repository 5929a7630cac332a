# Storage events (volumes mounted and unmounted) and the policy that stops and resumes torrents.
target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/storagemonitor.h ${CMAKE_CURRENT_LIST_DIR}/storagemonitor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mountinfomonitor.h ${CMAKE_CURRENT_LIST_DIR}/mountinfomonitor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/storagepolicy.h ${CMAKE_CURRENT_LIST_DIR}/storagepolicy.cpp)
# Where KF6 Solid is found (Qt >= 6.6), its backend too; createStorageMonitor() prefers it.
if(KF6Solid_FOUND)
  target_sources(swarmscope-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/solidstoragemonitor.h ${CMAKE_CURRENT_LIST_DIR}/solidstoragemonitor.cpp)
  target_link_libraries(swarmscope-core PRIVATE KF6::Solid)
  target_compile_definitions(swarmscope-core PUBLIC SWARMSCOPE_HAVE_SOLID)
endif()
