/** `gpu-servers-range`: the number of servers lies within the range of the GPU type. */
import { GPUS_PER_SERVER, GPU_TYPES, gpuFigures } from '../figures';
import { replaceWithJson } from '../edit/fix';
import { asInteger, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

interface RangeData {
  readonly min: number;
  readonly max: number;
  readonly value: number;
  readonly fix: number;
}

/** The widest range over all GPU types, for a request whose type is not (yet) valid. */
const ANY_TYPE = {
  minServers: Math.min(...Object.values(GPU_TYPES).map((t) => t.value.minServers)),
  maxServers: Math.max(...Object.values(GPU_TYPES).map((t) => t.value.maxServers)),
};

export const gpuServersRange = defineRule<RangeData>()({
  code: 'gpu-servers-range',
  severity: 'error',
  reads: 'structure',
  owns: [{ pointer: /^\/gpu\/servers$/, keywords: ['minimum', 'maximum'] }],
  description: {
    en: 'Servers outside the range of the GPU type (H200 2–32, B200 2–16).',
    ko: 'GPU 기종별 서버 수 범위를 벗어남 (H200 2~32대, B200 2~16대)',
  },
  messages: {
    outOfRange: {
      en: '{0} servers is outside the range for {1}: {2}–{3} servers ({4}–{5} GPUs).',
      ko: '서버 {0}대는 {1} 신청 범위를 벗어납니다. 서버 {2}~{3}대(GPU {4}~{5}장)로 신청하세요.',
    },
    outOfProgram: { en: "{0} servers is outside the program's range of {1}–{2} servers.", ko: '서버 {0}대는 사업의 신청 범위(서버 {1}~{2}대)를 벗어납니다.' },
    typeSetsRange: { en: 'The GPU type {0} sets the range.', ko: 'GPU 기종 {0}에 따라 범위가 정해집니다.' },
    fix: { en: 'Change to {0} servers (allowed {1}–{2})', ko: '서버 {0}대로 바꾸기 (허용 {1}~{2}대)' },
  },
  docs: {
    form: 'H200 16장(서버 2대) ~ 256장(서버 32대), B200 16장(서버 2대) ~ 128장(서버 16대) * 서버단위로 신청 가능',
    formPlace: { en: 'form, 신청서 작성요령 — GPU 수요', ko: '양식, 신청서 작성요령 — GPU 수요' },
    checks: {
      en: 'GPUs are requested by the server (8 GPUs each). H200 allows 2–32 servers and B200 2–16; the range follows `gpu.type`. While the type is not set, the widest range of the program applies.',
      ko: 'GPU는 서버 단위(서버 1대 = GPU 8장)로 신청합니다. H200은 서버 2~32대, B200은 2~16대이며, 범위는 `gpu.type`에 따라 정해집니다. 기종을 아직 정하지 않았으면 사업 전체의 가장 넓은 범위를 적용합니다.',
    },
    fix: {
      en: 'Request a number of servers within the range. The quick fix sets the nearest allowed number.',
      ko: '범위 안의 서버 수로 신청하세요. 빠른 수정은 가장 가까운 허용 값으로 바꿉니다.',
    },
    examples: { pass: { patch: { '/gpu/servers': 4 } }, fail: { patch: { '/gpu/servers': 40 } }, show: ['/gpu/type'] },
  },
  check({ doc, plan, message, report }) {
    const gpu = asObject(plan.gpu);
    const servers = asInteger(gpu?.servers);
    if (!gpu || servers === undefined) return;
    const figures = gpuFigures(gpu.type);
    const range = figures ?? ANY_TYPE;
    if (servers >= range.minServers && servers <= range.maxServers) return;
    const perServer = GPUS_PER_SERVER.value;
    const clamped = Math.min(Math.max(servers, range.minServers), range.maxServers);
    report({
      at: valueSpan(doc, ['gpu', 'servers']),
      path: ['gpu', 'servers'],
      message: figures
        ? message('outOfRange', servers, String(gpu.type), range.minServers, range.maxServers, range.minServers * perServer, range.maxServers * perServer)
        : message('outOfProgram', servers, range.minServers, range.maxServers),
      data: { min: range.minServers, max: range.maxServers, value: servers, fix: clamped },
      related: figures ? [related(doc, ['gpu', 'type'], message('typeSetsRange', String(gpu.type)))] : undefined,
    });
  },
  fixes(finding, { title }) {
    const data = finding.data;
    if (!data) return [];
    return [
      { code: finding.code, title: title('fix', data.fix, data.min, data.max), edits: [replaceWithJson(finding, data.fix)], fixAll: true, preferred: true },
    ];
  },
});
