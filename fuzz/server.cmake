# The request target parser, router and handlers of the HTTP server.
if(TARGET ngodesk_server AND TARGET ngodesk_store)
  ngodesk_add_fuzzer(server_request_fuzzer
    SOURCE "${CMAKE_CURRENT_LIST_DIR}/server_request_fuzzer.cc"
    LIBS ngodesk_server ngodesk_store
    CORPUS fuzz/corpus/server_request_fuzzer)
  target_include_directories(server_request_fuzzer PRIVATE "${CMAKE_SOURCE_DIR}/src")
endif()

# The corrections routes with an in-memory database.
if(TARGET ngodesk_server AND TARGET ngodesk_moderation)
  ngodesk_add_fuzzer(server_corrections_fuzzer
    SOURCE "${CMAKE_CURRENT_LIST_DIR}/server_corrections_fuzzer.cc"
    LIBS ngodesk_server ngodesk_moderation ngodesk_store
    CORPUS fuzz/corpus/server_corrections_fuzzer)
  target_include_directories(server_corrections_fuzzer PRIVATE "${CMAKE_SOURCE_DIR}/src")
endif()
