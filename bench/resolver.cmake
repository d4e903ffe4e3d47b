# resolver_bench: name look-ups and full Chinese addresses per second on one
# core, the time to build the index, and the index's resident memory.
if(TARGET ngodesk_resolver)
  add_executable(resolver_bench "${CMAKE_CURRENT_LIST_DIR}/resolver_bench.cc")
  target_link_libraries(resolver_bench PRIVATE ngodesk_resolver benchmark::benchmark)
  set_target_properties(resolver_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
  # Writes the address file that bench/resolver-vs-address-parse.sh feeds to both parsers.
  add_executable(resolver_bench_corpus "${CMAKE_CURRENT_LIST_DIR}/resolver_bench_corpus.cc")
  target_link_libraries(resolver_bench_corpus PRIVATE ngodesk_resolver)
  set_target_properties(resolver_bench_corpus PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
endif()
if(TARGET ngodesk_resolver)
  # Times the resolver on an address file and prints JSON results for the
  # side-by-side script.
  add_executable(resolver_throughput "${CMAKE_CURRENT_LIST_DIR}/resolver_throughput.cc")
  target_link_libraries(resolver_throughput PRIVATE ngodesk_resolver)
  set_target_properties(resolver_throughput PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
endif()
