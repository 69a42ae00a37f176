# shellcheck shell=bash
# Shared by scripts/run and scripts/test: section headers, root/sudo, and
# idempotent installs (each checks first, so a warm machine installs nothing).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Build dependencies of the Tauri app on Debian 12 / Ubuntu 24.04.
BUILD_DEPS=(
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev libjavascriptcoregtk-4.1-dev libsoup-3.0-dev
  librsvg2-dev libxdo-dev
)

TAURI_DRIVER_VERSION=2.1.0

section() { printf '\n==== %s  [%ss]\n' "$*" "$SECONDS"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root or sudo to run: $*"
  fi
}

os_id() { (. /etc/os-release 2>/dev/null && echo "${ID:-unknown}") || echo unknown; }

# apt_ensure PKG... : installs the packages that dpkg does not list as installed.
APT_UPDATED=
apt_ensure() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "apt: all of $* present"
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get (Debian 12 / Ubuntu 24.04 expected)"
  echo "apt: installing ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
}

need_toolchains() {
  command -v cargo >/dev/null 2>&1 ||
    die "cargo not found: install Rust 1.95 or newer with rustup (rustup-init -y, components rustfmt and clippy), then open a new shell"
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
    die "node/npm not found: install Node.js 20 or newer (the Debian 12 nodejs package is too old)"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js $(node --version) is too old: the UI needs Node 20 or newer"
  echo "cargo: $(cargo --version)"
  echo "node:  $(node --version), npm $(npm --version)"
}

# npm ci in ui/, skipped when node_modules was installed from this very lock file.
ui_install() {
  local stamp="$ROOT/ui/node_modules/.meridian-lock.sha256" sum
  sum="$(sha256sum "$ROOT/ui/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    echo "npm: ui/node_modules matches ui/package-lock.json"
    return 0
  fi
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund)
  echo "$sum" >"$stamp"
}

ui_build() { (cd "$ROOT/ui" && npm run --silent build); }
# Cargo's target directory (CARGO_TARGET_DIR or the workspace's target/).
target_dir() {
  cargo metadata --format-version 1 --no-deps |
    node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).target_directory)'
}
