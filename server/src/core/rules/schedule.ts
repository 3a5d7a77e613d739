/** V-1 추진 일정: the project period matches the request; milestones fall inside it. */
import { compareDates, formatMonthIndex, monthOfDate, monthSpan, monthsFit, parseDate, parseMonth } from '../dates';
import { msg } from '../l10n';
import { asArray, asInteger, asObject, keySpan, related, valueSpan, type RuleFamily } from './context';

export const scheduleRules: RuleFamily = {
  id: 'schedule',
  codes: ['schedule-months-mismatch', 'milestone-outside-schedule'],
  run({ doc, plan, report }) {
    const schedule = asObject(plan.schedule);
    if (!schedule) return;
    const period = asObject(schedule.period);
    const start = parseDate(period?.start);
    const end = parseDate(period?.end);
    if (!start || !end) return;

    if (compareDates(end, start) < 0) {
      report({
        code: 'schedule-months-mismatch',
        ...valueSpan(doc, ['schedule', 'period', 'end']),
        path: ['schedule', 'period', 'end'],
        message: msg('The project period ends ({0}) before it starts ({1}).', String(period?.end), String(period?.start)),
        related: [related(doc, ['schedule', 'period', 'start'], msg('Start of the project period.'))],
      });
      return;
    }

    const months = asInteger(asObject(plan.gpu)?.months);
    const span = monthSpan(start, end);
    if (months !== undefined && !monthsFit(months, span)) {
      report({
        code: 'schedule-months-mismatch',
        ...keySpan(doc, ['schedule', 'period']),
        path: ['schedule', 'period'],
        message: msg('The project period {0} – {1} is {2} months long, but the GPU request is for {3} months.', String(period?.start), String(period?.end), Math.round(span * 10) / 10, months),
        data: { months: Math.round(span * 10) / 10, requested: months },
        related: [related(doc, ['gpu', 'months'], msg('Requested months.'))],
      });
    }

    const first = monthOfDate(start);
    const last = monthOfDate(end);
    asArray(schedule.milestones).forEach((raw, index) => {
      asArray(asObject(raw)?.months).forEach((value, monthIndex) => {
        const month = parseMonth(value);
        if (month === undefined || (month >= first && month <= last)) return;
        const path = ['schedule', 'milestones', index, 'months', monthIndex];
        report({
          code: 'milestone-outside-schedule',
          ...valueSpan(doc, path),
          path,
          message: msg('Milestone {0} is scheduled in {1}, outside the project period {2} – {3}.', index + 1, formatMonthIndex(month), formatMonthIndex(first), formatMonthIndex(last)),
          data: { min: formatMonthIndex(first), max: formatMonthIndex(last) },
          related: [related(doc, ['schedule', 'period'], msg('The project period.'))],
        });
      });
    });
  },
};
