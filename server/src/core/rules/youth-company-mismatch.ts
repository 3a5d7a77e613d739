/** `youth-company-mismatch`: the 청년기업 flag agrees with the representative's birth date. */
import { compareDates, dateMessage, parseDate } from '../dates';
import { YOUTH_COMPANY_BORN_ON_OR_AFTER } from '../figures';
import { replaceWithJson } from '../edit/fix';
import { asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

export const youthCompanyMismatch = defineRule<{ readonly fix: boolean }>()({
  code: 'youth-company-mismatch',
  severity: 'warning',
  reads: 'structure',
  description: { en: "The youth-company flag disagrees with the representative's birth date.", ko: '청년기업 여부가 대표자 생년월일과 맞지 않음' },
  messages: {
    notIndustry: {
      en: 'Youth company (청년기업) applies only to companies (산업계); this applicant is not one.',
      ko: '청년기업은 산업계(법인기업)에만 해당합니다. 이 신청기관은 산업계가 아닙니다.',
    },
    tooOld: { en: 'Youth company (청년기업) is declared, but the representative was born before {0}.', ko: '청년기업으로 표시했지만 대표자가 {0} 이전에 출생했습니다.' },
    qualifies: {
      en: 'The representative was born on or after {0}, so this company qualifies as a youth company (청년기업, 50% off the co-payment).',
      ko: '대표자가 {0} 이후 출생이므로 청년기업에 해당합니다 (민간부담금 50% 감면).',
    },
    birthDate: { en: "The representative's birth date.", ko: '대표자 생년월일' },
    fix: { en: 'Change to {0}', ko: '{0|으로} 바꾸기' },
  },
  docs: {
    form: '청년기업 여부 □ 해당 □ 미해당 * 사용자 모집 공고일 기준 법인기업의 대표가 만39세 이하(1985.12.22. 이후 출생) 출생자인 경우',
    formPlace: { en: 'form, 표지 — 신청기업(관)', ko: '양식, 표지 — 신청기업(관)' },
    checks: {
      en: 'A youth company is a company whose representative was born on or after 1985-12-22. `applicant.youthCompany` must agree with `applicant.representative.birthDate`, and only industry applicants can be one. The youth company pays half the co-payment.',
      ko: '청년기업은 대표자가 1985.12.22. 이후 출생한 기업입니다. `applicant.youthCompany`는 `applicant.representative.birthDate`와 맞아야 하며, 산업계 신청기관만 해당합니다. 청년기업은 민간부담금의 50%를 감면받습니다.',
    },
    fix: { en: 'Set the flag to what the birth date says (quick fix), or correct the birth date.', ko: '생년월일에 맞게 표시를 바꾸거나(빠른 수정), 생년월일을 바로잡으세요.' },
    examples: {
      pass: { patch: { '/applicant/youthCompany': false } },
      fail: { patch: { '/applicant/youthCompany': true } },
      show: ['/applicant/representative/birthDate', '/applicant/type'],
    },
  },
  check({ doc, plan, message, report }) {
    const applicant = asObject(plan.applicant);
    const birth = parseDate(asObject(applicant?.representative)?.birthDate);
    const threshold = parseDate(YOUTH_COMPANY_BORN_ON_OR_AFTER.value);
    if (!applicant || typeof applicant.youthCompany !== 'boolean' || !birth || !threshold) return;
    const young = compareDates(birth, threshold) >= 0;
    const isCompany = applicant.type === 'industry';
    const declared = applicant.youthCompany;
    const mismatch = declared ? !young || (applicant.type !== undefined && !isCompany) : young && isCompany;
    if (!mismatch) return;
    const date = dateMessage(YOUTH_COMPANY_BORN_ON_OR_AFTER.value);
    report({
      ...valueSpan(doc, ['applicant', 'youthCompany']),
      path: ['applicant', 'youthCompany'],
      message: declared ? (young ? message('notIndustry') : message('tooOld', date)) : message('qualifies', date),
      data: { fix: !declared },
      related: [related(doc, ['applicant', 'representative', 'birthDate'], message('birthDate'))],
    });
  },
  fixes(finding, { title }) {
    const data = finding.data;
    if (!data) return [];
    return [{ code: finding.code, title: title('fix', String(data.fix)), edits: [replaceWithJson(finding, data.fix)], fixAll: true, preferred: true }];
  },
});
