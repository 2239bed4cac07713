# Every Catch2 TEST_CASE must reach CTest: catch_discover_tests reads the names back as a CMake
# list, so a ';' splits a name and a '[' makes Catch read a tag; either silently drops tests from
# the run. This check fails on such a name, naming the file.
#   cmake -DSOURCE_DIR=... -P tests/unit_test_names.cmake
file(GLOB sources "${SOURCE_DIR}/tests/unit/*.cpp")
set(bad "")
foreach(source IN LISTS sources)
  file(STRINGS "${source}" lines REGEX "TEST_CASE\\(\"")
  foreach(line IN LISTS lines)
    string(REGEX MATCH "TEST_CASE\\(\"[^\"]*\"" name "${line}")
    if(name MATCHES "\\[")
      string(APPEND bad "\n  ${source}: ${name}")
    endif()
  endforeach()
  # A ';' inside a name splits `lines` itself: look for it in the raw text.
  file(READ "${source}" text)
  string(REGEX MATCHALL "TEST_CASE\\(\"[^\"\n]*;[^\"\n]*\"" semis "${text}")
  if(semis)
    string(APPEND bad "\n  ${source}: a test name with ';'")
  endif()
endforeach()
if(bad)
  message(FATAL_ERROR "test names CTest cannot discover (no ';' or '[' in a TEST_CASE name):${bad}")
endif()
