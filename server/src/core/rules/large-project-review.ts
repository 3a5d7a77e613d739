/** `large-project-review`: the request is large enough for the on-site review and the 30-page budget. */
import { GPUS_PER_SERVER, PAGE_BUDGET, gpuFigures } from '../figures';
import { asInteger, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

export const largeProjectReview = defineRule<{ readonly threshold: number }>()({
  code: 'large-project-review',
  severity: 'information',
  reads: 'structure',
  description: {
    en: 'The request triggers the on-site eligibility review and the 30-page budget (H200 ≥ 8 servers, B200 ≥ 4 servers).',
    ko: '적격성 심사(현장발표)와 30페이지 분량 대상 (H200 8대 이상, B200 4대 이상)',
  },
  messages: {
    large: {
      en: '{0} servers of {1} ({2} GPUs) is a large project: the on-site eligibility review (적격성 심사, 현장발표) is required, and the body may run to about {3} pages.',
      ko: '{1} 서버 {0}대(GPU {2}장)는 대형과제입니다. 적격성 심사(현장발표)가 필수이며, 본문은 {3}페이지 내외로 작성합니다.',
    },
    threshold: { en: 'For {0} the review applies from {1} servers.', ko: '{0|은} 서버 {1}대 이상부터 심사 대상입니다.' },
  },
  docs: {
    form: 'H200 64장(서버 8대이상), B200 32장(서버 4대이상) 대형과제의 경우 적격성 심사(현장발표)필수 … H200 8서버 이상, B200 4서버 이상 30페이지 내외 분량으로 작성',
    formPlace: { en: 'form, 신청서 작성요령 — GPU 수요; 과제수행계획서 작성요령', ko: '양식, 신청서 작성요령 — GPU 수요; 과제수행계획서 작성요령' },
    checks: {
      en: 'A notice, not a mistake: from 8 H200 servers or 4 B200 servers the project is large. It then has the on-site eligibility review (적격성 심사, 현장발표), and the body may run to about 30 pages instead of 20. It is shown even when the request is out of range, so both facts are known.',
      ko: '잘못이 아니라 안내입니다. H200 서버 8대 이상, B200 서버 4대 이상이면 대형과제로, 적격성 심사(현장발표)를 받고 본문 분량은 20페이지 대신 30페이지 내외가 됩니다. 신청 범위를 벗어난 요청에도 함께 표시합니다.',
    },
    fix: {
      en: 'Nothing to fix. Prepare the on-site presentation, or request fewer servers to stay a regular project. To hide the notice, turn the rule off.',
      ko: '고칠 것은 없습니다. 현장발표를 준비하거나, 일반 과제로 신청하려면 서버 수를 줄이세요. 안내가 필요 없으면 규칙을 끄세요.',
    },
    examples: { pass: { patch: { '/gpu/servers': 4 } }, fail: { patch: { '/gpu/servers': 8 } }, show: ['/gpu/type'] },
  },
  check({ doc, plan, message, report }) {
    const gpu = asObject(plan.gpu);
    const figures = gpuFigures(gpu?.type);
    const servers = asInteger(gpu?.servers);
    if (!figures || servers === undefined || servers < figures.onsiteReviewServers) return;
    report({
      at: valueSpan(doc, ['gpu', 'servers']),
      path: ['gpu', 'servers'],
      message: message('large', servers, String(gpu?.type), servers * GPUS_PER_SERVER.value, PAGE_BUDGET.value.large),
      data: { threshold: figures.onsiteReviewServers },
      related: [related(doc, ['gpu', 'type'], message('threshold', String(gpu?.type), figures.onsiteReviewServers))],
    });
  },
});
