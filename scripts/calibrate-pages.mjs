#!/usr/bin/env node
// `npm run calibrate:pages`: measures the real page counts of the calibration plans in gpuplan's
// own PDF export, for the page estimate's unit test.
//
// 1. Writes the generated calibration plans (test/fixtures/calibration/generate.ts, deterministic)
//    to test/fixtures/calibration/*.gpuplan.json (skip with --no-generate to re-measure the
//    committed plans as they are).
// 2. Exports each through the project's own export, as `gpuplan export --format pdf` does
//    (service.exportDocument with the PDF writer, Chromium route, the default).
// 3. Counts pages in the PDF: chapter I–VI start pages from the PDF's named destinations (the
//    reader the export itself uses for the 목차's page numbers); where the 붙임 starts, from the
//    page count of the 붙임 alone (it starts on a page of its own); the 요약서 from a PDF of the
//    요약서 alone. Cross-checked: a PDF of the body alone must have as many pages, and when
//    poppler's pdftotext is installed, the page texts must put 요약서, I and 붙임 0 where measured.
// 4. Writes test/fixtures/calibration/measured.json: the counts, the tool and versions used.
//
// Options: --table (only rewrite the README table from measured.json, with the current
// estimate), --no-generate, --from-example (make the example-derived plans again from
// examples/complete.gpuplan.json; otherwise they are kept once made), --only NAME (measure one plan, print, write nothing), --keep DIR (keep
// the PDFs there), --engine chromium|libreoffice (default chromium; libreoffice writes
// measured-libreoffice.json, for information).
//
// Needs the compiled sources: the npm script runs `npm run build && npm run compile-tests` first.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const OUT = path.join(ROOT, 'out');
const DIR = path.join(ROOT, 'test', 'fixtures', 'calibration');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const engine = option('--engine') ?? 'chromium';
if (!['chromium', 'libreoffice'].includes(engine)) throw new Error(`--engine chromium|libreoffice, not ${engine}`);
const only = option('--only');
const keep = option('--keep');

if (!fs.existsSync(path.join(OUT, 'test', 'fixtures', 'calibration', 'generate.js'))) {
  process.stderr.write('Compile first: npm run build && npm run compile-tests (npm run calibrate:pages does both).\n');
  process.exit(2);
}
const { CALIBRATION_SPECS, planText, examplePlans } = require(path.join(OUT, 'test/fixtures/calibration/generate.js'));
const { createPlanService } = require(path.join(OUT, 'server/src/core/index.js'));
const { planToDocument } = require(path.join(OUT, 'server/src/core/render/index.js'));
const { createExporters, findPdfTools } = require(path.join(OUT, 'server/src/export/index.js'));
const { renderPdf } = require(path.join(OUT, 'server/src/export/pdf.js'));
const { pdfNamedDestinationPages, pdfOutlinePages } = require(path.join(OUT, 'server/src/export/pdf/read-pages.js'));
const { estimatePages } = require(path.join(OUT, 'server/src/core/pages/estimate.js'));

const tools = findPdfTools();
const tool = tools[engine];
if (!tool) {
  process.stderr.write(
    `${engine} was not found on the PATH (apt-get install ${engine === 'chromium' ? 'chromium fonts-noto-cjk' : 'libreoffice-writer-nogui fonts-noto-cjk'}).\n`,
  );
  process.exit(2);
}
const service = createPlanService({ exporters: createExporters({ pdf: { tools: { [engine]: tool } } }) });

