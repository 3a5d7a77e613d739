import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { HeadingBlock, PlanDocument, TableBlock, TocBlock } from '../../server/src/core/render';
import { documentLayout, hwpxParts } from '../../server/src/export';
import { cellParagraphTexts, cellSizePt, cellTextWidthMm, fitLabel, placeCells } from '../../server/src/export/layout';
import { exportPlan } from '../support/service';
import { readExample } from '../support/fixtures';
import {
  artifactDir,
  kordocParse,
  kordocRender,
  markdownText,
  missingInOrder,
  modelTexts,
  overlappingBoxes,
  overlappingLines,
  rhwpLayout,
  type RhwpLayout,
} from '../support/readers';

const CHAPTERS = ['I 과제 개요', 'II 과제 주요 내용', 'III GPU 자원 활용 계획', 'IV 활용 확산 추진 방안', 'V 추진 계획 및 기대효과', 'VI 기관현황'];

const attr = (xml: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];
/** Top-level paragraphs of the section (not those inside table cells), in order. */
function topLevelParagraphs(section: string): string[] {
  const body = section.replace(/^[\s\S]*?<hs:sec [^>]*>/, '').replace(/<\/hs:sec>$/, '');
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  const re = /<hp:p [^>]*>|<\/hp:p>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[0].startsWith('</')) {
      depth--;
      if (depth === 0) out.push(body.slice(start, m.index + m[0].length));
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return out;
}
const ownText = (p: string): string =>
  [...p.replace(/<hp:tbl [\s\S]*<\/hp:tbl>/g, '').matchAll(/<hp:t>([\s\S]*?)<\/hp:t>/g)].map((t) => t[1].replace(/<[^>]+>/g, '')).join('');

