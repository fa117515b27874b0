# Shared by scripts/*: repository root, logging, and installing what is missing.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export ROOT
# Debian's emcc runs its JS optimizer with Node and needs Debian's acorn
# (TOOLCHAIN.md); without this every -Oz link fails.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# ensure_packages CMD:PKG ... : installs the Debian package for each missing
# command (or file path), via apt-get when running as root.
ensure_packages() {
  local missing=() spec check pkg
  for spec in "$@"; do
    check="${spec%%:*}" pkg="${spec#*:}"
    if [[ "$check" == /* ]]; then [[ -e "$check" ]] && continue
    else command -v "$check" >/dev/null 2>&1 && continue; fi
    missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    # CI runners are not root but have password-less sudo.
    if sudo -n true 2>/dev/null; then sudo=(sudo -n); else
      die "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install -y ${missing[*]})"
    fi
  fi
  log "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm ci of the dev tooling, only when package-lock.json changed.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.lock-sha256"
  local want; want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then return 0; fi
  log "installing npm dev dependencies (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}
