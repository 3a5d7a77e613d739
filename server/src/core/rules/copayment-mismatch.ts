/** `copayment-mismatch`: the declared 민간부담금 (III-3) is the one the form's formula gives. */
import { gpuFigures } from '../figures';
import { replaceWithJson } from '../edit/fix';
import { formatWon } from '../format';
import { perLocale, render, type Message } from '../l10n';
import { asInteger, asNumber, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

interface CopaymentData {
  readonly key: string;
  readonly expected: number;
  readonly actual: number;
}

/** The declared fields, with the form's column label (Korean in both languages: it names the column). */
const won = (n: number): Message => perLocale(formatWon(n), formatWon(n));
const FIELDS = [
  { key: 'unitPriceWon', label: perLocale('unit price (기준단가)', '기준단가'), show: won },
  { key: 'servers', label: perLocale('servers (수량)', '수량'), show: (n: number) => perLocale(`${n} servers`, `서버 ${n}대`) },
  { key: 'months', label: perLocale('months (신청개월)', '신청개월'), show: (n: number) => perLocale(`${n} months`, `${n}개월`) },
  { key: 'totalWon', label: perLocale('total (합계)', '합계'), show: won },
] as const;

export const copaymentMismatch = defineRule<CopaymentData>()({
  code: 'copayment-mismatch',
  severity: 'error',
  reads: 'structure',
  fixAfter: ['gpu-servers-range', 'gpu-months-range'],
  description: { en: 'The declared co-payment differs from unit price × servers × months.', ko: '기재한 민간부담금이 기준단가 × 서버 수 × 개월과 다름' },
  messages: {
    differs: { en: 'The declared {0} is {1}, but the request gives {2}.', ko: '기재한 {0|은} {1|이지만}, GPU 수요로 계산하면 {2}입니다.' },
    formula: { en: '{0} × {1} servers × {2} months = {3}', ko: '{0} × {1}대 × {2}개월 = {3}' },
    request: { en: 'The request says {0}.', ko: 'GPU 수요의 값: {0}' },
    fix: { en: 'Write the computed value {0}', ko: '계산한 값 {0|으로} 바꾸기' },
  },
  docs: {
    form: 'H200 서버 1대당 3,200,000원/월, B200 6,400,000원/월 기준으로 산정 … GPU는 서버단위로 신청하며 … 1개월단위로 산정 (예시) H200 서버 2대 3,200,000원 (400,000원 x 8장) 6개월 3,200,000원 x 2대 x 6개월 38,400,000원',
    formPlace: { en: 'form, III-3 민간부담금 산출내역', ko: '양식, III-3 민간부담금 산출내역' },
    checks: {
      en: '`gpuPlan.copayment` is optional: when it is written, its unit price, servers, months and total must be those of the request in `gpu` (기준단가 × 서버 수 × 개월). The document gpuplan exports always prints the computed table.',
      ko: '`gpuPlan.copayment`는 선택 항목입니다. 기재했다면 기준단가, 서버 수, 개월, 합계가 `gpu`의 신청 규모로 계산한 값(기준단가 × 서버 수 × 개월)과 같아야 합니다. 내보낸 문서에는 항상 계산한 표가 실립니다.',
    },
    fix: {
      en: 'Write the computed values (quick fix), or delete `gpuPlan.copayment` and let gpuplan compute the table.',
      ko: '계산한 값으로 바꾸거나(빠른 수정), `gpuPlan.copayment`를 지우고 gpuplan이 표를 계산하게 하세요.',
    },
    examples: {
      pass: { patch: { '/gpuPlan/copayment/totalWon': 76800000 } },
      fail: { patch: { '/gpuPlan/copayment/totalWon': 38400000 } },
      show: ['/gpu', '/gpuPlan/copayment'],
    },
  },
  check({ doc, plan, cost, message, report }) {
    const declared = asObject(asObject(plan.gpuPlan)?.copayment);
    if (!declared) return;
    const gpu = asObject(plan.gpu) ?? {};
    const model = cost();
    const expected: Record<(typeof FIELDS)[number]['key'], { value: number | undefined; source: string[] }> = {
      unitPriceWon: { value: gpuFigures(gpu.type)?.unitPriceWon, source: ['gpu', 'type'] },
      servers: { value: asInteger(gpu.servers), source: ['gpu', 'servers'] },
      months: { value: asInteger(gpu.months), source: ['gpu', 'months'] },
      totalWon: { value: model.baseWon, source: ['gpu'] },
    };
    for (const { key, label, show } of FIELDS) {
      const actual = asNumber(declared[key]);
      const { value, source } = expected[key];
      if (actual === undefined || value === undefined || actual === value) continue;
      const path = ['gpuPlan', 'copayment', key];
      report({
        at: valueSpan(doc, path),
        path,
        message: message('differs', label, show(actual), show(value)),
        data: { key, expected: value, actual },
        related: [
          key === 'totalWon' && model.unitPriceWon !== undefined
            ? related(doc, source, message('formula', formatWon(model.unitPriceWon), model.servers ?? 0, model.months ?? 0, formatWon(value)))
            : related(doc, source, message('request', show(value))),
        ],
      });
    }
  },
  fixes(finding, { locale, title }) {
    const data = finding.data;
    if (!data) return [];
    // The value as the column writes it: "1,664,000,000원", "서버 20대", "13개월".
    const shown = FIELDS.find((f) => f.key === data.key)?.show(data.expected);
    const value = shown ? render(locale, shown) : data.expected;
    return [{ code: finding.code, title: title('fix', value), edits: [replaceWithJson(finding, data.expected)], fixAll: true, preferred: true }];
  },
});
