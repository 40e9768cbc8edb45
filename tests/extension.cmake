# The extension's scripts that run without a browser: the background's request
# dispatcher (extension/protocol.js) in a fresh V8 context under Node.
find_program(CHIME_NODE node)
if(NOT CHIME_NODE)
  message(WARNING "node not found: the extension dispatcher test is left out")
  return()
endif()
add_test(NAME extension_protocol
         COMMAND ${CHIME_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/extension/protocol.test.mjs)
set_tests_properties(extension_protocol PROPERTIES TIMEOUT 60)
# The extension's translations: the same keys in en and es, every key asked for present.
add_test(NAME extension_locales
         COMMAND ${CHIME_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/extension/locales.test.mjs)
set_tests_properties(extension_locales PROPERTIES TIMEOUT 60)
