/** `milestone-outside-schedule`: every milestone month of V-1 falls inside the project period. */
import { formatMonthIndex, monthMessage, monthOfDate, parseDate, parseMonth } from '../dates';
import { asArray, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

export const milestoneOutsideSchedule = defineRule<{ readonly min: string; readonly max: string }>()({
  code: 'milestone-outside-schedule',
  severity: 'warning',
  reads: 'structure',
  description: { en: 'A milestone month falls outside the project period.', ko: '마일스톤 일정이 수행기간 밖' },
  messages: {
    outside: {
      en: 'Milestone {0} is scheduled in {1}, outside the project period {2} – {3}.',
      ko: '마일스톤 {0}번 행의 수행일정 {1|이} 수행기간 {2} ~ {3|을} 벗어납니다.',
    },
    projectPeriod: { en: 'The project period.', ko: '수행기간' },
  },
  docs: {
    form: "○ 마일스톤 구분 | 수행내용 | 수행일정('26년) 1 … 12",
    formPlace: { en: 'form, V-1 추진 일정', ko: '양식, V-1 추진 일정' },
    checks: {
      en: 'Each month of `schedule.milestones[].months` lies within `schedule.period`.',
      ko: '`schedule.milestones[].months`의 모든 월은 `schedule.period` 안에 있어야 합니다.',
    },
    fix: { en: 'Move the milestone into the project period, or remove the month.', ko: '마일스톤을 수행기간 안으로 옮기거나 그 월을 지우세요.' },
    examples: {
      pass: { patch: { '/schedule/milestones/0/months/1': '2026-04' } },
      fail: { patch: { '/schedule/milestones/0/months/1': '2026-10' } },
      show: ['/schedule/milestones/0/months', '/schedule/period'],
    },
  },
  check({ doc, plan, message, report }) {
    const schedule = asObject(plan.schedule);
    const period = asObject(schedule?.period);
    const start = parseDate(period?.start);
    const end = parseDate(period?.end);
    if (!schedule || !start || !end) return;
    const first = monthOfDate(start);
    const last = monthOfDate(end);
    asArray(schedule.milestones).forEach((raw, index) => {
      asArray(asObject(raw)?.months).forEach((value, monthIndex) => {
        const month = parseMonth(value);
        if (month === undefined || (month >= first && month <= last)) return;
        const path = ['schedule', 'milestones', index, 'months', monthIndex];
        report({
          at: valueSpan(doc, path),
          path,
          message: message('outside', index + 1, monthMessage(month), monthMessage(first), monthMessage(last)),
          data: { min: formatMonthIndex(first), max: formatMonthIndex(last) },
          related: [related(doc, ['schedule', 'period'], message('projectPeriod'))],
        });
      });
    });
  },
});
