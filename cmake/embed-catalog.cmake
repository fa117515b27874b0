# Writes OUTPUT, a C++ source holding the catalog (INDEX and the server
# files it lists) as string literals. Run at build time:
#   cmake -DINDEX=core/catalog/index.json -DOUTPUT=catalog_data.cc -P embed-catalog.cmake
# The JSON is checked by the catalog tests, not here; this only embeds it.
cmake_minimum_required(VERSION 3.19)  # string(JSON)

file(READ "${INDEX}" index)
get_filename_component(dir "${INDEX}" DIRECTORY)
string(JSON count LENGTH "${index}" servers)
set(body "")
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  string(JSON id GET "${index}" servers ${i} id)
  string(JSON file GET "${index}" servers ${i} file)
  string(JSON category GET "${index}" servers ${i} category)
  string(JSON nkeywords LENGTH "${index}" servers ${i} keywords)
  set(keywords "")
  if(nkeywords GREATER 0)
    math(EXPR klast "${nkeywords} - 1")
    foreach(k RANGE ${klast})
      string(JSON word GET "${index}" servers ${i} keywords ${k})
      if(keywords STREQUAL "")
        set(keywords "${word}")
      else()
        set(keywords "${keywords},${word}")
      endif()
    endforeach()
  endif()
  file(READ "${dir}/${file}" json)
  string(FIND "${json}" ")mcpjson\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw-string delimiter )mcpjson\"")
  endif()
  foreach(field id category keywords)
    if(NOT "${${field}}" MATCHES "^[A-Za-z0-9 ,._+-]*$")
      message(FATAL_ERROR "catalog ${field} '${${field}}' of ${file} has characters outside [A-Za-z0-9 ,._+-]")
    endif()
  endforeach()
  string(APPEND body "    {\"${id}\", \"${category}\", \"${keywords}\", R\"mcpjson(${json})mcpjson\"},\n")
endforeach()

file(WRITE "${OUTPUT}.tmp" "// Generated from core/catalog by cmake/embed-catalog.cmake. Do not edit.
#include \"catalog_data.h\"

namespace mcp_builder {
namespace catalog {

const RawEntry kRawEntries[] = {
${body}};
const size_t kRawEntryCount = sizeof(kRawEntries) / sizeof(kRawEntries[0]);

}  // namespace catalog
}  // namespace mcp_builder
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
