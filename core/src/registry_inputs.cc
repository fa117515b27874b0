// server.json walk: inputs, {variables}, environment variables, headers and
// arguments (schema Input, InputWithVariables, KeyValueInput, *Argument).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <utility>

#include "registry_reader.h"
#include "text_checks.h"

namespace mcp_builder {
namespace registry {

using json::Type;
using json::Value;

namespace {

bool HasReferences(std::string_view s) {
  return !text::FindReferences(s).empty();
}


bool FitsFormat(const std::string& format, std::string_view s) {
  if (format == "number") return text::IsDecimal(s);
  if (format == "boolean") return s == "true" || s == "false";
  return true;
}

constexpr std::string_view kInputKeys[] = {
    "description", "isRequired", "format", "value", "isSecret",
    "default", "placeholder", "choices"};
constexpr std::string_view kKeyValueKeys[] = {
    "description", "isRequired", "format", "value",     "isSecret",
    "default",     "placeholder", "choices", "variables", "name"};
constexpr std::string_view kArgumentKeys[] = {
    "description", "isRequired", "format",    "value", "isSecret",
    "default",     "placeholder", "choices",  "variables", "type",
    "name",        "valueHint",   "isRepeated"};

}  // namespace

// Reads one of the members shared by every Input; other keys are ignored.
void Reader::ReadInputMember(std::string_view key, const Value& v, Input* out) {
  if (key == "description") {
    out->description = String(v);
  } else if (key == "isRequired") {
    out->is_required = Bool(v);
  } else if (key == "format") {
    out->format = String(v);
    Enum(v, out->format, {"string", "number", "boolean", "filepath"});
  } else if (key == "value") {
    out->value = String(v);
  } else if (key == "isSecret") {
    out->is_secret = Bool(v);
  } else if (key == "default") {
    out->default_value = String(v);
  } else if (key == "placeholder") {
    out->placeholder = String(v);
  } else if (key == "choices") {
    out->choices = StringArray(v);
  }
}

// Semantic checks of one input, run with the path at the input object.
void Reader::CheckInput(const Value& v, const Input& in) {
  const Value* def = v.Find("default");
  const Value* value = v.Find("value");
  const Value* choices = v.Find("choices");
  if (in.is_secret && def != nullptr && def->is_string()) {
    Scope scope(this, "default");
    Report("semantic/secret-default", Severity::kError, def->pos,
           "a secret input must not have a default: the default is published "
           "with the server's metadata for anyone to read");
  }
  if (in.is_secret && value != nullptr && value->is_string() &&
      !HasReferences(value->text)) {
    Scope scope(this, "value");
    Report("semantic/secret-value", Severity::kWarning, value->pos,
           "a secret input has a fixed value, which publishes it; use "
           "{variables} marked isSecret for the secret part instead");
  }
  if (choices != nullptr && choices->is_array() && choices->items.empty()) {
    Scope scope(this, "choices");
    Report("semantic/empty-choices", Severity::kWarning, choices->pos,
           "choices is empty, so no value can ever be valid; remove it or "
           "list the allowed values");
  }
  // default and a fixed value must be valid values: in choices, and of the
  // declared format. Templates ({name}) are checked once substituted.
  for (const char* key : {"default", "value"}) {
    const Value* f = v.Find(key);
    if (f == nullptr || !f->is_string() || HasReferences(f->text)) continue;
    Scope scope(this, key);
    if (!in.choices.empty() &&
        std::find(in.choices.begin(), in.choices.end(), f->text) ==
            in.choices.end()) {
      Report("semantic/not-in-choices", Severity::kError, f->pos,
             std::string(key) + " " + text::Quoted(f->text) +
                 " is not one of the choices");
    }
    if (!FitsFormat(in.format, f->text)) {
      Report("semantic/format-mismatch", Severity::kError, f->pos,
             std::string(key) + " " + text::Quoted(f->text) +
                 (in.format == "boolean" ? " is not 'true' or 'false'"
                                         : " is not a decimal number") +
                 " (format is " + in.format + ")");
    }
  }
  if (choices != nullptr && choices->is_array()) {
    for (size_t i = 0; i < choices->items.size(); ++i) {
      const Value& c = choices->items[i];
      if (!c.is_string() || FitsFormat(in.format, c.text)) continue;
      Scope s1(this, "choices");
      Scope s2(this, i);
      Report("semantic/format-mismatch", Severity::kError, c.pos,
             "choice " + text::Quoted(c.text) + " does not match format " +
                 in.format);
    }
  }
}

void Reader::ReadInput(const Value& v, Input* out) {
  if (!ExpectType(v, Type::kObject)) return;
  ForEachMember(v, kInputKeys, &out->extra,
                [&](std::string_view key, const Value& f) {
                  ReadInputMember(key, f, out);
                });
  CheckInput(v, *out);
}

void Reader::ReadVariables(const Value& v, std::vector<Variable>* out) {
  if (!ExpectType(v, Type::kObject)) return;
  CheckDuplicateKeys(v);
  for (const json::Member& m : v.members) {
    Scope scope(this, m.key);
    Variable var;
    var.name = std::string(m.key);
    ReadInput(m.value, &var.input);
    out->push_back(std::move(var));
  }
}

// {references} in a value must be declared in its `variables`; unresolved
// ones stay literal per the schema, which is almost always a mistake.
void Reader::CheckTemplate(const Value& v, const InputWithVariables& in) {
  std::vector<std::string> used;
  if (const Value* value = v.Find("value"); value && value->is_string()) {
    for (const text::Reference& r : text::FindReferences(value->text)) {
      used.push_back(r.name);
      const bool declared =
          std::any_of(in.variables.begin(), in.variables.end(),
                      [&](const Variable& var) { return var.name == r.name; });
      if (declared) continue;
      Scope scope(this, "value");
      Report("semantic/undefined-variable", Severity::kWarning, value->pos,
             "value references {" + r.name + "}, which is not a key of "
             "variables, so it stays literal");
    }
  }
  const Value* vars = v.Find("variables");
  if (vars == nullptr || !vars->is_object()) return;
  for (const json::Member& m : vars->members) {
    if (std::find(used.begin(), used.end(), m.key) != used.end()) continue;
    Scope s1(this, "variables");
    Scope s2(this, m.key);
    Report("semantic/unused-variable", Severity::kWarning, m.key_pos,
           "variable " + text::Quoted(m.key) + " is declared but value has no {" +
               std::string(m.key) + "}");
  }
}

void Reader::ReadKeyValue(const Value& v, KeyKind kind, KeyValueInput* out) {
  if (!ExpectType(v, Type::kObject)) return;
  ForEachMember(v, kKeyValueKeys, &out->extra,
                [&](std::string_view key, const Value& f) {
    if (key == "name") {
      out->name = String(f);
      if (!f.is_string()) return;
      if (kind == KeyKind::kEnv && !text::IsEnvVarName(out->name)) {
        Report("semantic/env-name", Severity::kWarning, f.pos,
               "environment variable name " + text::Quoted(out->name) +
                   " is not portable (use letters, digits and '_', not "
                   "starting with a digit)");
      } else if (kind == KeyKind::kHeader && !text::IsHeaderName(out->name)) {
        Report("semantic/header-name", Severity::kError, f.pos,
               "header name " + text::Quoted(out->name) +
                   " is not a valid HTTP field name (no spaces, ':' or "
                   "control characters)");
      }
    } else if (key == "variables") {
      ReadVariables(f, &out->variables);
    } else {
      ReadInputMember(key, f, out);
    }
  });
  Require(v, {"name"});
  CheckInput(v, *out);
  CheckTemplate(v, *out);
}

void Reader::ReadArgument(const Value& v, Argument* out) {
  if (!ExpectType(v, Type::kObject)) return;
  std::string type;
  ForEachMember(v, kArgumentKeys, &out->extra,
                [&](std::string_view key, const Value& f) {
    if (key == "type") {
      type = String(f);
      Enum(f, type, {"positional", "named"});
      out->type = type == "named" ? ArgumentType::kNamed
                                  : ArgumentType::kPositional;
    } else if (key == "name") {
      out->name = String(f);
    } else if (key == "valueHint") {
      out->value_hint = String(f);
    } else if (key == "isRepeated") {
      out->is_repeated = Bool(f);
    } else if (key == "variables") {
      ReadVariables(f, &out->variables);
    } else {
      ReadInputMember(key, f, out);
    }
  });
  Require(v, {"type"});
  if (type == "named") {
    Require(v, {"name"});
    const Value* name = v.Find("name");
    if (name != nullptr && name->is_string() && name->text.empty()) {
      Scope scope(this, "name");
      Report("semantic/empty-name", Severity::kError, name->pos,
             "a named argument needs its flag, e.g. '--port'");
    }
  } else if (type == "positional" && v.Find("valueHint") == nullptr &&
             v.Find("value") == nullptr) {
    Report("schema/argument-shape", Severity::kError, v.pos,
           "a positional argument needs a valueHint (a label for the value "
           "the user gives) or a fixed value");
  }
  CheckInput(v, *out);
  CheckTemplate(v, *out);
}

void Reader::CheckUniqueNames(const Value& array,
                              const std::vector<KeyValueInput>& items,
                              KeyKind kind) {
  if (!array.is_array()) return;
  // Header names are case-insensitive (RFC 9110); environment names are not
  // on POSIX, so they are compared exactly.
  const auto same = [kind](std::string_view a, std::string_view b) {
    if (kind == KeyKind::kEnv) return a == b;
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  };
  // Lists are short (a handful of names), so a quadratic scan is cheapest.
  for (size_t i = 0; i < items.size() && i < array.items.size(); ++i) {
    if (items[i].name.empty()) continue;
    size_t first = i;
    for (size_t j = 0; j < i; ++j) {
      if (same(items[j].name, items[i].name)) {
        first = j;
        break;
      }
    }
    if (first == i) continue;
    const Value* name = array.items[i].Find("name");
    Scope s1(this, i);
    Scope s2(this, "name");
    Report("semantic/duplicate-name", Severity::kError,
           name ? name->pos : array.items[i].pos,
           std::string(kind == KeyKind::kHeader ? "header " : "environment "
                                                  "variable ") +
               text::Quoted(items[i].name) + " is declared twice (first as item " +
               std::to_string(first) + ")");
  }
}

}  // namespace registry
}  // namespace mcp_builder
