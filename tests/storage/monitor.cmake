# Storage events: the mountinfo backend and the stop/resume policy (through a fake monitor).
swarmscope_add_test(tst_mountinfo SOURCES tst_mountinfo.cpp LIBS swarmscope-core)
swarmscope_add_test(tst_storagepolicy SOURCES tst_storagepolicy.cpp fakestoragemonitor.h policycommands.h
                    LIBS swarmscope-core)
