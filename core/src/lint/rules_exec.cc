// exec/*: what a local server's command line would do to the user's
// machine. Rules and sources: reference/security.md §6.7 (EXE-01..09): the
// MCP specification's "Local Server Security" guidance, the OWASP Docker
// and MCP cheat sheets, CIS Docker 5.4.
#include <algorithm>
#include <cctype>

#include "lint/analysis.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "/usr/bin/NPX.cmd" -> "npx"
std::string ProgramName(std::string_view command) {
  const size_t slash = command.find_last_of("/\\");
  std::string name = Lower(slash == std::string_view::npos ? command : command.substr(slash + 1));
  for (const char* ext : {".exe", ".cmd", ".bat", ".ps1"}) {
    const std::string e(ext);
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) {
      name.resize(name.size() - e.size());
    }
  }
  return name;
}

bool IsShell(const std::string& p) {
  return p == "sh" || p == "bash" || p == "zsh" || p == "dash" || p == "ksh" || p == "fish" || p == "ash";
}

// docker run flags that take the next word as their value.
const char* const kValuedFlags[] = {"-e", "--env", "-v", "--volume", "--name", "--network", "--net", "-p",
                                      "--publish", "--mount", "-w", "--workdir", "-u", "--user", "--entrypoint",
                                      "--env-file", "--platform", "--pull", "--label", "-l", "--cap-add",
                                      "--cap-drop", "--memory", "-m", "--cpus", "--add-host", "--hostname",
                                      "-h", "--pid", "--ipc", "--security-opt", "--tmpfs", "--ulimit"};

bool TakesValue(const std::string& flag) {
  return std::any_of(std::begin(kValuedFlags), std::end(kValuedFlags), [&](const char* f) { return flag == f; });
}

// One entry's command line as plain strings, secrets as ${ID}.
struct CommandLine {
  std::string program;            // ProgramName of the command
  std::vector<std::string> args;  // after any `cmd /c` wrapper
  std::vector<std::string> lower;  // args in lower case, computed once
  std::vector<const Field*> fields;
  const Field* command = nullptr;
};

CommandLine Words(const ReadEntry& e) {
  CommandLine line;
  line.program = ProgramName(e.entry.command);
  line.command = &e.command;
  line.args.reserve(e.entry.args.size());
  line.fields.reserve(e.entry.args.size());
  line.lower.reserve(e.entry.args.size());
  for (size_t i = 0; i < e.entry.args.size(); ++i) {
    line.args.push_back(e.entry.args[i].Render([](const std::string& id) { return "${" + id + "}"; }));
    line.fields.push_back(&e.args[i]);
  }
  // `cmd /c npx ...` is how Windows clients start npx (reference §1.2):
  // judge the command it wraps.
  if (line.program == "cmd" && !line.args.empty() && Lower(line.args[0]) == "/c" && line.args.size() > 1 &&
      line.args[1].find_first_of(" &|<>") == std::string::npos) {
    line.program = ProgramName(line.args[1]);
    line.command = line.fields[1];
    line.args.erase(line.args.begin(), line.args.begin() + 2);
    line.fields.erase(line.fields.begin(), line.fields.begin() + 2);
  }
  for (const std::string& a : line.args) line.lower.push_back(Lower(a));
  return line;
}

class ExecChecker {
 public:
  ExecChecker(ReadContext* ctx, const ReadEntry& e) : ctx_(ctx), e_(e), line_(Words(e)) {}
  const CommandLine& line() const { return line_; }

  void Run() {
    if (!e_.command.node) return;
    Privilege();
    Shell();
    Paths();
    if (line_.program == "docker" || line_.program == "podman") Docker();
    Pinning();
  }

 private:
  void At(const Field* f, const char* rule, Severity severity, const std::string& message) {
    const Field& where = f && f->node ? *f : e_.command;
    ctx_->AddAt(rule, severity, message, *where.node, where.pointer);
  }
  const std::string& name() const { return e_.entry.name; }

  void Privilege() {
    if (line_.program == "sudo" || line_.program == "doas" || line_.program == "su" || line_.program == "pkexec") {
      At(line_.command, "exec/sudo", Severity::kError,
         text::Quoted(name()) + " starts with " + line_.program +
             ": an MCP server must not run as root; drop it and give the server only the access it needs");
    }
  }

