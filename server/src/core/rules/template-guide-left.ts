/** `template-guide-left`: guide text or a placeholder of the form is left in the plan. */
import { defineRule } from './rule';
import { GUIDE_ANYWHERE, guideHits } from './prose/guide';
import { forEachString, isPlainText, spannerAt } from './prose/strings';

interface GuideData {
  readonly kind: string;
  readonly text: string;
}

export const templateGuideLeft = defineRule<GuideData>()({
  code: 'template-guide-left',
  severity: 'warning',
  reads: 'prose',
  description: {
    en: 'Guide text or a placeholder of the form is left in (★, 작성요령, 000, 00%, YYYYMMDD, yyyy.mm, ㅇㅇㅇ…).',
    ko: '양식의 작성 가이드나 자리표시가 남아 있음 (★, 작성요령, 000, 00%, YYYYMMDD, yyyy.mm, ㅇㅇㅇ …)',
  },
  messages: {
    left: {
      en: 'Guide text of the form is left in: "{0}". Delete it, or replace the placeholder with the real value.',
      ko: '양식의 작성 가이드가 남아 있습니다: "{0}". 지우거나 실제 값으로 바꾸세요.',
    },
    fixStar: { en: 'Remove the guide mark "★"', ko: '작성 가이드 표시 "★" 지우기' },
  },
  docs: {
    form: '본 작성요령 및 양식 내 유의사항 문구(파란색 텍스트)는 제출 전 삭제 … 문서내 작성된 작성 가이드는 최종 제출시 삭제 요망 … ※ 작성 완료 후 요령은 삭제할 것',
    formPlace: { en: 'form, 작성요령 — 공통; 요약서 작성 요령', ko: '양식, 작성요령 — 공통; 요약서 작성 요령' },
    checks: {
      en: 'Every string of the plan is read for what the form itself writes as guidance or placeholder: the ★ of its guide lines, "작성요령", 000 and 00%, YYYYMMDD and yyyy.mm, ㅇㅇㅇ and △△△, "해당시 작성", empty parentheses.',
      ko: '계획서의 모든 문자열에서 양식이 안내나 자리표시로 쓴 것을 찾습니다: 작성 가이드의 ★, "작성요령", 000과 00%, YYYYMMDD와 yyyy.mm, ㅇㅇㅇ와 △△△, "해당시 작성", 빈 괄호.',
    },
    fix: { en: 'Delete the guide text, or write the real value in place of the placeholder. A "★" has a quick fix.', ko: '가이드 문구를 지우거나 자리표시에 실제 값을 쓰세요. "★"는 빠른 수정으로 지울 수 있습니다.' },
    examples: {
      pass: { patch: { '/mainContent/execution/status/0/text': '주요 과업 진척률(현 모델개발 단계 35%)' } },
      fail: { patch: { '/mainContent/execution/status/0/text': '★ 현재까지 완료된 주요 과업 진척률 기재' } },
    },
  },
  check({ doc, plan, message, report }) {
    // In a plain JSON text one pass over the whole text tells that no string has guide text.
    if (isPlainText(doc) && !GUIDE_ANYWHERE.test(doc.text)) return;
    forEachString(plan, (value, pathOf) => {
      const hits = guideHits(value);
      if (hits.length === 0) return;
      const path = pathOf();
      const span = spannerAt(doc, path);
      for (const hit of hits) {
        report({ ...span(hit.start, hit.start + hit.text.length), path, message: message('left', hit.text), data: { kind: hit.kind, text: hit.text } });
      }
    });
  },
  fixes(finding, { doc, title }) {
    if (finding.data?.kind !== 'star') return [];
    // Remove the mark and the space after it.
    const after = doc.text[finding.offset + finding.length] === ' ' ? 1 : 0;
    return [{ code: finding.code, title: title('fixStar'), edits: [{ offset: finding.offset, length: finding.length + after, newText: '' }], fixAll: true, preferred: true }];
  },
});
