/** 신청기업(관): registration number, youth company, employee count. */
import { REGISTRATION_NUMBER, YOUTH_COMPANY_BORN_ON_OR_AFTER } from '../figures';
import { compareDates, parseDate } from '../dates';
import { msg } from '../l10n';
import { asInteger, asObject, asString, related, valueSpan, type RuleFamily } from './context';

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

export const applicantRules: RuleFamily = {
  id: 'applicant',
  codes: ['registration-number-checksum', 'youth-company-mismatch', 'employees-total-mismatch'],
  run({ doc, plan, report }) {
    const applicant = asObject(plan.applicant);
    if (!applicant) return;

    const number = asString(applicant.registrationNumber);
    if (number !== undefined && isValidRegistrationNumber(number) === false) {
      const digits = number.replace(/-/g, '').split('').map(Number);
      report({
        code: 'registration-number-checksum',
        ...valueSpan(doc, ['applicant', 'registrationNumber']),
        path: ['applicant', 'registrationNumber'],
        message: msg('Registration number {0} fails its check digit: with these first nine digits it would end in {1}. Copy it again from the 사업자등록증(고유번호증).', number, registrationCheckDigit(digits)),
        data: { expectedCheckDigit: registrationCheckDigit(digits) },
      });
    }

    const birth = parseDate(asObject(applicant.representative)?.birthDate);
    const threshold = parseDate(YOUTH_COMPANY_BORN_ON_OR_AFTER.value);
    if (typeof applicant.youthCompany === 'boolean' && birth && threshold) {
      const young = compareDates(birth, threshold) >= 0;
      const isCompany = applicant.type === 'industry';
      const declared = applicant.youthCompany;
      const mismatch = declared ? !young || (applicant.type !== undefined && !isCompany) : young && isCompany;
      if (mismatch) {
        report({
          code: 'youth-company-mismatch',
          ...valueSpan(doc, ['applicant', 'youthCompany']),
          path: ['applicant', 'youthCompany'],
          message: declared
            ? young
              ? msg('Youth company (청년기업) applies only to companies (산업계); this applicant is not one.')
              : msg('Youth company (청년기업) is declared, but the representative was born before {0}.', YOUTH_COMPANY_BORN_ON_OR_AFTER.value)
            : msg('The representative was born on or after {0}, so this company qualifies as a youth company (청년기업, 50% off the co-payment).', YOUTH_COMPANY_BORN_ON_OR_AFTER.value),
          data: { fix: !declared },
          related: [related(doc, ['applicant', 'representative', 'birthDate'], msg('The representative\'s birth date.'))],
        });
      }
    }

    const employees = asObject(applicant.employees);
    if (employees) {
      const [regular, nonRegular, total] = [asInteger(employees.regular), asInteger(employees.nonRegular), asInteger(employees.total)];
      if (regular !== undefined && nonRegular !== undefined && total !== undefined && regular + nonRegular !== total) {
        report({
          code: 'employees-total-mismatch',
          ...valueSpan(doc, ['applicant', 'employees', 'total']),
          path: ['applicant', 'employees', 'total'],
          message: msg('Total employees is {0}, but regular ({1}) + non-regular ({2}) = {3}.', total, regular, nonRegular, regular + nonRegular),
          data: { expected: regular + nonRegular },
          related: [
            related(doc, ['applicant', 'employees', 'regular'], msg('Regular employees.')),
            related(doc, ['applicant', 'employees', 'nonRegular'], msg('Non-regular employees.')),
          ],
        });
      }
    }
  },
};
