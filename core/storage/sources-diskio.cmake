# Disk I/O off the engine thread: worker threads, file handle and piece caches, rechecks.
target_sources(swarmscope-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/diskiotypes.h
  ${CMAKE_CURRENT_LIST_DIR}/diskio.h ${CMAKE_CURRENT_LIST_DIR}/diskio.cpp
  ${CMAKE_CURRENT_LIST_DIR}/storageworker.h ${CMAKE_CURRENT_LIST_DIR}/storageworker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/storagefiles.h ${CMAKE_CURRENT_LIST_DIR}/storagefiles.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filecache.h ${CMAKE_CURRENT_LIST_DIR}/filecache.cpp
  ${CMAKE_CURRENT_LIST_DIR}/piececache.h ${CMAKE_CURRENT_LIST_DIR}/piececache.cpp)
