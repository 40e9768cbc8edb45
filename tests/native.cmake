# The chime executable driven by Node's test runner: `chime check` and
# `chime install-host` (cli/), and the native-messaging host through a pipe (host/).
find_program(CHIME_NODE node)
if(NOT CHIME_NODE)
  message(WARNING "node not found: the CLI and native host tests are left out")
  return()
endif()
foreach(suite cli host)
  add_test(NAME native_${suite} COMMAND ${CHIME_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/${suite}/${suite}.test.mjs)
  set_tests_properties(native_${suite} PROPERTIES ENVIRONMENT "CHIME_BIN=$<TARGET_FILE:chime>" TIMEOUT 120)
endforeach()

# The expert dev set is well formed and bench/coach measures it correctly
# (tests/devset/README.md).
add_test(NAME devset_coach COMMAND ${CHIME_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/devset/devset.test.mjs)
set_tests_properties(devset_coach PROPERTIES ENVIRONMENT "CHIME_BIN=$<TARGET_FILE:chime>" TIMEOUT 120)
