/** `stage-period-outside-schedule`: each stage of III-2 lies inside the project period (V-1). */
import { monthMessage, monthOfDate, parseDate, parseMonth } from '../dates';
import { asArray, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

export const stagePeriodOutsideSchedule = defineRule<{ readonly min?: string; readonly max?: string }>()({
  code: 'stage-period-outside-schedule',
  severity: 'error',
  reads: 'structure',
  description: {
    en: 'A stage lies outside the project period, ends before it starts, or starts GPUs outside its own period.',
    ko: '단계 기간이 수행기간을 벗어나거나, 종료가 시작보다 앞서거나, GPU 투입시기가 단계 기간 밖',
  },
  messages: {
    endsBeforeStart: { en: 'Stage {0} ends ({1}) before it starts ({2}).', ko: '{0}단계 추진기간의 종료월({1})이 시작월({2})보다 앞섭니다.' },
    start: { en: 'Start of stage {0}.', ko: '{0}단계 추진기간의 시작월' },
    startsOutside: {
      en: 'Stage {0} starts in {1}, outside the project period {2} – {3}.',
      ko: '{0}단계 추진기간의 시작월 {1|이} 수행기간 {2} ~ {3|을} 벗어납니다.',
    },
    endsOutside: {
      en: 'Stage {0} ends in {1}, outside the project period {2} – {3}.',
      ko: '{0}단계 추진기간의 종료월 {1|이} 수행기간 {2} ~ {3|을} 벗어납니다.',
    },
    gpuStartOutside: {
      en: 'Stage {0} puts GPUs in use in {1}, outside its own period {2} – {3}.',
      ko: '{0}단계의 GPU 투입시기 {1|이} 해당 단계 기간 {2} ~ {3|을} 벗어납니다.',
    },
    projectPeriod: { en: 'The project period.', ko: '수행기간' },
    stagePeriod: { en: 'Period of stage {0}.', ko: '{0}단계 추진기간' },
  },
  docs: {
    form: "단계 | 추진기간 yyyy.mm.~yyyy.mm. | 주요 수행내용 | GPU 투입시기 'yy.mm | GPU 사용량 | 예상 활용률 … □ 수행기간 : yyyy.mm.dd.~yyyy.mm.dd.",
    formPlace: { en: 'form, III-2 GPU 단계별 활용 계획; V-1 추진 일정', ko: '양식, III-2 GPU 단계별 활용 계획; V-1 추진 일정' },
    checks: {
      en: 'Each stage period (months) lies within the project period of `schedule.period`, ends no earlier than it starts, and its GPU start month (GPU 투입시기) lies within the stage.',
      ko: '각 단계의 추진기간(월)은 `schedule.period`의 수행기간 안에 있고, 종료가 시작보다 앞서지 않으며, GPU 투입시기는 그 단계 기간 안에 있어야 합니다.',
    },
    fix: { en: 'Move the stage into the project period, or extend the period.', ko: '단계를 수행기간 안으로 옮기거나 수행기간을 조정하세요.' },
    examples: {
      pass: { patch: { '/gpuPlan/stages/2/period/end': '2026-08' } },
      fail: { patch: { '/gpuPlan/stages/2/period/end': '2026-10' } },
      show: ['/gpuPlan/stages/2/period', '/schedule/period'],
    },
  },
  check({ doc, plan, message, report }) {
    const schedulePeriod = asObject(asObject(plan.schedule)?.period);
    const scheduleStart = parseDate(schedulePeriod?.start);
    const scheduleEnd = parseDate(schedulePeriod?.end);
    const first = scheduleStart ? monthOfDate(scheduleStart) : undefined;
    const last = scheduleEnd ? monthOfDate(scheduleEnd) : undefined;
    asArray(asObject(plan.gpuPlan)?.stages).forEach((raw, index) => {
      const stage = asObject(raw);
      if (!stage) return;
      const n = index + 1;
      const at = (...rest: string[]) => ['gpuPlan', 'stages', index, ...rest];
      const period = asObject(stage.period);
      const start = parseMonth(period?.start);
      const end = parseMonth(period?.end);
      if (start !== undefined && end !== undefined && end < start) {
        report({
          at: valueSpan(doc, at('period', 'end')),
          path: at('period', 'end'),
          message: message('endsBeforeStart', n, monthMessage(end), monthMessage(start)),
          related: [related(doc, at('period', 'start'), message('start', n))],
        });
      } else if (first !== undefined && last !== undefined) {
        const range = { min: String(schedulePeriod?.start), max: String(schedulePeriod?.end) };
        const projectPeriod = [related(doc, ['schedule', 'period'], message('projectPeriod'))];
        if (start !== undefined && (start < first || start > last)) {
          report({
            at: valueSpan(doc, at('period', 'start')),
            path: at('period', 'start'),
            message: message('startsOutside', n, monthMessage(start), monthMessage(first), monthMessage(last)),
            data: range,
            related: projectPeriod,
          });
        }
        if (end !== undefined && (end > last || end < first)) {
          report({
            at: valueSpan(doc, at('period', 'end')),
            path: at('period', 'end'),
            message: message('endsOutside', n, monthMessage(end), monthMessage(first), monthMessage(last)),
            data: range,
            related: projectPeriod,
          });
        }
      }
      const gpuStart = parseMonth(stage.gpuStart);
      if (gpuStart !== undefined && start !== undefined && end !== undefined && end >= start && (gpuStart < start || gpuStart > end)) {
        report({
          at: valueSpan(doc, at('gpuStart')),
          path: at('gpuStart'),
          message: message('gpuStartOutside', n, monthMessage(gpuStart), monthMessage(start), monthMessage(end)),
          related: [related(doc, at('period'), message('stagePeriod', n))],
        });
      }
    });
  },
});
