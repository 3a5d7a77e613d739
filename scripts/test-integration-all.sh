#!/usr/bin/env bash
# Runs the integration suites once per display language, English then Korean, and ALWAYS both:
# a failing English run does not stop the Korean one. Prints one summary line per language and
# exits 0 only when every language passed (1 otherwise, 130 when interrupted).
#
#   scripts/test-integration-all.sh [runner args...]    # e.g. --verbose, --suite-glob '...'
#   GPUPLAN_INTEGRATION_LOCALES='ko' scripts/test-integration-all.sh
#
# Extra arguments go to every run (through scripts/test-integration.sh to runCodeServer.mjs);
# --locale is this script's business. Build first (npm run build && npm run compile-tests).
# Per language, the output is also kept in test/artifacts/integration/<lang>.log and the
# results of every test in test/artifacts/integration/results-<lang>.json.
set -uo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

for arg in "$@"; do
  case "$arg" in
    --locale|--locale=*)
      echo "test-integration-all.sh: it runs every language itself; use GPUPLAN_INTEGRATION_LOCALES or scripts/test-integration.sh --locale" >&2
      exit 2 ;;
  esac
done

read -r -a LOCALES <<< "${GPUPLAN_INTEGRATION_LOCALES:-en ko}"
OUT="$REPO_ROOT/test/artifacts/integration"
mkdir -p "$OUT"

# Ctrl-C: the runner cleans up and exits 130; stop after it instead of starting the next language.
interrupted=0
trap 'interrupted=1' INT TERM

# One line from the results file index.cjs writes, plus the titles of the failed tests.
summarize() { # lang exit-code seconds results-file
  node - "$@" <<'EOF'
const fs = require('fs');
const [lang, code, seconds, file] = process.argv.slice(2);
let r = null;
try { r = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* no results */ }
const passed = Number(code) === 0 && r !== null && r.failures === 0 && r.passes > 0;
const why = { 124: 'timeout', 130: 'interrupted', 2: 'harness or setup error' }[code];
const counts = r ? `${r.passes} passing, ${r.failures} failing, ${r.pending} pending` : 'no test results';
console.log(`integration ${lang}: ${passed ? 'PASSED' : 'FAILED'}  ${counts}  (exit ${code}${why ? `: ${why}` : ''}, ${seconds} s)`);
for (const t of (r && r.results) || []) if (t.state === 'failed') console.log(`    failed: ${t.title}`);
process.exit(passed ? 0 : 1);
EOF
}

declare -a SUMMARY=()
status=0
started=$(date +%s)
for lang in "${LOCALES[@]}"; do
  if [ "$interrupted" -eq 1 ]; then
    SUMMARY+=("integration $lang: NOT RUN  (interrupted)")
    continue
  fi
  results="$OUT/results-$lang.json"
  rm -f "$results"
  echo "=== integration $lang: start"
  t=$(date +%s)
  # tee -i: a Ctrl-C reaches the runner (which then stops code-server), not the logger.
  bash scripts/test-integration.sh --locale "$lang" --env "GPUPLAN_TEST_RESULTS=$results" "$@" 2>&1 | tee -i "$OUT/$lang.log"
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 130 ] && interrupted=1
  line=$(summarize "$lang" "$rc" "$(( $(date +%s) - t ))" "$results") || status=1
  SUMMARY+=("$line")
  echo "=== ${line%%$'\n'*}"
done

echo
echo "=== integration summary ($(( $(date +%s) - started )) s; logs and results in ${OUT#"$REPO_ROOT"/})"
printf '%s\n' "${SUMMARY[@]}"
if [ "$interrupted" -eq 1 ]; then exit 130; fi
exit $status
