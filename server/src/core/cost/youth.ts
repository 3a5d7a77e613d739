/**
 * Whether an applicant is a 청년기업 as the form defines it: "사용자 모집 공고일 기준 법인기업의
 * 대표가 만39세 이하(1985.12.22. 이후 출생) 출생자인 경우". Three facts decide it: the applicant is
 * industry (산업계), it is a corporation (법인, read from the middle digits of the 사업자등록번호),
 * and its representative was born on or after 1985-12-22. The `youth-company-mismatch` rule and
 * the cost model both read this one verdict, so the 50% discount applies exactly when the rule
 * accepts the flag.
 */
import { compareDates, parseDate } from '../dates';
import { CORPORATE_COMPANY_KINDS, YOUTH_COMPANY_BORN_ON_OR_AFTER, registrantKind, type RegistrantKind } from '../figures';
import type { Plan } from '../plan/types';
import { asObject } from '../plan/read';

/** Why an applicant is not a youth company, or what is missing to tell. */
export type YouthRefusal =
  /** The applicant is academia or research: only companies can be youth companies. */
  | 'notIndustry'
  /** The registration number is not a corporation's (a sole proprietor, a non-profit, …). */
  | 'notCorporation'
  /** The representative was born before 1985-12-22. */
  | 'bornBefore'
  /** The representative's birth date is missing or not a date. */
  | 'birthDateUnknown'
  /** The registration number is missing or not in the NNN-NN-NNNNN shape, or its middle code is unassigned. */
  | 'registrationUnknown'
  /** The applicant type is not set. */
  | 'typeUnknown';

export interface YouthVerdict {
  /** The applicant meets the form's definition. */
  readonly qualifies: boolean;
  /** What stands in the way (the first of: type, corporation, birth date); undefined when it qualifies. */
  readonly refusal?: YouthRefusal;
  /** The kind of registrant the registration number belongs to, when it can be read. */
  readonly kind?: RegistrantKind;
  /** The middle two digits of the registration number, when it has the NNN-NN-NNNNN shape. */
  readonly code?: string;
}

/** The form's verdict on this applicant, whatever `applicant.youthCompany` says. */
export function youthVerdict(plan: Plan): YouthVerdict {
  const applicant = asObject(plan.applicant);
  const number = applicant?.registrationNumber;
  const kind = registrantKind(number);
  const code = typeof number === 'string' ? /^\d{3}-(\d{2})-\d{5}$/.exec(number)?.[1] : undefined;
  const facts = { kind, code };
  const type = applicant?.type;
  if (type === 'academia' || type === 'research') return { qualifies: false, refusal: 'notIndustry', ...facts };
  if (kind !== undefined && !CORPORATE_COMPANY_KINDS.value.includes(kind)) return { qualifies: false, refusal: 'notCorporation', ...facts };
  const birth = parseDate(asObject(applicant?.representative)?.birthDate);
  const threshold = parseDate(YOUTH_COMPANY_BORN_ON_OR_AFTER.value);
  if (birth && threshold && compareDates(birth, threshold) < 0) return { qualifies: false, refusal: 'bornBefore', ...facts };
  if (type !== 'industry') return { qualifies: false, refusal: 'typeUnknown', ...facts };
  if (kind === undefined) return { qualifies: false, refusal: 'registrationUnknown', ...facts };
  if (!birth) return { qualifies: false, refusal: 'birthDateUnknown', ...facts };
  return { qualifies: true, ...facts };
}

/** Refusals that are a fact about the applicant (the rule reports them), not a value still missing. */
export const isDefiniteRefusal = (refusal: YouthRefusal | undefined): boolean =>
  refusal === 'notIndustry' || refusal === 'notCorporation' || refusal === 'bornBefore';
