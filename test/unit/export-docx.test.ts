import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import { documentLayout } from '../../server/src/export';
import type { PlanDocument } from '../../server/src/core/render';
import { exportPlan } from '../support/service';
import { readExample } from '../support/fixtures';

/** The DOCX as its parts' text. */
async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (file) parts.set(name, await file.async('string'));
  }
  return parts;
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const norm = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();
/** The text of an XML fragment: its `w:t` runs joined. */
const text = (xml: string): string => decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
const paragraphs = (xml: string): string[] => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const styleOf = (p: string): string | undefined => /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1];
const tables = (xml: string): string[] => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
const rows = (tbl: string): string[] => [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
const cells = (tr: string): string[] => [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
const tableWith = (xml: string, needle: string): string => {
  const found = tables(xml).find((t) => text(t).includes(needle));
  assert.ok(found, `a table with ${needle}`);
  return found;
};

const CHAPTERS = ['I 과제 개요', 'II 과제 주요 내용', 'III GPU 자원 활용 계획', 'IV 활용 확산 추진 방안', 'V 추진 계획 및 기대효과', 'VI 기관현황'];

describe('export: DOCX', function () {
  // The 목차's page numbers come from laying the document out with rhwp (a few seconds).
  this.timeout(120_000);
  let parts: Map<string, string>;
  let body: string;
  let doc: PlanDocument;

  before(async function () {
    const result = await exportPlan(readExample('complete.gpuplan.json'), 'docx');
    assert.equal(result.errors, 0);
    doc = result.document;
    parts = await unzip(result.bytes);
    body = parts.get('word/document.xml') as string;
    assert.ok(body);
  });

  it('has the chapter headings of the form in order, as Heading 1, and sections as Heading 2', () => {
    const ps = paragraphs(body);
    assert.deepEqual(
      ps.filter((p) => styleOf(p) === 'Heading1').map((p) => norm(text(p))),
      CHAPTERS,
    );
    const level2 = ps.filter((p) => styleOf(p) === 'Heading2').map((p) => norm(text(p)));
    assert.equal(level2.length, 18);
    assert.deepEqual(level2.slice(0, 3), ['1. 과제 목표', '2. 지원 필요성', '1. 과제 수행 계획']);
    assert.ok(ps.some((p) => styleOf(p) === 'Heading3' && norm(text(p)) === '□ 과제 내용'));
    assert.ok(ps.some((p) => styleOf(p) === 'Heading4' && norm(text(p)) === '○ 마일스톤'));
    // The chapters come after the 목차 and 요약서 and before 붙임 0.
    const parts = ps.filter((p) => styleOf(p) === 'Heading1' || styleOf(p) === 'GpPartTitle').map((p) => norm(text(p)));
    assert.deepEqual(parts, ['목 차', '요 약 서', ...CHAPTERS, '붙임 0 투입 인력 현황']);
  });

  it('writes a table of contents field over the headings, with the page numbers the HWPX has', async () => {
    assert.match(decode(body), /<w:instrText[^>]*>\s*TOC (\\h )?\\o "1-2"/);
    assert.match(parts.get('word/settings.xml') as string, /<w:updateFields( w:val="(true|1)")?\/>/);
    // The field's result is written in: a 목차 with numbers before any update (LibreOffice shows it as is).
    const sdt = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(body)?.[0] ?? '';
    const entries = paragraphs(sdt)
      .map((p) => norm(text(p.replace(/<w:tab\/>/g, '<w:t> </w:t>'))))
      .filter((t) => /\d$/.test(t));
    const pages = (await documentLayout(doc)).tocPages;
    assert.ok(pages);
    const headingText = new Map(doc.blocks.flatMap((b) => (b.kind === 'heading' ? [[b.id, b.text] as const] : [])));
    assert.deepEqual(
      entries,
      [...pages].map(([id, page]) => `${headingText.get(id)} ${page}`),
    );
  });

  it('tags each run with the language of its script, so numbers and Latin words are never Korean', () => {
    const runs = [...body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
      .map((m) => ({ lang: /<w:lang ([^>]*)\/>/.exec(m[1])?.[1] ?? '', text: text(m[1]) }))
      .filter((r) => r.text.trim());
    assert.ok(runs.length > 1000);
    // Runs without a language of their own (the 목차's cached entries, written by the docx package)
    // take the document's: English for Latin letters and digits, Korean for Hangul.
    const tagged = runs.filter((r) => r.lang);
    assert.ok(runs.length - tagged.length < 40, `${runs.length - tagged.length} runs without a language`);
    const latin = tagged.filter((r) => /[A-Za-z0-9]/.test(r.text));
    const hangul = tagged.filter((r) => /[가-힣]/.test(r.text));
    for (const r of latin) assert.match(r.lang, /w:val="en-US"/, `"${r.text}" is not tagged Korean`);
    for (const r of hangul) assert.match(r.lang, /w:eastAsia="ko-KR"/, `"${r.text}"`);
    assert.ok(!tagged.some((r) => /[A-Za-z0-9]/.test(r.text) && /[가-힣]/.test(r.text)), 'no run mixes the scripts');
    // "3,200,000원 (400,000원 x 8장)": the amount in English, the unit in Korean.
    const amount = runs.findIndex((r) => r.text === '400,000' || r.text === '(400,000');
    assert.ok(amount > 0);
    assert.equal(runs[amount + 1].text.trim(), '원');
    assert.match(runs[amount + 1].lang, /w:val="ko-KR"/);
    const styles = parts.get('word/styles.xml') as string;
    assert.match(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)?.[0] ?? '', /<w:lang w:val="en-US" w:eastAsia="ko-KR"\/>/);
  });

  it('adds no space between Korean and Latin text or digits', () => {
    const styles = parts.get('word/styles.xml') as string;
    const defaults = /<w:pPrDefault><w:pPr>([\s\S]*?)<\/w:pPr><\/w:pPrDefault>/.exec(styles)?.[1] ?? '';
    assert.match(defaults, /^<w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/><w:spacing /);
  });

  it('keeps every row on one page and label words whole', () => {
    for (const tbl of tables(body)) for (const tr of rows(tbl)) assert.match(tr, /<w:cantSplit\/>/);
    // A label wider than its cell is broken where Korean allows, with explicit breaks.
    const cover = tableWith(body, '사업수행계획서 (Open Track, 산·학·연)');
    const label = cells(rows(cover)[2])[0];
    assert.equal(text(label), '신청기업(관)');
    assert.match(label, /<w:t[^>]*>신청기업<\/w:t>[\s\S]*?<w:br\/>[\s\S]*?<w:t[^>]*>\(<\/w:t>/);
  });

  it('has the cost table with the figures of the cost preview', () => {
    const tbl = tableWith(body, '신청상품');
    const values = rows(tbl).map((tr) => cells(tr).map((c) => norm(text(c))));
    assert.deepEqual(values, [
      ['신청상품', '수량', '기준단가(서버1대/월)', '신청개월', '산출 내역', '합계'],
      ['H200', '서버 4대', '3,200,000원 (400,000원 x 8장)', '6개월', '3,200,000원 x 4대 x 6개월', '76,800,000원'],
    ]);
    assert.ok(norm(text(body)).includes('실제 부담액: 76,800,000원 (산업계: 전액 부담)'));
  });

  it('marks the milestone months in the right columns', () => {
    const tbl = tableWith(body, "수행일정('26년)");
    const data = rows(tbl).slice(2);
    assert.equal(data.length, 7);
    const marked = data.map((tr) =>
      cells(tr)
        .slice(2)
        .flatMap((c, i) => (text(c) === '●' && /w:fill="B8CCE4"/.test(c) ? [i + 1] : [])),
    );
    assert.deepEqual(marked, [[3, 4], [3, 4], [4, 5, 6], [6, 7], [7], [8], [8]]);
  });

  it('fills the 표지 and 붙임0 tables', () => {
    const cover = norm(text(tableWith(body, '사업수행계획서 (Open Track, 산·학·연)')));
    for (const expected of ['214-86-47312', '■ 산', '4서버 (GPU 32장)', '이용개시일로부터 6개월', '2026년 1월 20일', '정보통신산업진흥원 귀하']) {
      assert.ok(cover.includes(expected), expected);
    }
    const staff = rows(tableWith(body, '투입률')).map((tr) => cells(tr).map((c) => norm(text(c))));
    assert.equal(staff.length, 7);
    assert.deepEqual(staff[1].slice(0, 3), ['1', '주식회사 리걸브릿지', '한도윤']);
    assert.equal(staff[1][7], '40');
  });

  it('numbers every page at the bottom, from the cover on', () => {
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(body)?.[0] ?? '';
    const ref = /<w:footerReference w:type="default" r:id="([^"]+)"\/>/.exec(sect);
    assert.ok(ref, 'a default footer');
    assert.doesNotMatch(sect, /<w:titlePg/);
    assert.match(sect, /<w:pgNumType w:start="1"/);
    const rels = parts.get('word/_rels/document.xml.rels') as string;
    const target = new RegExp(`Id="${ref[1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${ref[1]}"`).exec(rels)?.[1];
    const footer = parts.get(`word/${target}`) as string;
    assert.match(footer, /<w:fldChar w:fldCharType="begin"\/>/);
    assert.match(footer, /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
  });

  it('is A4 with Korean fonts and language', () => {
    assert.match(body, /<w:pgSz w:w="11906" w:h="16838"/);
    const styles = parts.get('word/styles.xml') as string;
    assert.match(styles, /w:eastAsia="휴먼명조"/);
    assert.match(styles, /w:eastAsia="맑은 고딕"/);
    assert.match(styles, /<w:lang [^>]*w:eastAsia="ko-KR"/);
  });

  it('leaves no writing guide of the form', () => {
    const all = text(body);
    assert.doesNotMatch(all, /★|작성\s?요령|YYYYMMDD|yyyy\.mm|ㅇㅇㅇ/);
    assert.ok(!all.includes('점검 결과'));
  });

  it('exports a plan with errors without its findings, unless they are asked for', async () => {
    const plain = await exportPlan(readExample('mistakes.gpuplan.json'), 'docx');
    assert.ok(plain.errors > 0);
    const plainXml = (await unzip(plain.bytes)).get('word/document.xml') as string;
    assert.ok(!text(plainXml).includes('점검 결과'));
    assert.ok(!text(plainXml).includes('registration-number-checksum'));

    const result = await exportPlan(readExample('mistakes.gpuplan.json'), 'docx', { includeFindings: true });
    const xml = (await unzip(result.bytes)).get('word/document.xml') as string;
    const all = paragraphs(xml).map((p) => norm(text(p)));
    const heading = all.findIndex((t) => /^점검 결과 \(양식 외, gpuplan\) \d+건$/.test(t));
    assert.ok(heading > all.lastIndexOf('붙임 0 투입 인력 현황'));
    const findings = rows(tableWith(xml, '위치'));
    assert.equal(findings.length - 1, result.findings.length);
    assert.ok(norm(text(xml)).includes('registration-number-checksum'));
    // Set as the rest of the document: nothing red.
    assert.doesNotMatch(xml + ((await unzip(result.bytes)).get('word/styles.xml') as string), /C00000|FBE5E5/i);
  });
});
