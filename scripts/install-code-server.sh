#!/usr/bin/env bash
# Installs an offline-capable code-server (VS Code server + web workbench) into
# <repo>/.vscode-test/code-server so integration suites can run inside a real
# VS Code extension host without desktop VS Code. See test/integration/README.md.
#
# Idempotent: re-running is a no-op once the install marker matches.
#
# Environment overrides:
#   CODE_SERVER_VERSION   (default 4.100.3)
#   CODE_SERVER_DIR       (default <repo>/.vscode-test/code-server)
#   CODE_SERVER_NODE      node binary to build/run with (default: `node` on PATH; must be v20)
#   SKIP_APT=1            never call apt-get (fail if packages are missing)
#   FORCE=1               reinstall even if the marker says it is already installed
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
DEST="${CODE_SERVER_DIR:-$REPO_ROOT/.vscode-test/code-server}"
NODE="${CODE_SERVER_NODE:-$(command -v node || true)}"
CS="$DEST/node_modules/code-server"
VSC="$CS/lib/vscode"
MARKER="$DEST/.install-complete"
APT_PACKAGES=(chromium libkrb5-dev ripgrep fonts-noto-cjk)

log() { printf '\033[1;34m[install-code-server]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[install-code-server] ERROR:\033[0m %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- node 20 check
[ -n "$NODE" ] && [ -x "$NODE" ] || die "node not found (set CODE_SERVER_NODE)"
NODE_VERSION="$("$NODE" --version)"
NODE_MAJOR="$(echo "$NODE_VERSION" | sed -E 's/^v([0-9]+)\..*/\1/')"
[ "$NODE_MAJOR" = "20" ] || die "code-server $VERSION requires Node 20 (its native modules are built for that ABI); got $NODE_VERSION from $NODE. Set CODE_SERVER_NODE=/path/to/node20."
NODE_ABI="$("$NODE" -p process.versions.modules)"
export PATH="$(dirname "$NODE"):$PATH"
NPM="$(command -v npm)" || die "npm not found"
# node-gyp bundled with npm (npx would try to download one).
NODE_GYP="$(dirname "$(realpath "$NPM")")/../node_modules/node-gyp/bin/node-gyp.js"
[ -f "$NODE_GYP" ] || NODE_GYP="$(command -v node-gyp || true)"
[ -n "$NODE_GYP" ] || die "node-gyp not found (expected next to npm)"

# Node headers: use the locally installed ones so node-gyp never hits the network.
NODEDIR=""
for cand in "${npm_config_nodedir:-}" "$(dirname "$(dirname "$(realpath "$NODE")")")" /usr /usr/local; do
  if [ -n "$cand" ] && [ -f "$cand/include/node/node_version.h" ]; then
    if grep -q "define NODE_MAJOR_VERSION $NODE_MAJOR\$" "$cand/include/node/node_version.h"; then NODEDIR="$cand"; break; fi
  fi
done
GYP_ARGS=(rebuild --release --jobs=max)
if [ -n "$NODEDIR" ]; then GYP_ARGS+=("--nodedir=$NODEDIR"); else
  log "warning: no local Node $NODE_MAJOR headers found; node-gyp will try to download them"; fi

# ------------------------------------------------------------ Debian packages
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "${SKIP_APT:-0}" = "1" ] && die "missing Debian packages: ${missing[*]} (SKIP_APT=1)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "apt-get install ${missing[*]}"
  # Only refresh the index when it has never been fetched.
  if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial || true)" ]; then $SUDO apt-get update; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi

