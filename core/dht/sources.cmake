# DHT (BEP 5, 32, 42 "ip", 43): KRPC codec, routing table, tokens, peer store, rate limiter,
# lookups and the pure node that ties them together (pure code: no sockets, no clock), and
# DhtService, which runs a node on a QUdpSocket in the engine thread.
target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/nodeid.h ${CMAKE_CURRENT_LIST_DIR}/nodeid.cpp
  ${CMAKE_CURRENT_LIST_DIR}/endpoint.h ${CMAKE_CURRENT_LIST_DIR}/endpoint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/krpc.h ${CMAKE_CURRENT_LIST_DIR}/krpc.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tokenstore.h ${CMAKE_CURRENT_LIST_DIR}/tokenstore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/peerstore.h ${CMAKE_CURRENT_LIST_DIR}/peerstore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ratelimiter.h ${CMAKE_CURRENT_LIST_DIR}/ratelimiter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/routingtable.h ${CMAKE_CURRENT_LIST_DIR}/routingtable.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lookup.h ${CMAKE_CURRENT_LIST_DIR}/lookup.cpp
  ${CMAKE_CURRENT_LIST_DIR}/node.h ${CMAKE_CURRENT_LIST_DIR}/node.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dhtservice.h ${CMAKE_CURRENT_LIST_DIR}/dhtservice.cpp)
