// Convert: the source client's reader, then the target client's writer
// (core/src/gen/clients), so a converted file is exactly what generation
// would write for the same servers. Everything the target cannot hold is
// named in a warning; nothing is dropped silently.
#include <algorithm>

#include "gen/writer.h"
#include "lint/analysis.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

namespace {

Finding Note(std::string rule, Severity severity, std::string message, const json::Position& at = {},
             std::string pointer = "") {
  return {std::move(rule), severity, std::move(message), at.line, at.column, at.offset, 0, std::move(pointer), ""};
}

// Every secret the entries reference, described from the source (VS Code
// input descriptions) or after its server.
std::vector<config::SecretInfo> SecretsOf(const std::vector<config::ServerEntry>& entries,
                                          const std::vector<config::SecretInfo>& known) {
  std::vector<config::SecretInfo> out;
  auto add = [&](const config::Text& t, const config::ServerEntry& e) {
    for (const config::Piece& p : t.pieces) {
      if (p.secret.empty()) continue;
      if (std::any_of(out.begin(), out.end(), [&](const config::SecretInfo& s) { return s.id == p.secret; })) continue;
      const auto k = std::find_if(known.begin(), known.end(), [&](const config::SecretInfo& s) { return s.id == p.secret; });
      out.push_back({p.secret,
                     k != known.end() && !k->description.empty() ? k->description
                                                                  : "Secret for the " + e.name + " MCP server",
                     e.name});
    }
  };
  for (const config::ServerEntry& e : entries) {
    for (const config::Text& a : e.args) add(a, e);
    for (const config::NamedText& v : e.env) add(v.value, e);
    add(e.url, e);
    for (const config::NamedText& h : e.headers) add(h.value, e);
  }
  return out;
}

}  // namespace

ConvertResult Convert(std::string_view text, std::string_view from, std::string_view to) {
  ConvertResult r;
  r.to = std::string(to);
  const ClientSchema* target = FindSchema(to);
  if (!target) {
    std::vector<std::string_view> ids;
    for (const ClientSchema* s : Schemas()) ids.emplace_back(s->id);
    const std::string guess = text::DidYouMean(to, ids);
    r.notes.push_back(Note("convert/unknown-client", Severity::kError,
                           "unknown target client " + text::Quoted(to) +
                               (guess.empty() ? "" : "; did you mean " + text::Quoted(guess) + "?")));
    return r;
  }
  const std::unique_ptr<Analysis> a = Analyze(text, from);
  r.from = a->schema ? a->schema->id : "";
  // The source's problems that change what is converted: syntax, schema
  // errors, and secrets that would be copied as they are.
  for (const Issue& i : a->issues) {
    const Finding& f = i.finding;
    const bool secret = f.rule.rfind("secret/", 0) == 0;
    if (secret) {
      Finding n = f;
      n.severity = Severity::kWarning;
      n.message += "; copied as it is: run `mcp-builder fix` on the result";
      r.notes.push_back(std::move(n));
    } else if (f.rule == "schema/unknown-key" || f.rule == "schema/field-name") {
      // Members no reader takes are not converted: say so.
      Finding n = f;
      n.severity = Severity::kWarning;
      n.message += "; not converted";
      r.notes.push_back(std::move(n));
    } else if (f.severity == Severity::kError &&
               (f.rule.rfind("syntax/", 0) == 0 || f.rule.rfind("schema/", 0) == 0 || f.rule.rfind("lint/", 0) == 0)) {
      r.notes.push_back(f);
    }
  }
  if (!a->has_tree) return r;
  if (!a->detected.empty()) {
    r.notes.push_back(Note("convert/detected", Severity::kInfo, "read as " + r.from + ": " + a->detected));
  }
  const ReadContext& read = *a->read;
  std::vector<config::ServerEntry> entries;
  for (const ReadEntry& re : read.entries) {
    config::ServerEntry e = re.entry;
    e.name = gen::UniqueEntryName(e.name, entries);
    const json::Position at = re.object.node->pos;
    if (e.name != re.entry.name) {
      r.notes.push_back(Note("convert/renamed", Severity::kInfo,
                             "server " + text::Quoted(re.entry.name) + " written as " + text::Quoted(e.name) +
                                 " (letters, digits, '-' and '_', unique, starting with a letter)",
                             at, re.object.pointer));
    }
    // ${VAR:-default} (Claude Code) keeps only VAR in the neutral model.
    for (const Field* f : re.Values()) {
      if (!f->node || !f->node->is_string() || a->schema->refs != Refs::kDollarBrace) continue;
      const std::string_view v = f->node->text;
      const size_t open = v.find("${");
      if (open == std::string_view::npos || v.find(":-", open) == std::string_view::npos) continue;
      r.notes.push_back(Note("convert/default-dropped", Severity::kWarning,
                             "a ${VAR:-default} default in server " + text::Quoted(re.entry.name) +
                                 " has no counterpart in " + target->display + "; only the variable is kept",
                             f->node->pos, f->pointer));
    }
    if (e.disabled && !gen::WritesDisabled(target->id)) {
      r.notes.push_back(Note("convert/disabled-written-on", Severity::kWarning,
                             "server " + text::Quoted(re.entry.name) + " is turned off in the source, and " +
                                 target->display + " has no setting for that: it is written turned on; leave it "
                                 "out if it should not start",
                             at, re.object.pointer));
    }
    for (const auto& [key, field] : re.extras) {
      r.notes.push_back(Note("convert/unsupported-field", Severity::kWarning,
                             a->schema->display + std::string("'s \"") + key + "\" of server " +
                                 text::Quoted(re.entry.name) + " has no counterpart in the neutral model; it is "
                                 "not written for " + target->display + ": set it there by hand if you need it",
                             field.node->pos, field.pointer));
    }
    entries.push_back(std::move(e));
  }
  gen::GenerateRequest request;
  request.client = std::string(to);
  request.installs = false;
  gen::GenerateResult written;
  written.ok = true;
  written.secrets = SecretsOf(entries, read.secrets);
  if (!gen::WriteEntries(request, entries, &written)) return r;
  for (const gen::Note& n : written.notes) {
    r.notes.push_back(Note("convert/" + n.rule.substr(n.rule.find('/') + 1), n.severity,
                           (n.server.empty() ? "" : "server " + text::Quoted(n.server) + ": ") + n.message));
  }
  r.text = std::move(written.text);
  r.ok = true;
  return r;
}

}  // namespace lint
}  // namespace mcp_builder
