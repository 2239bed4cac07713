# The authoring module: subsim-authoring.js/.wasm, a MODULARIZE factory `SubSimAuthoring` with the
# reader's entry points plus field_guide, calendar_ics, timeline_svg, timeline_png and
# sentence_table_html (authoring_bindings.cpp). The page loads it only when an author opens the
# tools (web/src/authoring), so the reader's subsim.wasm carries no renderer, calendar or field guide.
# Included at the end of wasm/CMakeLists.txt: the compile and link options are read from the
# reader's target (subsim_wasm), so both modules are built the same way; only the output name and
# the factory's name differ (a later -sEXPORT_NAME wins).
add_executable(subsim_authoring authoring_bindings.cpp ${SUBSIM_WASM_EXTRA_SOURCES})
set_target_properties(subsim_authoring PROPERTIES OUTPUT_NAME subsim-authoring SUFFIX ".js")
target_link_libraries(subsim_authoring PRIVATE subsim_core)
target_include_directories(subsim_authoring PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
foreach(property COMPILE_DEFINITIONS COMPILE_OPTIONS LINK_OPTIONS LINK_DEPENDS)
  get_target_property(value subsim_wasm ${property})
  if(value)
    set_property(TARGET subsim_authoring PROPERTY ${property} "${value}")
  endif()
endforeach()
target_link_options(subsim_authoring PRIVATE -sEXPORT_NAME=SubSimAuthoring)
