target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/peercandidates.h ${CMAKE_CURRENT_LIST_DIR}/peercandidates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/announcer.h ${CMAKE_CURRENT_LIST_DIR}/announcer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torrent.h ${CMAKE_CURRENT_LIST_DIR}/torrent.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torrentextensions.cpp ${CMAKE_CURRENT_LIST_DIR}/torrentsnapshot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torrentstorage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/peerextensions.h ${CMAKE_CURRENT_LIST_DIR}/peerextensions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/peerdialing.h
  ${CMAKE_CURRENT_LIST_DIR}/metadatafetch.h ${CMAKE_CURRENT_LIST_DIR}/metadatafetch.cpp)
