# The reviewed snapshot: every result of `chime check` on the bundled sample
# (samples/healthcare-tweets.csv) must match tests/snapshots/sample.ndjson
# byte for byte. Refresh it after reviewing a change: scripts/update-snapshot.sh
add_test(NAME snapshot_sample
         COMMAND ${CMAKE_COMMAND} -DCHIME=$<TARGET_FILE:chime> -DSOURCE=${PROJECT_SOURCE_DIR}
                 -DOUTPUT=${CMAKE_CURRENT_BINARY_DIR}/sample.ndjson
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/snapshots/compare.cmake)
