/**
 * `staffing-mismatch`: VI-2's "투입인력 : 총 00 명 ( m/y, m/m)" agrees with 붙임0 — the people it
 * lists, and their months × participation.
 */
import { PERSON_MONTHS_TOLERANCE } from '../figures';
import { replaceWithJson } from '../edit/fix';
import { asArray, asCount, asNumber, asObject, asPercent } from '../plan/read';
import { keySpan, related, valueSpan } from './place';
import { defineRule } from './rule';

const round2 = (n: number): number => Math.round(n * 100) / 100;

export const staffingMismatch = defineRule<{ readonly key: 'headcount' | 'personMonths' | 'personYears'; readonly expected: number }>()({
  code: 'staffing-mismatch',
  severity: 'warning',
  reads: 'structure',
  description: {
    en: 'The staffing totals of VI-2 (headcount, m/m, m/y) differ from the people listed in 붙임0.',
    ko: 'VI-2 투입인력(총 인원, m/m, m/y)이 붙임0 투입 인력 현황과 맞지 않음',
  },
  messages: {
    headcount: {
      en: 'VI-2 gives a total of {0} people, but 붙임0 lists {1}.',
      ko: 'VI-2 투입인력은 총 {0}명인데, 붙임0 투입 인력 현황에는 {1}명이 기재되어 있습니다.',
    },
    personMonths: {
      en: "VI-2 gives {0} m/m, but 붙임0 adds up to {1} m/m (each person's months × participation rate).",
      ko: 'VI-2 투입 공수는 {0} m/m인데, 붙임0의 참여개월 × 투입률을 합하면 {1} m/m입니다.',
    },
    personYears: {
      en: 'VI-2 gives {0} m/y, but {1} m/m is {2} m/y (m/m ÷ 12).',
      ko: 'VI-2 투입 공수는 {0} m/y인데, {1} m/m은 {2} m/y입니다 (m/m ÷ 12).',
    },
    staff: { en: 'The people of 붙임0.', ko: '붙임0 투입 인력 현황' },
    personMonthsHere: { en: 'The person-months (m/m).', ko: '투입 공수(m/m)' },
    fixHeadcount: { en: 'Change to {0} people', ko: '{0}명으로 바꾸기' },
    fixPersonMonths: { en: 'Change to {0} m/m', ko: '{0} m/m으로 바꾸기' },
    fixPersonYears: { en: 'Change to {0} m/y', ko: '{0} m/y로 바꾸기' },
  },
  docs: {
    form: '○ 투입인력 : 총 00 명 ( m/y, m/m) … 붙임 0 투입 인력 현황 … 참여기간 (개월) … 투입률 (%)',
    formPlace: { en: 'form, VI-2 참여 인력 현황; 붙임0 투입 인력 현황', ko: '양식, VI-2 참여 인력 현황; 붙임0 투입 인력 현황' },
    checks: {
      en: `\`institution.staffing\` sums up 붙임0: \`headcount\` is the number of people in \`staff\`, \`personMonths\` (m/m) is the sum of each person's months × participation rate, and \`personYears\` (m/y), when written, is m/m ÷ 12. Rounding to ${PERSON_MONTHS_TOLERANCE.value} is allowed.`,
      ko: `\`institution.staffing\`은 붙임0의 합계입니다: \`headcount\`는 \`staff\`의 인원 수, \`personMonths\`(m/m)는 각 인력의 참여개월 × 투입률의 합, \`personYears\`(m/y)는 기재한 경우 m/m ÷ 12입니다. ${PERSON_MONTHS_TOLERANCE.value} 이내의 반올림 차이는 허용합니다.`,
    },
    fix: { en: 'Write the totals of 붙임0 (quick fix).', ko: '붙임0의 합계를 기재하세요 (빠른 수정).' },
    examples: {
      pass: { patch: { '/institution/staffing/personMonths': 27 } },
      fail: { patch: { '/institution/staffing/personMonths': 36 } },
      show: ['/staff'],
    },
  },
  check({ doc, plan, message, report }) {
    const staffing = asObject(asObject(plan.institution)?.staffing);
    if (!staffing || !Array.isArray(plan.staff)) return;
    const people = asArray(plan.staff).map(asObject);
    const staffRelated = [{ ...keySpan(doc, ['staff']), message: message('staff') }];
    const at = (key: string) => ['institution', 'staffing', key];

    const headcount = asCount(staffing.headcount);
    if (headcount !== undefined && headcount !== people.length) {
      report({
        at: valueSpan(doc, at('headcount')),
        path: at('headcount'),
        message: message('headcount', headcount, people.length),
        data: { key: 'headcount', expected: people.length },
        related: staffRelated,
      });
    }

    const parts = people.map((p) => ({ months: asNumber(p?.months), rate: asPercent(p?.participationPercent) }));
    const personMonths = asNumber(staffing.personMonths);
    if (personMonths !== undefined && parts.every((p) => p.months !== undefined && p.rate !== undefined)) {
      const sum = round2(parts.reduce((total, p) => total + ((p.months ?? 0) * (p.rate ?? 0)) / 100, 0));
      if (Math.abs(sum - personMonths) > PERSON_MONTHS_TOLERANCE.value) {
        report({
          at: valueSpan(doc, at('personMonths')),
          path: at('personMonths'),
          message: message('personMonths', personMonths, sum),
          data: { key: 'personMonths', expected: sum },
          related: staffRelated,
        });
      }
    }

    const personYears = asNumber(staffing.personYears);
    if (personYears !== undefined && personMonths !== undefined) {
      const expected = round2(personMonths / 12);
      if (Math.abs(expected - personYears) > PERSON_MONTHS_TOLERANCE.value) {
        report({
          at: valueSpan(doc, at('personYears')),
          path: at('personYears'),
          message: message('personYears', personYears, personMonths, expected),
          data: { key: 'personYears', expected },
          related: [related(doc, at('personMonths'), message('personMonthsHere'))],
        });
      }
    }
  },
  fixes(finding, { title }) {
    const data = finding.data;
    if (!data) return [];
    const { key, expected } = data;
    const titleKey = key === 'headcount' ? 'fixHeadcount' : key === 'personMonths' ? 'fixPersonMonths' : 'fixPersonYears';
    return [{ code: finding.code, title: title(titleKey, expected), edits: [replaceWithJson(finding, expected)], fixAll: true, preferred: true }];
  },
});
