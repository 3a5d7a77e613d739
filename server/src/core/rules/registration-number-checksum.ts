/** `registration-number-checksum`: the 사업자등록번호(고유번호) has a correct check digit. */
import { REGISTRATION_NUMBER } from '../figures';
import { asObject, asString } from '../plan/read';
import { valueSpan } from './place';
import { defineRule } from './rule';

/** The check digit of a 사업자등록번호(고유번호) from its first nine digits. */
export function registrationCheckDigit(digits: readonly number[]): number {
  const weights = REGISTRATION_NUMBER.value.weights;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digits[i] * weights[i];
  sum += Math.floor((digits[8] * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/** Whether `NNN-NN-NNNNN` has a correct check digit; undefined when it is not in that shape. */
export function isValidRegistrationNumber(value: string): boolean | undefined {
  if (!/^\d{3}-\d{2}-\d{5}$/.test(value)) return undefined;
  const digits = value.replace(/-/g, '').split('').map(Number);
  return registrationCheckDigit(digits) === digits[9];
}

export const registrationNumberChecksum = defineRule<{ readonly expectedCheckDigit: number }>()({
  code: 'registration-number-checksum',
  severity: 'error',
  reads: 'structure',
  description: { en: 'The business registration number fails its check digit.', ko: '사업자등록번호 검증번호 오류' },
  messages: {
    wrong: {
      en: 'Registration number {0} fails its check digit: with these first nine digits it would end in {1}. Copy it again from the 사업자등록증(고유번호증).',
      ko: '사업자등록번호 {0}의 검증번호가 맞지 않습니다. 앞 9자리가 맞다면 끝자리는 {1|이어야} 합니다. 사업자등록증(고유번호증)과 동일하게 다시 기재하세요.',
    },
  },
  docs: {
    form: '사업자등록 번호 : 기업일 경우 사업자번호, 학·연은 고유번호 기재 … 신청기업(관) 명칭과 주소는 사업자등록증(고유번호증)과 동일하게 기재',
    formPlace: { en: 'form, 신청서 작성요령 — 신청기업(관)', ko: '양식, 신청서 작성요령 — 신청기업(관)' },
    checks: {
      en: 'The last digit of a 사업자등록번호 (or 고유번호) is a check digit computed from the first nine (weights 1,3,7,1,3,7,1,3,5, plus ⌊5·d9/10⌋). A wrong digit means the number was mistyped; the portal will not match it.',
      ko: '사업자등록번호(고유번호)의 마지막 자리는 앞 9자리로 계산하는 검증번호입니다(가중치 1,3,7,1,3,7,1,3,5에 ⌊5·d9/10⌋를 더함). 맞지 않으면 번호를 잘못 기재한 것이며, 포털에서도 일치하지 않습니다.',
    },
    fix: {
      en: 'Copy the number again from the certificate. There is no quick fix: the check digit cannot tell which digit is wrong.',
      ko: '사업자등록증(고유번호증)과 동일하게 번호를 다시 기재하세요. 어느 자리가 틀렸는지 알 수 없으므로 빠른 수정은 없습니다.',
    },
    examples: { pass: { patch: { '/applicant/registrationNumber': '124-81-00998' } }, fail: { patch: { '/applicant/registrationNumber': '124-81-00999' } } },
  },
  check({ doc, plan, message, report }) {
    const number = asString(asObject(plan.applicant)?.registrationNumber);
    if (number === undefined || isValidRegistrationNumber(number) !== false) return;
    const expectedCheckDigit = registrationCheckDigit(number.replace(/-/g, '').split('').map(Number));
    report({
      at: valueSpan(doc, ['applicant', 'registrationNumber']),
      path: ['applicant', 'registrationNumber'],
      message: message('wrong', number, expectedCheckDigit),
      data: { expectedCheckDigit },
    });
  },
});
