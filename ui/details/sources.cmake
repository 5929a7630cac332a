# The details panel of the selected torrent and its tabs (General, Trackers, Files; Peers, Swarm
# and Rates come from peers/, swarm/ and rates/).
target_sources(swarmscope-ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/detailspanel.h ${CMAKE_CURRENT_LIST_DIR}/detailspanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/generaltab.h ${CMAKE_CURRENT_LIST_DIR}/generaltab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trackersmodel.h ${CMAKE_CURRENT_LIST_DIR}/trackersmodel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trackerstab.h ${CMAKE_CURRENT_LIST_DIR}/trackerstab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filesmodel.h ${CMAKE_CURRENT_LIST_DIR}/filesmodel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/prioritydelegate.h ${CMAKE_CURRENT_LIST_DIR}/prioritydelegate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filestab.h ${CMAKE_CURRENT_LIST_DIR}/filestab.cpp
)
include(${CMAKE_CURRENT_LIST_DIR}/../rates/sources.cmake)
