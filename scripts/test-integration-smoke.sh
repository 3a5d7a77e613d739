#!/usr/bin/env bash
# Proves the integration harness end to end with the throwaway smoke extension:
#   1. passing run            -> runner must exit 0
#   2. SMOKE_FAIL=1 run       -> runner must exit non-zero
#   3. --locale ko run with a screenshot of an editor showing Korean text
# Screenshots land in test/artifacts/smoke/ (gitignored).
set -uo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
bash scripts/install-code-server.sh >/dev/null || exit 2

ART="$REPO_ROOT/test/artifacts/smoke"
mkdir -p "$ART"
run() {
  node test/integration/runCodeServer.mjs \
    --extensionDevelopmentPath test/integration/fixtures/smoke-extension \
    --extensionTestsPath test/integration/index.cjs \
    --suite-glob 'test/integration/fixtures/smoke-suite/**/*.test.js' \
    --timeout-ms 300000 "$@"
}
status=0
echo "=== 1/3 passing run"
t=$(date +%s); run; rc=$?; echo "=== passing run: exit $rc in $(( $(date +%s) - t ))s"
[ $rc -eq 0 ] || { echo "FAIL: expected exit 0"; status=1; }

echo "=== 2/3 deliberately failing run (SMOKE_FAIL=1)"
t=$(date +%s); run --env SMOKE_FAIL=1; rc=$?; echo "=== failing run: exit $rc in $(( $(date +%s) - t ))s"
[ $rc -ne 0 ] || { echo "FAIL: expected a non-zero exit"; status=1; }

echo "=== 3/3 Korean locale + screenshots"
rm -f "$ART/korean-editor.png" "$ART/final.png"
t=$(date +%s); run --locale ko --env SMOKE_SCREENSHOT="$ART/korean-editor.png" --screenshot "$ART/final.png"; rc=$?
echo "=== ko run: exit $rc in $(( $(date +%s) - t ))s"
[ $rc -eq 0 ] && [ -s "$ART/korean-editor.png" ] && [ -s "$ART/final.png" ] || { echo "FAIL: ko run/screenshots"; status=1; }

[ $status -eq 0 ] && echo "SMOKE OK (screenshots: $ART)" || echo "SMOKE FAILED"
exit $status
