# Choker, rate meters and bandwidth limiting (pure logic, no timers).
target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/choker.h ${CMAKE_CURRENT_LIST_DIR}/choker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ratemeter.h ${CMAKE_CURRENT_LIST_DIR}/ratemeter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tokenbucket.h ${CMAKE_CURRENT_LIST_DIR}/tokenbucket.cpp)
