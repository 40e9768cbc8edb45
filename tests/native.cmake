# The chime executable driven by Node's test runner: `chime check` and
# `chime install-host` (cli/), and the native-messaging host through a pipe (host/).
find_program(CHIME_NODE node)
if(NOT CHIME_NODE)
  message(WARNING "node not found: the CLI and native host tests are left out")
  return()
endif()
set(native_timeout 120)
if(CHIME_SANITIZE)
  set(native_timeout 600)  # the sanitizer build (docs/fuzzing.md) runs several times slower
endif()
foreach(suite cli host)
  add_test(NAME native_${suite} COMMAND ${CHIME_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/${suite}/${suite}.test.mjs)
  set_tests_properties(native_${suite} PROPERTIES
    ENVIRONMENT "CHIME_BIN=$<TARGET_FILE:chime>;CHIME_SANITIZED=$<BOOL:${CHIME_SANITIZE}>" TIMEOUT ${native_timeout})
endforeach()
