/** `page-budget`: the body about 20 (or 30) pages, the 요약서 at most 2, in gpuplan's own PDF export (estimated). */
import { PAGE_ESTIMATE, SUMMARY_MAX_PAGES } from '../figures';
import { asObject } from '../plan/read';
import { boundBodyPagesAtLeast, estimatePagesAtMost, type PageEstimate } from '../pages/estimate';
import { keySpan } from './place';
import { defineRule } from './rule';

export const pageBudget = defineRule<{ readonly pages: number; readonly budget: number; readonly chapterPages?: number }>()({
  code: 'page-budget',
  severity: 'warning',
  reads: 'prose',
  description: {
    en: 'The estimated body exceeds the page budget, or the summary exceeds 2 pages.',
    ko: '추정 본문 분량이 권장 분량을 넘거나 요약서가 2페이지를 넘음',
  },
  messages: {
    body: {
      en: "The body (chapters I–VI) comes to about {0} pages in the exported PDF (estimated), over the form's budget of about {1} pages for this request. This chapter is the longest ({2} pages): shorten it first.",
      ko: '본문(I~VI장)이 내보낸 PDF에서 약 {0}페이지로 추정되어, 이 신청 규모의 권장 분량({1}페이지 내외)을 넘습니다. 가장 긴 이 장({2}페이지)부터 줄이세요.',
    },
    summary: {
      en: 'The summary (요약서) comes to about {0} pages in the exported PDF (estimated); the form allows 1–{1} pages.',
      ko: '요약서가 내보낸 PDF에서 약 {0}페이지로 추정됩니다. 양식은 1~{1}페이지 분량을 요구합니다.',
    },
  },
  docs: {
    form: '수행계획서 본문은 H200 8서버 미만, B200 4서버 미만 20페이지 내외로, H200 8서버 이상, B200 4서버 이상 30페이지 내외 분량으로 작성 (표지, 목차, 붙임 제외) … 요약서는 1~2 페이지 분량으로 작성',
    formPlace: { en: 'form, 작성요령 — 과제수행계획서 작성요령; 요약서 작성 요령', ko: '양식, 작성요령 — 과제수행계획서 작성요령; 요약서 작성 요령' },
    checks: {
      en: 'gpuplan estimates how many pages the body (chapters I–VI, without the cover, the 표지, the table of contents and the attachments) and the 요약서 take in its own PDF export: each chapter starts a page, headings, bullets by level and tables with their column widths are laid out as the export lays them out. The estimate is calibrated against the real PDF of the plans in test/fixtures/calibration (within 1.5 pages or 10%). A body over about 20 pages (30 for large projects) by more than 10%, or a summary over 2 pages, is reported, at the longest chapter.',
      ko: 'gpuplan은 자체 PDF 내보내기에서 본문(I~VI장, 표지·목차·붙임 제외)과 요약서가 차지할 쪽수를 추정합니다. 장마다 새 쪽에서 시작하고, 제목·수준별 개조식·표(열 너비 포함)를 내보내기와 같이 배치합니다. 추정치는 test/fixtures/calibration 계획서의 실제 PDF로 보정되어 있습니다(1.5페이지 또는 10% 이내). 본문이 20페이지(대형과제 30페이지) 내외를 10% 넘게 초과하거나 요약서가 2페이지를 넘으면 가장 긴 장에 알려 줍니다.',
    },
    fix: {
      en: 'Shorten the longest chapter first; write in 개조식 bullets rather than paragraphs, and keep long text out of narrow table columns.',
      ko: '가장 긴 장부터 줄이세요. 문단보다 개조식으로 쓰고, 좁은 표 칸에는 긴 글을 넣지 마세요.',
    },
    examples: {
      pass: { patch: { '/summary/overview': ['법령·행정문서 특화 대규모 언어모델 개발'] } },
      fail: {
        patch: {
          '/summary/overview': Array.from(
            { length: 60 },
            (_, i) =>
              `요약 항목 ${i + 1}: 법령·판례·행정문서 310억 토큰으로 공개 기반모델을 계속 사전학습·지시학습하여 법령 근거 검토 시간을 단축하는 서비스를 실증함`,
          ),
        },
      },
    },
  },
  check({ doc, plan, texts, cost, pages, message, report }) {
    const tolerance = 1 + PAGE_ESTIMATE.value.tolerance;
    const budget = cost().pageBudget;
    const over = (e: PageEstimate) => ({
      body: e.bodyPages > budget * tolerance,
      summary: asObject(plan.summary) !== undefined && e.summaryPages > SUMMARY_MAX_PAGES.value * tolerance,
    });
    // Short plans are within the budget even by an upper bound that reads only the texts'
    // lengths (about twice the estimate). It is worth computing only when it may be under the
    // budget: when the least it can be, from the prose's length alone, is at most half of it.
    if (boundBodyPagesAtLeast(texts()) <= (budget * tolerance) / 2) {
      const bound = over(estimatePagesAtMost(plan, cost()));
      if (!bound.body && !bound.summary) return;
    }
    const estimate = pages();
    const exceeded = over(estimate);
    if (exceeded.body) {
      const longest = estimate.chapters.reduce((a, b) => (b.pages > a.pages || (b.pages === a.pages && b.length > a.length) ? b : a));
      report({
        at: keySpan(doc, [longest.key]),
        path: [longest.key],
        message: message('body', estimate.bodyPages, budget, longest.pages),
        data: { pages: estimate.bodyPages, budget, chapterPages: longest.pages },
      });
    }
    if (exceeded.summary) {
      report({
        at: keySpan(doc, ['summary']),
        path: ['summary'],
        message: message('summary', estimate.summaryPages, SUMMARY_MAX_PAGES.value),
        data: { pages: estimate.summaryPages, budget: SUMMARY_MAX_PAGES.value },
      });
    }
  },
});
