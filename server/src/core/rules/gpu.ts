/** GPU request: servers and months within the program's ranges; large projects. */
import { GPUS_PER_SERVER, GPU_TYPES, MONTHS, PAGE_BUDGET, gpuFigures } from '../figures';
import { msg } from '../l10n';
import { asInteger, asObject, related, valueSpan, type RuleFamily } from './context';

/** The widest range over all GPU types, for a request whose type is not (yet) valid. */
const ANY_TYPE = {
  minServers: Math.min(...Object.values(GPU_TYPES).map((t) => t.value.minServers)),
  maxServers: Math.max(...Object.values(GPU_TYPES).map((t) => t.value.maxServers)),
};

export const gpuRules: RuleFamily = {
  id: 'gpu',
  codes: ['gpu-servers-range', 'gpu-months-range', 'large-project-review'],
  run({ doc, plan, report }) {
    const gpu = asObject(plan.gpu);
    if (!gpu) return;
    const figures = gpuFigures(gpu.type);
    const servers = asInteger(gpu.servers);
    const months = asInteger(gpu.months);
    const perServer = GPUS_PER_SERVER.value;

    if (servers !== undefined) {
      const range = figures ?? ANY_TYPE;
      if (servers < range.minServers || servers > range.maxServers) {
        const clamped = Math.min(Math.max(servers, range.minServers), range.maxServers);
        report({
          code: 'gpu-servers-range',
          ...valueSpan(doc, ['gpu', 'servers']),
          path: ['gpu', 'servers'],
          message: figures
            ? msg('{0} servers is outside the range for {1}: {2}–{3} servers ({4}–{5} GPUs).', servers, String(gpu.type), range.minServers, range.maxServers, range.minServers * perServer, range.maxServers * perServer)
            : msg('{0} servers is outside the program\'s range of {1}–{2} servers.', servers, range.minServers, range.maxServers),
          data: { min: range.minServers, max: range.maxServers, value: servers, fix: clamped },
          related: figures ? [related(doc, ['gpu', 'type'], msg('The GPU type {0} sets the range.', String(gpu.type)))] : undefined,
        });
      }
      // Even an out-of-range request is large: the applicant should know both.
      if (figures && servers >= figures.onsiteReviewServers) {
        report({
          code: 'large-project-review',
          ...valueSpan(doc, ['gpu', 'servers']),
          path: ['gpu', 'servers'],
          message: msg('{0} servers of {1} ({2} GPUs) is a large project: the on-site eligibility review (적격성 심사, 현장발표) is required, and the body may run to about {3} pages.', servers, String(gpu.type), servers * perServer, PAGE_BUDGET.value.large),
          data: { threshold: figures.onsiteReviewServers },
          related: [related(doc, ['gpu', 'type'], msg('For {0} the review applies from {1} servers.', String(gpu.type), figures.onsiteReviewServers))],
        });
      }
    }

    if (months !== undefined && (months < MONTHS.value.min || months > MONTHS.value.max)) {
      report({
        code: 'gpu-months-range',
        ...valueSpan(doc, ['gpu', 'months']),
        path: ['gpu', 'months'],
        message: msg('{0} months is outside the allowed period of {1}–{2} months.', months, MONTHS.value.min, MONTHS.value.max),
        data: { min: MONTHS.value.min, max: MONTHS.value.max, value: months, fix: Math.min(Math.max(months, MONTHS.value.min), MONTHS.value.max) },
      });
    }
  },
};
