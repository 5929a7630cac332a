# The demo swarm behind `swarmscope --demo`: a generated payload, an embedded tracker and
# several real engines on 127.0.0.1.
target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/demopayload.h ${CMAKE_CURRENT_LIST_DIR}/demopayload.cpp
  ${CMAKE_CURRENT_LIST_DIR}/demoswarm.h ${CMAKE_CURRENT_LIST_DIR}/demoswarm.cpp
)
