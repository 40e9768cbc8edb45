# chime::icu: ICU 72.1 `common` built from Debian's source package, the very
# same code for g++ (native) and em++ (wasm). No system ICU is used.
#
# 1. scripts/fetch-icu.sh fetches and unpacks the source into
#    ${CHIME_CACHE_DIR} (once; later configures just read the path).
# 2. cmake/icu-lib/ compiles common + stubdata into a static archive, once per
#    toolchain: the archive lives in ${CHIME_CACHE_DIR}/icu-lib/<key>, where
#    <key> hashes the compiler, its flags and the ICU sources, so the native,
#    ci and wasm build dirs (and everyone else's) share one compile each.
# 3. chime_icu_embed_data(<target>) makes Chime's small ICU data package at
#    build time with icupkg and embeds it, deflated, into <target>
#    (core/src/icu/icu_data.cpp inflates and registers it).

set(CHIME_ICU_VERSION 72.1)
# Compiled into ICU and into every user of its headers (they change uconfig.h).
set(CHIME_ICU_DEFINITIONS U_STATIC_IMPLEMENTATION U_CHARSET_IS_UTF8=1
    UCONFIG_NO_LEGACY_CONVERSION=1)
# Wasm only, for size (docs/wasm.md, "What takes the bytes"): ICU's own
# switches that leave out the break-iterator registration service and the
# filtered (sentence-exception) break iterator, compiled into ICU alone (they
# only hide declarations Chime never uses), and ICU's dictionary and LSTM
# word-break engines left out (cmake/icu-lib/CMakeLists.txt): Chime's data
# package has no dictionaries or LSTM models, so they are never created. None
# changes a break: the parity test compares every Result with native's.
# ICU is also compiled -Os for wasm: about 49 KB less code at no measurable
# cost per tweet (ICU's share of an analysis is its break iterators).
set(CHIME_ICU_LIBRARY_DEFINITIONS "")
set(CHIME_ICU_DICTIONARY_ENGINES ON)
set(CHIME_ICU_CXX_FLAGS_RELEASE "${CMAKE_CXX_FLAGS_RELEASE}")
if(EMSCRIPTEN)
  set(CHIME_ICU_LIBRARY_DEFINITIONS UCONFIG_NO_SERVICE=1 UCONFIG_NO_FILTERED_BREAK_ITERATION=1)
  set(CHIME_ICU_DICTIONARY_ENGINES OFF)
  set(CHIME_ICU_CXX_FLAGS_RELEASE "-Os -DNDEBUG")
endif()

# --- 1. The source --------------------------------------------------------
execute_process(
  COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/../scripts/fetch-icu.sh" "${CHIME_CACHE_DIR}"
  OUTPUT_VARIABLE CHIME_ICU_SOURCE_DIR
  RESULT_VARIABLE fetch_result
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT fetch_result EQUAL 0 OR NOT EXISTS "${CHIME_ICU_SOURCE_DIR}/common/unicode/uversion.h")
  message(FATAL_ERROR "Could not get ICU ${CHIME_ICU_VERSION}'s source (scripts/fetch-icu.sh "
                      "${CHIME_CACHE_DIR} failed, see above). It needs apt access to Debian.")
endif()

