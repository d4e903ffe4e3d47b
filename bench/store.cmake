# store_bench: the store and the exports on the bundled directory (33 offices).
add_executable(store_bench "${CMAKE_CURRENT_SOURCE_DIR}/store_bench.cc")
target_link_libraries(store_bench PRIVATE ngodesk_store ngodesk_export benchmark::benchmark benchmark::benchmark_main)
set_target_properties(store_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
