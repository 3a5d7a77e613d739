/** `education-order`: the lead researcher's 학력 is listed 박사 → 석사 → 학사, as the form asks. */
import { asArray, asNonBlank, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { degreeRank } from './degrees';
import { defineRule } from './rule';

export const educationOrder = defineRule()({
  code: 'education-order',
  severity: 'warning',
  reads: 'structure',
  description: { en: "The lead researcher's education is not listed 박사, 석사, 학사 in that order.", ko: '총괄책임자 학력이 박사, 석사, 학사 순이 아님' },
  messages: {
    order: {
      en: 'Education row {0} ({1}) comes after row {2} ({3}): the form lists degrees 박사, 석사, 학사 in that order, the highest first.',
      ko: '학력 {0}번째 행({1})이 {2}번째 행({3}) 뒤에 있습니다. 학력은 박사, 석사, 학사학위 순으로 기재합니다.',
    },
    higher: { en: 'The lower degree, listed first.', ko: '먼저 기재한 낮은 학위' },
  },
  docs: {
    form: '★ 학력: 박사, 석사, 학사학위 순으로 기재, 경력: 최근 순으로 기재',
    formPlace: { en: 'form, VI-2 참여 인력 현황 — 총괄책임자', ko: '양식, VI-2 참여 인력 현황 — 총괄책임자' },
    checks: {
      en: 'The rows of `institution.leadResearcher.education` go from the highest degree to the lowest: 박사, then 석사, then 학사 (then 전문학사). A degree with its field or kind (공학박사, 법학전문석사) counts as that degree; a row whose degree is not one of these is left out of the comparison (see `degree-format`).',
      ko: '`institution.leadResearcher.education`의 행은 높은 학위부터 박사, 석사, 학사(, 전문학사) 순이어야 합니다. 분야나 종류가 붙은 학위(공학박사, 법학전문석사)는 그 학위로 보며, 이에 해당하지 않는 학위의 행은 비교하지 않습니다(`degree-format` 참고).',
    },
    fix: { en: 'Reorder the rows: the highest degree first.', ko: '높은 학위부터 오도록 행의 순서를 바꾸세요.' },
    examples: {
      pass: { patch: {} },
      fail: { patch: { '/institution/leadResearcher/education/0/degree': '학사', '/institution/leadResearcher/education/2/degree': '박사' } },
      show: ['/institution/leadResearcher/education'],
    },
  },
  check({ doc, plan, message, report }) {
    const rows = asArray(asObject(asObject(plan.institution)?.leadResearcher)?.education).map(asObject);
    let previous: { index: number; rank: number; degree: string } | undefined;
    rows.forEach((row, index) => {
      const degree = asNonBlank(row?.degree);
      const rank = degree !== undefined ? degreeRank(degree) : undefined;
      if (degree === undefined || rank === undefined) return;
      if (previous && rank > previous.rank) {
        const path = ['institution', 'leadResearcher', 'education', index, 'degree'];
        report({
          at: valueSpan(doc, path),
          path,
          message: message('order', index + 1, degree, previous.index + 1, previous.degree),
          related: [related(doc, ['institution', 'leadResearcher', 'education', previous.index, 'degree'], message('higher'))],
        });
        return;
      }
      previous = { index, rank, degree };
    });
  },
});
