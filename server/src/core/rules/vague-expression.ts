/** `vague-expression`: wording the form says evaluators read as "impossible", at the phrase. */
import { escapeSnippet } from '../edit/insertion';
import { defineRule } from './rule';
import { spannerAt } from './prose/strings';
import { firmReplacement, vagueHits } from './prose/vague';

interface VagueData {
  readonly family: string;
  readonly phrase: string;
  readonly replacement: string;
}

export const vagueExpression = defineRule<VagueData>()({
  code: 'vague-expression',
  severity: 'warning',
  reads: 'prose',
  description: {
    en: 'Vague wording that evaluators read as "impossible" (~할 수도 있다, ~이 가능하다, ~을 고려하고 있다).',
    ko: '선정평가에서 불가능으로 간주되는 모호한 표현 (~할 수도 있다, ~이 가능하다, ~을 고려하고 있다)',
  },
  messages: {
    vague: {
      en: 'Vague wording "{0}": evaluators read it as "impossible". Write a firm, quantified commitment instead, e.g. "{1}".',
      ko: '모호한 표현 "{0}": 선정평가에서 불가능한 것으로 간주됩니다. "{1}"처럼 명확하고 계량화된 표현으로 바꾸세요.',
    },
    fix: { en: 'Replace with a firm commitment: "{0}"', ko: '명확한 표현으로 바꾸기: "{0}"' },
    placeholder: { en: 'by when, how much', ko: '언제까지·얼마나' },
  },
  docs: {
    form: '사업수행계획서의 내용은 명확한 용어를 사용해서 표현하며, ~를 추진 할 수도 있다, ~이 가능하다, ~을 고려하고 있다 등과 같은 모호한 표현은 선정평가 시 불가능한 것으로 간주하며, 계량화가 가능한 것은 계량화하여야 함',
    formPlace: { en: 'form, 작성요령 — 과제수행계획서 작성요령', ko: '양식, 작성요령 — 과제수행계획서 작성요령' },
    checks: {
      en: 'Every prose field (`Text`) is read for the three families of vague wording the form names, in their 개조식 variants, and the phrase itself is marked.',
      ko: '모든 서술 항목(`Text`)에서 양식이 예로 든 세 가지 모호한 표현과 그 개조식 변형을 찾아 해당 구절에 표시합니다.',
    },
    fix: {
      en: 'Say what will be done, by when and how much ("2026년 9월까지 서비스 3종에 적용"). The quick fix rewrites the ending and leaves a placeholder for the deadline and quantity.',
      ko: '무엇을 언제까지 얼마나 할지 쓰세요("2026년 9월까지 서비스 3종에 적용"). 빠른 수정은 어미를 바꾸고 기한과 수량을 쓸 자리를 남깁니다.',
    },
    examples: {
      pass: { patch: { '/overview/necessity/2/items/2': '2026년 8월까지 공공기관 3곳에 서비스를 적용함' } },
      fail: { patch: { '/overview/necessity/2/items/2': '향후 공공기관으로 서비스 확장이 가능하다' } },
      show: ['/overview/necessity/2/text'],
    },
  },
  check({ doc, texts, message, report }) {
    for (const text of texts()) {
      const hits = vagueHits(text.value);
      if (hits.length === 0) continue;
      const path = text.path();
      const span = spannerAt(doc, path);
      for (const hit of hits) {
        const replacement = firmReplacement(hit.kind, hit.text);
        report({
          ...span(hit.start, hit.start + hit.text.length),
          path,
          message: message('vague', hit.text, replacement),
          data: { family: hit.kind, phrase: hit.text, replacement },
        });
      }
    }
  },
  fixes(finding, { title }) {
    const replacement = finding.data?.replacement;
    if (!replacement) return [];
    return [
      {
        code: finding.code,
        title: title('fix', replacement),
        snippet: { offset: finding.offset, length: finding.length, text: `\${1:${escapeSnippet(title('placeholder'))}} ${escapeSnippet(replacement)}` },
        fixAll: false,
        preferred: false,
      },
    ];
  },
});
