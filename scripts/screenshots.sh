#!/usr/bin/env bash
# `npm run screenshots`: makes the Marketplace page's and the walkthrough's screenshots in a real
# VS Code (code-server), by running the screenshots suite (test/integration/screenshots/) once per
# display language. It writes media/screenshots/<lang>/<theme>/*.png and media/screenshots/<lang>/page.png,
# then shrinks each PNG (ImageMagick: 128 colours, no dithering, which keeps text sharp) and refuses any that is still 200 KB or more.
# Build first: this script runs `npm run build && npm run compile-tests` itself.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
OUT="$REPO_ROOT/media/screenshots"
LIMIT=$((200 * 1024))
command -v convert >/dev/null || { echo "screenshots: ImageMagick (convert) is needed: apt-get install imagemagick" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "screenshots: pdftoppm is needed: apt-get install poppler-utils" >&2; exit 2; }
bash scripts/install-code-server.sh >/dev/null
npm run --silent build
npm run --silent compile-tests

# A fresh set: a screenshot that is no longer made must not linger on the page.
NEW=$(mktemp -d "${TMPDIR:-/tmp}/gpuplan-screenshots.XXXXXX")
trap 'rm -rf "$NEW"' EXIT
for lang in ${GPUPLAN_SCREENSHOT_LOCALES:-en ko}; do
  echo "== screenshots ($lang)"
  node test/integration/runCodeServer.mjs \
    --extensionDevelopmentPath "$REPO_ROOT" \
    --extensionTestsPath "$REPO_ROOT/test/integration/index.cjs" \
    --suite-glob 'out/test/integration/screenshots/*.test.js' \
    --locale "$lang" \
    --env "GPUPLAN_SCREENSHOTS_OUT=$NEW"
done

status=0
while IFS= read -r -d '' png; do
  convert "$png" -strip +dither -colors 128 -define png:compression-level=9 "$png.small.png"
  mv "$png.small.png" "$png"
  size=$(stat -c %s "$png")
  rel=${png#"$NEW"/}
  printf '%7d bytes  %s\n' "$size" "$rel"
  if [ "$size" -ge "$LIMIT" ]; then echo "screenshots: $rel is $size bytes (limit $LIMIT)" >&2; status=1; fi
done < <(find "$NEW" -name '*.png' -print0 | sort -z)
[ "$status" -eq 0 ] || exit 1

for lang in ${GPUPLAN_SCREENSHOT_LOCALES:-en ko}; do
  rm -rf "${OUT:?}/$lang"
  mkdir -p "$OUT"
  cp -r "$NEW/$lang" "$OUT/$lang"
done
echo "screenshots: written to ${OUT#"$REPO_ROOT"/}"
