#!/usr/bin/env bash
# Runs the extension's integration suites (out/test/integration/suite/**/*.test.js by default)
# inside code-server's extension host. Extra arguments go to runCodeServer.mjs, e.g.
#   scripts/test-integration.sh --locale ko --screenshot test/artifacts/final.png
#   GPUPLAN_SUITE_GLOB='out/test/integration/suite/foo.test.js' scripts/test-integration.sh
# Build first (npm run build && npm run compile-tests); this script does not build.
# The window opens a multi-root workspace of two fresh folders (--multi-root): the suites' files
# live in the first, and the settings suite gives the second its own resource-scoped settings.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$REPO_ROOT/scripts/install-code-server.sh" >/dev/null
exec node "$REPO_ROOT/test/integration/runCodeServer.mjs" \
  --extensionDevelopmentPath "$REPO_ROOT" \
  --extensionTestsPath "$REPO_ROOT/test/integration/index.cjs" \
  --multi-root \
  "$@"
