# Builds the catalog bundle from INDEX (core/catalog/index.json) and the
# server files it lists:
#   BUNDLE: catalog.json, {"version":1,"servers":[{"id","category",
#           "keywords","server": <the server.json, as written>}]}
#   OUTPUT: a C++ source defining kEmbeddedCatalog, the bundle text when
#           EMBED is ON, else "" (the wasm build loads catalog.json at run
#           time instead: data is cheaper to ship than code).
# Run at build time:
#   cmake -DINDEX=... -DBUNDLE=... -DOUTPUT=... -DEMBED=ON -P embed-catalog.cmake
# The JSON is checked by the catalog tests, not here; this only packs it.
cmake_minimum_required(VERSION 3.21)  # string(JSON), file(COPY_FILE)

file(READ "${INDEX}" index)
get_filename_component(dir "${INDEX}" DIRECTORY)
string(JSON count LENGTH "${index}" servers)
set(bundle "{\"version\":1,\"servers\":[")
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  string(JSON entry GET "${index}" servers ${i})
  string(JSON file GET "${entry}" file)
  file(READ "${dir}/${file}" json)
  # Drop the indentation: JSON strings cannot hold a raw line break, so a
  # line break and the spaces after it are always between tokens.
  string(REGEX REPLACE "\r?\n[ \t]*" "" json "${json}")
  foreach(field id category)
    string(JSON value GET "${entry}" ${field})
    if(NOT value MATCHES "^[a-z0-9-]+$")
      message(FATAL_ERROR "catalog ${field} '${value}' of ${file} is not [a-z0-9-]+")
    endif()
  endforeach()
  string(JSON id GET "${entry}" id)
  string(JSON category GET "${entry}" category)
  string(JSON keywords GET "${entry}" keywords)
  string(REGEX REPLACE "\r?\n[ \t]*" "" keywords "${keywords}")
  if(i GREATER 0)
    string(APPEND bundle ",")
  endif()
  string(APPEND bundle "{\"id\":\"${id}\",\"category\":\"${category}\",\"keywords\":${keywords},\"server\":${json}}")
endforeach()
string(APPEND bundle "]}")

string(FIND "${bundle}" ")mcpcatalog\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "the catalog contains the raw-string delimiter )mcpcatalog\"")
endif()
if(EMBED)
  set(literal "R\"mcpcatalog(${bundle})mcpcatalog\"")
else()
  set(literal "\"\"")
endif()
file(WRITE "${OUTPUT}.tmp" "// Generated from core/catalog by cmake/embed-catalog.cmake. Do not edit.
#include \"catalog_data.h\"

namespace mcp_builder {
namespace catalog {

const char* const kEmbeddedCatalog = ${literal};

}  // namespace catalog
}  // namespace mcp_builder
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(WRITE "${BUNDLE}.tmp" "${bundle}\n")
file(COPY_FILE "${BUNDLE}.tmp" "${BUNDLE}" ONLY_IF_DIFFERENT)
