import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import { exportPlan } from '../support/service';
import { readExample } from '../support/fixtures';

/**
 * The HWPX is read back with @ssabrojs/hwpxjs, an HWPX (OWPML) reader from npm that has nothing to
 * do with our writer. It is an ES module only, so it is loaded with a real dynamic import.
 */
interface HwpxReaderLike {
  loadFromArrayBuffer(buffer: ArrayBuffer): Promise<void>;
  extractText(): Promise<string>;
  getDocumentInfo(): Promise<{ metadata?: { title?: string }; summary?: { manifest?: Array<{ href?: string }>; spine?: string[]; hasEncryptionInfo?: boolean } }>;
}
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ HwpxReader: new () => HwpxReaderLike }>;

const CHAPTERS = ['I 과제 개요', 'II 과제 주요 내용', 'III GPU 자원 활용 계획', 'IV 활용 확산 추진 방안', 'V 추진 계획 및 기대효과', 'VI 기관현황'];

describe('export: HWPX', () => {
  let bytes: Uint8Array;
  let zip: JSZip;

  before(async () => {
    bytes = (await exportPlan(readExample('complete.gpuplan.json'), 'hwpx')).bytes;
    zip = await JSZip.loadAsync(bytes);
  });

  it('is an OWPML package: mimetype first and stored, then the parts Hangul reads', async () => {
    const view = Buffer.from(bytes);
    assert.equal(view.readUInt32LE(0), 0x04034b50, 'a local file header first');
    assert.equal(view.readUInt16LE(8), 0, 'stored, not compressed');
    const nameLength = view.readUInt16LE(26);
    const extraLength = view.readUInt16LE(28);
    assert.equal(view.subarray(30, 30 + nameLength).toString('latin1'), 'mimetype');
    assert.equal(view.subarray(30 + nameLength + extraLength, 30 + nameLength + extraLength + 19).toString('latin1'), 'application/hwp+zip');
    for (const part of ['version.xml', 'META-INF/container.xml', 'META-INF/manifest.xml', 'Contents/content.hpf', 'Contents/header.xml', 'Contents/section0.xml', 'settings.xml', 'Preview/PrvText.txt']) {
      assert.ok(zip.file(part), part);
    }
    const container = await zip.file('META-INF/container.xml')?.async('string');
    assert.match(container ?? '', /full-path="Contents\/content\.hpf"/);
    const section = (await zip.file('Contents/section0.xml')?.async('string')) ?? '';
    assert.match(section, /^<\?xml version="1\.0" encoding="UTF-8" standalone="yes" \?><hs:sec /);
    assert.match(section, /<hp:secPr [^>]*>[\s\S]*<hp:pagePr landscape="WIDELY" width="59528" height="84188"/);
    assert.match(section, /<hp:pageNum pos="BOTTOM_CENTER" formatType="DIGIT"/);
  });

  it('is read by an independent HWPX reader, which finds the chapter headings in order', async () => {
    const { HwpxReader } = await importModule('@ssabrojs/hwpxjs');
    const reader = new HwpxReader();
    await reader.loadFromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const info = await reader.getDocumentInfo();
    assert.equal(info.metadata?.title, '한국어 법령·행정문서 특화 대규모 언어모델 개발 및 공공 민원문서 자동검토 서비스 실증');
    assert.deepEqual(info.summary?.spine, ['header', 'section0']);
    assert.equal(info.summary?.hasEncryptionInfo, false);
    const lines = (await reader.extractText()).split('\n').map((l) => l.trim());
    assert.deepEqual(
      lines.filter((l) => CHAPTERS.includes(l)),
      CHAPTERS,
    );
    for (const expected of ['사업수행계획서', '목  차', '요 약 서', '1. 과제 목표', '□ 과제 내용', '○ 마일스톤', '붙임 0  투입 인력 현황']) {
      assert.ok(lines.includes(expected), expected);
    }
    assert.ok(lines.indexOf('I 과제 개요') < lines.indexOf('VI 기관현황'));
    assert.ok(lines.indexOf('VI 기관현황') < lines.indexOf('붙임 0  투입 인력 현황'));
    assert.ok(!lines.some((l) => /★|작성\s?요령/.test(l)));
  });

  it('has the cost table and the milestone months in its tables', async () => {
    const section = (await zip.file('Contents/section0.xml')?.async('string')) ?? '';
    const tables = [...section.matchAll(/<hp:tbl [\s\S]*?<\/hp:tbl>/g)].map((m) => m[0]);
    const cellTexts = (tbl: string) =>
      [...tbl.matchAll(/<hp:tr>([\s\S]*?)<\/hp:tr>/g)].map((r) => [...r[1].matchAll(/<hp:tc [\s\S]*?<\/hp:tc>/g)].map((c) => [...c[0].matchAll(/<hp:t>([^<]*)<\/hp:t>/g)].map((t) => t[1]).join('')));
    const cost = tables.find((t) => t.includes('신청상품'));
    assert.ok(cost);
    assert.deepEqual(cellTexts(cost)[1], ['H200', '서버 4대', '3,200,000원 (400,000원 x 8장)', '6개월', '3,200,000원 x 4대 x 6개월', '76,800,000원']);
    const chart = tables.find((t) => t.includes('수행일정(&apos;26년)') || t.includes("수행일정('26년)"));
    assert.ok(chart);
    const marked = cellTexts(chart)
      .slice(2)
      .map((row) => row.slice(2).flatMap((c, i) => (c === '●' ? [i + 1] : [])));
    assert.deepEqual(marked, [[3, 4], [3, 4], [4, 5, 6], [6, 7], [7], [8], [8]]);
    // Every cell says where it is and how far it spans.
    assert.equal((chart.match(/<hp:tc /g) ?? []).length, (chart.match(/<hp:cellAddr /g) ?? []).length);
  });

  it('declares every shape it uses in the header', async () => {
    const header = (await zip.file('Contents/header.xml')?.async('string')) ?? '';
    const section = (await zip.file('Contents/section0.xml')?.async('string')) ?? '';
    const count = (name: string) => Number(new RegExp(`<hh:${name} itemCnt="(\\d+)"`).exec(header)?.[1]);
    const maxRef = (attr: string) => Math.max(...[...section.matchAll(new RegExp(`${attr}="(\\d+)"`, 'g'))].map((m) => Number(m[1])));
    assert.ok(maxRef('charPrIDRef') < count('charProperties'));
    assert.ok(maxRef('paraPrIDRef') < count('paraProperties'));
    assert.ok(maxRef('borderFillIDRef') <= count('borderFills'));
    assert.equal((header.match(/<hh:charPr /g) ?? []).length, count('charProperties'));
    assert.equal((header.match(/<hh:paraPr /g) ?? []).length, count('paraProperties'));
    assert.match(header, /face="휴먼명조"/);
  });
});