  void Shell() {
    const bool powershell = line_.program == "powershell" || line_.program == "pwsh";
    for (size_t i = 0; i < line_.args.size(); ++i) {
      const std::string& a = line_.lower[i];
      const bool inline_script =
          (IsShell(line_.program) && a.size() > 1 && a[0] == '-' && a[1] != '-' && a.find('c') != std::string::npos) ||
          (powershell && (a == "-c" || a == "-command" || a == "-encodedcommand" || a == "-enc")) ||
          (line_.program == "cmd" && (a == "/c" || a == "/k"));
      if (inline_script) {
        At(line_.fields[i], "exec/shell-command", Severity::kError,
           text::Quoted(name()) + " runs a shell command line (" + line_.program + " " + line_.args[i] +
               "): anything in it runs with your rights, and it hides what really starts; put the program "
               "in \"command\" and its arguments in \"args\"");
        break;
      }
    }
    static const char* const kOperators[] = {"&&", "||", ";", "|", ">", ">>", "<", "&"};
    for (size_t i = 0; i < line_.args.size(); ++i) {
      const std::string& a = line_.args[i];
      // Every operator, substitution and pipe below has one of these.
      if (!text::HasAnyOf(a, "$`&|;<>")) continue;
      const bool op = std::any_of(std::begin(kOperators), std::end(kOperators), [&](const char* o) { return a == o; });
      const bool substitution = a.find("$(") != std::string::npos || a.find('`') != std::string::npos;
      if (op || substitution || a.find("&&") != std::string::npos || a.find("||") != std::string::npos) {
        At(line_.fields[i], "exec/shell-operator", Severity::kError,
           "argument " + text::Quoted(a) + " of " + text::Quoted(name()) +
               " is shell syntax (" + (substitution ? "command substitution" : "an operator") +
               "): chained or substituted commands run beside the server");
      }
      const std::string& lower = line_.lower[i];
      const bool fetch = lower.find("curl") != std::string::npos || lower.find("wget") != std::string::npos ||
                         lower.find("iwr") != std::string::npos || lower.find("invoke-webrequest") != std::string::npos;
      const size_t pipe = lower.find('|');
      if (fetch && pipe != std::string::npos) {
        const std::string after = lower.substr(pipe + 1);
        for (const char* sh : {"sh", "bash", "zsh", "iex", "python", "node", "sudo"}) {
          if (after.find(sh) != std::string::npos) {
            At(line_.fields[i], "exec/pipe-to-shell", Severity::kError,
               text::Quoted(name()) + " downloads a script and pipes it into " + sh +
                   ": whatever the server answers runs on your machine");
            break;
          }
        }
      }
    }
  }

  // Files a server has no business reading: keys, cloud credentials,
  // browser profiles (MCP "Local Server Security": sensitive locations).
  void Paths() {
    static constexpr std::string_view kSensitive[] = {
        ".ssh",         "id_rsa",          "id_ed25519",        "id_ecdsa",      ".aws/credentials",
        ".aws",         ".gnupg",          ".config/gcloud",    ".kube/config",  ".docker/config.json",
        ".netrc",       "/etc/shadow",     "/etc/sudoers",      "/etc/passwd",   ".password-store",
        "keychains",    "google/chrome",   ".mozilla",          "firefox/profiles", "cookies.sqlite",
        ".azure",       ".config/gh/hosts.yml", "login data"};
    for (size_t i = 0; i < line_.args.size(); ++i) {
      // Every needle but "keychains" has one of these: most arguments are
      // ruled out without a copy and 23 searches.
      if (!text::HasAnyOf(line_.lower[i], "./\\_ ") &&
          line_.lower[i].find("keychains") == std::string::npos) {
        continue;
      }
      std::string a = line_.lower[i];
      std::replace(a.begin(), a.end(), '\\', '/');
      for (std::string_view needle : kSensitive) {
        const size_t at = a.find(needle);
        if (at == std::string::npos) continue;
        // ".aws" must be a path segment, not "jaws" or ".awsome".
        const bool start_ok = needle[0] == '.' || needle[0] == '/' || at == 0 || a[at - 1] == '/' ||
                              a[at - 1] == '=' || a[at - 1] == ':' || a[at - 1] == '~';
        const size_t end = at + needle.size();
        const bool end_ok = end == a.size() || a[end] == '/' || a[end] == ':' || a[end] == '"' || !std::isalnum(static_cast<unsigned char>(a[end]));
        if (!start_ok || !end_ok) continue;
        At(line_.fields[i], "exec/sensitive-path", Severity::kError,
           text::Quoted(name()) + " is given " + text::Quoted(line_.args[i]) +
               ", a location that holds keys or credentials; give it only the files it needs");
        break;
      }
    }
    const bool filesystem = std::any_of(line_.args.begin(), line_.args.end(), [](const std::string& a) {
      return a.find("server-filesystem") != std::string::npos || a.find("filesystem-server") != std::string::npos ||
             a.find("mcp-server-filesystem") != std::string::npos;
    }) || line_.program.find("server-filesystem") != std::string::npos;
    if (!filesystem) return;
    for (size_t i = 0; i < line_.args.size(); ++i) {
      if (IsBroadRoot(line_.args[i])) {
        At(line_.fields[i], "exec/broad-filesystem-root", Severity::kError,
           text::Quoted(name()) + " gives a filesystem server " + text::Quoted(line_.args[i]) +
               ": the whole disk or home directory, keys and browser profiles included; "
               "allow a project folder instead");
      }
    }
  }

