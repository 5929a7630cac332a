target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/snapshot.h
  ${CMAKE_CURRENT_LIST_DIR}/sessionsettings.h
  ${CMAKE_CURRENT_LIST_DIR}/session.h ${CMAKE_CURRENT_LIST_DIR}/session.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sessionmagnets.cpp ${CMAKE_CURRENT_LIST_DIR}/sessioncommands.cpp
  ${CMAKE_CURRENT_LIST_DIR}/engine.h ${CMAKE_CURRENT_LIST_DIR}/engine.cpp)
target_sources(swarmscope-core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/queuescheduler.h ${CMAKE_CURRENT_LIST_DIR}/queuescheduler.cpp ${CMAKE_CURRENT_LIST_DIR}/sessionqueue.cpp)
