# The resolver on arbitrary bytes (validation, both parsers, the JSON form)
# and the divisions data parser on arbitrary text.
if(TARGET ngodesk_resolver)
  ngodesk_add_fuzzer(resolver_fuzzer
    SOURCE "${CMAKE_CURRENT_LIST_DIR}/resolver_fuzzer.cc"
    LIBS ngodesk_resolver
    CORPUS fuzz/corpus/resolver_fuzzer)
endif()