# ------------------------------------------------------------ already done?
EXPECTED_MARKER="code-server@$VERSION node-abi=$NODE_ABI"
# argon2 is normally hoisted to $DEST/node_modules; resolve it the way code-server does.
argon2_dir() { "$NODE" -p "require('path').dirname(require.resolve('argon2/package.json',{paths:['$CS']}))" 2>/dev/null || echo /nonexistent; }
native_ok() {
  local f
  for f in \
    "$(argon2_dir)/lib/binding/napi-v3/argon2.node" \
    "$VSC/node_modules/@vscode/spdlog/build/Release/spdlog.node" \
    "$VSC/node_modules/node-pty/build/Release/pty.node" \
    "$VSC/node_modules/native-watchdog/build/Release/watchdog.node" \
    "$VSC/node_modules/kerberos/build/Release/kerberos.node" \
    "$VSC/node_modules/@vscode/ripgrep/bin/rg"; do
    [ -e "$f" ] || return 1
  done
}
if [ "${FORCE:-0}" != "1" ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$EXPECTED_MARKER" ] && native_ok \
   && [ "$("$NODE" -p "require('$CS/package.json').version" 2>/dev/null)" = "$VERSION" ]; then
  log "code-server $VERSION already installed in $DEST (node ABI $NODE_ABI) - nothing to do"
  exit 0
fi

START=$(date +%s)
rm -f "$MARKER"
mkdir -p "$DEST"

# ------------------------------------------------------------ code-server package
if [ "$("$NODE" -p "try{require('$CS/package.json').version}catch{''}" 2>/dev/null)" != "$VERSION" ] || [ "${FORCE:-0}" = "1" ]; then
  log "npm install code-server@$VERSION -> $DEST (scripts disabled: its postinstall downloads things)"
  rm -rf "$DEST/node_modules" "$DEST/package.json" "$DEST/package-lock.json"
  # A private package.json keeps npm from walking up into the repo's package.json.
  echo '{"name":"gpuplan-code-server-host","private":true}' > "$DEST/package.json"
  (cd "$DEST" && "$NPM" install --ignore-scripts --no-save --no-audit --no-fund --prefix "$DEST" "code-server@$VERSION")
fi

# argon2 (code-server's password hashing) is `require`d at startup even with --auth none.
# Its install script (node-pre-gyp) would try to download a prebuilt binary; force a source build.
if [ ! -f "$(argon2_dir)/lib/binding/napi-v3/argon2.node" ]; then
  log "building argon2 from source"
  mkdir -p "$DEST/build-logs"
  (cd "$DEST" && env npm_config_build_from_source=true ${NODEDIR:+"npm_config_nodedir=$NODEDIR"} "$NPM" rebuild argon2 --foreground-scripts --no-audit --no-fund >"$DEST/build-logs/argon2.log" 2>&1) \
    || { tail -40 "$DEST/build-logs/argon2.log"; die "building argon2 failed (log: $DEST/build-logs/argon2.log)"; }
fi

# ------------------------------------------------------------ lib/vscode dependencies
# This is what code-server's postinstall.sh does (npm install --omit=dev in lib/vscode
# and lib/vscode/extensions + a few symlinks), minus anything that needs the internet.
log "npm install --omit=dev in lib/vscode (pinned by its npm-shrinkwrap.json)"
(cd "$VSC" && "$NPM" install --omit=dev --ignore-scripts --no-audit --no-fund)

# Native modules the Linux server / extension host load:
#   @vscode/spdlog (logging), node-pty (terminals), native-watchdog (ext host watchdog),
#   kerberos (proxy auth; loaded lazily).
# @parcel/watcher ships a prebuilt @parcel/watcher-linux-x64-glibc, @vscode/deviceid,
# @vscode/windows-* are Windows-only. node-pty's own postinstall runs `npx node-gyp`
# (network) just to emit compile_commands.json, so call node-gyp directly.
mkdir -p "$DEST/build-logs"
for mod in @vscode/spdlog node-pty native-watchdog kerberos; do
  log "node-gyp rebuild $mod"
  glog="$DEST/build-logs/gyp-${mod//\//_}.log"
  (cd "$VSC/node_modules/$mod" && "$NODE" "$NODE_GYP" "${GYP_ARGS[@]}" >"$glog" 2>&1) \
    || { tail -40 "$glog"; die "building $mod failed (log: $glog)"; }
done
rm -rf "$VSC/node_modules/node-pty/build/Release/obj.target" "$VSC/node_modules/node-pty/build/Release/.deps"

# ripgrep: @vscode/ripgrep's postinstall downloads rg from GitHub; use Debian's.
RG="$(command -v rg || true)"
[ -n "$RG" ] || die "ripgrep (rg) not found"
mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
ln -sfn "$RG" "$VSC/node_modules/@vscode/ripgrep/bin/rg"

# Built-in extensions' shared deps (typescript for the TS/JS language features).
log "npm install --omit=dev in lib/vscode/extensions"
(cd "$VSC/extensions" && "$NPM" install --omit=dev --ignore-scripts --no-audit --no-fund && "$NODE" ./postinstall.mjs >/dev/null)

# Symlinks from code-server's postinstall.sh
ln -sfn node_modules "$VSC/node_modules.asar"
(cd "$VSC/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$VSC/bin/helpers" && ln -sfn browser-linux.sh browser.sh)

# ------------------------------------------------------------ verify with this node
log "verifying native modules load under $NODE_VERSION"
(cd "$VSC" && "$NODE" -e '
  const m = ["@vscode/spdlog","node-pty","native-watchdog","@parcel/watcher","kerberos"];
  for (const x of m) { require(require.resolve(x, {paths:[process.cwd()+"/node_modules"]})); }
  console.log("  ok:", m.join(", "));
') || die "a native module failed to load"
(cd "$CS" && "$NODE" -e 'require("argon2"); console.log("  ok: argon2")') || die "argon2 failed to load"
# (CODE_SERVER_CONFIG keeps `--version` from writing ~/.config/code-server/config.yaml)
CODE_SERVER_CONFIG="$DEST/config.yaml" "$NODE" "$CS/out/node/entry.js" --version | tail -1 | sed 's/^/  code-server /'

# Convenience launcher pinned to this node.
mkdir -p "$DEST/bin"
cat > "$DEST/bin/code-server" <<EOF
#!/bin/sh
export CODE_SERVER_CONFIG="\${CODE_SERVER_CONFIG:-$DEST/config.yaml}"
exec "$NODE" "$CS/out/node/entry.js" "\$@"
EOF
chmod +x "$DEST/bin/code-server"

echo "$EXPECTED_MARKER" > "$MARKER"
log "done in $(( $(date +%s) - START ))s: $DEST/bin/code-server"
