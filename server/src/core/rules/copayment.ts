/** III-3 민간부담금: the declared figures must be the ones the form's formula gives. */
import { gpuFigures } from '../figures';
import { msg } from '../l10n';
import { groupThousands } from '../format';
import { asInteger, asNumber, asObject, related, valueSpan, type RuleFamily } from './context';

export const copaymentRules: RuleFamily = {
  id: 'copayment',
  codes: ['copayment-mismatch'],
  run({ doc, plan, cost, report }) {
    const declared = asObject(asObject(plan.gpuPlan)?.copayment);
    if (!declared) return;
    const gpu = asObject(plan.gpu) ?? {};
    const model = cost();
    const base = ['gpuPlan', 'copayment'];
    const expected: Array<{ key: string; value: number | undefined; source: string[]; label: string }> = [
      { key: 'unitPriceWon', value: gpuFigures(gpu.type)?.unitPriceWon, source: ['gpu', 'type'], label: '기준단가' },
      { key: 'servers', value: asInteger(gpu.servers), source: ['gpu', 'servers'], label: '서버 수' },
      { key: 'months', value: asInteger(gpu.months), source: ['gpu', 'months'], label: '신청개월' },
      { key: 'totalWon', value: model.baseWon, source: ['gpu'], label: '합계' },
    ];
    for (const { key, value, source, label } of expected) {
      const actual = asNumber(declared[key]);
      if (actual === undefined || value === undefined || actual === value) continue;
      const money = key.endsWith('Won');
      report({
        code: 'copayment-mismatch',
        ...valueSpan(doc, [...base, key]),
        path: [...base, key],
        message: msg('Declared {0} ({1}) is {2}, but the request gives {3}.', `"${key}"`, label, money ? `${groupThousands(actual)}원` : String(actual), money ? `${groupThousands(value)}원` : String(value)),
        data: { key, expected: value, actual },
        related: [
          key === 'totalWon' && model.unitPriceWon !== undefined
            ? related(doc, source, msg('{0} × {1} servers × {2} months = {3}', `${groupThousands(model.unitPriceWon)}원`, model.servers ?? 0, model.months ?? 0, `${groupThousands(value)}원`))
            : related(doc, source, msg('The request says {0}.', String(value))),
        ],
      });
    }
  },
};
