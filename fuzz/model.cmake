ngodesk_add_fuzzer(directory_json_fuzzer
  SOURCE "${CMAKE_CURRENT_SOURCE_DIR}/directory_json_fuzzer.cc"
  LIBS ngodesk_store
  CORPUS fuzz/corpus/directory_json_fuzzer)
