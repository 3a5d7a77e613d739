/** `page-budget`: the body about 20 (or 30) pages, the 요약서 at most 2 (estimated). */
import { PAGE_ESTIMATE, SUMMARY_MAX_PAGES } from '../figures';
import { asObject } from '../plan/read';
import { estimatePages, linesAtMost, type PageEstimate } from '../pages/estimate';
import { keySpan } from './place';
import { defineRule } from './rule';

const round = (pages: number) => Math.round(pages * 10) / 10;

export const pageBudget = defineRule<{ readonly pages: number; readonly budget: number }>()({
  code: 'page-budget',
  severity: 'warning',
  reads: 'prose',
  description: { en: 'The estimated body exceeds the page budget, or the summary exceeds 2 pages.', ko: '추정 본문 분량이 권장 분량을 넘거나 요약서가 2페이지를 넘음' },
  messages: {
    body: {
      en: "The body comes to about {0} pages (estimated), over the form's budget of about {1} pages for this request. This chapter is the longest: shorten it first.",
      ko: '본문이 약 {0}페이지로 추정되어, 이 신청 규모의 권장 분량({1}페이지 내외)을 넘습니다. 가장 긴 이 장부터 줄이세요.',
    },
    summary: { en: 'The summary (요약서) comes to about {0} pages (estimated); the form allows 1–{1} pages.', ko: '요약서가 약 {0}페이지로 추정됩니다. 양식은 1~{1}페이지 분량을 요구합니다.' },
  },
  docs: {
    form: '수행계획서 본문은 H200 8서버 미만, B200 4서버 미만 20페이지 내외로, H200 8서버 이상, B200 4서버 이상 30페이지 내외 분량으로 작성 (표지, 목차, 붙임 제외) … 요약서는 1~2 페이지 분량으로 작성',
    formPlace: { en: 'form, 작성요령 — 과제수행계획서 작성요령; 요약서 작성 요령', ko: '양식, 작성요령 — 과제수행계획서 작성요령; 요약서 작성 요령' },
    checks: {
      en: 'gpuplan estimates how many pages the body (chapters I–VI, without the cover, the table of contents and the attachments) and the 요약서 take in the exported document. A body over about 20 pages (30 for large projects) or a summary over 2 pages is reported, at the longest chapter.',
      ko: 'gpuplan은 내보낸 문서에서 본문(I~VI장, 표지·목차·붙임 제외)과 요약서가 차지할 쪽수를 추정합니다. 본문이 20페이지(대형과제 30페이지) 내외를 넘거나 요약서가 2페이지를 넘으면 가장 긴 장에 알려 줍니다.',
    },
    fix: { en: 'Shorten the longest chapter first; write in 개조식 bullets rather than paragraphs.', ko: '가장 긴 장부터 줄이세요. 문단보다 개조식으로 쓰면 짧아집니다.' },
    examples: {
      pass: { patch: { '/summary/overview': ['법령·행정문서 특화 대규모 언어모델 개발'] } },
      fail: { patch: { '/summary/overview': Array.from({ length: 60 }, (_, i) => `요약 항목 ${i + 1}: 법령·판례·행정문서 310억 토큰으로 공개 기반모델을 계속 사전학습·지시학습하여 법령 근거 검토 시간을 단축하는 서비스를 실증함`) } },
    },
  },
  check({ doc, plan, texts, cost, pages, message, report }) {
    const tolerance = 1 + PAGE_ESTIMATE.value.tolerance;
    const budget = cost().pageBudget;
    const over = (e: PageEstimate) => ({
      body: e.bodyPages > budget * tolerance,
      summary: asObject(plan.summary) !== undefined && e.summaryPages > SUMMARY_MAX_PAGES.value * tolerance,
    });
    // Most plans are within the budget even counting every character full width.
    const bound = over(estimatePages(plan, texts(), linesAtMost));
    if (!bound.body && !bound.summary) return;
    const estimate = pages();
    const exceeded = over(estimate);
    if (exceeded.body) {
      const [longest] = [...estimate.chapterLines.entries()].sort((a, b) => b[1] - a[1]);
      report({
        ...keySpan(doc, [longest[0]]),
        path: [longest[0]],
        message: message('body', round(estimate.bodyPages), budget),
        data: { pages: round(estimate.bodyPages), budget },
      });
    }
    if (exceeded.summary) {
      report({
        ...keySpan(doc, ['summary']),
        path: ['summary'],
        message: message('summary', round(estimate.summaryPages), SUMMARY_MAX_PAGES.value),
        data: { pages: round(estimate.summaryPages), budget: SUMMARY_MAX_PAGES.value },
      });
    }
  },
});
