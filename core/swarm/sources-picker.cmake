# Piece picker: block requests, availability, end game; file-to-piece priorities.
target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/piecepicker.h ${CMAKE_CURRENT_LIST_DIR}/piecepicker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rarityindex.h ${CMAKE_CURRENT_LIST_DIR}/rarityindex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/piecepriorities.h ${CMAKE_CURRENT_LIST_DIR}/piecepriorities.cpp)
