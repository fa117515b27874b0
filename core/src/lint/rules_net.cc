// net/*: where a server connects and listens. Rules and sources:
// reference/security.md §6.7 (NET-01..03, SEC-03/04): the MCP
// specification's transport guidance (TLS except on loopback, block private
// ranges), the OWASP MCP and REST cheat sheets (no secrets in URLs).
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "lint/analysis.h"
#include "mcp_builder/secrets.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

namespace {

struct Url {
  std::string scheme, userinfo, host, query;
};

// A loose RFC 3986 split: enough to judge scheme, credentials, host and
// query of what a config holds. False when `s` is not scheme://...
bool SplitUrl(std::string_view s, Url* u) {
  const size_t colon = s.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    if (!std::isalnum(static_cast<unsigned char>(s[i])) && s[i] != '+' && s[i] != '-' && s[i] != '.') return false;
  }
  u->scheme.assign(s.substr(0, colon));
  for (char& c : u->scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view rest = s.substr(colon + 3);
  const size_t end = std::min(rest.find_first_of("/?#"), rest.size());
  std::string_view authority = rest.substr(0, end);
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    u->userinfo.assign(authority.substr(0, at));
    authority.remove_prefix(at + 1);
  }
  if (!authority.empty() && authority[0] == '[') {
    u->host.assign(authority.substr(1, authority.find(']') - 1));
  } else {
    u->host.assign(authority.substr(0, authority.find(':')));
  }
  for (char& c : u->host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const size_t q = rest.find('?');
  if (q != std::string_view::npos) u->query.assign(rest.substr(q + 1, rest.find('#', q) - q - 1));
  return true;
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0 ||
         (host.size() > 10 && host.compare(host.size() - 10, 10, ".localhost") == 0);
}

// Dotted IPv4 into its four octets.
bool Ipv4(const std::string& host, int octets[4]) {
  int n = 0;
  size_t i = 0;
  while (n < 4) {
    if (i >= host.size() || !std::isdigit(static_cast<unsigned char>(host[i]))) return false;
    int v = 0;
    size_t digits = 0;
    while (i < host.size() && std::isdigit(static_cast<unsigned char>(host[i])) && digits < 4) {
      v = v * 10 + (host[i++] - '0');
      ++digits;
    }
    if (v > 255) return false;
    octets[n++] = v;
    if (n < 4 && (i >= host.size() || host[i++] != '.')) return false;
  }
  return i == host.size();
}

// "cloud metadata", "private" or "" for a host.
const char* AddressKind(const std::string& host) {
  if (host == "169.254.169.254" || host == "metadata.google.internal" || host == "100.100.100.200" ||
      host == "fd00:ec2::254" || host == "metadata.azure.internal") {
    return "cloud metadata";
  }
  int o[4];
  if (Ipv4(host, o)) {
    if (o[0] == 10 || (o[0] == 172 && o[1] >= 16 && o[1] <= 31) || (o[0] == 192 && o[1] == 168) ||
        (o[0] == 169 && o[1] == 254) || (o[0] == 100 && o[1] >= 64 && o[1] <= 127)) {
      return "private";
    }
    return "";
  }
  if (host.rfind("fc", 0) == 0 || host.rfind("fd", 0) == 0 || host.rfind("fe80:", 0) == 0) {
    return host.find(':') != std::string::npos ? "private" : "";
  }
  return "";
}

bool SecretParam(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  name.erase(std::remove_if(name.begin(), name.end(), [](char c) { return c == '_' || c == '-'; }), name.end());
  static const char* const kNames[] = {"apikey", "key", "token", "accesstoken", "authtoken", "secret",
                                       "clientsecret", "auth", "password", "pass", "pwd", "sig", "signature",
                                       "apitoken", "privatetoken", "sessiontoken", "code"};
  return std::any_of(std::begin(kNames), std::end(kNames), [&](const char* k) { return name == k; });
}

class NetChecker {
 public:
  // `secret_offsets`: where secret/* findings start, sorted.
  NetChecker(ReadContext* ctx, const ReadEntry& e, const std::vector<uint32_t>& secret_offsets)
      : ctx_(ctx), e_(e), secret_offsets_(secret_offsets) {}

  void Run() {
    if (e_.url.node) CheckUrl(e_.url, true);
    for (const Field& a : e_.args) {
      if (a.node->text.find("://") != std::string_view::npos) CheckUrl(a, false);
    }
    Binds();
  }

 private:
  // A secret/* finding already covers this value (the scanner saw the
  // credential): do not report it twice.
  bool SecretReported(const Field& f) const {
    const auto it = std::lower_bound(secret_offsets_.begin(), secret_offsets_.end(), f.node->pos.offset);
    return it != secret_offsets_.end() && *it < f.node->end;
  }

