#include "mcp_builder/client_config.h"

namespace mcp_builder {
namespace config {

void Text::Append(const Text& other) {
  for (const Piece& p : other.pieces) {
    if (p.secret.empty() && p.text.empty()) continue;
    if (p.secret.empty() && !pieces.empty() && pieces.back().secret.empty() &&
        pieces.back().sensitive == p.sensitive) {
      pieces.back().text += p.text;  // keep literal runs in one piece
    } else {
      pieces.push_back(p);
    }
  }
}

bool Text::HasSecret() const {
  for (const Piece& p : pieces) {
    if (!p.secret.empty()) return true;
  }
  return false;
}

bool Text::HasSensitive() const {
  for (const Piece& p : pieces) {
    if (!p.secret.empty() || p.sensitive) return true;
  }
  return false;
}

std::string_view Text::SoleSecret() const {
  size_t secrets = 0;
  std::string_view id;
  for (const Piece& p : pieces) {
    if (!p.secret.empty()) {
      ++secrets;
      id = p.secret;
    } else if (!p.text.empty()) {
      return "";
    }
  }
  return secrets == 1 ? id : std::string_view();
}

}  // namespace config
}  // namespace mcp_builder
