/** 붙임0 투입 인력: participation rates and months agree with each person's period. */
import { monthSpan, monthsFit, parseDate } from '../dates';
import { msg } from '../l10n';
import { asArray, asInteger, asNumber, asObject, asString, related, valueSpan, type RuleFamily } from './context';

export const staffRules: RuleFamily = {
  id: 'staff',
  codes: ['staff-participation'],
  run({ doc, plan, report }) {
    asArray(plan.staff).forEach((raw, index) => {
      const person = asObject(raw);
      if (!person) return;
      const at = (...rest: string[]) => ['staff', index, ...rest];
      const who = asString(person.name) || `#${index + 1}`;

      const rate = asNumber(person.participationPercent);
      if (rate !== undefined && (rate < 0 || rate > 100)) {
        report({
          code: 'staff-participation',
          ...valueSpan(doc, at('participationPercent')),
          path: at('participationPercent'),
          message: msg('Participation of {0} is {1}%; it must be between 0 and 100%.', who, rate),
          data: { fix: Math.min(Math.max(rate, 0), 100) },
        });
      }

      const period = asObject(person.period);
      const start = parseDate(period?.start);
      const end = parseDate(period?.end);
      const months = asInteger(person.months);
      if (!start || !end || months === undefined) return;
      const span = monthSpan(start, end);
      if (span <= 0) {
        report({
          code: 'staff-participation',
          ...valueSpan(doc, at('period', 'end')),
          path: at('period', 'end'),
          message: msg('The participation period of {0} ends before it starts.', who),
        });
      } else if (!monthsFit(months, span)) {
        const expected = Math.round(span);
        report({
          code: 'staff-participation',
          ...valueSpan(doc, at('months')),
          path: at('months'),
          message: msg('{0} participates {1} – {2}, which is {3} months, but {4} months are written.', who, String(period?.start), String(period?.end), Math.round(span * 10) / 10, months),
          data: { fix: expected },
          related: [related(doc, at('period'), msg('Participation period of {0}.', who))],
        });
      }
    });
  },
};
