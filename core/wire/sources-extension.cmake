# Extension protocol messages (BEP 10 handshake, BEP 9 ut_metadata, BEP 11 ut_pex) and the
# pure logic around them: metadata assembly and serving, PEX diffs. No sockets, no clock.
target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/extension/compactendpoint.h ${CMAKE_CURRENT_LIST_DIR}/extension/compactendpoint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/extension/extensionhandshake.h ${CMAKE_CURRENT_LIST_DIR}/extension/extensionhandshake.cpp
  ${CMAKE_CURRENT_LIST_DIR}/extension/utmetadata.h ${CMAKE_CURRENT_LIST_DIR}/extension/utmetadata.cpp
  ${CMAKE_CURRENT_LIST_DIR}/extension/metadataassembler.h ${CMAKE_CURRENT_LIST_DIR}/extension/metadataassembler.cpp
  ${CMAKE_CURRENT_LIST_DIR}/extension/utpex.h ${CMAKE_CURRENT_LIST_DIR}/extension/utpex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/extension/pexstate.h ${CMAKE_CURRENT_LIST_DIR}/extension/pexstate.cpp)
