# Storage events (volumes mounted and unmounted) and the policy that stops and resumes torrents.
target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/storagemonitor.h
  ${CMAKE_CURRENT_LIST_DIR}/mountinfomonitor.h ${CMAKE_CURRENT_LIST_DIR}/mountinfomonitor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/storagepolicy.h ${CMAKE_CURRENT_LIST_DIR}/storagepolicy.cpp)
