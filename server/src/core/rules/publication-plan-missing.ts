/**
 * `publication-plan-missing`: academia and research pay no co-payment but must publish their
 * results, so their plan says how (연구성과물 공개 or 오픈소스/모델 공개 on the cover).
 */
import type { JsonPath } from '../json/tree';
import { asObject } from '../plan/read';
import { keySpan, related, valueSpan } from './place';
import { defineRule } from './rule';

export const publicationPlanMissing = defineRule<{ readonly parentPath: JsonPath; readonly key: string }>()({
  code: 'publication-plan-missing',
  severity: 'warning',
  reads: 'structure',
  description: {
    en: 'An academia or research applicant, who must publish results, has no publication or open-source plan.',
    ko: '결과 공개 의무가 있는 학·연 신청기관에 연구성과물·오픈소스 공개 계획이 없음',
  },
  messages: {
    missing: {
      en: 'Academia and research applicants pay no co-payment but must publish their results, and this plan has no publication (연구성과물 공개) or open-source (오픈소스/모델 공개) plan on the cover.',
      ko: '학·연 신청기관은 민간부담금이 면제되는 대신 연구 결과를 공개해야 하는데, 표지의 과제 결과물 공개 계획(연구성과물 공개, 오픈소스/모델 공개)이 기재되어 있지 않습니다.',
    },
    type: { en: 'The applicant type: academia and research must publish their results.', ko: '신청기관 유형: 학·연은 결과 공개 의무가 있습니다.' },
    fix: { en: 'Insert a publication plan (연구성과물 공개)', ko: '연구성과물 공개 계획 넣기' },
  },
  docs: {
    form: '과제 결과물 공개 계획 오픈소스/모델 (해당시) … 연구성과물 공개 (해당시) … 연구결과 발표 및 논문 투고시 국가 AI컴퓨팅 자원을 통해 지원받은 사실을 밝혀야 함',
    formPlace: {
      en: 'form, 표지 — 과제 결과물 공개 계획; 25-1차·수시 모집 공고 (학·연 결과 공개 의무)',
      ko: '양식, 표지 — 과제 결과물 공개 계획; 25-1차·수시 모집 공고 (학·연 결과 공개 의무)',
    },
    checks: {
      en: 'Academia and research applicants (`applicant.type` academia or research) pay no co-payment, and in return must publish their results (recruitment notices). Their plan says where: `disclosure.publications` (journals and paper sites, with the acknowledgement) or `disclosure.openSource` (models, code, data). A plan with neither gets this warning.',
      ko: '학·연 신청기관(`applicant.type`이 academia 또는 research)은 민간부담금이 면제되는 대신 연구 결과를 공개해야 합니다(모집 공고). 따라서 계획서에 어디에 공개할지 밝혀야 합니다: `disclosure.publications`(학술지·논문 게재 사이트, 사사 문구 포함) 또는 `disclosure.openSource`(모델·코드·데이터). 둘 다 없으면 경고합니다.',
    },
    fix: {
      en: 'Add the publication plan (quick fix inserts `disclosure.publications`) or the open-source plan.',
      ko: '연구성과물 공개 계획(빠른 수정으로 `disclosure.publications` 삽입)이나 오픈소스 공개 계획을 기재하세요.',
    },
    examples: {
      pass: { patch: { '/applicant/type': 'academia', '/applicant/youthCompany': false } },
      fail: { patch: { '/applicant/type': 'research', '/applicant/youthCompany': false, '/disclosure': undefined } },
      show: ['/applicant/type'],
    },
  },
  check({ doc, plan, message, report }) {
    const type = asObject(plan.applicant)?.type;
    if (type !== 'academia' && type !== 'research') return;
    const disclosure = asObject(plan.disclosure);
    if (asObject(disclosure?.publications) || asObject(disclosure?.openSource)) return;
    const typeRelated = [related(doc, ['applicant', 'type'], message('type'))];
    const place = disclosure ? keySpan(doc, ['disclosure']) : valueSpan(doc, ['applicant', 'type']);
    report({
      ...place,
      path: disclosure ? ['disclosure'] : ['applicant', 'type'],
      message: message('missing'),
      data: disclosure ? { parentPath: ['disclosure'], key: 'publications' } : { parentPath: [], key: 'disclosure' },
      related: disclosure ? typeRelated : undefined,
    });
  },
  fixes(finding, { title }) {
    const data = finding.data;
    if (!data) return [];
    return [{ code: finding.code, title: title('fix'), insertSection: { parentPath: data.parentPath, key: data.key }, fixAll: false, preferred: false }];
  },
});
