# chime_embed(<target> <symbol> <file> [COMPRESS])
# Compiles <file> into <target> as
#   extern "C" const unsigned char <symbol>[];  extern "C" const unsigned long <symbol>_size;
# With COMPRESS the bytes are <file> deflated (raw RFC 1951, made by gzip -9n,
# followed by gzip's 8-byte trailer: see embed_file.cmake)
# and <symbol>_inflated_size is <file>'s own size.
# The array is 16-byte aligned (ICU's udata_setCommonData needs that) and
# followed by a NUL byte that is not counted in the size, so text data can be
# read as a C string. Regenerated whenever <file> changes.
function(chime_embed target symbol file)
  cmake_parse_arguments(PARSE_ARGV 3 arg "COMPRESS" "" "")
  set(compress OFF)
  if(arg_COMPRESS)
    set(compress ON)
  endif()
  get_filename_component(file "${file}" ABSOLUTE)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embed/${symbol}.c")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${file} -DOUTPUT=${out} -DSYMBOL=${symbol}
            -DCOMPRESS=${compress}
            -P "${CHIME_EMBED_SCRIPT}"
    DEPENDS "${file}" "${CHIME_EMBED_SCRIPT}"
    COMMENT "Embedding ${symbol}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
set(CHIME_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_file.cmake" CACHE INTERNAL "")
