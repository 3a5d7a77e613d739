/** `stage-gpu-server-mismatch`: a stage's GPUs are its servers × 8. */
import { GPUS_PER_SERVER } from '../figures';
import { replaceWithJson } from '../edit/fix';
import { asArray, asInteger, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

export const stageGpuServerMismatch = defineRule<{ readonly fix: number }>()({
  code: 'stage-gpu-server-mismatch',
  severity: 'warning',
  reads: 'structure',
  fixAfter: ['stage-gpu-exceeds-request'],
  description: { en: "A stage's GPUs are not its servers × 8.", ko: '단계별 GPU 장수가 서버 수 × 8과 다름' },
  messages: {
    differs: { en: 'Stage {0}: {1} GPUs does not match {2} servers × {3} = {4} GPUs.', ko: '{0}단계: GPU {1}장이 서버 {2}대 × {3}장 = {4}장과 맞지 않습니다.' },
    servers: { en: 'Servers of stage {0}.', ko: '{0}단계 서버 수' },
    fix: { en: 'Change to {0} GPUs', ko: 'GPU {0}장으로 바꾸기' },
  },
  docs: {
    form: '서버 수 * 1서버=8GPU … GPU 사용량 (장/서버수)',
    formPlace: { en: 'form, 표지 — GPU 수요; III-2 GPU 단계별 활용 계획', ko: '양식, 표지 — GPU 수요; III-2 GPU 단계별 활용 계획' },
    checks: {
      en: 'GPUs come by the server, 8 to a server: a stage of n servers uses n × 8 GPUs.',
      ko: 'GPU는 서버 단위(서버 1대 = 8장)로 배정되므로, 서버 n대를 쓰는 단계의 GPU는 n × 8장입니다.',
    },
    fix: { en: 'Write servers × 8 as the GPUs (quick fix).', ko: 'GPU 장수를 서버 수 × 8로 바꾸세요 (빠른 수정).' },
    examples: { pass: { patch: { '/gpuPlan/stages/0/gpus': 32 } }, fail: { patch: { '/gpuPlan/stages/0/gpus': 30 } }, show: ['/gpuPlan/stages/0/servers'] },
  },
  check({ doc, plan, message, report }) {
    const perServer = GPUS_PER_SERVER.value;
    asArray(asObject(plan.gpuPlan)?.stages).forEach((raw, index) => {
      const stage = asObject(raw);
      const servers = asInteger(stage?.servers);
      const gpus = asInteger(stage?.gpus);
      if (servers === undefined || gpus === undefined || gpus === servers * perServer) return;
      const at = (key: string) => ['gpuPlan', 'stages', index, key];
      report({
        at: valueSpan(doc, at('gpus')),
        path: at('gpus'),
        message: message('differs', index + 1, gpus, servers, perServer, servers * perServer),
        data: { fix: servers * perServer },
        related: [related(doc, at('servers'), message('servers', index + 1))],
      });
    });
  },
  fixes(finding, { title }) {
    const data = finding.data;
    if (!data) return [];
    return [{ code: finding.code, title: title('fix', data.fix), edits: [replaceWithJson(finding, data.fix)], fixAll: true, preferred: true }];
  },
});
