/** `staff-participation`: 붙임0 participation rates are 0–100%, and months agree with each period. */
import { dateMessage, durationMessage, monthsAgree, parseDate, periodLength } from '../dates';
import { replaceWithJson } from '../edit/fix';
import { asArray, asInteger, asNumber, asObject, asString } from '../plan/read';
import { memoPair } from './memo';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

export const staffParticipation = defineRule<{ readonly fix?: number }>()({
  code: 'staff-participation',
  severity: 'error',
  reads: 'structure',
  fixAfter: ['staff-period-outside-schedule'],
  owns: [{ pointer: /^\/staff\/\d+\/participationPercent$/, keywords: ['minimum', 'maximum'] }],
  description: {
    en: 'Participation outside 0–100%, or months inconsistent with the participation period.',
    ko: '투입률이 0~100% 밖이거나 참여개월이 참여기간과 맞지 않음',
  },
  messages: {
    rate: { en: 'Participation of {0} is {1}%; it must be between 0 and 100%.', ko: '{0}의 투입률이 {1}%입니다. 0~100% 사이여야 합니다.' },
    endsBeforeStart: { en: 'The participation period of {0} ends before it starts.', ko: '{0}의 참여기간 종료일이 시작일보다 앞섭니다.' },
    months: {
      en: '{0} participates {1} – {2}, which is {3}, but {4} months are written.',
      ko: '{0}의 참여기간 {1} ~ {2|은} {3}인데, 참여개월은 {4}개월로 기재되어 있습니다.',
    },
    period: { en: 'Participation period of {0}.', ko: '{0}의 참여기간' },
    fix: { en: 'Change to {0} months', ko: '{0}개월로 바꾸기' },
  },
  docs: {
    form: '참여기간 (개월) MMDD~ MMDD (00) | 투입률 (%) 00',
    formPlace: { en: 'form, 붙임0 투입 인력 현황', ko: '양식, 붙임0 투입 인력 현황' },
    checks: {
      en: 'In 붙임0, each person participates 0–100% of their time, and the months written next to the participation period are the months the period spans.',
      ko: '붙임0에서 각 인력의 투입률은 0~100%이고, 참여기간 옆의 개월 수는 그 기간의 개월 수와 같아야 합니다.',
    },
    fix: {
      en: 'Correct the rate or the months (quick fix where the value is computable).',
      ko: '투입률이나 개월 수를 바로잡으세요 (계산할 수 있으면 빠른 수정).',
    },
    examples: { pass: { patch: { '/staff/0/months': 6 } }, fail: { patch: { '/staff/0/months': 9 } }, show: ['/staff/0/name', '/staff/0/period'] },
  },
  check({ doc, plan, message, report }) {
    // A period's length, once per distinct pair of dates: null when either is not a date,
    // undefined when it ends before it starts.
    const lengthOf = memoPair((startText, endText) => {
      const start = parseDate(startText);
      const end = parseDate(endText);
      return start && end ? periodLength(start, end) : null;
    });
    asArray(plan.staff).forEach((raw, index) => {
      const person = asObject(raw);
      if (!person) return;
      const at = (...rest: string[]) => ['staff', index, ...rest];
      const who = asString(person.name) || `#${index + 1}`;
      const rate = asNumber(person.participationPercent);
      if (rate !== undefined && (rate < 0 || rate > 100)) {
        report({
          at: valueSpan(doc, at('participationPercent')),
          path: at('participationPercent'),
          message: message('rate', who, rate),
          data: { fix: Math.min(Math.max(rate, 0), 100) },
        });
      }
      const period = asObject(person.period);
      const months = asInteger(person.months);
      if (typeof period?.start !== 'string' || typeof period.end !== 'string' || months === undefined) return;
      const length = lengthOf(period.start, period.end);
      if (length === null) return;
      if (!length) {
        report({ at: valueSpan(doc, at('period', 'end')), path: at('period', 'end'), message: message('endsBeforeStart', who) });
      } else if (!monthsAgree(months, length)) {
        report({
          at: valueSpan(doc, at('months')),
          path: at('months'),
          message: message('months', who, dateMessage(period.start), dateMessage(period.end), durationMessage(length), months),
          data: { fix: length.whole ?? Math.round(length.span) },
          related: [related(doc, at('period'), message('period', who))],
        });
      }
    });
  },
  fixes(finding, { title }) {
    const fix = finding.data?.fix;
    if (fix === undefined) return [];
    return [{ code: finding.code, title: title('fix', fix), edits: [replaceWithJson(finding, fix)], fixAll: true, preferred: true }];
  },
});
