import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { HeadingBlock, PlanDocument, TocBlock } from '../../server/src/core/render';
import { findPdfTools, type PdfEngine } from '../../server/src/export';
import { exportPlan } from '../support/service';
import { readExample } from '../support/fixtures';
import { artifactDir, modelTexts } from '../support/readers';
import { keepWords, noAsianLanguage } from '../../server/src/export/pdf/odt';

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

/**
 * Words of the complete example with a piece (between the breaks Korean allows, before "(" and after
 * "/") wider than their table cell on the LibreOffice route: these must break, and LibreOffice breaks
 * them after their first character ("(" in the 주요 실적's 사업명 column).
 */
const OVERLONG = new Set(['(과학기술정보통신부/정보통신산업진흥원)', '(과학기술정보통신부/한국데이터산업진흥원)']);

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

    it('keeps words that mix scripts whole (6개월, GPU시간, 4대), as keep-all does', () => {
      // Every word of the model that joins digits or Latin letters and Hangul: none of its script
      // changes may fall at the end of a line of the PDF (LibreOffice broke "6 / 개월", "GPU / 시간").
      const all = reading.join('\n').replace(/[ \t]*\n[ \t]*/g, '\n');
      const words = new Set(
        modelTexts(doc)
          .flatMap((t) => t.split(/\s+/))
          .filter((w) => /[0-9A-Za-z][\uac00-\ud7a3]|[\uac00-\ud7a3][0-9A-Za-z]/.test(w)),
      );
      assert.ok(words.size > 20 && words.has('6개월') && [...words].some((w) => w.startsWith('GPU시간')), [...words].join(' '));
      const splits: string[] = [];
      for (const word of words) {
        const chars = Array.from(word);
        for (let k = 1; k < chars.length; k++) {
          const change = /[0-9A-Za-z]/.test(chars[k - 1]) !== /[0-9A-Za-z]/.test(chars[k]) && /[\uac00-\ud7a3]/.test(chars[k - 1] + chars[k]);
          const split = `${chars.slice(0, k).join('')}\n${chars.slice(k).join('')}`;
          if (change && all.includes(split)) splits.push(split.replace('\n', ' / '));
        }
      }
      assert.deepEqual(splits, []);
    });

    it('breaks no Korean word inside, as keep-all does, unless it is longer than its line', function () {
      // LibreOffice only: Chromium's keep-all follows Unicode line breaking, which also breaks a word
      // after a closing parenthesis ("3,000만원) / 로").
      if (engine !== 'libreoffice') return this.skip();
      // Every space-delimited word of the model with Hangul in it (with its punctuation and
      // particles): none may be cut at the end of a line of the PDF, read in reading order
      // (LibreOffice broke "법학전문석사( / 법학)", "전략· / 자원", "토큰( / 공공기관"). None of the
      // complete example's words but those of OVERLONG is wider than its cell.
      const all = reading.join('\n').replace(/[ \t]*\n[ \t]*/g, '\n');
      const words = new Set(
        modelTexts(doc)
          .flatMap((t) => t.split(/\s+/))
          .filter((w) => /[\uac00-\ud7a3]/.test(w)),
      );
      assert.ok(words.size > 500 && words.has('정보통신산업진흥원'), String(words.size));
      const spaced = modelTexts(doc).join('\n').replace(/\s+/g, ' ');
      const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const splits: string[] = [];
      for (const word of words) {
        const chars = Array.from(word);
        // The word as the PDF may show it, over any number of lines.
        const shown = new RegExp(`(?<=^|\\s)${chars.map(escape).join('\\n?')}(?=\\s|$)`, 'g');
        for (const match of all.matchAll(shown)) {
          const pieces = match[0].split('\n');
          for (let k = 1; k < pieces.length; k++) {
            const [before, after] = [pieces.slice(0, k).join(''), pieces.slice(k).join('')];
            // Korean may break before an opening parenthesis and after a slash (so do the writers' labels).
            if (after.startsWith('(') || before.endsWith('/')) continue;
            // The same two words with a space between them elsewhere ("지원 사업" beside "지원사업") break there.
            if (pieces.length === 2 && spaced.includes(`${before} ${after}`)) continue;
            if (OVERLONG.has(word)) continue;
            splits.push(`${pieces.slice(0, k).join('')} / ${pieces.slice(k).join('')}`);
          }
        }
      }
      assert.deepEqual([...new Set(splits)], []);
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

describe('export: LibreOffice ODT keeps Korean words whole', () => {
  it('puts word joiners between the East Asian characters of each word, across spans, and nowhere else', () => {
    const xml =
      '<text:p><text:span text:style-name="T1">(3,200 GPU</text:span><text:span text:style-name="T2">시간) 6개월 &amp;법령·행정</text:span><text:tab/>4대 진흥원)</text:p>' +
      '<text:p>GPU 3,200 (A100)</text:p>';
    const j = '\u2060';
    assert.equal(
      keepWords(xml),
      `<text:p><text:span text:style-name="T1">(3,200 GPU</text:span><text:span text:style-name="T2">${j}시${j}간${j}) 6${j}개${j}월 &amp;${j}법${j}령${j}·${j}행${j}정</text:span><text:tab/>4${j}대 진${j}흥${j}원${j})</text:p>` +
        '<text:p>GPU 3,200 (A100)</text:p>',
    );
  });

  it('gives every style no Asian language, so that LibreOffice follows Unicode line breaking', () => {
    const xml =
      '<style:text-properties fo:language="ko" fo:country="KR" style:language-asian="ko" style:country-asian="KR"/><style:text-properties style:language-asian="ja" style:country-asian="JP"/>';
    assert.equal(
      noAsianLanguage(xml),
      '<style:text-properties fo:language="ko" fo:country="KR" style:language-asian="zxx" style:country-asian="none"/><style:text-properties style:language-asian="zxx" style:country-asian="none"/>',
    );
  });
});