/** Pages of a PDF: the /Count of its page tree's root (the largest /Count of a /Pages node). */
function pageCount(bytes) {
  const text = Buffer.from(bytes).toString('latin1');
  let count = 0;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g))
    count = Math.max(count, Number(m[1] ?? m[2]));
  if (count > 0) return count;
  // A page tree inside a compressed object stream: ask poppler.
  const file = path.join(os.tmpdir(), `gpuplan-calibrate-${process.pid}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const which = (name) => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};
const HAS_PDFTOTEXT = which('pdftotext');

/** Page texts, by poppler, for the cross-check (undefined without pdftotext). */
function pageTexts(bytes) {
  if (!HAS_PDFTOTEXT) return undefined;
  const file = path.join(os.tmpdir(), `gpuplan-calibrate-${process.pid}-text.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** A document of some of the blocks: a part of the form that starts and ends on page breaks. */
const part = (doc, from, to) => ({ ...doc, blocks: doc.blocks.slice(from, to), openFindings: [], counts: { errors: 0, warnings: 0, information: 0 } });

async function pdfOf(doc) {
  return (await renderPdf(doc, { engine, tools: { [engine]: tool } })).bytes;
}

async function measure(name, text) {
  const analysis = service.analyze(text, { locale: 'ko' });
  // The export, exactly as `gpuplan export --format pdf` makes it (without the findings list, which comes after the 붙임 anyway).
  const full = (await service.exportDocument(analysis, 'pdf', { pdfEngine: engine })).bytes;
  const doc = planToDocument({ plan: analysis.plan, cost: analysis.cost, findings: [], document: analysis.document });
  const index = (id) => doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === id);
  const [summaryAt, bodyAt, attachmentAt] = [index('summary'), index('ch-1'), index('attachment-0')];
  if (summaryAt < 0 || bodyAt < 0 || attachmentAt < 0) throw new Error(`${name}: the document has no 요약서, chapter I or 붙임 heading`);

  let starts;
  if (engine === 'chromium') {
    const destinations = pdfNamedDestinationPages(full);
    starts = [1, 2, 3, 4, 5, 6].map((k) => destinations.get(`ch-${k}`));
  } else {
    // LibreOffice: the PDF's outline when it has one, else the page that begins with the chapter's heading.
    const outline = pdfOutlinePages(full);
    const titles = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1 && b.toc).map((b) => b.text.replace(/\s+/g, ''));
    starts = titles.map((t) => outline.find((o) => o.title.replace(/\s+/g, '') === t)?.page);
    const texts = starts.some((p) => p === undefined) ? pageTexts(full) : undefined;
    if (texts) {
      const firstLine = (i) => (texts[i] ?? '').trim().split('\n')[0].replace(/\s+/g, '');
      let from = 0;
      starts = titles.map((t) => {
        for (let i = from; i < texts.length; i++) if (firstLine(i) === t) return (from = i + 1);
        return undefined;
      });
    }
  }
  if (starts.some((p) => p === undefined)) throw new Error(`${name}: the PDF does not say where every chapter starts (${starts.join(', ')})`);

  const total = pageCount(full);
  const [summaryPdf, bodyPdf, attachmentPdf] = await Promise.all([
    pdfOf(part(doc, summaryAt, bodyAt)),
    pdfOf(part(doc, bodyAt, attachmentAt)),
    pdfOf(part(doc, attachmentAt)),
  ]);
  const attachmentPages = pageCount(attachmentPdf);
  const bodyEnd = total - attachmentPages;
  const body = bodyEnd - starts[0] + 1;
  const summary = pageCount(summaryPdf);
  const summaryStart = starts[0] - summary;
  const chapters = starts.map((start, k) => (k < 5 ? starts[k + 1] : bodyEnd + 1) - start);

  // Cross-checks. A part that ends exactly at the bottom of a page is followed by an empty page
  // in the export (its page break lands on a page of its own): count those pages too, as they
  // are in the PDF, and say where they are.
  const alone = pageCount(bodyPdf);
  const texts = pageTexts(full);
  let blank = null;
  if (texts) {
    const first = (page) => (texts[page - 1] ?? '').trim().split('\n')[0].replace(/\s+/g, '');
    const checks = [
      [summaryStart, '요약서'],
      [starts[0], 'I과제개요'],
      [bodyEnd + 1, '붙임0'],
    ];
    for (const [page, wanted] of checks) if (!first(page).startsWith(wanted)) throw new Error(`${name}: page ${page} begins "${first(page)}", not ${wanted}`);
    blank = [];
    for (let page = starts[0]; page <= bodyEnd; page++) if (/^-\s*\d+\s*-$/.test((texts[page - 1] ?? '').trim())) blank.push(page);
    const trailing = blank.includes(bodyEnd) ? 1 : 0;
    if (alone !== body - trailing) throw new Error(`${name}: the body is ${body} pages in the export (${trailing} empty at its end) but ${alone} pages alone`);
  } else if (alone !== body && alone !== body - 1) {
    throw new Error(`${name}: the body is ${body} pages in the export but ${alone} pages alone`);
  }
  if (keep) {
    fs.mkdirSync(keep, { recursive: true });
    fs.writeFileSync(path.join(keep, `${name}.pdf`), full);
  }
  return {
    body,
    summary,
    chapters,
    emptyPages: blank,
    total,
    summaryStart,
    bodyStart: starts[0],
    attachmentStart: bodyEnd + 1,
    budget: analysis.cost.pageBudget,
  };
}

function version(command, argv) {
  try {
    return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, HOME: os.tmpdir() } })
      .trim()
      .split('\n')[0];
  } catch {
    return 'unknown';
  }
}

function fontOf(stack) {
  return which('fc-match') ? version('fc-match', ['-f', '%{family[0]} (%{file})', stack]) : 'unknown (no fc-match)';
}

/** The plans to measure: the generated ones, then those made from the complete example. */
function calibrationPlans() {
  const fixture = (name) => path.join(DIR, `${name}.gpuplan.json`);
  const plans = CALIBRATION_SPECS.map((spec) => ({
    name: spec.name,
    text: () => (flag('--no-generate') ? fs.readFileSync(fixture(spec.name), 'utf8') : planText(spec)),
  }));
  const example = fs.readFileSync(path.join(ROOT, 'examples', 'complete.gpuplan.json'), 'utf8');
  for (const { name, text } of examplePlans(example)) {
    // Fixtures once made: kept as they are unless --from-example asks to make them again.
    plans.push({ name, text: () => (fs.existsSync(fixture(name)) && !flag('--from-example') ? fs.readFileSync(fixture(name), 'utf8') : text) });
  }
  return plans;
}

