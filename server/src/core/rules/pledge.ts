/** 서약: the applicant agrees to the pledge at the foot of the cover sheet. */
import { msg } from '../l10n';
import { asObject, keySpan, valueSpan, type RuleFamily } from './context';

export const pledgeRules: RuleFamily = {
  id: 'pledge',
  codes: ['pledge-missing'],
  run({ doc, plan, report }) {
    const pledge = asObject(plan.pledge);
    if (!pledge || pledge.agreed === true) return;
    const path = ['pledge', 'agreed'];
    report({
      code: 'pledge-missing',
      ...('agreed' in pledge ? valueSpan(doc, path) : keySpan(doc, ['pledge'])),
      path,
      message: msg('The pledge is not agreed: "pledge.agreed" must be true before the plan is submitted (관련 유의사항을 모두 준수하며 … 성실하게 수행할 것을 약속합니다).'),
      data: { fix: true },
    });
  },
};