  void CheckUrl(const Field& f, bool endpoint) {
    const std::string_view raw = f.node->text;
    // The URL may sit inside an argument ("--url=http://...").
    const size_t scheme = raw.find("://");
    if (scheme == std::string_view::npos) return;  // not a URL (a bad "url" is the reader's)
    size_t start = scheme;
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(raw[start - 1])) || raw[start - 1] == '+' ||
                         raw[start - 1] == '-' || raw[start - 1] == '.')) {
      --start;
    }
    Url u;
    if (!SplitUrl(raw.substr(start), &u)) return;
    const std::string& server = e_.entry.name;
    if ((u.scheme == "http" || u.scheme == "ws") && !u.host.empty() && !IsLoopback(u.host)) {
      ctx_->AddAt("net/insecure-http", endpoint ? Severity::kError : Severity::kWarning,
                  text::Quoted(server) + " connects to " + u.host + " over plain " + u.scheme +
                      "://: anyone on the network can read and change the traffic, tokens included; use " +
                      (u.scheme == "ws" ? "wss://" : "https://"),
                  *f.node, f.pointer);
    }
    if (const char* kind = AddressKind(u.host); *kind) {
      const bool metadata = std::string(kind) == "cloud metadata";
      ctx_->AddAt("net/private-address", metadata ? Severity::kError : Severity::kWarning,
                  text::Quoted(server) + " points at " + u.host + ", a " + kind + " address" +
                      (metadata ? ": it hands out the machine's cloud credentials" : ": check this is intended"),
                  *f.node, f.pointer);
    }
    const size_t colon = u.userinfo.find(':');
    if (colon != std::string::npos && colon + 1 < u.userinfo.size() &&
        !secrets::IsPlaceholder(u.userinfo.substr(colon + 1)) && !SecretReported(f)) {
      ctx_->AddAt("net/url-credentials", Severity::kError,
                  text::Quoted(server) + " has a password in a URL (" + u.scheme + "://" +
                      u.userinfo.substr(0, colon) + ":****@" + u.host +
                      "): URLs end up in logs and process lists; pass credentials in the environment",
                  *f.node, f.pointer);
    }
    for (const text::QueryParam& p : text::QueryParams(u.query)) {
      if (!p.value.empty() && SecretParam(std::string(p.name)) && !secrets::IsPlaceholder(p.value) &&
          p.name.find("${") == std::string_view::npos && p.value.find("${") == std::string_view::npos &&
          !SecretReported(f)) {
        ctx_->AddAt("net/secret-in-url", Severity::kError,
                    text::Quoted(server) + " sends " + text::Quoted(p.name) +
                        " in the URL's query string: URLs are logged by proxies and servers; send it in a "
                        "header, with a placeholder",
                    *f.node, f.pointer);
        break;
      }
    }
  }

  void Binds() {
    auto all_interfaces = [](std::string_view v) {
      return v == "0.0.0.0" || v == "::" || v == "[::]" || v.rfind("0.0.0.0:", 0) == 0 || v.rfind("[::]:", 0) == 0;
    };
    for (size_t i = 0; i < e_.args.size(); ++i) {
      std::string_view a = e_.args[i].node->text;
      const size_t eq = a.find('=');
      const bool flag_value = eq != std::string_view::npos && a.substr(0, 1) == "-";
      if (flag_value) a.remove_prefix(eq + 1);
      const bool after_flag = i > 0 && e_.args[i - 1].node->text.substr(0, 1) == "-";
      if (all_interfaces(a) && (flag_value || after_flag)) Bind(e_.args[i]);
    }
    for (size_t i = 0; i < e_.env.size(); ++i) {
      std::string name = e_.entry.env[i].name;
      for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const bool host_var = name.find("HOST") != std::string::npos || name.find("BIND") != std::string::npos ||
                            name.find("LISTEN") != std::string::npos || name.find("ADDR") != std::string::npos;
      if (host_var && e_.env[i].node->is_string() && all_interfaces(e_.env[i].node->text)) Bind(e_.env[i]);
    }
  }

  void Bind(const Field& f) {
    ctx_->AddAt("net/bind-all-interfaces", Severity::kWarning,
                text::Quoted(e_.entry.name) + " listens on every network interface (" +
                    std::string(f.node->text) +
                    "): other machines on the network can reach it; bind 127.0.0.1 instead",
                *f.node, f.pointer);
  }

  ReadContext* ctx_;
  const ReadEntry& e_;
  const std::vector<uint32_t>& secret_offsets_;
};

}  // namespace

void NetRules(ReadContext* ctx) {
  std::vector<uint32_t> secret_offsets;
  for (const Issue& i : ctx->issues) {
    if (i.finding.rule.rfind("secret/", 0) == 0) secret_offsets.push_back(i.finding.offset);
  }
  std::sort(secret_offsets.begin(), secret_offsets.end());
  for (const ReadEntry& e : ctx->entries) NetChecker(ctx, e, secret_offsets).Run();
}

}  // namespace lint
}  // namespace mcp_builder
