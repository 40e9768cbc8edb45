# `chime check` and `chime install-host`, run by Node's test runner.
find_program(CHIME_NODE node)
if(CHIME_NODE)
  add_test(NAME native_cli COMMAND ${CHIME_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli.test.mjs)
  set_tests_properties(native_cli PROPERTIES ENVIRONMENT "CHIME_BIN=$<TARGET_FILE:chime>" TIMEOUT 120)
else()
  message(WARNING "node not found: the CLI test is left out")
endif()
