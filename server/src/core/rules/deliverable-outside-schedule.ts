/** `deliverable-outside-schedule`: every deliverable of V-3 is due inside the project period. */
import { formatMonthIndex, monthMessage, parseMonth } from '../dates';
import { asArray, asNonBlank, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { projectMonths } from './plan-dates';
import { defineRule } from './rule';

export const deliverableOutsideSchedule = defineRule<{ readonly min: string; readonly max: string }>()({
  code: 'deliverable-outside-schedule',
  severity: 'warning',
  reads: 'structure',
  description: { en: 'A deliverable is due outside the project period.', ko: '주요 산출물의 산출 시기가 수행기간 밖' },
  messages: {
    outside: {
      en: 'Deliverable {0} ("{1}") is due in {2}, outside the project period {3} – {4}.',
      ko: '{0}번 산출물("{1}")의 산출 시기 {2|이} 수행기간 {3} ~ {4|을} 벗어납니다.',
    },
    projectPeriod: { en: 'The project period.', ko: '수행기간' },
  },
  docs: {
    form: '3. 주요 산출물 ★ 과제 수행단계별로 작성되는 산출물의 내역과 산출 시기 등을 세부적으로 제시 … □ 수행기간 : yyyy.mm.dd.~yyyy.mm.dd.',
    formPlace: { en: 'form, V-3 주요 산출물; V-1 추진 일정', ko: '양식, V-3 주요 산출물; V-1 추진 일정' },
    checks: {
      en: 'The deliverables are produced by the stages of the project, so each `schedule.deliverables[].due` month lies within `schedule.period`.',
      ko: '산출물은 과제 수행단계에서 만들어지므로, `schedule.deliverables[].due`의 산출 시기는 모두 `schedule.period`의 수행기간 안에 있어야 합니다.',
    },
    fix: { en: 'Move the due month into the project period, or extend the period.', ko: '산출 시기를 수행기간 안으로 옮기거나 수행기간을 조정하세요.' },
    examples: {
      pass: { patch: { '/schedule/deliverables/0/due': '2026-04' } },
      fail: { patch: { '/schedule/deliverables/0/due': '2026-10' } },
      show: ['/schedule/period'],
    },
  },
  check({ doc, plan, message, report }) {
    const period = projectMonths(plan);
    if (!period) return;
    const { first, last } = period;
    asArray(asObject(plan.schedule)?.deliverables).forEach((raw, index) => {
      const deliverable = asObject(raw);
      const due = parseMonth(deliverable?.due);
      if (due === undefined || (due >= first && due <= last)) return;
      const path = ['schedule', 'deliverables', index, 'due'];
      const name = asNonBlank(deliverable?.name) ?? '';
      report({
        at: valueSpan(doc, path),
        path,
        message: message('outside', index + 1, name.length > 30 ? `${name.slice(0, 29)}…` : name, monthMessage(due), monthMessage(first), monthMessage(last)),
        data: { min: formatMonthIndex(first), max: formatMonthIndex(last) },
        related: [related(doc, ['schedule', 'period'], message('projectPeriod'))],
      });
    });
  },
});
