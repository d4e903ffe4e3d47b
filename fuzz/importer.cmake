# The page parser with the checks run over what it reads.
if(TARGET ngodesk_importer)
  ngodesk_add_fuzzer(importer_page_fuzzer
    SOURCE "${CMAKE_CURRENT_LIST_DIR}/importer_page_fuzzer.cc"
    LIBS ngodesk_importer
    CORPUS fuzz/corpus/importer_page_fuzzer)
endif()
