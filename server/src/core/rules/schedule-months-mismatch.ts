/** `schedule-months-mismatch`: the project period (V-1) is as long as the months requested. */
import { compareDates, dateMessage, monthSpan, monthsFit, parseDate } from '../dates';
import { asInteger, asObject } from '../plan/read';
import { keySpan, related, valueSpan } from './place';
import { defineRule } from './rule';

export const scheduleMonthsMismatch = defineRule<{ readonly months?: number; readonly requested?: number }>()({
  code: 'schedule-months-mismatch',
  severity: 'warning',
  reads: 'structure',
  description: { en: "The project period's length differs from the requested months.", ko: '수행기간 길이가 활용 신청 기간과 다름' },
  messages: {
    endsBeforeStart: { en: 'The project period ends ({0}) before it starts ({1}).', ko: '수행기간의 종료일({0})이 시작일({1})보다 앞섭니다.' },
    start: { en: 'Start of the project period.', ko: '수행기간 시작일' },
    differs: {
      en: 'The project period {0} – {1} is {2} months long, but the GPU request is for {3} months.',
      ko: '수행기간 {0} ~ {1|은} {2}개월이지만, GPU 활용 신청 기간은 {3}개월입니다.',
    },
    requested: { en: 'Requested months.', ko: '활용 신청 기간(개월)' },
  },
  docs: {
    form: '□ 수행기간 : yyyy.mm.dd.~yyyy.mm.dd.(○ ○ 개월) … 활용 신청 기간(개월) … 이용개시일로부터 00개월',
    formPlace: { en: 'form, V-1 추진 일정; 표지 — GPU 수요', ko: '양식, V-1 추진 일정; 표지 — GPU 수요' },
    checks: {
      en: 'The project period of `schedule.period` spans as many months as `gpu.months` requests, counting both the first and the last day. It must also end after it starts.',
      ko: '`schedule.period`의 수행기간은 첫날과 마지막 날을 모두 세어 `gpu.months`의 개월 수와 같아야 하며, 종료일이 시작일보다 뒤여야 합니다.',
    },
    fix: { en: 'Adjust the end date, or the requested months.', ko: '종료일이나 활용 신청 기간을 맞추세요.' },
    examples: {
      pass: { patch: { '/schedule/period/end': '2026-08-31' } },
      fail: { patch: { '/schedule/period/end': '2026-10-31' } },
      show: ['/schedule/period/start', '/gpu/months'],
    },
  },
  check({ doc, plan, message, report }) {
    const period = asObject(asObject(plan.schedule)?.period);
    const start = parseDate(period?.start);
    const end = parseDate(period?.end);
    if (!period || !start || !end) return;
    const [startText, endText] = [dateMessage(String(period.start)), dateMessage(String(period.end))];
    if (compareDates(end, start) < 0) {
      report({
        ...valueSpan(doc, ['schedule', 'period', 'end']),
        path: ['schedule', 'period', 'end'],
        message: message('endsBeforeStart', endText, startText),
        related: [related(doc, ['schedule', 'period', 'start'], message('start'))],
      });
      return;
    }
    const months = asInteger(asObject(plan.gpu)?.months);
    const span = monthSpan(start, end);
    if (months === undefined || monthsFit(months, span)) return;
    const rounded = Math.round(span * 10) / 10;
    report({
      ...keySpan(doc, ['schedule', 'period']),
      path: ['schedule', 'period'],
      message: message('differs', startText, endText, rounded, months),
      data: { months: rounded, requested: months },
      related: [related(doc, ['gpu', 'months'], message('requested'))],
    });
  },
});
