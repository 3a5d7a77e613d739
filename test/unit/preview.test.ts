import * as assert from 'node:assert/strict';
import { isAllowedRequest, parsePreviewMessage } from '../../client/src/cost-preview/messages';
import { contentSecurityPolicy } from '../../client/src/webview/html';
import {
  escapeHtml,
  renderChart,
  renderCostShell,
  renderCostTable,
  renderMilestones,
  renderPreviewBody,
  renderWhatIf,
} from '../../server/src/lsp/features/cost-preview-html';
import { localize, type Plan } from '../../server/src/core';
import { computeCost } from '../../server/src/core/cost/cost';
import { costTable } from '../../server/src/core/cost/table';
import { applyEdits } from '../../server/src/core/edit/fix';
import { gpuRequestEdit } from '../../server/src/core/edit/gpu-request';
import { parseDocument } from '../../server/src/core/json/parse';
import { analyze, service } from '../support/service';
import type { CostPreview } from '../../shared/src/protocol';
import { readExample } from '../support/fixtures';

const t = (message: string, ...args: Array<string | number>) => localize('ko', message, ...args);
const HOSTILE = ['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>', '"><svg onload=alert(1)>', "'; alert(1); '"];

/** What the server sends as the program's limits (from its own figures). */
const LIMITS = service.costPreview(service.analyze('{}'), 'ko').limits;

function preview(plan: Plan, extra: Partial<CostPreview> = {}): CostPreview {
  const cost = computeCost(plan);
  return {
    uri: 'file:///p.gpuplan.json',
    version: 1,
    cost,
    table: costTable(cost, 'ko'),
    schedule: {
      start: plan.schedule?.period?.start,
      end: plan.schedule?.period?.end,
      milestones: (plan.schedule?.milestones ?? []).map((m) => ({ task: m.task ?? '', months: m.months ?? [] })),
    },
    pages: { body: 12.3, summary: 1.4, budget: cost.pageBudget, summaryBudget: 2 },
    counts: { error: 0, warning: 0, information: 0 },
    limits: LIMITS,
    ...extra,
  };
}

const complete = JSON.parse(readExample('complete.gpuplan.json')) as Plan;

