/** `schedule-months-mismatch`: the project period (V-1) is as long as the months requested. */
import { compareDates, dateMessage, durationMessage, formatDate, formatKoreanDate, parseDate, periodEnd, periodLength, periodMonthsText } from '../dates';
import { MONTH_TOLERANCE_DAYS } from '../figures';
import { replaceWithJson } from '../edit/fix';
import { asInteger, asObject } from '../plan/read';
import { keySpan, related, valueSpan } from './place';
import { defineRule } from './rule';

interface MonthsData {
  /** The months the export prints after 수행기간, e.g. "5" or "5.5". */
  readonly printed?: string;
  readonly requested?: number;
  /** The end date that makes the period as long as the request (the quick fix). */
  readonly end?: string;
}

export const scheduleMonthsMismatch = defineRule<MonthsData>()({
  code: 'schedule-months-mismatch',
  severity: 'warning',
  reads: 'structure',
  description: { en: "The project period's length differs from the requested months.", ko: '수행기간 길이가 활용 신청 기간과 다름' },
  messages: {
    endsBeforeStart: { en: 'The project period ends ({0}) before it starts ({1}).', ko: '수행기간의 종료일({0})이 시작일({1})보다 앞섭니다.' },
    start: { en: 'Start of the project period.', ko: '수행기간 시작일' },
    differs: {
      en: 'The project period {0} – {1} is {2} long (printed "({3} months)" in the document), but the GPU request is for {4} months; {4} months from {0} end on {5}.',
      ko: '수행기간 {0} ~ {1|은} {2}(문서에는 "({3}개월)"로 표기)이지만, GPU 활용 신청 기간은 {4}개월입니다. {0}부터 {4}개월이면 종료일은 {5}입니다.',
    },
    requested: { en: 'Requested months.', ko: '활용 신청 기간(개월)' },
    fix: { en: 'Change the end date to {0}', ko: '종료일을 {0|으로} 바꾸기' },
  },
  docs: {
    form: '□ 수행기간 : yyyy.mm.dd.~yyyy.mm.dd.(○ ○ 개월) … 활용 신청 기간(개월) … 이용개시일로부터 00개월',
    formPlace: { en: 'form, V-1 추진 일정; 표지 — GPU 수요', ko: '양식, V-1 추진 일정; 표지 — GPU 수요' },
    checks: {
      en: `The project period of \`schedule.period\` spans as many months as \`gpu.months\` requests, counted to the day with both the first and the last day included: 2026-03-01 ~ 2026-08-31 is 6 months, 2026-03-01 ~ 2026-08-01 is 5 months and 1 day. A period within ${MONTH_TOLERANCE_DAYS.value} days of whole months counts as those months. The export prints the same count after 수행기간 ("(6개월)"), so the document and the check agree. The period must also end after it starts.`,
      ko: `\`schedule.period\`의 수행기간은 첫날과 마지막 날을 모두 넣어 날짜 단위로 세었을 때 \`gpu.months\`의 개월 수와 같아야 합니다. 2026.03.01. ~ 2026.08.31.은 6개월, 2026.03.01. ~ 2026.08.01.은 5개월 1일입니다. 개월 수와 ${MONTH_TOLERANCE_DAYS.value}일 이내로 차이 나는 기간은 그 개월 수로 봅니다. 내보낸 문서의 수행기간 뒤 "(6개월)"도 같은 방식으로 세므로 문서와 검사 결과가 같습니다. 종료일은 시작일보다 뒤여야 합니다.`,
    },
    fix: {
      en: 'Set the end date the request implies (quick fix), or change the requested months.',
      ko: '신청 개월 수에 맞는 종료일로 바꾸거나(빠른 수정), 활용 신청 기간을 바꾸세요.',
    },
    examples: {
      pass: { patch: { '/schedule/period/end': '2026-08-31' } },
      fail: { patch: { '/schedule/period/end': '2026-08-01' } },
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
        at: valueSpan(doc, ['schedule', 'period', 'end']),
        path: ['schedule', 'period', 'end'],
        message: message('endsBeforeStart', endText, startText),
        related: [related(doc, ['schedule', 'period', 'start'], message('start'))],
      });
      return;
    }
    const months = asInteger(asObject(plan.gpu)?.months);
    const length = periodLength(start, end);
    if (months === undefined || months < 1 || !length || length.whole === months) return;
    const printed = periodMonthsText(length);
    const expectedEnd = formatDate(periodEnd(start, months));
    report({
      at: keySpan(doc, ['schedule', 'period']),
      path: ['schedule', 'period'],
      message: message('differs', startText, endText, durationMessage(length), printed, months, dateMessage(expectedEnd)),
      data: { printed, requested: months, end: expectedEnd },
      related: [related(doc, ['gpu', 'months'], message('requested'))],
    });
  },
  fixes(finding, { doc, locale, title }) {
    const end = finding.data?.end;
    const span = doc.spanAt(['schedule', 'period', 'end']);
    if (!end || !span) return [];
    return [
      {
        code: finding.code,
        title: title('fix', locale === 'ko' ? formatKoreanDate(end) : end),
        edits: [replaceWithJson(span, end)],
        fixAll: false,
        preferred: false,
      },
    ];
  },
});
