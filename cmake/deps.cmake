# All third-party dependencies in one place (STYLE.md rule 14).
#
# RE2: one pinned, checksum-verified source release (scripts/lib/fetch-re2.sh)
# compiled by both toolchains, so native and wasm behave the same.
set(MCP_BUILDER_RE2_DIR "${PROJECT_SOURCE_DIR}/.cache/re2-1.19.1"
    CACHE PATH "Verified RE2 source tree (vendor/ of npm re2@1.19.1)")
if(NOT EXISTS "${MCP_BUILDER_RE2_DIR}/re2/re2.cc")
  execute_process(
    COMMAND bash "${PROJECT_SOURCE_DIR}/scripts/lib/fetch-re2.sh" "${MCP_BUILDER_RE2_DIR}"
    RESULT_VARIABLE fetch_result)
  if(NOT fetch_result EQUAL 0)
    message(FATAL_ERROR "Could not fetch and verify the RE2 source (see above).")
  endif()
endif()

set(RE2_SOURCES
  bitmap256.cc bitstate.cc compile.cc dfa.cc filtered_re2.cc mimics_pcre.cc nfa.cc
  onepass.cc parse.cc perl_groups.cc prefilter.cc prefilter_tree.cc prog.cc
  re2.cc regexp.cc set.cc simplify.cc stringpiece.cc tostring.cc
  unicode_casefold.cc unicode_groups.cc)
list(TRANSFORM RE2_SOURCES PREPEND "${MCP_BUILDER_RE2_DIR}/re2/")
add_library(mcp_builder_re2 STATIC ${RE2_SOURCES}
  "${MCP_BUILDER_RE2_DIR}/util/rune.cc" "${MCP_BUILDER_RE2_DIR}/util/strutil.cc")
add_library(re2::re2 ALIAS mcp_builder_re2)
target_include_directories(mcp_builder_re2 SYSTEM PUBLIC "${MCP_BUILDER_RE2_DIR}")
target_compile_features(mcp_builder_re2 PUBLIC cxx_std_17)
# No threads in the wasm build; RE2's mutex falls back to a no-op without them.
if(EMSCRIPTEN)
  target_compile_definitions(mcp_builder_re2 PUBLIC NO_THREADS)
else()
  find_package(Threads REQUIRED)
  target_link_libraries(mcp_builder_re2 PUBLIC Threads::Threads)
endif()
target_compile_options(mcp_builder_re2 PRIVATE -w)
if(EMSCRIPTEN)
  target_compile_options(mcp_builder_re2 PRIVATE -flto)  # see cmake/emscripten.cmake
endif()
set_target_properties(mcp_builder_re2 PROPERTIES POSITION_INDEPENDENT_CODE ON)

if(MCP_BUILDER_BUILD_TESTS)
  # nlohmann/json: an independent JSON parser the tests compare ours against.
  # Under Emscripten /usr/include must not be on the include path
  # (TOOLCHAIN.md), so point at a folder holding only nlohmann.
  if(EMSCRIPTEN)
    set(nlohmann_root "${CMAKE_BINARY_DIR}/_nlohmann")
    file(MAKE_DIRECTORY "${nlohmann_root}")
    if(NOT EXISTS "${nlohmann_root}/nlohmann")
      file(CREATE_LINK /usr/include/nlohmann "${nlohmann_root}/nlohmann" SYMBOLIC)
    endif()
    add_library(nlohmann_json INTERFACE)
    target_include_directories(nlohmann_json SYSTEM INTERFACE "${nlohmann_root}")
    add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)

    # GoogleTest from Debian's libgtest-dev source tree, built with em++.
    set(gtest_root /usr/src/googletest/googletest)
    add_library(mcp_builder_gtest STATIC "${gtest_root}/src/gtest-all.cc"
                "${gtest_root}/src/gtest_main.cc")
    target_include_directories(mcp_builder_gtest SYSTEM PUBLIC "${gtest_root}/include"
                               PRIVATE "${gtest_root}")
    target_compile_definitions(mcp_builder_gtest PUBLIC GTEST_HAS_PTHREAD=0)
    target_compile_options(mcp_builder_gtest PRIVATE -w)
    add_library(GTest::gtest_main ALIAS mcp_builder_gtest)
  else()
    find_package(nlohmann_json 3.10 REQUIRED)
    find_package(GTest REQUIRED)
  endif()
endif()
