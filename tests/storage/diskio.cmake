swarmscope_add_test(tst_diskio SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_diskio.cpp ${CMAKE_CURRENT_LIST_DIR}/diskiotestutil.h
                    LIBS swarmscope-core TIMEOUT 600)
swarmscope_add_test(tst_storagecaches SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_storagecaches.cpp LIBS swarmscope-core)
