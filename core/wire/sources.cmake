# Peer wire codec: handshake, messages, incremental decoder, peer ids (pure code).
target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/handshake.h ${CMAKE_CURRENT_LIST_DIR}/handshake.cpp
  ${CMAKE_CURRENT_LIST_DIR}/message.h ${CMAKE_CURRENT_LIST_DIR}/message.cpp
  ${CMAKE_CURRENT_LIST_DIR}/messagecodec.h ${CMAKE_CURRENT_LIST_DIR}/messagecodec.cpp
  ${CMAKE_CURRENT_LIST_DIR}/peerid.h ${CMAKE_CURRENT_LIST_DIR}/peerid.cpp
  ${CMAKE_CURRENT_LIST_DIR}/allowedfast.h ${CMAKE_CURRENT_LIST_DIR}/allowedfast.cpp)
include(${CMAKE_CURRENT_LIST_DIR}/sources-extension.cmake)
