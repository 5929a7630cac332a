target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/peercandidates.h ${CMAKE_CURRENT_LIST_DIR}/peercandidates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/announcer.h ${CMAKE_CURRENT_LIST_DIR}/announcer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torrent.h ${CMAKE_CURRENT_LIST_DIR}/torrent.cpp)
