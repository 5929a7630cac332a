target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/peerconnection.h ${CMAKE_CURRENT_LIST_DIR}/peerconnection.cpp)
