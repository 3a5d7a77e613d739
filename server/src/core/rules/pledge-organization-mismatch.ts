/** `pledge-organization-mismatch`: the pledge is signed in the applicant's own name (기업(관)명). */
import { replaceWithJson } from '../edit/fix';
import { asNonBlank, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

/** The forms of a legal-entity marker that name the same thing: (주) = ㈜ = 주식회사, and so on. */
const MARKERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/㈜|\(주\)|주식회사/gu, '주식회사'],
  [/\(유\)|유한회사/gu, '유한회사'],
  [/\(사\)|사단법인/gu, '사단법인'],
  [/\(재\)|재단법인/gu, '재단법인'],
  [/\(학\)|학교법인/gu, '학교법인'],
];

/**
 * An organisation name compared loosely: full-width forms and white space do not count, and the
 * marker of the entity may be abbreviated or moved ("(주)리걸브릿지" = "주식회사 리걸브릿지").
 */
export function organizationKey(name: string): string {
  let text = name.normalize('NFKC').replace(/\s+/gu, '');
  const markers: string[] = [];
  for (const [pattern, canonical] of MARKERS) {
    text = text.replace(pattern, () => {
      markers.push(canonical);
      return '';
    });
  }
  return [...markers.sort(), text.toLowerCase()].join('|');
}

export const pledgeOrganizationMismatch = defineRule<{ readonly expected: string }>()({
  code: 'pledge-organization-mismatch',
  severity: 'warning',
  reads: 'structure',
  description: { en: "The pledge's organisation name differs from the applicant's name.", ko: '서약의 기업(관)명이 신청기업(관)명과 다름' },
  messages: {
    differs: {
      en: 'The pledge is signed for "{0}", but the applicant is "{1}". Write the name on the 사업자등록증(고유번호증), as on the cover.',
      ko: '서약의 기업(관)명은 "{0}"인데 신청기업(관)명은 "{1}"입니다. 표지와 같이 사업자등록증(고유번호증)상의 명칭을 기재하세요.',
    },
    applicant: { en: "The applicant's name (기업(관)명).", ko: '신청기업(관)의 기업(관)명' },
    fix: { en: 'Write {0}', ko: '{0|으로} 바꾸기' },
  },
  docs: {
    form: '년 월 일 기업(관)명 : (직인) 총괄책임자: (인/서명) … 신청기업(관) 명칭과 주소는 사업자등록증(고유번호증)과 동일하게 기재',
    formPlace: { en: 'form, 표지 — 서약; 작성요령', ko: '양식, 표지 — 서약; 작성요령' },
    checks: {
      en: '`pledge.organizationName`, the organisation that signs and stamps the pledge, is `applicant.name`. White space and full-width forms do not count, and (주), ㈜ and 주식회사 (and the like: (유), (사), (재), (학)) are the same marker wherever it stands.',
      ko: '서약에 직인을 찍는 기관인 `pledge.organizationName`은 `applicant.name`과 같아야 합니다. 공백과 전각 문자는 구분하지 않으며, (주)·㈜·주식회사(그리고 (유)·(사)·(재)·(학) 등)는 위치와 관계없이 같은 표기로 봅니다.',
    },
    fix: { en: "Write the applicant's name in the pledge (quick fix).", ko: '서약에 신청기업(관)명을 그대로 기재하세요 (빠른 수정).' },
    examples: {
      pass: { patch: { '/pledge/organizationName': '(주)리걸브릿지' } },
      fail: { patch: { '/pledge/organizationName': '리걸브릿지 AI연구소' } },
      show: ['/applicant/name'],
    },
  },
  check({ doc, plan, message, report }) {
    const name = asNonBlank(asObject(plan.applicant)?.name);
    const signed = asNonBlank(asObject(plan.pledge)?.organizationName);
    if (!name || !signed || organizationKey(name) === organizationKey(signed)) return;
    report({
      at: valueSpan(doc, ['pledge', 'organizationName']),
      path: ['pledge', 'organizationName'],
      message: message('differs', signed, name),
      data: { expected: name },
      related: [related(doc, ['applicant', 'name'], message('applicant'))],
    });
  },
  fixes(finding, { title }) {
    const expected = finding.data?.expected;
    if (expected === undefined) return [];
    return [{ code: finding.code, title: title('fix', `"${expected}"`), edits: [replaceWithJson(finding, expected)], fixAll: true, preferred: true }];
  },
});
