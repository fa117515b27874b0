// The JSON shapes of a generate request and result (the wasm boundary and
// `mcp-builder generate --format json`).
#include <string>

#include "mcp_builder/generate.h"
#include "mcp_builder/json.h"
#include "mcp_builder/json_writer.h"
#include "swar.h"

namespace mcp_builder {
namespace gen {

namespace {

// Results are read by JSON parsers (the facade, `--format json`), never
// embedded in HTML, so '<' '>' '&' (common in <PLACEHOLDER>s) stay as is.
void Field(std::string* out, const char* key, std::string_view value, bool comma = true) {
  json::AppendQuoted(out, key);
  out->push_back(':');
  json::AppendQuoted(out, value, /*html_safe=*/false);
  if (comma) out->push_back(',');
}

void AppendInstalls(std::string* out, const char* key, const std::vector<Install>& list) {
  json::AppendQuoted(out, key);
  out->append(":[");
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out->push_back(',');
    out->push_back('{');
    Field(out, "kind", list[i].kind);
    Field(out, "server", list[i].server);
    Field(out, "text", list[i].text, false);
    out->push_back('}');
  }
  out->push_back(']');
}

GenerateResult Malformed(std::string message) {
  GenerateResult result;
  result.notes.push_back({"generate/bad-request", Severity::kError, std::move(message), "", ""});
  return result;
}

// {NAME: "v" | ["a", "b"]} into `out`; false (and `why`) when malformed.
bool ReadValues(const json::Value* values, std::vector<InputValue>* out, std::string* why) {
  if (!values) return true;
  if (!values->is_object()) {
    *why = "\"values\" must be an object of strings or string arrays";
    return false;
  }
  for (const json::Member& m : values->members) {
    InputValue v{std::string(m.key), {}};
    if (m.value.is_string()) {
      v.values.emplace_back(m.value.text);
    } else if (m.value.is_array()) {
      for (const json::Value& item : m.value.items) {
        if (!item.is_string()) {
          *why = "value list of \"" + v.name + "\" must hold strings only";
          return false;
        }
        v.values.emplace_back(item.text);
      }
    } else {
      *why = "value of \"" + v.name + "\" must be a string or an array of strings";
      return false;
    }
    out->push_back(std::move(v));
  }
  return true;
}

bool ReadEnum(const json::Value& root, const char* key, std::string_view a, std::string_view b,
              bool* is_b, std::string* why) {
  const json::Value* v = root.Find(key);
  if (!v) return true;
  if (!v->is_string() || (v->text != a && v->text != b)) {
    *why = std::string("\"") + key + "\" must be \"" + std::string(a) + "\" or \"" +
           std::string(b) + "\"";
    return false;
  }
  *is_b = v->text == b;
  return true;
}

}  // namespace

namespace {

// Length in UTF-16 code units (what JS strings count) of valid UTF-8: one
// per sequence, two for a 4-byte one (a surrogate pair). ASCII runs are
// counted eight bytes at a time.
size_t Utf16Length(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0, units = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size() && !swar::HasHigh(swar::Load(p + i))) {
      units += 8;
      i += 8;
      continue;
    }
    if ((p[i] & 0xC0) != 0x80) units += p[i] >= 0xF0 ? 2 : 1;  // lead bytes only
    ++i;
  }
  return units;
}

void AppendSecrets(std::string* out, const std::vector<config::SecretInfo>& secrets) {
  out->push_back('[');
  for (size_t i = 0; i < secrets.size(); ++i) {
    if (i) out->push_back(',');
    out->push_back('{');
    Field(out, "id", secrets[i].id);
    Field(out, "description", secrets[i].description);
    Field(out, "server", secrets[i].server, false);
    out->push_back('}');
  }
  out->push_back(']');
}

// The result as JSON. The ResultToJson form has "text" and "secrets"; the
// wire form has "textLength" (UTF-16 code units; the text follows the
// JSON) and "secretsRef", an index into the wire's shared secret lists
// (every target of one request has the same list).
void AppendResult(std::string* out, const GenerateResult& result, bool text_inline,
                  size_t secrets_ref = 0) {
  out->append("{\"ok\":");
  out->append(result.ok ? "true," : "false,");
  Field(out, "client", result.client);
  if (text_inline) {
    Field(out, "text", result.text);
  } else {
    out->append("\"textLength\":" + std::to_string(Utf16Length(result.text)) + ",");
  }
  out->append("\"notes\":[");
  for (size_t i = 0; i < result.notes.size(); ++i) {
    const Note& n = result.notes[i];
    if (i) out->push_back(',');
    out->push_back('{');
    Field(out, "rule", n.rule);
    Field(out, "severity", SeverityName(n.severity));
    Field(out, "message", n.message);
    Field(out, "server", n.server);
    Field(out, "input", n.input, false);
    out->push_back('}');
  }
  out->append("],");
  AppendInstalls(out, "commands", result.commands);
  out->push_back(',');
  AppendInstalls(out, "links", result.links);
  if (text_inline) {
    out->append(",\"secrets\":");
    AppendSecrets(out, result.secrets);
  } else {
    out->append(",\"secretsRef\":" + std::to_string(secrets_ref));
  }
  out->push_back('}');
}

