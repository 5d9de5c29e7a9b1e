# Renders one view of the demo project with safermap-view under xvfb-run and compares it with
# the golden PNG at a tolerance (llvmpipe and font rasterisation may differ by a few levels).
# SAFERMAP_UPDATE_GOLDEN=1 rewrites the golden image instead; look at it before committing.
string(REPLACE "|" ";" ARGS "${ARGS}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(actual "${WORK_DIR}/actual.png")
file(REMOVE "${actual}")
# Under AddressSanitizer, leak checking is off for the viewer process only: Mesa's llvmpipe
# driver is dlopen()ed and unloaded at exit, and its init-time allocations then show up as leaks
# LSan cannot attribute. Everything GL-free (scene, tessellation, analyses) is leak-checked by
# the unit tests; address and undefined-behaviour checks stay on here.
if(DEFINED ENV{ASAN_OPTIONS})
  set(ENV{ASAN_OPTIONS} "$ENV{ASAN_OPTIONS}:detect_leaks=0")
endif()
execute_process(COMMAND xvfb-run -a "${VIEWER}" "${PROJECT}" --screenshot "${actual}" ${ARGS}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "safermap-view failed (exit ${rc}):\n${out}\n${err}")
endif()
if("$ENV{SAFERMAP_UPDATE_GOLDEN}" STREQUAL "1")
  file(COPY_FILE "${actual}" "${GOLDEN}")
  message(STATUS "updated ${GOLDEN}")
  return()
endif()
execute_process(COMMAND "${COMPARE}" "${GOLDEN}" "${actual}" 24 0.005 RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "rendering differs from ${GOLDEN} beyond the tolerance; actual image: ${actual}\n${out}${err}")
endif()
