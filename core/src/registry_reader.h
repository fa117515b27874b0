// The single walk over a parsed server.json that builds the model
// (registry.h) and reports every schema and semantic finding with its
// position and JSON pointer. Private to core/.
//
// One walk, not a schema pass plus a model pass, so the field list of each
// object lives in exactly one place. Rule ids are listed in README.md.
#ifndef MCP_BUILDER_SRC_REGISTRY_READER_H_
#define MCP_BUILDER_SRC_REGISTRY_READER_H_

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "mcp_builder/diagnostic.h"
#include "mcp_builder/json.h"
#include "mcp_builder/registry.h"
#include "text_checks.h"

namespace mcp_builder {
namespace registry {

/// A run of known member names (a prefix of a constant array).
struct KeyList {
  const std::string_view* keys;
  size_t size;
  const std::string_view* begin() const { return keys; }
  const std::string_view* end() const { return keys + size; }
};

class Reader {
 public:
  // `source` is the text `root` was parsed from (for verbatim slices).
  Reader(std::string_view source, const ValidateOptions& options,
         ValidationReport* report)
      : source_(source), options_(options), report_(report) {
    path_.reserve(16);  // deeper than any schema-defined path
  }

  void ReadServer(const json::Value& root, Server* out);
  /// Appends the report/truncated note if findings were dropped.
  void Finish();

 private:
  // --- path and reporting (registry_reader.cc) ---
  struct Segment {
    std::string_view key;
    size_t index;
    bool is_index;
  };
  class Scope {
   public:
    Scope(Reader* r, std::string_view key) : r_(r) {
      r_->path_.push_back({key, 0, false});
    }
    Scope(Reader* r, size_t index) : r_(r) {
      r_->path_.push_back({{}, index, true});
    }
    ~Scope() { r_->path_.pop_back(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Reader* r_;
  };

  std::string Pointer() const;
  void Report(const char* rule, Severity severity, const json::Position& pos,
              std::string message);

  // Calls fn(key, value) for known members (inside a Scope for the key);
  // reports duplicate keys and unknown keys, keeping the unknown ones.
  // `known` is any range of std::string_view (an array or a braced list).
  template <typename Keys, typename Fn>
  void ForEachMember(const json::Value& object, const Keys& known,
                     Extra* extra, Fn&& fn);
  std::string SourceOf(const json::Value& v) const {
    return std::string(source_.substr(v.pos.offset, v.end - v.pos.offset));
  }
  void CheckDuplicateKeys(const json::Value& object);
  void CheckDuplicateKeysDeep(const json::Value& value, int depth);
  void Require(const json::Value& object,
               std::initializer_list<const char*> names);

  bool ExpectType(const json::Value& v, json::Type type);
  std::string_view String(const json::Value& v);  // "" if not a string
  bool Bool(const json::Value& v);
  std::vector<std::string> StringArray(const json::Value& v);
  void Enum(const json::Value& v, std::string_view value,
            std::initializer_list<const char*> allowed);
  void Uri(const json::Value& v, std::string_view value);
  void Length(const json::Value& v, std::string_view value, size_t min,
              size_t max, const char* rule);
  void ServerVersion(const json::Value& v, std::string_view value);
  void PackageVersion(const json::Value& v, std::string_view value);

  // --- document structure (registry_reader.cc) ---
  void ReadSchemaUrl(const json::Value& v, std::string* out);
  void ReadRepository(const json::Value& v, Repository* out);
  void ReadIcon(const json::Value& v, Icon* out);
  void ReadPackage(const json::Value& v, Package* out);
  void CheckPackage(const json::Value& v, const Package& p);
  void ReadTransport(const json::Value& v, bool remote, Transport* out);
  void CheckRemoteUrl(const json::Value& v, const Transport& t);
  template <typename T, typename Fn>
  void ReadArray(const json::Value& v, std::vector<T>* out, Fn&& read_one);

  // --- inputs and arguments (registry_inputs.cc) ---
  enum class KeyKind { kEnv, kHeader };
  void ReadInputMember(std::string_view key, const json::Value& v, Input* out);
  void CheckInput(const json::Value& v, const Input& in);
  void ReadInput(const json::Value& v, Input* out);
  void ReadVariables(const json::Value& v, std::vector<Variable>* out);
  void CheckTemplate(const json::Value& v, const InputWithVariables& in);
  void ReadKeyValue(const json::Value& v, KeyKind kind, KeyValueInput* out);
  void ReadArgument(const json::Value& v, Argument* out);
  void CheckUniqueNames(const json::Value& array,
                        const std::vector<KeyValueInput>& items,
                        KeyKind kind);
  // URL {references} must name something declared; severity error, since
  // an unresolved brace pair cannot form a working URL.
  void CheckUrlReferences(const json::Value& url_value, std::string_view url,
                          const std::vector<std::string>& declared,
                          const char* what);

  std::string_view source_;
  const ValidateOptions& options_;
  ValidationReport* report_;
  std::vector<Segment> path_;
  size_t dropped_ = 0;
};

// Member templates, used by both registry_reader.cc and registry_inputs.cc.

template <typename Keys, typename Fn>
inline void Reader::ForEachMember(const json::Value& object, const Keys& known,
                                  Extra* extra, Fn&& fn) {
  CheckDuplicateKeys(object);
  for (const json::Member& m : object.members) {
    Scope scope(this, m.key);
    if (std::any_of(std::begin(known), std::end(known),
                    [&](std::string_view k) { return m.key == k; })) {
      fn(std::string_view(m.key), m.value);
      continue;
    }
    const std::string suggestion = text::DidYouMean(
        m.key, std::vector<std::string_view>(std::begin(known), std::end(known)));
    if (!suggestion.empty()) {
      Report("schema/misspelled-field", Severity::kWarning, m.key_pos,
             "unknown field " + text::Quoted(m.key) + " is ignored; did you mean '" +
                 suggestion + "'?");
    } else {
      Report("schema/unknown-field", Severity::kInfo, m.key_pos,
             "field " + text::Quoted(m.key) + " is not part of server.json " +
                 kSchemaVersion + "; it is kept but clients ignore it");
    }
    CheckDuplicateKeysDeep(m.value, 1);
    if (extra != nullptr) {
      extra->push_back({std::string(m.key), SourceOf(m.value)});
    }
  }
}

template <typename T, typename Fn>
void Reader::ReadArray(const json::Value& v, std::vector<T>* out, Fn&& read_one) {
  if (!ExpectType(v, json::Type::kArray)) return;
  // A duplicate key (reported) is read again: start over, so the model
  // holds the last occurrence, as JSON.parse would, never a mix of both.
  out->clear();
  out->resize(v.items.size());
  for (size_t i = 0; i < v.items.size(); ++i) {
    Scope scope(this, i);
    read_one(v.items[i], &(*out)[i]);
  }
}

}  // namespace registry
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_REGISTRY_READER_H_
