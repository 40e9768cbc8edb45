# The chime executable driven by Node's test runner: `chime check` and
# `chime install-host` (cli/), and the native-messaging host through a pipe
# (host/); each *.test.mjs file is one CTest test (native_cli, native_cli_hostile, ...).
find_program(CHIME_NODE node)
if(NOT CHIME_NODE)
  message(WARNING "node not found: the CLI and native host tests are left out")
  return()
endif()
set(native_timeout 300)
if(CHIME_SANITIZE)
  set(native_timeout 600)  # the sanitizer build (docs/fuzzing.md) runs several times slower
endif()
foreach(suite cli host)
  file(GLOB suite_files CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${suite}/*.test.mjs)
  foreach(file IN LISTS suite_files)
    get_filename_component(part ${file} NAME_WE)  # "cli", "hostile", ...
    set(name native_${suite})
    if(NOT part STREQUAL suite)
      set(name native_${suite}_${part})
    endif()
    add_test(NAME ${name} COMMAND ${CHIME_NODE} --test ${file})
    set_tests_properties(${name} PROPERTIES
      ENVIRONMENT "CHIME_BIN=$<TARGET_FILE:chime>;CHIME_SANITIZED=$<BOOL:${CHIME_SANITIZE}>" TIMEOUT ${native_timeout})
  endforeach()
endforeach()

# The expert dev set is well formed and bench/coach measures it correctly
# (tests/devset/README.md).
add_test(NAME devset_coach COMMAND ${CHIME_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/devset/devset.test.mjs)
set_tests_properties(devset_coach PROPERTIES ENVIRONMENT "CHIME_BIN=$<TARGET_FILE:chime>" TIMEOUT 120)
