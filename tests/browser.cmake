# Browser tests: the extension in Debian's Chromium (playwright-core), against
# a local HTTPS stand-in for x.com, with the real wasm engine and the real
# chime native host. They need:
#   - CHIME_WASM_BUILD_DIR: the Emscripten build folder holding wasm/chime.js
#     and wasm/chime.wasm (built before ctest runs);
#   - the chime target (the native host for the bulk page);
#   - tests/browser/node_modules (npm ci in tests/browser);
#   - /usr/bin/chromium, openssl, zip, python3.
set(CHIME_WASM_BUILD_DIR "" CACHE PATH "The wasm build folder (build/wasm) whose engine the extension ships")
if(NOT CHIME_WASM_BUILD_DIR)
  message(STATUS "Browser tests off: set CHIME_WASM_BUILD_DIR to the wasm build folder to run them")
  return()
endif()
find_program(CHIME_NODE node REQUIRED)

set(browser_dir ${PROJECT_SOURCE_DIR}/tests/browser)
set(extension_out ${CMAKE_BINARY_DIR}/extension)
set(browser_env
  CHIME_EXTENSION_DIR=${extension_out}/unpacked
  CHIME_BIN=$<TARGET_FILE:chime>
  CHIME_ARTIFACTS_DIR=${PROJECT_SOURCE_DIR}/build/test-artifacts)

# Assembles the extension from the wasm build once, before the tests use it.
add_test(NAME browser.build_extension
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/build-extension.sh ${CHIME_WASM_BUILD_DIR} ${extension_out})
set_tests_properties(browser.build_extension PROPERTIES FIXTURES_SETUP chime_extension)

foreach(suite lint compose compose-lang editing layout pages report i18n bulk-lang)
  add_test(NAME browser.${suite}
    COMMAND ${CHIME_NODE} --test ${suite}.test.mjs
    WORKING_DIRECTORY ${browser_dir})
  set_tests_properties(browser.${suite} PROPERTIES
    FIXTURES_REQUIRED chime_extension
    ENVIRONMENT "${browser_env}"
    RUN_SERIAL TRUE  # one Chromium at a time on two cores
    TIMEOUT 600)
endforeach()
