# The Rates tab: per-second rate history (no widgets), its axes, the graph and the tab.
target_sources(swarmscope-ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ratehistory.h ${CMAKE_CURRENT_LIST_DIR}/ratehistory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rateaxis.h ${CMAKE_CURRENT_LIST_DIR}/rateaxis.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rategraph.h ${CMAKE_CURRENT_LIST_DIR}/rategraph.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ratesview.h ${CMAKE_CURRENT_LIST_DIR}/ratesview.cpp
)