bool SameSecrets(const std::vector<config::SecretInfo>& a,
                 const std::vector<config::SecretInfo>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].id != b[i].id || a[i].description != b[i].description || a[i].server != b[i].server) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string ResultToJson(const GenerateResult& result) {
  std::string out;
  AppendResult(&out, result, /*text_inline=*/true);
  return out;
}

std::string ResultsToWire(const std::vector<GenerateResult>& results) {
  std::vector<const std::vector<config::SecretInfo>*> lists;
  std::vector<size_t> refs;
  for (const GenerateResult& r : results) {
    size_t k = 0;
    while (k < lists.size() && !SameSecrets(*lists[k], r.secrets)) ++k;
    if (k == lists.size()) lists.push_back(&r.secrets);
    refs.push_back(k);
  }
  std::string out = "{\"secretLists\":[";
  for (size_t k = 0; k < lists.size(); ++k) {
    if (k) out.push_back(',');
    AppendSecrets(&out, *lists[k]);
  }
  out.append("],\"results\":[");
  size_t text_bytes = 0;
  for (size_t i = 0; i < results.size(); ++i) {
    if (i) out.push_back(',');
    AppendResult(&out, results[i], /*text_inline=*/false, refs[i]);
    text_bytes += results[i].text.size();
  }
  out.append("]}\n");
  out.reserve(out.size() + text_bytes);
  for (const GenerateResult& r : results) out += r.text;
  return out;
}

namespace {

// The request JSON into `request` (and "clients" into `clients` when not
// null); false with `why` when malformed.
bool ReadRequest(std::string_view request_json, GenerateRequest* request,
                 std::vector<std::string>* clients, std::string* why) {
  json::ParseOptions options;
  options.max_depth = 16;
  const json::ParseResult parsed = json::Parse(request_json, options);
  if (!parsed.ok()) {
    *why = "request is not valid JSON: " + parsed.error.message;
    return false;
  }
  const json::Value& root = parsed.value;
  if (!root.is_object()) {
    *why = "request must be a JSON object";
    return false;
  }
  if (clients) {
    const json::Value* list = root.Find("clients");
    if (list && !list->is_array()) {
      *why = "\"clients\" must be an array of ids";
      return false;
    }
    if (list) {
      for (const json::Value& id : list->items) {
        if (!id.is_string()) {
          *why = "\"clients\" must be an array of ids";
          return false;
        }
        clients->emplace_back(id.text);
      }
    } else {
      for (std::string_view id : ClientIds()) clients->emplace_back(id);
      for (std::string_view id : DeploymentIds()) clients->emplace_back(id);
    }
  } else {
    const json::Value* client = root.Find("client");
    if (!client || !client->is_string()) {
      *why = "\"client\" (a string) is required";
      return false;
    }
    request->client = std::string(client->text);
  }
  bool flag = false;
  if (!ReadEnum(root, "secrets", "placeholder", "inline", &flag, why)) return false;
  request->secrets = flag ? SecretMode::kInline : SecretMode::kPlaceholder;
  flag = false;
  if (!ReadEnum(root, "os", "posix", "windows", &flag, why)) return false;
  request->os = flag ? TargetOs::kWindows : TargetOs::kPosix;
  flag = false;
  if (!ReadEnum(root, "prefer", "local", "remote", &flag, why)) return false;
  request->prefer = flag ? Prefer::kRemote : Prefer::kLocal;
  if (!ReadValues(root.Find("values"), &request->shared_values, why)) return false;
  if (const json::Value* installs = root.Find("installs")) {
    if (!installs->is_bool()) {
      *why = "\"installs\" must be true or false";
      return false;
    }
    request->installs = installs->boolean;
  }
  const json::Value* servers = root.Find("servers");
  if (!servers || !servers->is_array()) {
    *why = "\"servers\" (an array) is required";
    return false;
  }
  for (const json::Value& s : servers->items) {
    if (!s.is_object()) {
      *why = "each of \"servers\" must be an object";
      return false;
    }
    ServerRequest sr;
    const json::Value* id = s.Find("catalogId");
    const json::Value* doc = s.Find("serverJson");
    const json::Value* name = s.Find("name");
    if ((id && !id->is_string()) || (doc && !doc->is_string()) || (name && !name->is_string())) {
      *why = "\"catalogId\", \"serverJson\" and \"name\" must be strings";
      return false;
    }
    if (!id == !doc) {
      *why = "each server needs exactly one of \"catalogId\" and \"serverJson\"";
      return false;
    }
    if (id) sr.catalog_id = std::string(id->text);
    if (doc) sr.server_json = std::string(doc->text);
    if (name) sr.name = std::string(name->text);
    if (!ReadValues(s.Find("values"), &sr.values, why)) return false;
    request->servers.push_back(std::move(sr));
  }
  return true;
}

}  // namespace

GenerateResult GenerateFromJson(std::string_view request_json) {
  GenerateRequest request;
  std::string why;
  if (!ReadRequest(request_json, &request, nullptr, &why)) return Malformed(why);
  return Generate(request);
}

std::vector<GenerateResult> GenerateAllFromJson(std::string_view request_json) {
  GenerateRequest request;
  std::vector<std::string> clients;
  std::string why;
  if (!ReadRequest(request_json, &request, &clients, &why)) return {Malformed(why)};
  return GenerateAll(request, clients);
}

}  // namespace gen
}  // namespace mcp_builder