 public:
  // "/", "~", $HOME, C:\, /Users/<name>, /home/<name>, /root.
  static bool IsBroadRoot(std::string_view path) {
    std::string p(path);
    std::replace(p.begin(), p.end(), '\\', '/');
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    if (p == "/" || p == "~" || p == "$HOME" || p == "${HOME}" || p == "${userHome}" || p == "%USERPROFILE%" ||
        p == "/root" || p == "${env:HOME}" || p == "/Users" || p == "/home") {
      return true;
    }
    if (p.size() <= 3 && p.size() >= 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':') return true;
    for (const char* home : {"/Users/", "/home/", "C:/Users/", "c:/Users/"}) {
      const std::string h(home);
      if (p.compare(0, h.size(), h) == 0 && p.size() > h.size() && p.find('/', h.size()) == std::string::npos) {
        return true;
      }
    }
    return false;
  }

 private:
  // The host path of a -v/--volume value (SRC:DST[:opts], SRC maybe
  // C:\...) or a --mount value (type=bind,source=SRC,...).
  static std::string MountSource(const std::string& flag, const std::string& value) {
    if (flag == "--mount") {
      for (const char* key : {"source=", "src="}) {
        const size_t at = value.find(key);
        if (at != std::string::npos) {
          const size_t from = at + std::string(key).size();
          return value.substr(from, value.find(',', from) - from);
        }
      }
      return "";
    }
    const bool drive = value.size() > 2 && value[1] == ':' && std::isalpha(static_cast<unsigned char>(value[0]));
    return value.substr(0, value.find(':', drive ? 2 : 0));
  }

  void Docker() {
    const auto it = std::find(line_.args.begin(), line_.args.end(), "run");
    if (it == line_.args.end()) return;
    bool cap_drop_all = false;
    std::vector<size_t> cap_adds;
    for (size_t i = static_cast<size_t>(it - line_.args.begin()) + 1; i < line_.args.size(); ++i) {
      const std::string& a = line_.args[i];
      if (!a.empty() && a[0] != '-') break;  // the image: the rest is the server's
      const size_t eq = a.find('=');
      const std::string flag = a.substr(0, eq);
      const std::string value = eq != std::string::npos ? a.substr(eq + 1)
                                : i + 1 < line_.args.size() ? line_.args[i + 1] : "";
      const std::string lower = Lower(value);
      if (flag == "--privileged") {
        At(line_.fields[i], "exec/docker-privileged", Severity::kError,
           text::Quoted(name()) + " runs its container with --privileged: every device and capability of "
                                  "the host, which is root on the host (CIS Docker 5.4)");
      } else if (flag == "-v" || flag == "--volume" || flag == "--mount") {
        const std::string source = MountSource(flag, value);
        if (lower.find("docker.sock") != std::string::npos) {
          At(line_.fields[i], "exec/docker-socket", Severity::kError,
             text::Quoted(name()) + " mounts the Docker socket into its container: that is root on the host, "
                                    "read-only or not (OWASP Docker Security, rule 1)");
        } else if (IsBroadRoot(source)) {
          At(line_.fields[i], "exec/docker-host-mount", Severity::kWarning,
             text::Quoted(name()) + " mounts " + text::Quoted(source) +
                 " into its container: the whole disk or home directory; mount a project folder instead");
        }
      } else if (flag == "--cap-add") {
        cap_adds.push_back(i);
      } else if (flag == "--cap-drop" && lower == "all") {
        cap_drop_all = true;
      } else if ((flag == "--network" || flag == "--net" || flag == "--pid" || flag == "--ipc") && lower == "host") {
        At(line_.fields[i], "exec/docker-host-namespace", Severity::kWarning,
           text::Quoted(name()) + " shares the host's " + flag.substr(2) + " namespace (" + flag +
               " host), which removes the container's isolation");
      }
      if (eq == std::string::npos && TakesValue(flag)) ++i;
    }
    if (!cap_drop_all) {
      for (size_t i : cap_adds) {
        At(line_.fields[i], "exec/docker-cap-add", Severity::kWarning,
           text::Quoted(name()) + " adds capabilities without --cap-drop ALL: drop all, then add only "
                                  "what the server needs");
      }
    }
  }

