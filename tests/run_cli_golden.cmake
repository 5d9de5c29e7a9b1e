# Runs the safermap CLI in a fresh WORK_DIR, requires exit code 0 and an empty stderr, and
# compares stdout with GOLDEN (WORK_DIR is written as <work>). Set SAFERMAP_UPDATE_GOLDEN=1 in
# the environment to rewrite the golden file instead (the explicit --update-golden path).
string(REPLACE "|" ";" ARGS "${ARGS}")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
list(GET ARGS 0 first)
if(first STREQUAL "demo")
  # "demo" builds the Ashfield project in WORK_DIR, then runs the remaining arguments
  # (or `info ashfield.gpkg` when there are none).
  list(REMOVE_AT ARGS 0)
  if(NOT ARGS)
    set(ARGS info ashfield.gpkg)
  endif()
  execute_process(COMMAND bash "${SOURCE_DIR}/scripts/demo/import-ashfield.sh" "${SAFERMAP}" "${WORK_DIR}/ashfield.gpkg"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE import_out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
    message(FATAL_ERROR "demo import failed (exit ${rc}):\n${err}")
  endif()
  execute_process(COMMAND "${SAFERMAP}" ${ARGS} WORKING_DIRECTORY "${WORK_DIR}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
else()
  # "A && B": commands run in turn in WORK_DIR (each must succeed quietly); the last one's
  # stdout is compared.
  list(FIND ARGS "&&" split)
  while(NOT split EQUAL -1)
    list(SUBLIST ARGS 0 ${split} setup)
    math(EXPR rest "${split} + 1")
    list(SUBLIST ARGS ${rest} -1 ARGS)
    execute_process(COMMAND "${SAFERMAP}" ${setup} WORKING_DIRECTORY "${WORK_DIR}"
                    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
      message(FATAL_ERROR "setup command ${setup} failed (exit ${rc}):\n${err}")
    endif()
    list(FIND ARGS "&&" split)
  endwhile()
  execute_process(COMMAND "${SAFERMAP}" ${ARGS} WORKING_DIRECTORY "${WORK_DIR}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exit code ${rc}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT err STREQUAL "")
  message(FATAL_ERROR "stderr must be empty, got:\n${err}")
endif()
string(REPLACE "${WORK_DIR}" "<work>" out "${out}")
string(REPLACE "${SOURCE_DIR}" "<src>" out "${out}")
if("$ENV{SAFERMAP_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE "${GOLDEN}" "${out}")
  message(STATUS "updated ${GOLDEN}")
  return()
endif()
file(READ "${GOLDEN}" expected)
if(NOT out STREQUAL expected)
  file(WRITE "${WORK_DIR}/actual.txt" "${out}")
  message(FATAL_ERROR "output differs from ${GOLDEN}; actual output in ${WORK_DIR}/actual.txt\n${out}")
endif()
