/** `gpu-months-range`: the months of use lie within 3–12. */
import { MONTHS } from '../figures';
import { replaceWithJson } from '../edit/fix';
import { asInteger, asObject } from '../plan/read';
import { valueSpan } from './place';
import { defineRule } from './rule';

interface RangeData {
  readonly min: number;
  readonly max: number;
  readonly value: number;
  readonly fix: number;
}

export const gpuMonthsRange = defineRule<RangeData>()({
  code: 'gpu-months-range',
  severity: 'error',
  reads: 'structure',
  owns: [{ pointer: /^\/gpu\/months$/, keywords: ['minimum', 'maximum'] }],
  description: { en: 'Months outside 3–12.', ko: '활용 신청 기간이 3~12개월을 벗어남' },
  messages: {
    outOfRange: { en: '{0} months is outside the allowed period of {1}–{2} months.', ko: '{0}개월은 신청 가능 기간({1}~{2}개월)을 벗어납니다.' },
    fix: { en: 'Change to {0} months (allowed {1}–{2})', ko: '{0}개월로 바꾸기 (허용 {1}~{2}개월)' },
  },
  docs: {
    form: '활용 신청 기간(개월) * 최소 3개월~최대 12개월까지 신청가능 … 이용개시일로부터 00개월',
    formPlace: { en: 'form, 표지 — GPU 수요', ko: '양식, 표지 — GPU 수요' },
    checks: {
      en: 'GPUs are allocated for 3 to 12 whole months, counted from the start of use; the co-payment is computed by the month.',
      ko: 'GPU는 이용개시일부터 3~12개월 동안 개월 단위로 배정되며, 민간부담금도 1개월 단위로 산정합니다.',
    },
    fix: {
      en: 'Request between 3 and 12 months. The quick fix sets the nearest allowed number.',
      ko: '3~12개월 사이로 신청하세요. 빠른 수정은 가장 가까운 허용 값으로 바꿉니다.',
    },
    examples: { pass: { patch: { '/gpu/months': 6 } }, fail: { patch: { '/gpu/months': 13 } } },
  },
  check({ doc, plan, message, report }) {
    const months = asInteger(asObject(plan.gpu)?.months);
    const { min, max } = MONTHS.value;
    if (months === undefined || (months >= min && months <= max)) return;
    report({
      at: valueSpan(doc, ['gpu', 'months']),
      path: ['gpu', 'months'],
      message: message('outOfRange', months, min, max),
      data: { min, max, value: months, fix: Math.min(Math.max(months, min), max) },
    });
  },
  fixes(finding, { title }) {
    const data = finding.data;
    if (!data) return [];
    return [
      { code: finding.code, title: title('fix', data.fix, data.min, data.max), edits: [replaceWithJson(finding, data.fix)], fixAll: true, preferred: true },
    ];
  },
});