  // npx/uvx/docker run of a package without an exact version runs whatever
  // is newest at each start (MCP "Local Server Security": pin the version).
  void Pinning() {
    const std::string& p = line_.program;
    size_t first = 0;
    bool npm = p == "npx" || p == "bunx";
    if ((p == "pnpm" || p == "yarn") && !line_.args.empty() && line_.args[0] == "dlx") npm = true, first = 1;
    if (p == "npm" && !line_.args.empty() && line_.args[0] == "exec") npm = true, first = 1;
    bool python = p == "uvx" || p == "pipx";
    if (p == "pipx" && !line_.args.empty() && line_.args[0] == "run") first = 1;
    if (p == "uv" && line_.args.size() > 1 && line_.args[0] == "tool" && line_.args[1] == "run") python = true, first = 2;
    if (!npm && !python) return;
    for (size_t i = first; i < line_.args.size(); ++i) {
      const std::string& a = line_.args[i];
      if (a == "--") continue;
      const bool package_flag = a == "-p" || a == "--package" || a == "--from" || (python && a == "--spec");
      if (a.rfind("--package=", 0) == 0 || a.rfind("--from=", 0) == 0) {
        CheckSpec(i, a.substr(a.find('=') + 1), npm);
        return;
      }
      if (package_flag && i + 1 < line_.args.size()) {
        CheckSpec(i + 1, line_.args[i + 1], npm);
        return;
      }
      if (!a.empty() && a[0] == '-') {
        // Flags with a separate value.
        if (a == "--python" || a == "--with" || a == "--index-url" || a == "-c" || a == "--call") ++i;
        continue;
      }
      CheckSpec(i, a, npm);
      return;
    }
  }

  void CheckSpec(size_t i, const std::string& spec, bool npm) {
    if (spec.empty() || spec[0] == '.' || spec[0] == '/' || spec[0] == '~' || spec.find("://") != std::string::npos ||
        spec.rfind("file:", 0) == 0 || spec.rfind("git", 0) == 0 || spec.find('$') != std::string::npos) {
      return;  // a local path, a URL or a variable: nothing to pin here
    }
    std::string version;
    if (npm) {
      const size_t at = spec.find('@', spec[0] == '@' ? 1 : 0);
      if (at != std::string::npos) version = spec.substr(at + 1);
    } else {
      for (const char* sep : {"==", "@"}) {
        const size_t at = spec.find(sep);
        if (at != std::string::npos) {
          version = spec.substr(at + std::string(sep).size());
          break;
        }
      }
      if (spec.find_first_of("<>~^*") != std::string::npos) version = "";
    }
    const bool exact = !version.empty() && std::isdigit(static_cast<unsigned char>(version[0])) &&
                       version.find_first_of("^~<>*|x ") == std::string::npos;
    if (exact) return;
    At(line_.fields[i], "exec/unpinned-package", Severity::kWarning,
       text::Quoted(name()) + " runs " + text::Quoted(spec) +
           (version.empty() ? " without a version" : " at " + text::Quoted(version)) +
           ", so each start may run different code; pin an exact version" +
           (npm ? " (name@1.2.3)" : " (name==1.2.3)"));
  }

  ReadContext* ctx_;
  const ReadEntry& e_;
  CommandLine line_;
};

// A docker image with no tag, or :latest, and no digest.
void DockerImagePin(ReadContext* ctx, const ReadEntry& e, const CommandLine& line) {
  if (line.program != "docker" && line.program != "podman") return;
  const auto run = std::find(line.args.begin(), line.args.end(), "run");
  if (run == line.args.end()) return;

  for (size_t i = static_cast<size_t>(run - line.args.begin()) + 1; i < line.args.size(); ++i) {
    const std::string& a = line.args[i];
    if (!a.empty() && a[0] == '-') {
      if (a.find('=') == std::string::npos && TakesValue(a)) ++i;
      continue;
    }
    if (a.find('$') != std::string::npos || a.find("@sha256:") != std::string::npos) return;
    const size_t slash = a.rfind('/');
    const size_t colon = a.find(':', slash == std::string::npos ? 0 : slash);
    const std::string tag = colon == std::string::npos ? "" : a.substr(colon + 1);
    if (!tag.empty() && tag != "latest") return;
    ctx->AddAt("exec/unpinned-package", Severity::kWarning,
               text::Quoted(e.entry.name) + " runs the image " + text::Quoted(a) +
                   (tag.empty() ? " without a tag" : " at :latest") +
                   ", so each start may run a different image; pin a version tag or a digest (@sha256:...)",
               *line.fields[i]->node, line.fields[i]->pointer);
    return;
  }
}

}  // namespace

void ExecRules(ReadContext* ctx) {
  for (const ReadEntry& e : ctx->entries) {
    ExecChecker checker(ctx, e);
    checker.Run();
    if (e.command.node) DockerImagePin(ctx, e, checker.line());
  }
}

}  // namespace lint
}  // namespace mcp_builder
