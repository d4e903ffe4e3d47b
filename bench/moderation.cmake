# moderation_bench: reports, acceptances and the due-call list on the bundled directory.
add_executable(moderation_bench "${CMAKE_CURRENT_SOURCE_DIR}/moderation_bench.cc")
target_link_libraries(moderation_bench PRIVATE ngodesk_moderation benchmark::benchmark benchmark::benchmark_main)
set_target_properties(moderation_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
