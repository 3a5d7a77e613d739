/** `acknowledgement-missing`: planned publications carry the official acknowledgement (사사). */
import { ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_PROJECT_NUMBER } from '../figures';
import type { JsonPath } from '../json/tree';
import { planInsertion } from '../edit/insertion';
import { asNumber, asObject, asString } from '../plan/read';
import { keySpan, related, valueSpan } from './place';
import { defineRule } from './rule';

interface AcknowledgementData {
  readonly expected: string;
  /** Where a missing acknowledgement or publication plan goes. */
  readonly insertInto?: JsonPath;
}

/** Quotes and spaces compare loosely (SPEC §3): “ ” " 「 」 ‘ ’ ' and all white space are ignored. */
const loosen = (text: string): string => text.replace(/[\s"“”「」『』‘’'`]/gu, '');

const officialPrefix = loosen(ACKNOWLEDGEMENT.value.slice(0, ACKNOWLEDGEMENT.value.lastIndexOf(ACKNOWLEDGEMENT_PROJECT_NUMBER)));

/** The official sentence, with `(과제번호)` or a concrete project number in its place. */
export function isOfficialAcknowledgement(text: string): boolean {
  const loose = loosen(text).replace(/[.。]$/u, '');
  if (!loose.startsWith(officialPrefix)) return false;
  const rest = loose.slice(officialPrefix.length);
  return rest === loosen(ACKNOWLEDGEMENT_PROJECT_NUMBER) || /^\(?(?:과제번호[:：]?)?[A-Za-z0-9][A-Za-z0-9-]*\)?$/u.test(rest);
}

export const acknowledgementMissing = defineRule<AcknowledgementData>()({
  code: 'acknowledgement-missing',
  severity: 'error',
  reads: 'structure',
  owns: [{ pointer: /^\/disclosure\/publications$/, keywords: ['required'], missing: 'acknowledgement' }],
  description: {
    en: 'Publications or papers are planned and the official acknowledgement is missing or altered.',
    ko: '연구성과물·논문 공개를 계획했는데 공식 사사 문구가 없거나 다름',
  },
  messages: {
    missing: {
      en: 'Publications are planned but the acknowledgement (사사) is missing. Papers must carry: {0}',
      ko: '연구성과물 공개를 계획했지만 사사 문구가 없습니다. 논문에는 다음 문구를 반드시 명기해야 합니다: {0}',
    },
    altered: {
      en: 'The acknowledgement is not the official sentence. Papers must carry: {0}',
      ko: '사사 문구가 공식 문구와 다릅니다. 논문에는 다음 문구를 명기해야 합니다: {0}',
    },
    noPlan: {
      en: '{0} papers are planned but no publication plan with the acknowledgement (사사) is written. Add "disclosure.publications" with: {1}',
      ko: '논문 {0}건을 목표로 했지만 사사 문구를 담은 연구성과물 공개 계획이 없습니다. "disclosure.publications"에 다음 문구를 넣으세요: {1}',
    },
    planHere: { en: 'The publication plan belongs here.', ko: '연구성과물 공개 계획은 여기에 씁니다.' },
    fixReplace: { en: 'Use the official acknowledgement sentence', ko: '공식 사사 문구로 바꾸기' },
    fixInsert: { en: 'Insert the official acknowledgement sentence', ko: '공식 사사 문구 넣기' },
    fixInsertPlan: { en: 'Insert a publication plan with the official acknowledgement', ko: '공식 사사 문구를 담은 연구성과물 공개 계획 넣기' },
  },
  docs: {
    form: '연구결과 발표 및 논문 투고시 국가 AI컴퓨팅 자원을 통해 지원받은 사실을 밝혀야 함. 특히, 논문의 아래 사사 명기가 필수임 ※ (국문) 이 성과는 정부(과학기술정보통신부)의 재원으로 “첨단 GPU 활용 지원 사업”으로 지원 받아 수행된 연구임 (과제번호)',
    formPlace: { en: 'form, 신청서 작성요령 — 연구성과물 공개', ko: '양식, 신청서 작성요령 — 연구성과물 공개' },
    checks: {
      en: 'When the plan publishes results (`disclosure.publications`) or sets a target for papers (`targets.papers` > 0), `disclosure.publications.acknowledgement` must hold the official sentence. Quotes and spaces compare loosely, and a concrete project number may stand in place of "(과제번호)".',
      ko: '연구성과물을 공개하거나(`disclosure.publications`) 논문 목표가 있으면(`targets.papers` > 0) `disclosure.publications.acknowledgement`에 공식 사사 문구가 있어야 합니다. 따옴표와 공백은 느슨하게 비교하며, "(과제번호)" 자리에 실제 과제번호를 써도 됩니다.',
    },
    fix: { en: 'Use the official sentence (quick fix), or insert the publication plan with it.', ko: '공식 문구로 바꾸거나(빠른 수정), 사사 문구를 담은 공개 계획을 넣으세요.' },
    examples: {
      pass: { patch: { '/disclosure/publications/acknowledgement': ACKNOWLEDGEMENT.value } },
      fail: { patch: { '/disclosure/publications/acknowledgement': '본 연구는 과학기술정보통신부의 지원을 받았음' } },
    },
  },
  check({ doc, plan, message, report }) {
    const publications = asObject(asObject(plan.disclosure)?.publications);
    const papers = asNumber(asObject(plan.targets)?.papers) ?? 0;
    if (!publications && papers <= 0) return;
    const expected = ACKNOWLEDGEMENT.value;

    if (publications) {
      const path = ['disclosure', 'publications', 'acknowledgement'];
      const text = asString(publications.acknowledgement);
      if (text !== undefined && isOfficialAcknowledgement(text)) return;
      report({
        ...(text === undefined ? keySpan(doc, ['disclosure', 'publications']) : valueSpan(doc, path)),
        path,
        message: text === undefined ? message('missing', expected) : message('altered', expected),
        data: { expected, insertInto: text === undefined ? ['disclosure', 'publications'] : undefined },
      });
      return;
    }
    report({
      ...valueSpan(doc, ['targets', 'papers']),
      path: ['targets', 'papers'],
      message: message('noPlan', papers, expected),
      data: { expected, insertInto: ['disclosure', 'publications'] },
      related: asObject(plan.disclosure) ? [related(doc, ['disclosure'], message('planHere'))] : undefined,
    });
  },
  fixes(finding, { doc, title }) {
    const { code } = finding;
    const current = doc.spanAt(['disclosure', 'publications', 'acknowledgement']);
    if (current) {
      return [{ code, title: title('fixReplace'), edits: [{ ...current, newText: JSON.stringify(ACKNOWLEDGEMENT.value) }], fixAll: false, preferred: true }];
    }
    if (doc.spanAt(['disclosure', 'publications'])) {
      const insertion = planInsertion(doc, ['disclosure', 'publications'], 'acknowledgement');
      if (insertion?.kind === 'insert') return [{ code, title: title('fixInsert'), snippet: { offset: insertion.offset, length: 0, text: insertion.snippet }, fixAll: false, preferred: true }];
    }
    const parentPath: JsonPath = doc.spanAt(['disclosure']) ? ['disclosure'] : [];
    return [{ code, title: title('fixInsertPlan'), insertSection: { parentPath, key: parentPath.length ? 'publications' : 'disclosure' }, fixAll: false, preferred: false }];
  },
});

