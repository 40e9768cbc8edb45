# Linear time on worst-case inputs, counted with callgrind (valgrind):
# instructions of one analysis at n and 4n bytes (tests/complexity).
find_program(CHIME_VALGRIND valgrind)
find_program(CHIME_NODE node)
if(CHIME_SANITIZE)
  return()  # valgrind cannot run a sanitizer build; the ci preset runs this test
endif()
if(NOT CHIME_VALGRIND OR NOT CHIME_NODE)
  message(WARNING "valgrind or node not found: the complexity test is left out (apt-get install valgrind)")
  return()
endif()
add_executable(chime_worst_case ${CMAKE_CURRENT_SOURCE_DIR}/complexity/worst_case.cpp)
target_link_libraries(chime_worst_case PRIVATE chime::core chime_warnings)
add_test(NAME complexity COMMAND ${CHIME_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/complexity/complexity.test.mjs)
set_tests_properties(complexity PROPERTIES
  ENVIRONMENT "CHIME_WORST_CASE=$<TARGET_FILE:chime_worst_case>;CHIME_VALGRIND=${CHIME_VALGRIND}"
  TIMEOUT 900)
# A refused configuration is cached as refused: Config::parse calls counted
# by callgrind while the host serves repeated requests.
if(TARGET chime)
  add_test(NAME config_cache COMMAND ${CHIME_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/complexity/config_cache.test.mjs)
  set_tests_properties(config_cache PROPERTIES
    ENVIRONMENT "CHIME_BIN=$<TARGET_FILE:chime>;CHIME_VALGRIND=${CHIME_VALGRIND}" TIMEOUT 300)
endif()
