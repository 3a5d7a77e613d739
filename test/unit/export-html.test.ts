import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Plan } from '../../server/src/core';
import { renderHtml } from '../../server/src/export';
import { documentFromText, exportPlan } from '../support/service';

const previewHtml = (text: string, webview: { nonce: string; cspSource: string }) => renderHtml(documentFromText(text).document, webview);
import { readExample } from '../support/fixtures';

const complete = readExample('complete.gpuplan.json');
const CHAPTERS = ['I 과제 개요', 'II 과제 주요 내용', 'III GPU 자원 활용 계획', 'IV 활용 확산 추진 방안', 'V 추진 계획 및 기대효과', 'VI 기관현황'];

const decode = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const strip = (html: string): string =>
  decode(html.replace(/<[^>]+>/g, ' '))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
const tableWith = (html: string, needle: string): string => {
  const found = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]).find((t) => strip(t).includes(needle));
  assert.ok(found, `a table with ${needle}`);
  return found;
};
const rows = (table: string): string[][] =>
  [...table.matchAll(/<tr(?: class="split")?>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => strip(c[1])));

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  'javascript:alert(1)',
  '<style>*{display:none}</style>',
  '<link rel=stylesheet href=https://evil.example/x.css>',
];

describe('export: HTML', () => {
  const html = renderHtml(documentFromText(complete).document);

  it('has the chapter headings of the form in order', () => {
    const chapters = [...html.matchAll(/<h1 id="[^"]+" class="chapter">([\s\S]*?)<\/h1>/g)].map((m) => strip(m[1]));
    assert.deepEqual(chapters, CHAPTERS);
    const parts = [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => strip(m[1]));
    assert.deepEqual(parts, ['목 차', '요 약 서', ...CHAPTERS, '붙임 0 투입 인력 현황']);
    const sections = [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => strip(m[1]));
    assert.equal(sections.length, 18);
    assert.equal(sections[0], '1. 과제 목표');
    assert.ok([...html.matchAll(/<h3[^>]*>([\s\S]*?)<\/h3>/g)].some((m) => strip(m[1]) === '□ 과제 내용'));
    assert.ok([...html.matchAll(/<h4[^>]*>([\s\S]*?)<\/h4>/g)].some((m) => strip(m[1]) === '○ 마일스톤'));
  });

  it('has the cost table with the figures of the cost preview', () => {
    assert.deepEqual(rows(tableWith(html, '신청상품')), [
      ['신청상품', '수량', '기준단가(서버1대/월)', '신청개월', '산출 내역', '합계'],
      ['H200', '서버 4대', '3,200,000원 (400,000원 x 8장)', '6개월', '3,200,000원 x 4대 x 6개월', '76,800,000원'],
    ]);
    assert.ok(strip(html).includes('실제 부담액: 76,800,000원 (산업계: 전액 부담)'));
  });

  it('marks the milestone months in the right columns', () => {
    const table = tableWith(html, "수행일정('26년)");
    const data = [...table.matchAll(/<tr(?: class="split")?>([\s\S]*?)<\/tr>/g)]
      .slice(2)
      .map((m) => [...m[1].matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].slice(2));
    const marked = data.map((cells) => cells.flatMap((c, i) => (/class="[^"]*\bmark\b/.test(c[1]) && strip(c[2]) === '●' ? [i + 1] : [])));
    assert.deepEqual(marked, [[3, 4], [3, 4], [4, 5, 6], [6, 7], [7], [8], [8]]);
  });

  it('is print-ready A4 with page numbers at the bottom and a 목차', () => {
    assert.match(html, /@page \{ size: A4;/);
    assert.match(html, /@bottom-center \{ content: "- " counter\(page\) " -"/);
    assert.match(html, /<nav class="toc"[\s\S]*<a href="#ch-1">/);
    assert.match(html, /<html lang="ko">/);
  });

  it('writes the 목차 page numbers when they are known', () => {
    const doc = documentFromText(complete).document;
    const withPages = renderHtml(doc, {
      tocPages: new Map([
        ['ch-1', 6],
        ['ch-1-1', 6],
      ]),
    });
    assert.match(withPages, /<a href="#ch-1"><span class="entry">I\. 과제 개요<\/span><span class="leader"><\/span><span class="pg">6<\/span><\/a>/);
  });

  it('leaves no writing guide of the form', () => {
    assert.doesNotMatch(strip(html), /★|작성\s?요령|YYYYMMDD|yyyy\.mm|ㅇㅇㅇ/);
  });

  it('lists the findings of a plan at its end only when asked, set as the rest of the document', async () => {
    const plain = new TextDecoder().decode((await exportPlan(readExample('mistakes.gpuplan.json'), 'html')).bytes);
    assert.ok(!strip(plain).includes('점검 결과'));
    const result = await exportPlan(readExample('mistakes.gpuplan.json'), 'html', { includeFindings: true });
    const page = new TextDecoder().decode(result.bytes);
    const findings = tableWith(page, '위치');
    assert.match(findings, /class="t t-findings"/);
    assert.equal(rows(findings).length - 1, result.findings.length);
    assert.ok(page.lastIndexOf('점검 결과 (양식 외, gpuplan)') > page.lastIndexOf('붙임 0'));
    assert.doesNotMatch(page, /C00000|FBE5E5|findings th|findings td/i, 'nothing red');
  });

  it('keeps rows and headings on their page, and shrinks label cells rather than break their words', () => {
    assert.match(html, /table\.t tr \{ break-inside: avoid; page-break-inside: avoid; \}/);
    assert.doesNotMatch(html, /tr class="split"/);
    assert.match(html, /h1, h2, h3, h4 \{ break-after: avoid;/);
    assert.match(html, /table\.t th \{[^}]*word-break: keep-all; overflow-wrap: normal; \}/);
    // "사업자등록번호" does not fit its 표지 cell at 9 pt: it is set smaller.
    assert.match(html, /<th class="a-center fit-8_5"><p class="r-cell a-center">사업자등록번호<\/p>/);
    assert.match(html, /table\.t th\.fit-8_5 \{ font-size: 8\.5pt; \}/);
  });

  describe('security', () => {
    const plan = JSON.parse(complete) as Plan;
    plan.projectTitle = HOSTILE[0] + HOSTILE[1];
    plan.applicant = { ...plan.applicant, name: HOSTILE[2], address: HOSTILE[6] };
    plan.overview = { ...plan.overview, necessity: HOSTILE.map((h, i) => (i % 2 ? h : { text: h, items: [h] })) };
    plan.staff = [{ ...(plan.staff?.[0] ?? {}), name: HOSTILE[3], role: HOSTILE[5] }];
    plan.mainContent = { ...plan.mainContent, goals: { ...plan.mainContent?.goals, indicators: [{ name: HOSTILE[4], unit: HOSTILE[1] }] } };
    const text = JSON.stringify(plan);

    for (const [name, page] of [
      ['standalone', renderHtml(documentFromText(text).document)],
      ['webview', previewHtml(text, { nonce: 'bm9uY2UxMjM0NTY3ODkw+/=', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' })],
    ] as const) {
      it(`escapes every plan string (${name})`, () => {
        // Every real tag (text has its "<" escaped, so these are all the tags there are).
        const tags = (page.match(/<[^>]+>/g) ?? []).join('\n');
        assert.doesNotMatch(tags, /<script/i);
        assert.doesNotMatch(tags, /<(img|svg|link|iframe|object|embed|base|form)\b/i);
        assert.doesNotMatch(tags, /\son[a-z]+\s*=/i, 'no event handler attributes');
        assert.doesNotMatch(tags, /\sstyle\s*=/i, 'no style attributes');
        assert.equal((tags.match(/<style[\s>]/g) ?? []).length, 1, 'one style element');
        assert.doesNotMatch(tags, /\s(src|href|action)\s*=\s*(?!["']?#)/i, 'no URL but in-page anchors');
        assert.doesNotMatch(page, /url\(/i, 'no url() in the stylesheet');
        assert.ok(page.includes('&#60;img src=x onerror=alert(1)&#62;'));
        assert.ok(page.includes('&#60;/script&#62;'));
        // The hostile text is there, as text.
        const visible = strip(page);
        for (const h of HOSTILE) assert.ok(visible.includes(h), h);
      });
    }

    it('allows only its own stylesheet: by hash standalone, by nonce in a webview', () => {
      const standalone = renderHtml(documentFromText(text).document);
      const css = /<style>([\s\S]*?)<\/style>/.exec(standalone)?.[1] ?? '';
      const hash = createHash('sha256').update(css, 'utf8').digest('base64');
      const csp = decode(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(standalone)?.[1] ?? '');
      assert.equal(csp, `default-src 'none'; style-src 'sha256-${hash}'; img-src data:`);
      const webview = previewHtml(text, { nonce: 'abc123', cspSource: 'vscode-resource:' });
      const webviewCsp = decode(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(webview)?.[1] ?? '');
      assert.equal(webviewCsp, "default-src 'none'; style-src vscode-resource: 'nonce-abc123'; img-src vscode-resource: data:; font-src vscode-resource:");
      assert.match(webview, /<style nonce="abc123">/);
      assert.doesNotMatch(webviewCsp, /script-src|unsafe/);
    });

    it('refuses a nonce or CSP source that could break out of the policy', () => {
      const doc = documentFromText(complete).document;
      assert.throws(() => renderHtml(doc, { nonce: `x' 'unsafe-inline` }));
      const page = renderHtml(doc, { nonce: 'abc', cspSource: "x; script-src 'unsafe-inline'" });
      assert.doesNotMatch(page, /script-src/);
    });
  });
});
