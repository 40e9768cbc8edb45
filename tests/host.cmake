# The native-messaging host, driven through a pipe by Node's test runner.
find_program(CHIME_NODE node)
if(CHIME_NODE)
  add_test(NAME native_host COMMAND ${CHIME_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/host/host.test.mjs)
  set_tests_properties(native_host PROPERTIES ENVIRONMENT "CHIME_BIN=$<TARGET_FILE:chime>" TIMEOUT 120)
else()
  message(WARNING "node not found: the native host test is left out")
endif()
