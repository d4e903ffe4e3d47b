# The opening_hours expression parser and evaluator, the hours text reader
# and the ISO 8601 instant parser, on arbitrary bytes.
if(TARGET ngodesk_hours)
  ngodesk_add_fuzzer(opening_hours_fuzzer
    SOURCE "${CMAKE_CURRENT_LIST_DIR}/opening_hours_fuzzer.cc"
    LIBS ngodesk_hours
    CORPUS fuzz/corpus/opening_hours)
endif()
