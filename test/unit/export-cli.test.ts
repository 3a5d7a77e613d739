import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { pdfNamedDestinationPages } from '../../server/src/export/pdf/read-pages';
import { ROOT } from '../support/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const complete = path.join(ROOT, 'examples', 'complete.gpuplan.json');
const mistakes = path.join(ROOT, 'examples', 'mistakes.gpuplan.json');

describe('CLI: gpuplan export (bundled dist/cli.js)', () => {
  let dir: string;

  function run(args: string[], env: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, [CLI, 'export', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GPUPLAN_LANG: '', LANG: 'C', ...env } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  before(() => assert.ok(fs.existsSync(CLI), 'run `npm run build` first'));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-export-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a DOCX next to the plan by default and exits 0', () => {
    fs.copyFileSync(complete, path.join(dir, 'plan.gpuplan.json'));
    const { code, stdout, stderr } = run(['plan.gpuplan.json', '--lang', 'en']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Wrote plan\.docx \(DOCX\)\.$/m);
    assert.equal(fs.readFileSync(path.join(dir, 'plan.docx')).subarray(0, 2).toString(), 'PK');
  });

  it('takes the format from -o, or from --format', async () => {
    let r = run([complete, '-o', 'out/plan.html', '--lang', 'en']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'out', 'plan.html'), 'utf8'), /^<!DOCTYPE html>/);
    r = run([complete, '--format', 'hwpx', '--output', 'plan.hwpx']);
    assert.equal(r.code, 0, r.stderr);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'plan.hwpx')));
    assert.equal(await zip.file('mimetype')?.async('string'), 'application/hwp+zip');
  });

  it('exports a plan with errors, and exits 1 unless --force', () => {
    let r = run([mistakes, '-o', 'm.docx', '--lang', 'en']);
    assert.equal(r.code, 1);
    assert.ok(fs.existsSync(path.join(dir, 'm.docx')), 'the document is written all the same');
    assert.match(r.stderr, /The plan has 11 error\(s\) and 23 warning\(s\); the document lists them at its end\./);
    assert.match(r.stderr, /add --force/);
    r = run([mistakes, '-o', 'm.docx', '--overwrite', '--force', '--lang', 'en']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /11 error\(s\)/);
  });

  it('refuses to replace a file without --overwrite', () => {
    fs.writeFileSync(path.join(dir, 'x.docx'), 'keep me');
    let r = run([complete, '-o', 'x.docx', '--lang', 'en']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /x\.docx already exists\. Add --overwrite to replace it\./);
    assert.equal(fs.readFileSync(path.join(dir, 'x.docx'), 'utf8'), 'keep me');
    r = run([complete, '-o', 'x.docx', '--overwrite']);
    assert.equal(r.code, 0);
    assert.notEqual(fs.readFileSync(path.join(dir, 'x.docx'), 'utf8'), 'keep me');
  });

  it('never writes over the plan itself', () => {
    fs.copyFileSync(complete, path.join(dir, 'p.json'));
    const r = run(['p.json', '--format', 'html', '-o', 'p.json', '--overwrite', '--lang', 'en']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is the plan itself/);
  });

  it('explains usage mistakes and bad input, with exit 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [[complete, '--bogus'], /Unknown option: --bogus/],
      [[complete, '--format', 'odt'], /Unknown format "odt"\. Choose one of: docx, html, hwpx, pdf\./],
      [[complete, '-o', 'plan.txt'], /Cannot tell the format from the name plan\.txt/],
      [[complete, '--format', 'pdf', '-o', 'plan.docx'], /does not end in \.pdf/],
      [[], /Name exactly one plan file\./],
      [['missing.gpuplan.json'], /File not found: missing\.gpuplan\.json/],
      [[path.join(ROOT, 'package.json')], /is not a gpuplan plan/],
      [[complete, '--format', 'pdf', '--pdf-engine', 'word'], /Unknown PDF engine "word"/],
    ];
    for (const [args, message] of cases) {
      const r = run([...args, '--lang', 'en']);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
  });

  it('names both PDF tools when neither is found, and writes nothing', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-nopath-'));
    try {
      const r = run([complete, '--format', 'pdf', '--lang', 'en'], { PATH: empty });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /neither Chromium \(chromium, chromium-browser, google-chrome\) nor LibreOffice \(soffice, libreoffice\)/);
      assert.deepEqual(fs.readdirSync(dir), []);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('speaks Korean by default, while the document is always Korean', () => {
    const r = run([complete, '-o', 'k.html', '--lang', 'ko']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /k\.html/);
    assert.doesNotMatch(r.stdout, /Wrote/);
    assert.match(fs.readFileSync(path.join(dir, 'k.html'), 'utf8'), /<h1 id="ch-1" class="chapter"><span class="num">I<\/span><span class="title">과제 개요<\/span><\/h1>/);
  });

  it('prints its help', () => {
    const r = run(['--help', '--lang', 'en']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /gpuplan export FILE \[--format docx\|html\|hwpx\|pdf\] \[-o OUT\] \[--force\] \[--overwrite\]/);
    assert.match(r.stdout, /--overwrite/);
  });
});

describe('export: reading page numbers back from a PDF', () => {
  it('maps named destinations to pages through the page tree', () => {
    const pdf = [
      '%PDF-1.4',
      '1 0 obj\n<</Type /Catalog /Pages 2 0 R /Dests 9 0 R>>\nendobj',
      '2 0 obj\n<</Type /Pages /Count 3 /Kids [3 0 R 4 0 R]>>\nendobj',
      '3 0 obj\n<</Type /Page /Parent 2 0 R>>\nendobj',
      '4 0 obj\n<</Type /Pages /Parent 2 0 R /Count 2 /Kids [5 0 R 6 0 R]>>\nendobj',
      '5 0 obj\n<</Type /Page /Parent 4 0 R>>\nendobj',
      '6 0 obj\n<</Type /Page /Parent 4 0 R>>\nendobj',
      '9 0 obj\n<</ch-1 [5 0 R /XYZ 0 841 0]\n/ch-1-2 [6 0 R /XYZ 0 300 0]\n/odd#2Did [3 0 R /XYZ 0 0 0]>>\nendobj',
      'trailer\n<</Root 1 0 R>>\n%%EOF',
    ].join('\n');
    const pages = pdfNamedDestinationPages(new TextEncoder().encode(pdf));
    assert.deepEqual([...pages], [['ch-1', 2], ['ch-1-2', 3], ['odd-id', 1]]);
    assert.deepEqual([...pdfNamedDestinationPages(new TextEncoder().encode('not a pdf'))], []);
  });
});
