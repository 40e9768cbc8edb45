# Node tests of the wasm engine (included by tests/CMakeLists.txt in the
# Emscripten build). They use <build>/wasm/chime.js and chime.wasm, so build
# first; the parity test also needs the native `chime` from a native build
# dir: -DCHIME_NATIVE_CHIME=/path/to/build/ci/native/chime (.ci/run does).
find_program(CHIME_NODE node REQUIRED)
set(wasm_dir "${CMAKE_BINARY_DIR}/wasm")
set(tests_dir "${CMAKE_CURRENT_SOURCE_DIR}/wasm")
set(parity_dir "${CMAKE_CURRENT_SOURCE_DIR}/parity")

if(NOT CHIME_NATIVE_CHIME)
  foreach(candidate "${PROJECT_SOURCE_DIR}/build/ci/native/chime" "${PROJECT_SOURCE_DIR}/build/native/native/chime")
    if(EXISTS "${candidate}")
      set(found "${candidate}")
      break()
    endif()
  endforeach()
endif()
set(CHIME_NATIVE_CHIME "${found}" CACHE FILEPATH
    "The native chime CLI the wasm parity test compares against")

add_test(NAME wasm.api COMMAND ${CHIME_NODE} ${tests_dir}/api.mjs ${wasm_dir})
add_test(NAME wasm.memory COMMAND ${CHIME_NODE} ${tests_dir}/memory.mjs ${wasm_dir}
         ${parity_dir}/corpus.txt 200000)
# Without a native chime the parity test fails and says why: never skipped.
# The Spanish dev set, the language set and every rule example (English and
# Spanish) are in the corpus too (issue 17).
set(devset_dir "${CMAKE_CURRENT_SOURCE_DIR}/devset")
file(GLOB example_tables CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/examples/*.tsv")
add_test(NAME wasm.parity COMMAND ${CHIME_NODE} ${tests_dir}/parity.mjs ${wasm_dir}
         "${CHIME_NATIVE_CHIME}" ${parity_dir}/corpus.txt ${parity_dir}/contexts.jsonl
         ${devset_dir}/es.jsonl ${devset_dir}/lang.tsv ${example_tables})
set_tests_properties(wasm.memory PROPERTIES TIMEOUT 900)
