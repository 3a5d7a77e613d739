/** `stage-gpu-exceeds-request`: no stage of III-2 uses more servers or GPUs than `gpu` requests. */
import { GPUS_PER_SERVER } from '../figures';
import { replaceWithJson } from '../edit/fix';
import { asArray, asInteger, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

export const stageGpuExceedsRequest = defineRule<{ readonly max: number; readonly fix: number }>()({
  code: 'stage-gpu-exceeds-request',
  severity: 'error',
  reads: 'structure',
  fixAfter: ['gpu-servers-range'],
  description: { en: 'A stage uses more servers or GPUs than requested.', ko: '단계별 사용량이 신청 규모를 넘음' },
  messages: {
    servers: { en: 'Stage {0} uses {1} servers, more than the {2} requested.', ko: '{0}단계 GPU 사용량(서버 {1}대)이 신청한 서버 {2}대를 넘습니다.' },
    gpus: {
      en: 'Stage {0} uses {1} GPUs, more than the {2} requested ({3} servers × {4}).',
      ko: '{0}단계 GPU 사용량({1}장)이 신청한 {2}장(서버 {3}대 × {4}장)을 넘습니다.',
    },
    request: { en: 'The request: {0} servers.', ko: '신청 규모: 서버 {0}대' },
    fixServers: { en: 'Change to {0} servers', ko: '서버 {0}대로 바꾸기' },
    fixGpus: { en: 'Change to {0} GPUs', ko: 'GPU {0}장으로 바꾸기' },
  },
  docs: {
    form: '각 단계별 GPU 자원 투입 시기, 사용량(노드·장 수), 예상 활용률(%)을 표로 제시',
    formPlace: { en: 'form, III-2 GPU 단계별 활용 계획', ko: '양식, III-2 GPU 단계별 활용 계획' },
    checks: {
      en: 'Each stage of `gpuPlan.stages` uses at most the servers (and GPUs) requested in `gpu.servers`: the allocation is the request, and no stage can use more.',
      ko: '`gpuPlan.stages`의 각 단계는 `gpu.servers`에서 신청한 서버(와 GPU) 수까지만 쓸 수 있습니다. 배정량이 곧 신청량이므로 어느 단계도 그보다 많이 쓸 수 없습니다.',
    },
    fix: {
      en: 'Lower the stage to the request (quick fix), or request more servers.',
      ko: '단계 사용량을 신청 규모로 낮추거나(빠른 수정), 서버를 더 신청하세요.',
    },
    examples: {
      pass: { patch: { '/gpuPlan/stages/0/servers': 4 } },
      fail: { patch: { '/gpuPlan/stages/0/servers': 6, '/gpuPlan/stages/0/gpus': 48 } },
      show: ['/gpu/servers'],
    },
  },
  check({ doc, plan, message, report }) {
    const requested = asInteger(asObject(plan.gpu)?.servers);
    if (requested === undefined) return;
    const perServer = GPUS_PER_SERVER.value;
    asArray(asObject(plan.gpuPlan)?.stages).forEach((raw, index) => {
      const stage = asObject(raw);
      if (!stage) return;
      const at = (key: string) => ['gpuPlan', 'stages', index, key];
      const servers = asInteger(stage.servers);
      const gpus = asInteger(stage.gpus);
      const request = [related(doc, ['gpu', 'servers'], message('request', requested))];
      if (servers !== undefined && servers > requested) {
        report({
          at: valueSpan(doc, at('servers')),
          path: at('servers'),
          message: message('servers', index + 1, servers, requested),
          data: { max: requested, fix: requested },
          related: request,
        });
      } else if (gpus !== undefined && gpus > requested * perServer) {
        const max = requested * perServer;
        report({
          at: valueSpan(doc, at('gpus')),
          path: at('gpus'),
          message: message('gpus', index + 1, gpus, max, requested, perServer),
          data: { max, fix: max },
          related: request,
        });
      }
    });
  },
  fixes(finding, { title }) {
    const data = finding.data;
    if (!data) return [];
    return [
      {
        code: finding.code,
        title: title(finding.path?.[finding.path.length - 1] === 'gpus' ? 'fixGpus' : 'fixServers', data.fix),
        edits: [replaceWithJson(finding, data.fix)],
        fixAll: true,
        preferred: true,
      },
    ];
  },
});
