/**
 * `stage-months-mismatch`: the stages of III-2 cover the months the GPUs are allocated for — no
 * month of the allocation left out between stages, and together as many months as `gpu.months`.
 */
import { formatMonthIndex, monthMessage } from '../dates';
import { asArray, asInteger, asObject } from '../plan/read';
import { keySpan, related, valueSpan } from './place';
import { monthPeriod } from './plan-dates';
import { defineRule } from './rule';

export const stageMonthsMismatch = defineRule<{ readonly covered?: number; readonly requested?: number; readonly gap?: readonly [string, string] }>()({
  code: 'stage-months-mismatch',
  severity: 'warning',
  reads: 'structure',
  description: {
    en: 'The stages leave a month out, or together cover more or fewer months than requested.',
    ko: '단계별 추진기간 사이에 빠진 달이 있거나, 단계들이 활용 신청 기간과 다른 개월 수를 차지함',
  },
  messages: {
    gap: {
      en: 'No stage covers {0} – {1}: the allocated GPUs would sit idle between stage {2} and stage {3}.',
      ko: '{0} ~ {1|은} 어느 단계에도 들어 있지 않습니다. {2}단계와 {3}단계 사이에 배정된 GPU를 쓰지 않는 기간이 생깁니다.',
    },
    gapOne: {
      en: 'No stage covers {0}: the allocated GPUs would sit idle between stage {1} and stage {2}.',
      ko: '{0|은} 어느 단계에도 들어 있지 않습니다. {1}단계와 {2}단계 사이에 배정된 GPU를 쓰지 않는 달이 생깁니다.',
    },
    previous: { en: 'Stage {0} ends here.', ko: '{0}단계는 여기서 끝납니다.' },
    fewer: {
      en: 'The stages run {0} months ({1} – {2}), but GPUs are requested for {3} months: plan the remaining months, or request fewer.',
      ko: '단계별 추진기간은 {1} ~ {2}의 {0}개월이지만, GPU 활용 신청 기간은 {3}개월입니다. 남은 기간의 활용 계획을 세우거나 신청 기간을 줄이세요.',
    },
    more: {
      en: 'The stages run {0} months ({1} – {2}), but GPUs are requested for only {3} months: the stages beyond them would have no GPUs.',
      ko: '단계별 추진기간은 {1} ~ {2}의 {0}개월이지만, GPU 활용 신청 기간은 {3}개월뿐입니다. 신청 기간을 넘는 단계에는 GPU가 배정되지 않습니다.',
    },
    requested: { en: 'Requested months.', ko: '활용 신청 기간(개월)' },
  },
  docs: {
    form: '단계 | 추진기간 yyyy.mm.~yyyy.mm. | 주요 수행내용 | GPU 투입시기 | GPU 사용량 | 예상 활용률 … 활용 신청 기간(개월) … 이용개시일로부터 00개월',
    formPlace: { en: 'form, III-2 GPU 단계별 활용 계획; 표지 — GPU 수요', ko: '양식, III-2 GPU 단계별 활용 계획; 표지 — GPU 수요' },
    checks: {
      en: "GPUs are allocated for `gpu.months` months from the start of use, and the stages of `gpuPlan.stages` say what they do in those months. From the first stage to the last, every month belongs to some stage (a month between two stages would leave the allocated GPUs idle), and the first stage's start to the last stage's end is as many months as requested.",
      ko: 'GPU는 이용개시일부터 `gpu.months`개월 동안 배정되고, `gpuPlan.stages`의 단계들은 그 기간에 무엇을 할지 밝힙니다. 첫 단계부터 마지막 단계까지 모든 달이 어느 단계엔가 들어 있어야 하고(단계 사이에 빈 달이 있으면 배정된 GPU를 쓰지 않게 됨), 첫 단계 시작부터 마지막 단계 종료까지의 개월 수는 신청한 개월 수와 같아야 합니다.',
    },
    fix: { en: 'Extend a stage over the missing months, or change the requested months.', ko: '빠진 달까지 단계 기간을 늘리거나 활용 신청 기간을 바꾸세요.' },
    examples: {
      pass: { patch: { '/gpuPlan/stages/2/period/end': '2026-08' } },
      fail: { patch: { '/gpuPlan/stages/1/period/end': '2026-06' } },
      show: ['/gpu/months'],
    },
  },
  check({ doc, plan, message, report }) {
    const stages = asArray(asObject(plan.gpuPlan)?.stages).map((raw, index) => ({ index, period: monthPeriod(asObject(raw)?.period) }));
    const valid = stages.filter(
      (s): s is { index: number; period: { start: number; end: number } } => s.period !== undefined && s.period.end >= s.period.start,
    );
    if (valid.length === 0 || valid.length !== stages.length) return;
    const ordered = [...valid].sort((a, b) => a.period.start - b.period.start || a.period.end - b.period.end);
    let reach = ordered[0].period.end;
    let last = ordered[0];
    for (const stage of ordered.slice(1)) {
      if (stage.period.start > reach + 1) {
        const [from, to] = [reach + 1, stage.period.start - 1];
        const path = ['gpuPlan', 'stages', stage.index, 'period', 'start'];
        report({
          at: valueSpan(doc, path),
          path,
          message:
            from === to
              ? message('gapOne', monthMessage(from), last.index + 1, stage.index + 1)
              : message('gap', monthMessage(from), monthMessage(to), last.index + 1, stage.index + 1),
          data: { gap: [formatMonthIndex(from), formatMonthIndex(to)] },
          related: [related(doc, ['gpuPlan', 'stages', last.index, 'period', 'end'], message('previous', last.index + 1))],
        });
      }
      if (stage.period.end > reach) {
        reach = stage.period.end;
        last = stage;
      }
    }
    // The months from the first stage to the last (a gap is reported above, not counted twice).
    const first = ordered[0].period.start;
    const months = reach - first + 1;
    const requested = asInteger(asObject(plan.gpu)?.months);
    if (requested === undefined || requested < 1 || months === requested) return;
    report({
      at: keySpan(doc, ['gpuPlan', 'stages']),
      path: ['gpuPlan', 'stages'],
      message: message(months < requested ? 'fewer' : 'more', months, monthMessage(first), monthMessage(reach), requested),
      data: { covered: months, requested },
      related: [related(doc, ['gpu', 'months'], message('requested'))],
    });
  },
});
