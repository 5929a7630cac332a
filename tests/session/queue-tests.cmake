# Torrent queueing: the pure scheduler, and the queue on real engines.
swarmscope_add_test(tst_queuescheduler SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_queuescheduler.cpp LIBS swarmscope-core)
swarmscope_add_test(tst_queue SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_queue.cpp ${CMAKE_CURRENT_LIST_DIR}/enginetestnode.h
                    ${CMAKE_CURRENT_LIST_DIR}/sessiontestutil.h LIBS swarmscope-core LABELS integration TIMEOUT 120)
