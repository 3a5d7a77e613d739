import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { HeadingBlock, PlanDocument, TocBlock } from '../../server/src/core/render';
import { findPdfTools, type PdfEngine } from '../../server/src/export';
import { exportPlan } from '../support/service';
import { readExample } from '../support/fixtures';
import { artifactDir } from '../support/readers';

/**
 * The PDF as a reader of it sees it, on both routes (Chromium prints the HTML, LibreOffice the
 * DOCX): read back with poppler's pdftotext. Needs the tool and poppler-utils; a route whose tool is
 * missing is skipped (CI installs both: scripts/install-code-server.sh).
 */
const tools = findPdfTools();
const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error ? undefined : 'pdftotext';

/** The text of each page: laid out as on the page (`layout`), or in reading order. */
function pageTexts(pdf: Uint8Array, layout = true): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-pdftext-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    const out = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout.split('\f').slice(0, -1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const squeeze = (s: string): string => s.replace(/[\s\u00a0]+/g, '');
const lines = (page: string): string[] =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^-\s*\d+\s*-$/.test(l));

for (const engine of ['libreoffice', 'chromium'] as const satisfies readonly PdfEngine[]) {
  describe(`export: PDF through ${engine === 'chromium' ? 'Chromium' : 'LibreOffice'}`, function () {
    this.timeout(300_000);
    let pages: string[];
    let reading: string[];
    let doc: PlanDocument;

    before(async function () {
      if (!tools[engine] || !pdftotext) return this.skip();
      const result = await exportPlan(readExample('complete.gpuplan.json'), 'pdf', { pdfEngine: engine });
      doc = result.document;
      fs.writeFileSync(path.join(artifactDir('export'), `complete.test.${engine}.pdf`), result.bytes);
      pages = pageTexts(result.bytes);
      reading = pageTexts(result.bytes, false);
    });

    it('keeps every amount and number whole, with no space before its unit', () => {
      // In reading order: a line may end at a space, never inside a number or between it and its unit.
      const all = reading.join('\n');
      for (const amount of ['400,000원', '(9,800', '3,200,000원', '76,800,000원', '138,240', '36,900', '14곳', '6개월', '4대', '8장)']) {
        assert.ok(all.includes(amount), `"${amount}" whole in the PDF's text`);
      }
      assert.doesNotMatch(all, /\d[ \u00a0]+원[\s(),x×]/, 'no gap between a number and 원');
      assert.doesNotMatch(all, /\d,\d{0,2}\s*\n\s*\d/, 'no number broken across lines');
      assert.doesNotMatch(all, /400,00\s+0원|9,8\s+00|36,90\s+0/);
    });

    it('leaves no heading alone at the bottom of a page', () => {
      const headings = new Set(doc.blocks.filter((b): b is HeadingBlock => b.kind === 'heading').map((h) => squeeze(h.text)));
      pages.forEach((page, i) => {
        const last = lines(page).pop() ?? '';
        assert.ok(!headings.has(squeeze(last)), `page ${i + 1} ends with the heading "${last}"`);
      });
    });

    it('numbers its 목차 with the pages the headings are on', () => {
      const toc = doc.blocks.find((b): b is TocBlock => b.kind === 'toc');
      assert.ok(toc);
      const headingText = new Map(doc.blocks.flatMap((b) => (b.kind === 'heading' ? [[b.id, b.text] as const] : [])));
      const tocPage = pages.findIndex((p) => squeeze(p).includes(squeeze(toc.title)));
      assert.ok(tocPage >= 0);
      const tocLines = lines(pages[tocPage]);
      for (const entry of toc.entries) {
        // The entry as the 목차 writes it (HTML: "I. 과제 개요") or as the heading (DOCX's field: "I 과제 개요").
        const title = headingText.get(entry.id) ?? entry.text;
        const entryLine = (l: string) => squeeze(l.replace(/[.·…]{3,}/g, ' ').replace(/\s+\d+$/, ''));
        const line = tocLines.find((l) => entryLine(l) === squeeze(title) || entryLine(l) === squeeze(entry.text));
        assert.ok(line, `${title} in the 목차`);
        const page = Number(/(\d+)\s*$/.exec(line)?.[1]);
        assert.ok(page > tocPage + 1, `${title}: page ${page}`);
        assert.ok(
          lines(pages[page - 1]).some((l) => squeeze(l) === squeeze(title)),
          `${title} is on page ${page}`,
        );
      }
    });
  });
}