async function main() {
  if (flag('--table')) {
    // Only the README table, from measured.json as it is (after a change to the estimate).
    const measured = JSON.parse(fs.readFileSync(path.join(DIR, 'measured.json'), 'utf8'));
    updateReadme(measured.plans, measured.measuredWith);
    return;
  }
  const all = calibrationPlans();
  const selected = only ? all.filter((p) => p.name === only) : all;
  if (selected.length === 0) throw new Error(`No calibration plan named ${only}`);
  const plans = [];
  for (const plan of selected) {
    const file = path.join(DIR, `${plan.name}.gpuplan.json`);
    const text = plan.text();
    if (!only) fs.writeFileSync(file, text);
    const started = Date.now();
    const m = await measure(plan.name, text);
    process.stdout.write(
      `${plan.name.padEnd(26)} body ${String(m.body).padStart(3)}  summary ${m.summary}  chapters ${m.chapters.join('+')}${m.emptyPages?.length ? `  empty ${m.emptyPages.join(',')}` : ''}  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    plans.push({ name: plan.name, file: `${plan.name}.gpuplan.json`, ...m });
  }
  if (only) return;
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const table = {
    description: "Real page counts of the calibration plans in gpuplan's own PDF export. Written by `npm run calibrate:pages`; do not edit by hand.",
    measuredWith: {
      gpuplan: pkg.version,
      commit: version('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
      route:
        engine === 'chromium'
          ? 'service.exportDocument → renderPdf, Chromium printing the HTML export (the default route)'
          : 'service.exportDocument → renderPdf, LibreOffice converting the DOCX export',
      tool: version(tool, ['--version']),
      fonts: {
        body: fontOf('휴먼명조,HCR Batang,바탕,Batang,AppleMyungjo,Noto Serif CJK KR,Noto Serif KR,serif'),
        headings: fontOf('맑은 고딕,Malgun Gothic,Apple SD Gothic Neo,Noto Sans CJK KR,Noto Sans KR,sans-serif'),
      },
      fontPackage: which('dpkg-query') ? version('dpkg-query', ['-W', '-f', '${Package} ${Version}', 'fonts-noto-cjk']) : 'unknown',
      node: process.version,
      date: new Date().toISOString().slice(0, 10),
      crossChecked: HAS_PDFTOTEXT ? 'body alone; page texts (pdftotext)' : 'body alone',
    },
    counting:
      "body = chapter I–VI pages (the form: 표지, 목차, 붙임 excluded; the 요약서 counted on its own); chapter starts from the PDF's destinations, the 붙임's start from its own page count",
    plans,
  };
  const out = path.join(DIR, engine === 'chromium' ? 'measured.json' : `measured-${engine}.json`);
  fs.writeFileSync(out, JSON.stringify(table, null, 2) + '\n');
  process.stdout.write(`Wrote ${path.relative(ROOT, out)} (${plans.length} plans).\n`);
  if (engine === 'chromium') updateReadme(plans, table.measuredWith);
}

/** The README's calibration table (between its markers): each plan, its real pages, the estimate and the error. */
function updateReadme(plans, measuredWith) {
  const rows = plans.map((p) => {
    const plan = JSON.parse(fs.readFileSync(path.join(DIR, p.file), 'utf8'));
    const e = estimatePages(plan, service.analyze(JSON.stringify(plan)).cost);
    const error = e.bodyPages - p.body;
    const allowed = Math.max(1.5, 0.1 * p.body);
    return { p, e, error, allowed };
  });
  const signed = (n) => (n > 0 ? `+${n}` : String(n));
  const lines = [
    '| plan | budget | body, real | body, estimate | error | allowed | 요약서, real / estimate |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      ({ p, e, error, allowed }) =>
        `| \`${p.name}\` | ${p.budget} | ${p.body} | ${e.bodyPages} | ${signed(error)}${Math.abs(error) > allowed ? ' **over**' : ''} | ±${Math.round(allowed * 10) / 10} | ${p.summary} / ${e.summaryPages} |`,
    ),
  ];
  const worst = rows.reduce((a, b) => (Math.abs(b.error) > Math.abs(a.error) ? b : a));
  const mean = rows.reduce((s, r) => s + Math.abs(r.error), 0) / rows.length;
  lines.push(
    '',
    `Largest error ${signed(worst.error)} page${Math.abs(worst.error) === 1 ? '' : 's'} (\`${worst.p.name}\`, ${worst.p.body} real pages); mean absolute error ${mean.toFixed(2)} pages over ${rows.length} plans. ` +
      `Measured ${measuredWith.date} with ${measuredWith.tool}, fonts ${measuredWith.fonts.body.split(' (')[0]} / ${measuredWith.fonts.headings.split(' (')[0]} (${measuredWith.fontPackage}).`,
  );
  const readme = path.join(ROOT, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const start = '<!-- calibration-table:start (npm run calibrate:pages writes this table) -->';
  const end = '<!-- calibration-table:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    process.stdout.write('README.md has no calibration table markers: the table is\n\n' + lines.join('\n') + '\n');
    return;
  }
  fs.writeFileSync(readme, text.slice(0, from + start.length) + '\n' + lines.join('\n') + '\n' + text.slice(to));
  process.stdout.write('Updated the calibration table in README.md.\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