# --- 2. The library, once per toolchain -----------------------------------
function(chime_icu_build_library out_archive)
  set(project_dir "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/icu-lib")
  file(SHA256 "${project_dir}/CMakeLists.txt" project_hash)
  string(SHA256 key "${CMAKE_CXX_COMPILER};${CMAKE_CXX_COMPILER_VERSION};${CMAKE_CXX_FLAGS};\
${CHIME_ICU_CXX_FLAGS_RELEASE};${CMAKE_TOOLCHAIN_FILE};${CHIME_ICU_SOURCE_DIR};\
${CHIME_ICU_DEFINITIONS};${project_hash};${CHIME_ICU_LIBRARY_DEFINITIONS};\
${CHIME_ICU_DICTIONARY_ENGINES}")
  string(SUBSTRING "${key}" 0 16 key)
  string(TOLOWER "${CMAKE_CXX_COMPILER_ID}-${CMAKE_CXX_COMPILER_VERSION}" compiler)
  if(EMSCRIPTEN)
    set(compiler "emscripten-${compiler}")
  endif()
  set(dir "${CHIME_CACHE_DIR}/icu-lib/${compiler}-${key}")
  set(archive "${dir}/lib/${CMAKE_STATIC_LIBRARY_PREFIX}chime_icu_common${CMAKE_STATIC_LIBRARY_SUFFIX}")
  set(${out_archive} "${archive}" PARENT_SCOPE)

  # Another build dir may be compiling the same archive right now.
  file(MAKE_DIRECTORY "${CHIME_CACHE_DIR}/icu-lib")
  file(LOCK "${dir}.lock" GUARD FUNCTION TIMEOUT 1800)
  if(EXISTS "${dir}/complete")
    return()
  endif()

  message(STATUS "Building ICU ${CHIME_ICU_VERSION} common for ${compiler} into ${dir} "
                 "(once per toolchain; a few minutes on two cores)")
  set(toolchain_args -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER})
  if(CMAKE_TOOLCHAIN_FILE)
    list(APPEND toolchain_args -DCMAKE_TOOLCHAIN_FILE=${CMAKE_TOOLCHAIN_FILE})
  endif()
  set(definitions ${CHIME_ICU_DEFINITIONS} ${CHIME_ICU_LIBRARY_DEFINITIONS})
  string(REPLACE ";" "\\;" definitions "${definitions}")
  file(REMOVE_RECURSE "${dir}")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -S "${project_dir}" -B "${dir}/build" -G "${CMAKE_GENERATOR}"
            -DCMAKE_MAKE_PROGRAM=${CMAKE_MAKE_PROGRAM} ${toolchain_args}
            -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS}"
            "-DCMAKE_CXX_FLAGS_RELEASE=${CHIME_ICU_CXX_FLAGS_RELEASE}"
            -DCMAKE_INSTALL_PREFIX=${dir} -DICU_SOURCE_DIR=${CHIME_ICU_SOURCE_DIR}
            "-DCHIME_ICU_DEFINITIONS=${definitions}"
            -DCHIME_ICU_DICTIONARY_ENGINES=${CHIME_ICU_DICTIONARY_ENGINES}
    OUTPUT_VARIABLE log ERROR_VARIABLE log RESULT_VARIABLE result)
  if(result EQUAL 0)
    execute_process(
      COMMAND "${CMAKE_COMMAND}" --build "${dir}/build" --target install --parallel 2
      OUTPUT_VARIABLE log ERROR_VARIABLE log RESULT_VARIABLE result)
  endif()
  if(NOT result EQUAL 0 OR NOT EXISTS "${archive}")
    message(FATAL_ERROR "Building ICU common in ${dir}/build failed:\n${log}")
  endif()
  file(REMOVE_RECURSE "${dir}/build")  # keep only the archive
  file(TOUCH "${dir}/complete")
endfunction()

chime_icu_build_library(CHIME_ICU_ARCHIVE)
add_library(chime_icu STATIC IMPORTED GLOBAL)
set_target_properties(chime_icu PROPERTIES IMPORTED_LOCATION "${CHIME_ICU_ARCHIVE}")
target_include_directories(chime_icu SYSTEM INTERFACE "${CHIME_ICU_SOURCE_DIR}/common")
target_compile_definitions(chime_icu INTERFACE ${CHIME_ICU_DEFINITIONS})
if(NOT EMSCRIPTEN)
  find_package(Threads REQUIRED)  # ICU's mutexes
  target_link_libraries(chime_icu INTERFACE Threads::Threads)
endif()
add_library(chime::icu ALIAS chime_icu)

# --- 3. The data package ---------------------------------------------------
# The items listed in core/src/icu/data-items.txt, taken from ICU's full data
# file with Debian's icupkg (icu-devtools, same 72.1), little-endian for both
# x86-64 and wasm.
find_program(CHIME_ICUPKG icupkg REQUIRED DOC "ICU's icupkg (Debian package icu-devtools)")
set(CHIME_ICU_FULL_DATA "${CHIME_ICU_SOURCE_DIR}/data/in/icudt72l.dat")
set(CHIME_ICU_DATA_ITEMS "${PROJECT_SOURCE_DIR}/core/src/icu/data-items.txt")

function(chime_icu_embed_data target)
  set(work "${CMAKE_CURRENT_BINARY_DIR}/icu-data")
  set(out "${work}/icudt72l.dat")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E rm -rf "${work}/items" "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${work}/items"
    COMMAND "${CHIME_ICUPKG}" -x "${CHIME_ICU_DATA_ITEMS}" -d "${work}/items" "${CHIME_ICU_FULL_DATA}"
    COMMAND "${CHIME_ICUPKG}" --ignore-deps -tl -s "${work}/items" -a "${CHIME_ICU_DATA_ITEMS}"
            new "${out}"
    DEPENDS "${CHIME_ICU_DATA_ITEMS}" "${CHIME_ICU_FULL_DATA}"
    COMMENT "Making Chime's ICU data package"
    VERBATIM)
  chime_embed(${target} chime_icu_data "${out}" COMPRESS)  # inflated by core/src/icu/icu_data.cpp
endfunction()