describe('export: HWPX', function () {
  // rhwp lays the document out to number the 목차 (a few seconds on a busy machine).
  this.timeout(180_000);
  let bytes: Uint8Array;
  let zip: JSZip;
  let doc: PlanDocument;
  let header: string;
  let section: string;
  let rhwp: RhwpLayout;

  before(async () => {
    const result = await exportPlan(readExample('complete.gpuplan.json'), 'hwpx');
    bytes = result.bytes;
    doc = result.document;
    zip = await JSZip.loadAsync(bytes);
    header = (await zip.file('Contents/header.xml')?.async('string')) ?? '';
    section = (await zip.file('Contents/section0.xml')?.async('string')) ?? '';
    rhwp = rhwpLayout(bytes);
    fs.writeFileSync(path.join(artifactDir('export'), 'complete.test.hwpx'), bytes);
  });

  it('is an OWPML package: mimetype first and stored, then the parts Hangul reads', async () => {
    const view = Buffer.from(bytes);
    assert.equal(view.readUInt32LE(0), 0x04034b50, 'a local file header first');
    assert.equal(view.readUInt16LE(8), 0, 'stored, not compressed');
    const nameLength = view.readUInt16LE(26);
    const extraLength = view.readUInt16LE(28);
    assert.equal(view.subarray(30, 30 + nameLength).toString('latin1'), 'mimetype');
    assert.equal(view.subarray(30 + nameLength + extraLength, 30 + nameLength + extraLength + 19).toString('latin1'), 'application/hwp+zip');
    for (const part of [
      'version.xml',
      'META-INF/container.xml',
      'META-INF/manifest.xml',
      'Contents/content.hpf',
      'Contents/header.xml',
      'Contents/section0.xml',
      'settings.xml',
      'Preview/PrvText.txt',
    ]) {
      assert.ok(zip.file(part), part);
    }
    assert.match((await zip.file('META-INF/container.xml')?.async('string')) ?? '', /full-path="Contents\/content\.hpf"/);
    assert.match(section, /^<\?xml version="1\.0" encoding="UTF-8" standalone="yes" \?><hs:sec /);
    assert.match(section, /<hp:secPr [^>]*outlineShapeIDRef="1"[^>]*>[\s\S]*<hp:pagePr landscape="WIDELY" width="59528" height="84188"/);
  });

  it('says honestly what wrote it', async () => {
    const version = (await zip.file('version.xml')?.async('string')) ?? '';
    assert.equal(attr(version, 'application'), 'gpuplan');
    assert.match(attr(version, 'appVersion') ?? '', /^\d+\.\d+\.\d+/);
    assert.doesNotMatch(version + ((await zip.file('Contents/content.hpf')?.async('string')) ?? ''), /Hancom Office|Hangul|한컴/);
    const hpf = (await zip.file('Contents/content.hpf')?.async('string')) ?? '';
    assert.match(hpf, /<opf:meta name="lastsaveby" content="text">gpuplan<\/opf:meta>/);
    assert.match(hpf, /<opf:meta name="creator" content="text">한도윤<\/opf:meta>/);
    // No date made up for it: the ZIP entries carry the format's epoch, 1980-01-01.
    for (const file of Object.values(zip.files)) assert.equal(file.date.getFullYear(), 1980, file.name);
  });

  it("has Hangul's styles, with outline levels on the chapter, section, □ and ○ headings", () => {
    const styles = new Map([...header.matchAll(/<hh:style [^>]*>/g)].map((m) => [attr(m[0], 'name') ?? '', m[0]] as const));
    for (const name of ['바탕글', '본문', '개요 1', '개요 2', '개요 3', '개요 4', '개요 5', '개요 6', '개요 7', '쪽 번호', '차례 제목', '차례 1', '차례 2'])
      assert.ok(styles.has(name), name);
    const paraPr = (id: string) => new RegExp(`<hh:paraPr id="${id}" [\\s\\S]*?</hh:paraPr>`).exec(header)?.[0] ?? '';
    const styleId = (name: string) => attr(styles.get(name) ?? '', 'id');
    for (let level = 1; level <= 7; level++) {
      const style = styles.get(`개요 ${level}`) ?? '';
      assert.equal(attr(style, 'engName'), `Outline ${level}`);
      assert.match(paraPr(attr(style, 'paraPrIDRef') ?? ''), new RegExp(`<hh:heading type="OUTLINE" idRef="0" level="${level - 1}"/>`));
    }
    // The outline numbering writes no number: the headings carry the form's own.
    const numbering = /<hh:numbering id="1"[\s\S]*?<\/hh:numbering>/.exec(header)?.[0] ?? '';
    assert.equal((numbering.match(/<hh:paraHead /g) ?? []).length, 7);
    assert.match(header, /<hh:tabPr id="1" [^>]*><hh:tabItem pos="\d+" type="RIGHT" leader="DOT"/);
    assert.doesNotMatch(numbering, /<hh:paraHead [^>]*>[^<]/);

    const paragraphs = topLevelParagraphs(section);
    const withStyle = (name: string) => paragraphs.filter((p) => attr(p, 'styleIDRef') === styleId(name)).map(ownText);
    assert.deepEqual(withStyle('개요 1'), CHAPTERS);
    assert.equal(withStyle('개요 2').length, 18);
    assert.deepEqual(withStyle('개요 2').slice(0, 3), ['1. 과제 목표', '2. 지원 필요성', '1. 과제 수행 계획']);
    assert.ok(withStyle('개요 3').includes('□ 과제 내용'));
    assert.ok(withStyle('개요 4').includes('○ 마일스톤'));
    const headings = doc.blocks.filter((b): b is HeadingBlock => b.kind === 'heading' && b.toc);
    assert.equal(withStyle('개요 1').length + withStyle('개요 2').length, headings.length);
    // Every heading paragraph's own shape carries its level (Hangul reads the paragraph's shape).
    for (const p of paragraphs.filter((p) => [1, 2, 3, 4].some((l) => attr(p, 'styleIDRef') === styleId(`개요 ${l}`)))) {
      const level = Number(/개요 (\d)/.exec([...styles].find(([, s]) => attr(s, 'id') === attr(p, 'styleIDRef'))?.[0] ?? '')?.[1]);
      assert.match(paraPr(attr(p, 'paraPrIDRef') ?? ''), new RegExp(`type="OUTLINE" idRef="0" level="${level - 1}"`));
    }
    // Nothing rests on 바탕글, which Hangul's 차례 would collect.
    assert.equal(paragraphs.filter((p) => attr(p, 'styleIDRef') === '0').length, 0);
  });

  it('has a 목차 Hangul can rebuild, with the page of each heading as rhwp lays the file out', () => {
    const paragraphs = topLevelParagraphs(section);
    const begin = paragraphs.findIndex((p) => p.includes('type="TABLEOFCONTENTS"'));
    assert.ok(begin >= 0, 'a TABLEOFCONTENTS field');
    assert.match(paragraphs[begin], /ContentsLevel:int:2 /);
    assert.equal(ownText(paragraphs[begin]), '목  차');
    const fieldId = attr(/<hp:fieldBegin [^>]*type="TABLEOFCONTENTS"[^>]*>/.exec(paragraphs[begin])?.[0] ?? '', 'id');
    const end = paragraphs.findIndex((p) => p.includes(`<hp:fieldEnd beginIDRef="${fieldId}"`));
    const entries = paragraphs.slice(begin + 1, end);
    const toc = doc.blocks.find((b): b is TocBlock => b.kind === 'toc');
    assert.ok(toc);
    assert.equal(entries.length, toc.entries.length);
    let last = 0;
    entries.forEach((entry, i) => {
      // A hyperlink to the heading's paragraph; the title, a right tab (dotted by its tab stop), the page number.
      const target = /<hp:stringParam name="Command">\?#(\d+);/.exec(entry)?.[1];
      const heading = paragraphs.findIndex((p) => attr(p, 'id') === target);
      assert.ok(heading > end, `entry ${i} links to a heading after the 목차`);
      const m = /<hp:t>([^<]*)<hp:tab width="\d+" leader="0" type="2"\/>(\d+)<\/hp:t>/.exec(entry);
      assert.ok(m, `entry ${i} has its page number`);
      assert.equal(m[1], ownText(paragraphs[heading]));
      const page = Number(m[2]);
      assert.equal(page, (rhwp.pageOf(heading) ?? -1) + 1, `${m[1]} is on page ${page}`);
      assert.ok(page >= last);
      last = page;
      // The heading is on that page as rhwp draws it.
      assert.ok(rhwp.pages[page - 1].text.includes(m[1]), `${m[1]} on page ${page}`);
    });
  });

  it('has every table inline in the text flow, in a paragraph of its own, its rows kept on one page', () => {
    const tables = [...section.matchAll(/<hp:tbl [^>]*>[\s\S]*?<hp:pos [^>]*>/g)].map((m) => m[0]);
    assert.equal(tables.length, doc.blocks.filter((b) => b.kind === 'table').length);
    for (const t of tables) {
      assert.equal(attr(t, 'treatAsChar'), '1');
      assert.equal(attr(t, 'pageBreak'), 'CELL');
    }
    for (const p of topLevelParagraphs(section).filter((p) => p.includes('<hp:tbl '))) {
      assert.equal((p.match(/<hp:tbl /g) ?? []).length, (p.match(/<hp:tbl [\s\S]*?<hp:pos /g) ?? []).length);
      assert.equal(ownText(p), '', 'no text beside a table');
    }
  });

  it('gives rows the height of their text, so rhwp draws every line inside its cell', () => {
    const paragraphs = topLevelParagraphs(section);
    let checked = 0;
    paragraphs.forEach((p, index) => {
      if (!p.includes('<hp:tbl ')) return;
      const boxes = rhwp.cellBoxes(index);
      assert.ok(boxes.length > 0, `rhwp lays out the table of paragraph ${index}`);
      for (const box of boxes) {
        const lines = rhwp.pages[box.pageIndex].runs.filter((r) => r.parentParaIdx === index && r.cellIdx === box.cellIdx && (r.cellPath?.length ?? 1) === 1);
        for (const line of lines) {
          checked++;
          assert.ok(
            line.y >= box.y - 0.5 && line.y + line.h <= box.y + box.h + 0.5,
            `"${line.text}" inside its cell (paragraph ${index}, cell ${box.cellIdx})`,
          );
        }
      }
    });
    assert.ok(checked > 500, `${checked} lines checked`);
  });

  it('keeps the words of label cells whole, breaking only where the label allows', () => {
    const paragraphs = topLevelParagraphs(section);
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    const tableParagraphs = paragraphs.map((p, i) => (p.includes('<hp:tbl ') ? i : -1)).filter((i) => i >= 0);
    let labels = 0;
    tables.forEach((table, t) => {
      const placed = placeCells(table).flat();
      placed.forEach((pc, cellIdx) => {
        if (!pc.cell.header) return;
        const fitted = fitLabel(cellParagraphTexts(pc.cell.blocks), cellTextWidthMm(table, pc), cellSizePt(table));
        const lines = new Set(fitted.lines.flat().map((l) => l.replace(/\s+/g, '')));
        const drawn = rhwp.pages.flatMap((page) => page.runs.filter((r) => r.parentParaIdx === tableParagraphs[t] && r.cellIdx === cellIdx && r.text.trim()));
        // Runs of one line (same y) make one line of text.
        const byLine = new Map<number, string>();
        for (const r of drawn) byLine.set(Math.round(r.y), (byLine.get(Math.round(r.y)) ?? '') + r.text);
        for (const line of byLine.values()) {
          labels++;
          assert.ok(lines.has(line.replace(/\s+/g, '')), `label line "${line}" is one of ${[...lines].join(' | ')}`);
        }
      });
    });
    assert.ok(labels > 80, `${labels} label lines`);
  });

  it('leaves no heading alone at the bottom of a page, as rhwp lays it out', () => {
    const { anchors } = hwpxParts(doc);
    for (const [id, paragraph] of anchors) {
      const next = paragraph + 1;
      if ([...anchors.values()].includes(next)) continue;
      assert.equal(rhwp.pageOf(next), rhwp.pageOf(paragraph), `heading ${id} is on the page of what follows it`);
    }
  });

  it('numbers every page at the bottom from the cover on', () => {
    assert.match(section, /<hp:pageNum pos="BOTTOM_CENTER" formatType="DIGIT" sideChar="-"\/>/);
    // rhwp draws the number of every page, the cover's too.
    rhwp.pages.forEach((page, i) => {
      const chars = [...page.svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('');
      assert.ok(chars.endsWith(`-${i + 1}-`) || chars.includes(`- ${i + 1} -`) || chars.includes(`-${i + 1}-`), `page ${i + 1} is numbered`);
    });
  });

  it('is read by kordoc with every table and the whole text in order', async () => {
    const parsed = await kordocParse(bytes);
    assert.ok(parsed.success, parsed.error);
    const tables = (parsed.blocks ?? []).filter((b) => b.type === 'table').length;
    assert.equal(tables, doc.blocks.filter((b) => b.kind === 'table').length);
    const text = markdownText(parsed.markdown ?? '');
    assert.deepEqual(missingInOrder(modelTexts(doc), text), []);
    // The 목차 with its page numbers.
    const toc = doc.blocks.find((b): b is TocBlock => b.kind === 'toc');
    assert.ok(toc);
    const headingText = new Map(doc.blocks.flatMap((b) => (b.kind === 'heading' ? [[b.id, b.text] as const] : [])));
    const pages = (await documentLayout(doc)).tocPages;
    assert.ok(pages);
    for (const e of toc.entries) assert.match(text, new RegExp(`${(headingText.get(e.id) ?? '').replace(/[.()]/g, '\\$&')}\\s+${pages.get(e.id)}\\b`));
    fs.writeFileSync(path.join(artifactDir('export'), 'complete.test.hwpx.md'), parsed.markdown ?? '');
  });

  it('is rendered by kordoc with no two boxes on top of each other', async () => {
    const { scene, pageSvgs } = await kordocRender(bytes);
    assert.deepEqual(overlappingBoxes(scene.regions), []);
    assert.equal(scene.regions.filter((r) => r.type === 'table' && !r.parentId).length, doc.blocks.filter((b) => b.kind === 'table').length);
    assert.ok(scene.pages.length >= 18, `${scene.pages.length} pages`);
    const dir = artifactDir('export/kordoc-hwpx');
    for (const [n, svg] of pageSvgs) fs.writeFileSync(path.join(dir, `page-${String(n).padStart(2, '0')}.svg`), svg);
  });

  it('is laid out by rhwp into pages with no line drawn over another', () => {
    assert.ok(rhwp.pages.length >= 18, `${rhwp.pages.length} pages`);
    const dir = artifactDir('export/rhwp-hwpx');
    rhwp.pages.forEach((page, i) => {
      assert.match(page.svg, /^<svg [^>]*viewBox="0 0 793\.\d+ 1122\.\d+"/);
      assert.deepEqual(overlappingLines(page), [], `page ${i + 1}`);
      fs.writeFileSync(path.join(dir, `page-${String(i + 1).padStart(2, '0')}.svg`), page.svg);
    });
  });

  it('declares every shape it uses in the header', () => {
    const count = (name: string) => Number(new RegExp(`<hh:${name} itemCnt="(\\d+)"`).exec(header)?.[1]);
    const maxRef = (xml: string, a: string) => Math.max(...[...xml.matchAll(new RegExp(`${a}="(\\d+)"`, 'g'))].map((m) => Number(m[1])));
    assert.ok(maxRef(section + header.replace(/<hh:paraHead [^>]*>/g, ''), 'charPrIDRef') < count('charProperties'));
    assert.ok(maxRef(section + header, 'paraPrIDRef') < count('paraProperties'));
    assert.ok(maxRef(section, 'borderFillIDRef') <= count('borderFills'));
    assert.ok(maxRef(section, 'styleIDRef') < count('styles'));
    assert.ok(maxRef(header, 'tabPrIDRef') < count('tabProperties'));
    assert.equal((header.match(/<hh:charPr /g) ?? []).length, count('charProperties'));
    assert.equal((header.match(/<hh:paraPr /g) ?? []).length, count('paraProperties'));
    assert.match(header, /face="휴먼명조"/);
  });

  it('has the cost table and the milestone months in its tables', () => {
    const tables = [...section.matchAll(/<hp:tbl [\s\S]*?<\/hp:tbl>/g)].map((m) => m[0]);
    const cellTexts = (tbl: string) =>
      [...tbl.matchAll(/<hp:tr>([\s\S]*?)<\/hp:tr>/g)].map((r) =>
        [...r[1].matchAll(/<hp:tc [\s\S]*?<\/hp:tc>/g)].map((c) =>
          [...c[0].matchAll(/<hp:t>([\s\S]*?)<\/hp:t>/g)].map((t) => t[1].replace(/<hp:lineBreak\/>/g, '')).join(''),
        ),
      );
    const cost = tables.find((t) => t.includes('신청상품'));
    assert.ok(cost);
    assert.deepEqual(cellTexts(cost)[1], ['H200', '서버 4대', '3,200,000원 (400,000원 x 8장)', '6개월', '3,200,000원 x 4대 x 6개월', '76,800,000원']);
    const chart = tables.find((t) => t.includes("수행일정('26년)"));
    assert.ok(chart);
    const marked = cellTexts(chart)
      .slice(2)
      .map((row) => row.slice(2).flatMap((c, i) => (c === '●' ? [i + 1] : [])));
    assert.deepEqual(marked, [[3, 4], [3, 4], [4, 5, 6], [6, 7], [7], [8], [8]]);
    assert.equal((chart.match(/<hp:tc /g) ?? []).length, (chart.match(/<hp:cellAddr /g) ?? []).length);
  });

  it('lists no findings unless asked, and then as a part like the others', async () => {
    const mistakes = readExample('mistakes.gpuplan.json');
    const plain = await JSZip.loadAsync((await exportPlan(mistakes, 'hwpx')).bytes);
    assert.doesNotMatch((await plain.file('Contents/section0.xml')?.async('string')) ?? '', /점검 결과|registration-number-checksum/);
    const asked = await exportPlan(mistakes, 'hwpx', { includeFindings: true });
    const xml = (await (await JSZip.loadAsync(asked.bytes)).file('Contents/section0.xml')?.async('string')) ?? '';
    assert.match(xml, /점검 결과 \(양식 외, gpuplan\) \d+건/);
    assert.ok(xml.includes('registration-number-checksum'));
    const head = (await (await JSZip.loadAsync(asked.bytes)).file('Contents/header.xml')?.async('string')) ?? '';
    assert.doesNotMatch(head, /#C00000|#FBE5E5/i, 'nothing red');
  });
});
