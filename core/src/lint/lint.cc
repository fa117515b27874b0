// Lint: load, read, run every rule, report in document order.
#include "mcp_builder/lint.h"

#include <algorithm>

#include "lint/analysis.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

const std::vector<const ClientSchema*>& Schemas() {
  static const std::vector<const ClientSchema*>* schemas = new std::vector<const ClientSchema*>{
      &ClaudeDesktopSchema(), &ClaudeCodeSchema(), &CursorSchema(), &VsCodeSchema(),
      &WindsurfSchema(),      &ZedSchema(),        &CodexSchema(),  &GeminiCliSchema(),
      &ContinueSchema(),      &GooseSchema(),      &ClineSchema(),  &LmStudioSchema()};
  return *schemas;
}

const ClientSchema* FindSchema(std::string_view id) {
  for (const ClientSchema* s : Schemas()) {
    if (id == s->id) return s;
  }
  return nullptr;
}

// Most parsers keep the last of two equal keys, some the first: either way
// one value is silently lost.
void DuplicateKeyRule(const json::Value& root, ReadContext* ctx) {
  std::vector<PathStep> steps;
  std::vector<std::pair<const json::Value*, int>> stack = {{&root, -1}};  // a container, its step
  std::vector<const json::Member*> sorted;
  while (!stack.empty()) {
    const auto [v, step] = stack.back();
    stack.pop_back();
    // Sorted by key, then document order (members are stored in it), so
    // equal keys are neighbours: n log n per object, no hash table.
    if (v->members.size() > 1) {
      sorted.clear();
      for (const json::Member& m : v->members) sorted.push_back(&m);
      std::sort(sorted.begin(), sorted.end(), [](const json::Member* a, const json::Member* b) {
        return a->key != b->key ? a->key < b->key : a < b;
      });
      for (size_t i = 1; i < sorted.size(); ++i) {
        const json::Member& m = *sorted[i];
        if (m.key != sorted[i - 1]->key) continue;
        size_t first = i - 1;
        while (first > 0 && sorted[first - 1]->key == m.key) --first;
        ctx->Add("schema/duplicate-key", Severity::kWarning,
                 "key " + text::Quoted(m.key) + " appears again (first at line " +
                     std::to_string(sorted[first]->key_pos.line) + "); only one of the two values is used",
                 m.key_pos, Pointer(PointerOf(steps, step), m.key), static_cast<uint32_t>(m.key.size()));
      }
    }
    for (const json::Member& m : v->members) {
      if (m.value.members.empty() && m.value.items.empty()) continue;
      steps.push_back({step, false, m.key, 0});
      stack.emplace_back(&m.value, static_cast<int>(steps.size() - 1));
    }
    for (size_t i = 0; i < v->items.size(); ++i) {
      const json::Value& item = v->items[i];
      if (item.members.empty() && item.items.empty()) continue;
      steps.push_back({step, true, "", i});
      stack.emplace_back(&item, static_cast<int>(steps.size() - 1));
    }
  }
}

std::unique_ptr<Analysis> Analyze(std::string_view text, std::string_view client) {
  auto a = std::make_unique<Analysis>(text);
  if (text.size() > kMaxBytes) {
    a->issues.push_back({{"syntax/too-large", Severity::kError,
                          "the file is " + std::to_string(text.size()) + " bytes; at most " +
                              std::to_string(kMaxBytes) + " are read",
                          1, 1, 0, 0, "", ""},
                         {}});
    return a;
  }
  LoadDocument(client, a.get());
  if (a->has_tree) {
    a->read = std::make_unique<ReadContext>(text, *a->schema, a->lines);
    ReadContext* ctx = a->read.get();
    const json::Value& root = a->parsed.value;
    ReadDocument(root, ctx);
    DuplicateKeyRule(root, ctx);
    SecretRules(root, ctx);
    ExecRules(ctx);
    NetRules(ctx);
    for (Issue& i : ctx->issues) a->issues.push_back(std::move(i));
    ctx->issues.clear();
  }
  std::stable_sort(a->issues.begin(), a->issues.end(), [](const Issue& x, const Issue& y) {
    return x.finding.offset < y.finding.offset;
  });
  return a;
}

int Report::ExitCode() const {
  if (!parsed) return 2;
  for (const Finding& f : findings) {
    if (f.severity == Severity::kError && f.rule.rfind("syntax/", 0) == 0) return 2;
  }
  for (const Finding& f : findings) {
    if (f.severity == Severity::kError) return 1;
  }
  return 0;
}

Report Lint(std::string_view text, const Options& options) {
  const std::unique_ptr<Analysis> a = Analyze(text, options.client);
  Report report;
  report.parsed = a->has_tree;
  report.client = a->schema ? a->schema->id : "";
  report.format = a->format;
  report.detected = a->detected;
  for (Issue& i : a->issues) {
    if (report.findings.size() == kMaxFindings) {
      ++report.omitted;
      continue;
    }
    report.findings.push_back(std::move(i.finding));
  }
  return report;
}

}  // namespace lint
}  // namespace mcp_builder
