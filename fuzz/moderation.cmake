ngodesk_add_fuzzer(moderation_report_json_fuzz
  SOURCE "${CMAKE_CURRENT_SOURCE_DIR}/moderation_report_json_fuzz.cc"
  LIBS ngodesk_moderation
  CORPUS fuzz/corpus/report_json)