describe('cost preview HTML/SVG builder', () => {
  it('lays the table out as the form does, with base and applicable amounts', () => {
    const html = renderCostTable(preview(complete), t);
    for (const cell of [
      '신청상품',
      '수량',
      '기준단가(서버1대/월)',
      '신청개월',
      '산출 내역',
      '합계',
      'H200',
      '서버 4대',
      '3,200,000원 (400,000원 x 8장)',
      '6개월',
      '3,200,000원 x 4대 x 6개월',
      '76,800,000원',
    ]) {
      assert.ok(html.includes(`>${cell}<`), cell);
    }
    assert.match(html, /data-figure="applicable">76,800,000원</);
    assert.match(html, /산업계: 전액 부담/);
  });

  it('shows the youth discount and the academic exemption', () => {
    const youth = renderCostTable(
      preview({
        ...complete,
        applicant: { ...complete.applicant, youthCompany: true, representative: { ...complete.applicant?.representative, birthDate: '1990-04-17' } },
      }),
      t,
    );
    assert.match(youth, /data-figure="applicable">38,400,000원</);
    const academia = renderPreviewBody(preview({ ...complete, applicant: { ...complete.applicant, type: 'academia' } }), t);
    assert.match(academia, /data-figure="applicable">0원</);
    assert.match(academia, /결과를 공개/);
  });

  it("shows the full amount, and why, when the youth-company flag is set but the form's definition is not met", () => {
    const older = renderCostTable(preview({ ...complete, applicant: { ...complete.applicant, youthCompany: true } }), t);
    assert.match(older, /data-figure="applicable">76,800,000원</);
    assert.match(older, /산업계: 전액 부담 \(청년기업 감면 미적용: 대표자가 1985\.12\.22\. 이전 출생\)/);
    const soleProprietor = renderCostTable(
      preview({
        ...complete,
        applicant: {
          ...complete.applicant,
          youthCompany: true,
          registrationNumber: '124-12-00992',
          representative: { ...complete.applicant?.representative, birthDate: '1990-04-17' },
        },
      }),
      t,
    );
    assert.match(soleProprietor, /data-figure="applicable">76,800,000원</);
    assert.match(soleProprietor, /청년기업 감면 미적용: 사업자등록번호가 법인기업의 번호가 아님/);
  });

  it('warns of the on-site review for large requests', () => {
    const html = renderPreviewBody(preview({ ...complete, gpu: { type: 'H200', servers: 8, months: 6 } }), t);
    assert.match(html, /적격성 심사/);
    assert.match(html, /30/);
  });

  it('draws GPUs per month against the requested capacity', () => {
    const svg = renderChart(preview(complete), t);
    assert.equal((svg.match(/<rect class="bar/g) ?? []).length, 6, 'one bar per month of 2026-03…2026-08');
    assert.match(svg, /class="capacity"/);
    assert.match(svg, /요청 GPU 32장|32/);
    // The axis says the year where it starts and the unit: '26.3 4 5 … and 월 ('연.월), GPU(장).
    const labels = [...svg.matchAll(/<text class="axis" x="[\d.]+" y="220" text-anchor="middle">([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(labels, ['&#39;26.3', '4', '5', '6', '7', '8']);
    assert.match(svg, /class="axis unit"[^>]*>월 \(&#39;연\.월\)</);
    assert.match(svg, /aria-label="[^"]*&#39;26\.03[^"]*&#39;26\.08/);
    const over = renderChart(preview({ ...complete, gpu: { type: 'H200', servers: 2, months: 6 } }), t);
    assert.match(over, /class="bar over"/);
  });

  it("marks milestones in the form's 12-month grid", () => {
    const html = renderMilestones(preview(complete), t);
    assert.equal((html.match(/<th scope="col" class="month/g) ?? []).length, 12);
    const marks = (complete.schedule?.milestones ?? []).reduce((n, m) => n + (m.months?.length ?? 0), 0);
    assert.equal((html.match(/class="mark"/g) ?? []).length, marks);
    assert.match(html, /수행일정\(&#39;26년\)/);
  });

  it('escapes hostile text in every place plan text reaches', () => {
    for (const bad of HOSTILE) {
      const plan: Plan = { ...complete, schedule: { ...complete.schedule, milestones: [{ task: bad, months: ['2026-03'] }] }, gpu: { ...complete.gpu } };
      const html = renderPreviewBody(preview(plan), t) + renderWhatIf(preview(plan), preview({ ...plan, gpu: { type: 'B200', servers: 2, months: 6 } }), t);
      assert.ok(!html.includes(bad), bad);
      assert.ok(html.includes(escapeHtml(bad)));
      // No tag or attribute of the hostile text survives: only its escaped form is there.
      assert.ok(!/<script|<img|<svg onload/i.test(html), bad);
      assert.ok(!/<[^>]*\son(error|load)=/i.test(html), bad);
    }
  });

  it('shows the what-if alternative with the difference', () => {
    const html = renderWhatIf(preview(complete), preview({ ...complete, gpu: { type: 'H200', servers: 8, months: 6 } }), t);
    assert.match(html, /153,600,000원/);
    assert.match(html, /\+76,800,000원/);
    assert.match(html, /현장발표|심사/);
  });

  it('builds a page with a strict CSP and a nonce on its only script', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123', cspSource: 'vscode-resource:', styles: 'source' });
    const page = renderCostShell(
      {
        nonce: 'abc123',
        csp,
        scriptUri: 'vscode-resource:/media/preview.js',
        styleUri: 'vscode-resource:/media/preview.css',
        lang: '<b>x</b>',
        tryMax: { servers: 64, months: 24 },
      },
      t,
    );
    assert.match(page, /default-src 'none'/);
    assert.match(page, /script-src 'nonce-abc123'/);
    assert.ok(!/unsafe-inline|unsafe-eval|https?:/.test(page.replace(/http-equiv/g, '')), 'no unsafe sources, no remote URLs');
    assert.equal((page.match(/<script/g) ?? []).length, 1);
    assert.match(page, /<script nonce="abc123" src=/);
    assert.ok(page.includes('lang="&lt;b&gt;x&lt;/b&gt;"'));
    assert.match(
      page,
      /<form id="whatif"[\s\S]*계획서에 반영[\s\S]*<div id="whatif-result"[^>]*><\/div>\n<\/form>\n<main id="preview"/,
      'the what-if result right below its controls, before the figures',
    );
  });
});

describe('cost preview messages from the webview', () => {
  it('accepts well-formed messages only', () => {
    assert.deepEqual(parsePreviewMessage({ type: 'ready' }, LIMITS), { type: 'ready' });
    assert.deepEqual(parsePreviewMessage({ type: 'whatIf', request: { type: 'B200', servers: 4, months: 6 } }, LIMITS), {
      type: 'whatIf',
      request: { type: 'B200', servers: 4, months: 6 },
    });
    assert.deepEqual(parsePreviewMessage({ type: 'whatIf', request: null }, LIMITS), { type: 'whatIf', request: null });
    for (const bad of [
      null,
      'apply',
      [],
      { type: 'apply' },
      { type: 'apply', request: { type: 'H100', servers: 2, months: 6 } },
      { type: 'apply', request: { type: 'H200', servers: 2.5, months: 6 } },
      { type: 'apply', request: { type: 'H200', servers: '2', months: 6 } },
      { type: 'apply', request: { type: 'H200', servers: 1e9, months: 6 } },
      { type: 'run', command: 'x' },
      { type: 'whatIf', request: { type: '__proto__', servers: 2, months: 3 } },
    ]) {
      assert.equal(parsePreviewMessage(bad, LIMITS), undefined, JSON.stringify(bad));
    }
  });

  it('writes only requests the program allows', () => {
    assert.equal(isAllowedRequest({ type: 'H200', servers: 32, months: 12 }, LIMITS), true);
    assert.equal(isAllowedRequest({ type: 'B200', servers: 17, months: 6 }, LIMITS), false);
    assert.equal(isAllowedRequest({ type: 'H200', servers: 4, months: 2 }, LIMITS), false);
  });
});

describe('writing a GPU request into the plan', () => {
  it('is one minimal edit that changes the request and keeps the declared co-payment in step', () => {
    const text = readExample('complete.gpuplan.json');
    const edit = gpuRequestEdit(parseDocument(text), { type: 'B200', servers: 3, months: 5 })!;
    const after = applyEdits(text, [edit]);
    const plan = JSON.parse(after) as Plan;
    assert.deepEqual(plan.gpu, { type: 'B200', servers: 3, months: 5 });
    assert.deepEqual(plan.gpuPlan?.copayment, { unitPriceWon: 6_400_000, servers: 3, months: 5, totalWon: 96_000_000 });
    assert.ok(edit.offset > text.indexOf('"gpu"'), 'the edit starts at the request, not at the top');
    const codes = analyze(after).map((f) => f.code);
    assert.ok(!codes.includes('copayment-mismatch'));
  });

  it('refuses a document with syntax errors', () => {
    assert.equal(gpuRequestEdit(parseDocument('{ "gpu": { "type": "H200", }'), { type: 'H200', servers: 2, months: 3 }), undefined);
  });
});
