# The divisions data file parser (Gazetteer::Parse) on arbitrary text.
if(TARGET ngodesk_divisions)
  ngodesk_add_fuzzer(divisions_fuzzer
    SOURCE "${CMAKE_CURRENT_LIST_DIR}/divisions_fuzzer.cc"
    LIBS ngodesk_divisions
    CORPUS fuzz/corpus/divisions_fuzzer)
endif()
