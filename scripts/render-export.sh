#!/usr/bin/env bash
# Visual check of the export: renders the example plans in every format and turns the pages into
# PNGs to look at, in test/artifacts/export/ (gitignored).
#
#   scripts/render-export.sh [PLAN.gpuplan.json ...]      (default: examples/complete and mistakes)
#
# Needs Chromium (chromium, chromium-browser or google-chrome), LibreOffice (soffice) and poppler's
# pdftoppm; on Debian: apt-get install chromium libreoffice-writer-nogui fonts-noto-cjk poppler-utils.
# Not part of `npm test`: CI may lack these tools.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/test/artifacts/export
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gpuplan-render.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

find_tool() { for name in "$@"; do if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi; done; return 1; }
CHROMIUM=$(find_tool chromium chromium-browser google-chrome google-chrome-stable) || { echo "render-export: Chromium not found" >&2; exit 2; }
SOFFICE=$(find_tool soffice libreoffice) || { echo "render-export: LibreOffice not found" >&2; exit 2; }
PDFTOPPM=$(find_tool pdftoppm) || { echo "render-export: pdftoppm (poppler-utils) not found" >&2; exit 2; }

CHROME_FLAGS=(--headless --no-sandbox --disable-gpu --hide-scrollbars --disable-background-networking --disable-component-update
  --disable-sync --no-first-run --no-default-browser-check --user-data-dir="$WORK/chromium-profile")

# The CLI bundle; the full build needs the server and client entries too, so fall back to the CLI alone.
if ! node esbuild.mjs >"$WORK/build.log" 2>&1; then
  npx esbuild server/src/cli.ts --bundle --platform=node --target=node20 --main-fields=module,main --outfile=dist/cli.js --log-level=warning
fi

PLANS=("$@")
if [ ${#PLANS[@]} -eq 0 ]; then PLANS=(examples/complete.gpuplan.json examples/mistakes.gpuplan.json); fi

rm -rf "$OUT"
mkdir -p "$OUT"
for plan in "${PLANS[@]}"; do
  name=$(basename "$plan" .gpuplan.json)
  dir=$OUT/$name
  mkdir -p "$dir"
  echo "== $plan"
  for format in docx html hwpx; do
    node dist/cli.js export "$plan" --format "$format" -o "$dir/$name.$format" --overwrite --force --lang en
  done
  node dist/cli.js export "$plan" --format pdf --pdf-engine chromium -o "$dir/$name.chromium.pdf" --overwrite --force --lang en
  node dist/cli.js export "$plan" --format pdf --pdf-engine libreoffice -o "$dir/$name.libreoffice.pdf" --overwrite --force --lang en

  # HTML → PNG: the first screen of the page as a browser shows it.
  "$CHROMIUM" "${CHROME_FLAGS[@]}" --window-size=1240,1754 --screenshot="$dir/$name.html.png" "file://$dir/$name.html" 2>/dev/null
  # DOCX → PDF with LibreOffice, as a reader of the DOCX would see it (one pass, 목차 as Word leaves it).
  "$SOFFICE" --headless --norestore --nolockcheck -env:UserInstallation="file://$WORK/libreoffice-profile" \
    --convert-to pdf --outdir "$WORK" "$dir/$name.docx" >/dev/null 2>&1
  mv "$WORK/$name.pdf" "$dir/$name.docx.pdf"
  # PDF → PNG, every page.
  for pdf in "$dir/$name.docx.pdf" "$dir/$name.chromium.pdf" "$dir/$name.libreoffice.pdf"; do
    base=$(basename "$pdf" .pdf)
    "$PDFTOPPM" -r 60 -png "$pdf" "$dir/png-$base"
    echo "   $(basename "$pdf"): $(ls "$dir"/png-"$base"-*.png | wc -l) pages"
  done

  # The 민간부담금 row of the documents must be the cost preview's (`gpuplan cost`), figure by figure.
  node dist/cli.js cost "$plan" --format json --lang ko >"$WORK/cost.json"
  node -e '
    const fs = require("fs");
    const cost = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    const html = fs.readFileSync(process.argv[2], "utf8");
    const row = cost.table.row || [];
    const strip = (s) => s.replace(/<[^>]+>/g, " ").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(n)).replace(/\s+/g, " ");
    const table = (html.match(/<table[^>]*data-table="copayment"[\s\S]*?<\/table>/) || [""])[0];
    const missing = row.filter((cell) => !strip(table).includes(cell));
    if (cost.table.applicable && !strip(html).includes(cost.table.applicable)) missing.push(cost.table.applicable);
    if (missing.length) { console.error("   cost table differs from `gpuplan cost`: " + missing.join(" | ")); process.exit(1); }
    console.log("   cost table = gpuplan cost: " + (row.join(" | ") || cost.table.summary));
  ' "$WORK/cost.json" "$dir/$name.html"
done
echo "Pages are in $OUT"
