include(${CMAKE_CURRENT_LIST_DIR}/sources-choker.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/sources-picker.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/sources-torrent.cmake)
