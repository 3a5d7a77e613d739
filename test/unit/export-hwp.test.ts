import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PlanDocument } from '../../server/src/core/render';
import { documentLayout, formatFromPath, hwpxToHwp, renderHwpx } from '../../server/src/export';
import { exportPlan } from '../support/service';
import { readExample, ROOT } from '../support/fixtures';
import { artifactDir, kordocParse, markdownText, missingInOrder, modelTexts, overlappingLines, rhwpLayout } from '../support/readers';

/**
 * The HWP export: the HWPX, written again as HWP 5 by rhwp. Every HWP is read by two readers:
 * kordoc (its markdown has the whole text and every table) and rhwp (it reopens the file with the
 * pages of the HWPX, and its SVG pages are the layout check).
 */
describe('export: HWP', function () {
  this.timeout(240_000);
  let bytes: Uint8Array;
  let doc: PlanDocument;

  before(async () => {
    const result = await exportPlan(readExample('complete.gpuplan.json'), 'hwp');
    bytes = result.bytes;
    doc = result.document;
    fs.writeFileSync(path.join(artifactDir('export'), 'complete.test.hwp'), bytes);
  });

  it('is an HWP 5 compound file', () => {
    assert.deepEqual([...bytes.subarray(0, 8)], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    assert.equal(formatFromPath('plan.hwp'), 'hwp');
    assert.equal(formatFromPath('plan.hwpx'), 'hwpx');
  });

  it('is reopened by rhwp with the pages of the HWPX, and laid out with no line over another', async () => {
    const layout = await documentLayout(doc);
    const pages = rhwpLayout(bytes).pages;
    assert.equal(pages.length, layout.pages);
    const dir = artifactDir('export/rhwp-hwp');
    pages.forEach((page, i) => {
      assert.match(page.svg, /^<svg [^>]*viewBox="0 0 793\.\d+ 1122\.\d+"/);
      assert.deepEqual(overlappingLines(page), [], `page ${i + 1}`);
      fs.writeFileSync(path.join(dir, `page-${String(i + 1).padStart(2, '0')}.svg`), page.svg);
    });
    // The 목차's numbers are where rhwp puts the headings in the HWP too.
    for (const [id, page] of layout.tocPages ?? []) {
      const heading = doc.blocks.find((b) => b.kind === 'heading' && b.id === id);
      assert.ok(heading && heading.kind === 'heading');
      assert.ok(pages[page - 1].text.includes(heading.text), `${heading.text} on page ${page}`);
    }
  });

  it('is read by kordoc: HWP 5, every table, the whole text in order, a numbered 목차', async () => {
    const parsed = await kordocParse(bytes);
    assert.ok(parsed.success, parsed.error);
    assert.match(parsed.metadata?.version ?? '', /^5\./);
    assert.equal((parsed.blocks ?? []).filter((b) => b.type === 'table').length, doc.blocks.filter((b) => b.kind === 'table').length);
    const text = markdownText(parsed.markdown ?? '');
    assert.deepEqual(missingInOrder(modelTexts(doc), text), []);
    const pages = (await documentLayout(doc)).tocPages;
    assert.ok(pages && pages.size > 20);
    for (const [id, page] of pages) {
      const heading = doc.blocks.find((b) => b.kind === 'heading' && b.id === id);
      assert.ok(heading && heading.kind === 'heading');
      assert.match(text, new RegExp(`${heading.text.replace(/[.()]/g, '\\$&')}\\s+${page}\\b`), heading.text);
    }
    fs.writeFileSync(path.join(artifactDir('export'), 'complete.test.hwp.md'), parsed.markdown ?? '');
  });

  it('refuses an HWP that rhwp does not reopen as the document', async () => {
    // A document rhwp cannot read is no document at all.
    assert.throws(() => hwpxToHwp(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])), /rhwp could not open the document/);
    // The mistakes example (with its findings asked for) converts as well: every page survives.
    const result = await exportPlan(readExample('mistakes.gpuplan.json'), 'hwp', { includeFindings: true });
    const parsed = await kordocParse(result.bytes);
    assert.ok(parsed.success);
    assert.ok(markdownText(parsed.markdown ?? '').includes('registration-number-checksum'));
    const hwpx = await renderHwpx(result.document);
    assert.ok(hwpxToHwp(hwpx).pages > 10);
  });
});

describe('CLI: gpuplan export --format hwp (bundled dist/cli.js)', function () {
  this.timeout(240_000);
  const CLI = path.join(ROOT, 'dist', 'cli.js');
  let dir: string;

  before(() => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'rhwp_bg.wasm')), 'npm run build copies rhwp_bg.wasm into dist/');
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-hwp-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('works from the bundle alone, offline: no network, no other program, no node_modules', () => {
    // The bundle and its WebAssembly module, copied where no node_modules can be found.
    fs.copyFileSync(CLI, path.join(dir, 'cli.js'));
    fs.copyFileSync(path.join(ROOT, 'dist', 'rhwp_bg.wasm'), path.join(dir, 'rhwp_bg.wasm'));
    const log = path.join(dir, 'network.log');
    const preload = path.join(ROOT, 'out', 'test', 'support', 'no-network.js');
    const plan = path.join(dir, 'plan.gpuplan.json');
    fs.copyFileSync(path.join(ROOT, 'examples', 'complete.gpuplan.json'), plan);
    const r = spawnSync(process.execPath, ['-r', preload, path.join(dir, 'cli.js'), 'export', plan, '-o', path.join(dir, 'plan.hwp'), '--lang', 'en'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GPUPLAN_NETWORK_LOG: log, NODE_PATH: '' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Wrote .*plan\.hwp \(HWP\)\.$/m);
    const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
    assert.ok(
      lines.some((l) => l.startsWith('loaded ')),
      'the preload was active',
    );
    assert.deepEqual(
      lines.filter((l) => l.startsWith('blocked')),
      [],
    );
    assert.deepEqual([...fs.readFileSync(path.join(dir, 'plan.hwp')).subarray(0, 4)], [0xd0, 0xcf, 0x11, 0xe0]);
  });

  it('says clearly when the WebAssembly module is missing, and writes nothing', () => {
    fs.copyFileSync(CLI, path.join(dir, 'cli.js'));
    const r = spawnSync(
      process.execPath,
      [path.join(dir, 'cli.js'), 'export', path.join(ROOT, 'examples', 'complete.gpuplan.json'), '-o', path.join(dir, 'plan.hwp'), '--lang', 'en'],
      { cwd: dir, encoding: 'utf8' },
    );
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /rhwp_bg\.wasm/);
    assert.ok(!fs.existsSync(path.join(dir, 'plan.hwp')));
  });
});
