target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/filelayout.h ${CMAKE_CURRENT_LIST_DIR}/filelayout.cpp)
include(${CMAKE_CURRENT_LIST_DIR}/sources-diskio.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/sources-monitor.cmake OPTIONAL)
