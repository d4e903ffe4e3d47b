# hours_bench: evaluation speed of the opening_hours subset (one state at one
# instant, and the whole directory's week).
add_executable(hours_bench "${CMAKE_CURRENT_SOURCE_DIR}/hours_bench.cc")
target_link_libraries(hours_bench PRIVATE ngodesk_hours benchmark::benchmark)
set_target_properties(hours_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
