# Sanitizer and fuzzing builds (docs/fuzzing.md).
#
# CHIME_SANITIZE: Chime's own code (core, native, tests) with AddressSanitizer
# and UndefinedBehaviorSanitizer; any report aborts (-fno-sanitize-recover).
# CHIME_FUZZ: the same, plus libFuzzer coverage, and the harnesses of
# tests/fuzz (needs clang: Debian's clang and libclang-rt-14-dev).
#
# ICU is left uninstrumented: cmake/ChimeICU.cmake builds it with
# CMAKE_CXX_FLAGS only, so these options leave its cached archive (and its
# cache key) as they are. Chime's calls into ICU are still checked on
# Chime's side (ASan's interceptors see every malloc/free and mem* call).
option(CHIME_SANITIZE "Build Chime's code with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(CHIME_FUZZ "Build the libFuzzer harnesses of tests/fuzz (clang only; implies CHIME_SANITIZE)" OFF)

if(CHIME_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CHIME_FUZZ needs clang (libFuzzer): use cmake --preset fuzz")
  endif()
  set(CHIME_SANITIZE ON)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(CHIME_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
endif()
