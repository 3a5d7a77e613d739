/**
 * `youth-company-mismatch`: the 청년기업 flag agrees with the form's definition — an industry
 * applicant that is a corporation (법인기업, from the registration number's middle digits), whose
 * representative was born on or after 1985-12-22. The cost model reads the same verdict, so the 50%
 * discount applies exactly when this rule accepts the flag.
 */
import { dateMessage } from '../dates';
import { youthVerdict, isDefiniteRefusal } from '../cost/youth';
import { YOUTH_COMPANY_BORN_ON_OR_AFTER, type RegistrantKind } from '../figures';
import { replaceWithJson } from '../edit/fix';
import { perLocale, type Message } from '../l10n';
import { asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

/** The kind of registrant behind a registration number's middle digits, in words. */
const KIND: Readonly<Record<RegistrantKind, Message>> = {
  individual: perLocale('a sole proprietor (개인과세사업자)', '개인과세사업자'),
  individualTaxExempt: perLocale('a tax-exempt sole proprietor (개인면세사업자)', '개인면세사업자'),
  nonBusiness: perLocale('a non-business registrant (아파트관리사무소 등)', '비사업자(아파트관리사무소 등)'),
  religiousGroup: perLocale('a religious group (법인이 아닌 종교단체)', '법인이 아닌 종교단체'),
  corporation: perLocale('a corporation (영리법인 본점)', '영리법인 본점'),
  corporationBranch: perLocale('a corporation branch (영리법인 지점)', '영리법인 지점'),
  nonProfitCorporation: perLocale('a non-profit corporation (비영리법인)', '비영리법인'),
  government: perLocale('a public body (국가·지방자치단체)', '국가·지방자치단체'),
  foreignCorporation: perLocale('a foreign corporation (외국법인)', '외국법인'),
};

export const youthCompanyMismatch = defineRule<{ readonly fix: boolean }>()({
  code: 'youth-company-mismatch',
  severity: 'warning',
  reads: 'structure',
  description: {
    en: "The youth-company flag disagrees with the form's definition (a corporation whose representative was born on or after 1985-12-22).",
    ko: '청년기업 여부가 양식의 정의(대표자가 1985.12.22. 이후 출생한 법인기업)와 맞지 않음',
  },
  messages: {
    notIndustry: {
      en: 'Youth company (청년기업) is declared, but only industry applicants (산업계) can be one; the co-payment is not discounted.',
      ko: '청년기업 여부를 "해당"으로 표시했지만 청년기업은 산업계 법인기업만 해당합니다. 민간부담금 감면은 적용되지 않습니다.',
    },
    notCorporation: {
      en: 'Youth company (청년기업) is declared, but the registration number {0} (middle digits {1}) is that of {2}, not of a corporation (법인기업); the full co-payment applies.',
      ko: '청년기업 여부를 "해당"으로 표시했지만 사업자등록번호 {0|은} 가운데 두 자리가 {1}인 {2} 번호로, 법인기업이 아닙니다. 민간부담금은 전액 부담합니다.',
    },
    tooOld: {
      en: 'Youth company (청년기업) is declared, but the representative was born before {0}; the full co-payment applies.',
      ko: '청년기업 여부를 "해당"으로 표시했지만 대표자가 {0} 이전에 출생했습니다. 민간부담금은 전액 부담합니다.',
    },
    qualifies: {
      en: 'The representative was born on or after {0} and the applicant is a corporation, so it is a youth company (청년기업, 50% off the co-payment).',
      ko: '대표자가 {0} 이후 출생한 법인기업이므로 청년기업에 해당합니다 (민간부담금 50% 감면).',
    },
    birthDate: { en: "The representative's birth date.", ko: '대표자 생년월일' },
    registrationNumber: {
      en: 'The registration number: its middle two digits tell a corporation from a sole proprietor.',
      ko: '사업자등록번호: 가운데 두 자리로 법인과 개인사업자를 구분합니다.',
    },
    applicantType: { en: 'The applicant type.', ko: '신청기관 유형' },
    fixYes: { en: 'Mark as a youth company (해당)', ko: '청년기업 "해당"으로 바꾸기' },
    fixNo: { en: 'Mark as not a youth company (미해당)', ko: '청년기업 "미해당"으로 바꾸기' },
  },
  docs: {
    form: '청년기업 여부 □ 해당 □ 미해당 * 사용자 모집 공고일 기준 법인기업의 대표가 만39세 이하(1985.12.22. 이후 출생) 출생자인 경우',
    formPlace: { en: 'form, 표지 — 신청기업(관)', ko: '양식, 표지 — 신청기업(관)' },
    checks: {
      en: "A youth company is a corporation (법인기업) whose representative was born on or after 1985-12-22. `applicant.youthCompany` must agree with three facts: `applicant.type` is industry, the middle two digits of `applicant.registrationNumber` are a corporation's (81, 86, 87, 88 영리법인 본점; 85 지점; 84 외국법인 — not 01–79 or 90–99 개인사업자, 82 비영리법인, 83 국가·지방자치단체), and `applicant.representative.birthDate` is on or after 1985-12-22. The co-payment is halved only when the flag is set and all three hold; otherwise `gpuplan cost` and the preview show the full amount and say why.",
      ko: '청년기업은 대표자가 1985.12.22. 이후 출생한 법인기업입니다. `applicant.youthCompany`는 세 가지와 맞아야 합니다: `applicant.type`이 산업계이고, `applicant.registrationNumber`의 가운데 두 자리가 법인 번호(영리법인 본점 81·86·87·88, 지점 85, 외국법인 84 — 개인사업자 01~79·90~99, 비영리법인 82, 국가·지방자치단체 83은 해당하지 않음)이며, `applicant.representative.birthDate`가 1985.12.22. 이후여야 합니다. 표시하고 세 가지를 모두 충족할 때만 민간부담금을 50% 감면하며, 그렇지 않으면 `gpuplan cost`와 미리보기가 전액과 그 이유를 보여 줍니다.',
    },
    fix: {
      en: 'Set the flag to what the form says (quick fix), or correct the birth date or the registration number.',
      ko: '양식 기준에 맞게 표시를 바꾸거나(빠른 수정), 생년월일이나 사업자등록번호를 바로잡으세요.',
    },
    examples: {
      pass: { patch: { '/applicant/youthCompany': false } },
      fail: { patch: { '/applicant/youthCompany': true } },
      show: ['/applicant/representative/birthDate', '/applicant/registrationNumber', '/applicant/type'],
    },
  },
  check({ doc, plan, message, report }) {
    const applicant = asObject(plan.applicant);
    if (!applicant || typeof applicant.youthCompany !== 'boolean') return;
    const verdict = youthVerdict(plan);
    const declared = applicant.youthCompany;
    const date = dateMessage(YOUTH_COMPANY_BORN_ON_OR_AFTER.value);
    const at = valueSpan(doc, ['applicant', 'youthCompany']);
    const base = { ...at, path: ['applicant', 'youthCompany'], data: { fix: !declared } };
    const birth = related(doc, ['applicant', 'representative', 'birthDate'], message('birthDate'));
    if (!declared) {
      if (verdict.qualifies) {
        report({
          ...base,
          message: message('qualifies', date),
          related: [birth, related(doc, ['applicant', 'registrationNumber'], message('registrationNumber'))],
        });
      }
      return;
    }
    if (!isDefiniteRefusal(verdict.refusal)) return;
    switch (verdict.refusal) {
      case 'notIndustry':
        report({ ...base, message: message('notIndustry'), related: [related(doc, ['applicant', 'type'], message('applicantType'))] });
        return;
      case 'notCorporation':
        report({
          ...base,
          message: message('notCorporation', String(applicant.registrationNumber), verdict.code ?? '', verdict.kind ? KIND[verdict.kind] : ''),
          related: [related(doc, ['applicant', 'registrationNumber'], message('registrationNumber'))],
        });
        return;
      case 'bornBefore':
        report({ ...base, message: message('tooOld', date), related: [birth] });
        return;
    }
  },
  fixes(finding, { title }) {
    const data = finding.data;
    if (!data) return [];
    return [{ code: finding.code, title: title(data.fix ? 'fixYes' : 'fixNo'), edits: [replaceWithJson(finding, data.fix)], fixAll: true, preferred: true }];
  },
});
