# libFuzzer harnesses (tests/fuzz, docs/fuzzing.md): only in the fuzz preset,
# which builds with clang and -DCHIME_FUZZ=ON.
if(CHIME_FUZZ)
  add_subdirectory(fuzz)
endif()
