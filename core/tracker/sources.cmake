# Trackers: pure codecs (request, response, scrape), BEP 12 tiers, the HTTP client, and the
# embedded tracker (pure swarm registry and service, plus the QTcpServer front).
target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/urlencoding.h ${CMAKE_CURRENT_LIST_DIR}/urlencoding.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trackerpeer.h ${CMAKE_CURRENT_LIST_DIR}/trackerpeer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/announcerequest.h ${CMAKE_CURRENT_LIST_DIR}/announcerequest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/announceresponse.h ${CMAKE_CURRENT_LIST_DIR}/announceresponse.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scrape.h ${CMAKE_CURRENT_LIST_DIR}/scrape.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trackertiers.h ${CMAKE_CURRENT_LIST_DIR}/trackertiers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/httptrackerclient.h ${CMAKE_CURRENT_LIST_DIR}/httptrackerclient.cpp
  ${CMAKE_CURRENT_LIST_DIR}/httprequestparser.h ${CMAKE_CURRENT_LIST_DIR}/httprequestparser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trackerswarm.h ${CMAKE_CURRENT_LIST_DIR}/trackerswarm.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trackerservice.h ${CMAKE_CURRENT_LIST_DIR}/trackerservice.cpp
  ${CMAKE_CURRENT_LIST_DIR}/embeddedtracker.h ${CMAKE_CURRENT_LIST_DIR}/embeddedtracker.cpp
)
target_sources(swarmscope-core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/udptrackercodec.h ${CMAKE_CURRENT_LIST_DIR}/udptrackercodec.cpp ${CMAKE_CURRENT_LIST_DIR}/udptrackerconnection.h ${CMAKE_CURRENT_LIST_DIR}/udptrackerconnection.cpp ${CMAKE_CURRENT_LIST_DIR}/udptrackerclient.h ${CMAKE_CURRENT_LIST_DIR}/udptrackerclient.cpp)
target_sources(swarmscope-core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/scrapeschedule.h ${CMAKE_CURRENT_LIST_DIR}/scrapeschedule.cpp)
