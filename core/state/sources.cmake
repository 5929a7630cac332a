target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/torrentrecord.h
  ${CMAKE_CURRENT_LIST_DIR}/statestore.h ${CMAKE_CURRENT_LIST_DIR}/statestore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statewriter.h ${CMAKE_CURRENT_LIST_DIR}/statewriter.cpp)
