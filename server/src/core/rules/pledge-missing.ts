/** `pledge-missing`: the applicant agrees to the pledge at the foot of the cover sheet. */
import { asObject } from '../plan/read';
import { keySpan, valueSpan } from './place';
import { defineRule } from './rule';

export const pledgeMissing = defineRule<{ readonly agreedPresent: boolean }>()({
  code: 'pledge-missing',
  severity: 'error',
  reads: 'structure',
  owns: [
    { pointer: /^\/pledge\/agreed$/, keywords: ['const', 'enum'] },
    { pointer: /^\/pledge$/, keywords: ['required'], missing: 'agreed' },
  ],
  description: { en: 'The pledge is not agreed (pledge.agreed must be true).', ko: '서약 미동의 (pledge.agreed가 true여야 함)' },
  messages: {
    notAgreed: {
      en: 'The pledge is not agreed: "pledge.agreed" must be true before the plan is submitted (관련 유의사항을 모두 준수하며 … 성실하게 수행할 것을 약속합니다).',
      ko: '서약에 동의하지 않았습니다. 제출 전에 "pledge.agreed"를 true로 해야 합니다 (관련 유의사항을 모두 준수하며 … 성실하게 수행할 것을 약속합니다).',
    },
    fixAgree: { en: 'Agree to the pledge (pledge.agreed = true)', ko: '서약에 동의 (pledge.agreed = true)' },
    fixInsert: { en: 'Insert "agreed": true', ko: '"agreed": true 넣기' },
  },
  docs: {
    form: '관련 유의사항을 모두 준수하며, 본 사업수행계획서에서 제시한 연구계획을 지켜 성실하게 수행할 것을 약속합니다. 아울러 이 사업수행계획서에 기재된 내용이 사실임을 확인하며, 만약 사실이 아닌 경우 연구개발과제 선정 취소 등의 불이익도 감수하겠습니다.',
    formPlace: { en: 'form, 표지 — 서약', ko: '양식, 표지 하단 — 서약' },
    checks: {
      en: 'The cover sheet ends with the pledge, dated and signed by the organisation and the lead researcher. The plan records the agreement as `pledge.agreed: true`; anything else (false, missing) is an error, since an unsigned cover is not accepted.',
      ko: '표지는 기관과 총괄책임자가 날짜를 적고 서명하는 서약으로 끝납니다. 계획서에는 `pledge.agreed: true`로 동의를 기록하며, 그 밖의 값(false, 없음)은 서명 없는 표지이므로 오류입니다.',
    },
    fix: { en: 'Read the pledge and set `pledge.agreed` to true (quick fix).', ko: '서약문을 읽고 `pledge.agreed`를 true로 하세요 (빠른 수정).' },
    examples: { pass: { patch: { '/pledge/agreed': true } }, fail: { patch: { '/pledge/agreed': false } } },
  },
  check({ doc, plan, message, report }) {
    const pledge = asObject(plan.pledge);
    if (!pledge || pledge.agreed === true) return;
    const path = ['pledge', 'agreed'];
    const agreedPresent = 'agreed' in pledge;
    report({ ...(agreedPresent ? valueSpan(doc, path) : keySpan(doc, ['pledge'])), path, message: message('notAgreed'), data: { agreedPresent } });
  },
  fixes(finding, { doc, title }) {
    const agreed = doc.spanAt(['pledge', 'agreed']);
    if (agreed) return [{ code: finding.code, title: title('fixAgree'), edits: [{ ...agreed, newText: 'true' }], fixAll: false, preferred: false }];
    return [{ code: finding.code, title: title('fixInsert'), insertSection: { parentPath: ['pledge'], key: 'agreed' }, fixAll: false, preferred: false }];
  },
});
