// Any bytes as a catalog bundle: Load accepts or refuses with a reason, and
// whatever it accepted can be searched and read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mcp_builder/catalog.h"
#include "mcp_builder/json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  if (!mcp_builder::catalog::Load(text, &error)) {
    if (error.empty()) std::abort();
    return 0;
  }
  for (const mcp_builder::catalog::Entry& e : mcp_builder::catalog::Entries()) {
    (void)mcp_builder::catalog::Model(e);
    if (mcp_builder::catalog::Find(e.id) == nullptr) std::abort();
  }
  if (!mcp_builder::json::Parse(mcp_builder::catalog::SearchToJson({"a"})).ok()) std::abort();
  return 0;
}
