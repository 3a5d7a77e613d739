/**
 * `utilization-target-mismatch`: the cover's GPU 사용률 agrees with the expected utilisation of the
 * stages of III-2, over the GPUs allocated for the months requested.
 */
import { UTILIZATION_TOLERANCE_POINTS } from '../figures';
import { groupThousands } from '../format';
import { asObject, asPercent } from '../plan/read';
import { keySpan, valueSpan } from './place';
import { defineRule } from './rule';

const round1 = (n: number): number => Math.round(n * 10) / 10;

export const utilizationTargetMismatch = defineRule<{ readonly computed: number }>()({
  code: 'utilization-target-mismatch',
  severity: 'warning',
  reads: 'structure',
  description: {
    en: "The cover's GPU utilisation target differs from what the stages' expected utilisation adds up to.",
    ko: '표지의 GPU 사용률이 단계별 예상 활용률을 합한 값과 다름',
  },
  messages: {
    differs: {
      en: 'The cover promises a GPU utilisation of {0}%, but the stages of III-2 add up to {1}% of the allocated GPUs ({2} GPU-hours expected of {3}).',
      ko: '표지의 GPU 사용률은 {0}%인데, III-2 단계별 예상 활용률을 배정된 GPU 자원에 대해 합하면 {1}%입니다 (배정 {3} GPU시간 중 예상 사용 {2} GPU시간).',
    },
    stages: { en: 'The stages and their expected utilisation.', ko: '단계별 GPU 사용량과 예상 활용률' },
  },
  docs: {
    form: '과제 목표 성과 GPU 사용률 (필수) 00% … GPU활용률 설정 : 배정된 GPU 자원 대비 실제 활용 비율 등 설정 … 각 단계별 GPU 자원 투입 시기, 사용량(노드·장 수), 예상 활용률(%)을 표로 제시',
    formPlace: {
      en: 'form, 표지 — 과제 목표 성과; II-2 최종 성과 목표; III-2 GPU 단계별 활용 계획',
      ko: '양식, 표지 — 과제 목표 성과; II-2 최종 성과 목표; III-2 GPU 단계별 활용 계획',
    },
    checks: {
      en: `The form defines the GPU utilisation as the share of the allocated GPU resources actually used. The stages of III-2 say how many GPUs each uses for how many months at what expected utilisation, so together they give the expected GPU-hours; over the allocated GPU-hours (\`gpu.servers\` × 8 GPUs × \`gpu.months\` × 720 h) that is the utilisation the plan implies. \`targets.gpuUtilizationPercent\` must be within ${UTILIZATION_TOLERANCE_POINTS.value} percentage points of it.`,
      ko: `양식은 GPU 사용률을 "배정된 GPU 자원 대비 실제 활용 비율"로 정의합니다. III-2의 각 단계는 GPU 몇 장을 몇 개월 동안 예상 활용률 몇 %로 쓰는지 밝히므로, 이를 합하면 예상 GPU시간이 되고, 배정된 GPU시간(\`gpu.servers\` × 8장 × \`gpu.months\` × 720시간)에 대한 그 비율이 계획이 뜻하는 사용률입니다. \`targets.gpuUtilizationPercent\`는 이 값과 ${UTILIZATION_TOLERANCE_POINTS.value}%p 이내로 같아야 합니다.`,
    },
    fix: {
      en: "Write the utilisation the stages give, or adjust the stages' expected utilisation.",
      ko: '단계별 계획으로 계산한 사용률을 기재하거나, 단계별 예상 활용률을 조정하세요.',
    },
    examples: {
      pass: { patch: { '/targets/gpuUtilizationPercent': 85 } },
      fail: { patch: { '/targets/gpuUtilizationPercent': 95 } },
      show: ['/gpuPlan/stages'],
    },
  },
  check({ doc, plan, cost, message, report }) {
    const target = asPercent(asObject(plan.targets)?.gpuUtilizationPercent);
    if (target === undefined) return;
    const model = cost();
    const allocated = model.gpuHours;
    if (!allocated || model.stages.length === 0 || model.stages.some((s) => s.expectedGpuHours === undefined)) return;
    const expected = model.stageTotals.expectedGpuHours;
    const computed = round1((expected / allocated) * 100);
    if (Math.abs(computed - target) <= UTILIZATION_TOLERANCE_POINTS.value) return;
    report({
      at: valueSpan(doc, ['targets', 'gpuUtilizationPercent']),
      path: ['targets', 'gpuUtilizationPercent'],
      message: message('differs', target, computed, groupThousands(expected), groupThousands(allocated)),
      data: { computed },
      related: [{ ...keySpan(doc, ['gpuPlan', 'stages']), message: message('stages') }],
    });
  },
});
