# Runs `chime check` on the bundled sample and compares its NDJSON with the
# reviewed snapshot. Called by tests/snapshot.cmake:
#   cmake -DCHIME=<chime> -DSOURCE=<checkout> -DOUTPUT=<file> -P compare.cmake
# Refresh after reviewing a change: scripts/update-snapshot.sh
execute_process(
  COMMAND ${CHIME} check --format ndjson --no-progress samples/healthcare-tweets.csv
  WORKING_DIRECTORY ${SOURCE}
  OUTPUT_FILE ${OUTPUT}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "chime check failed (exit ${rc})")
endif()
file(READ ${OUTPUT} actual)
file(READ ${SOURCE}/tests/snapshots/sample.ndjson expected)
if(NOT actual STREQUAL expected)
  find_program(DIFF diff)
  if(DIFF)
    execute_process(COMMAND ${DIFF} -u ${SOURCE}/tests/snapshots/sample.ndjson ${OUTPUT})
  endif()
  message(FATAL_ERROR "The results on samples/healthcare-tweets.csv changed (new output: ${OUTPUT}).\n"
                      "If the change is intended, review it and run scripts/update-snapshot.sh.")
endif()
