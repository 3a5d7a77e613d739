/**
 * `lead-researcher-mismatch`: the lead researcher (총괄책임자) is one person throughout the form —
 * the cover's 담당 총괄책임자, VI-2's 총괄책임자, the first row of 붙임0 and the pledge's signature.
 */
import { dateMessage, parseDate } from '../dates';
import { replaceWithJson } from '../edit/fix';
import type { JsonPath } from '../json/tree';
import { perLocale, type Message } from '../l10n';
import { asArray, asNonBlank, asObject } from '../plan/read';
import type { Plan } from '../plan/types';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

/** Names compare without white space and full-width forms ("한 도윤" = "한도윤"). */
const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

interface Place {
  readonly path: JsonPath;
  /** Where the name stands, in the form's words. */
  readonly where: Message;
}

/** Where the lead's name is written, in the order of the form; the first one written is the reference. */
const NAME_PLACES: readonly Place[] = [
  { path: ['contacts', 'lead', 'name'], where: perLocale('on the cover (담당)', '표지 담당란') },
  { path: ['institution', 'leadResearcher', 'nameKo'], where: perLocale('in VI-2 (참여 인력 현황)', 'VI-2 참여 인력 현황') },
  { path: ['staff', 0, 'name'], where: perLocale('in the first row of 붙임0 (투입 인력 현황)', '붙임0 투입 인력 현황 첫 행') },
  { path: ['pledge', 'leadName'], where: perLocale('in the pledge', '서약') },
];

const BIRTH_PLACES: readonly Place[] = [
  { path: ['contacts', 'lead', 'birthDate'], where: NAME_PLACES[0].where },
  { path: ['institution', 'leadResearcher', 'birthDate'], where: NAME_PLACES[1].where },
];

const valueOf = (plan: Plan, path: JsonPath): unknown => {
  let current: unknown = plan;
  for (const segment of path) current = typeof segment === 'number' ? asArray(current)[segment] : asObject(current)?.[segment];
  return current;
};

export const leadResearcherMismatch = defineRule<{ readonly expected: string }>()({
  code: 'lead-researcher-mismatch',
  severity: 'warning',
  reads: 'structure',
  description: {
    en: 'The lead researcher is not the same person on the cover, in VI-2, in the first row of 붙임0 and in the pledge.',
    ko: '총괄책임자가 표지, VI-2, 붙임0 첫 행, 서약에서 같은 사람이 아님',
  },
  messages: {
    name: {
      en: 'The lead researcher (총괄책임자) is {0} {1}, but {2} {3}: the lead is one person throughout the form.',
      ko: '총괄책임자가 {1}에는 {0}, {3}에는 {2|으로} 기재되어 있습니다. 총괄책임자는 양식 전체에서 같은 사람이어야 합니다.',
    },
    birthDate: {
      en: "The lead researcher's birth date is {0} {1}, but {2} {3}.",
      ko: '총괄책임자 생년월일이 {1}에는 {0}, {3}에는 {2|으로} 기재되어 있습니다.',
    },
    reference: { en: 'The lead researcher as written {0}.', ko: '{0}에 기재한 총괄책임자' },
    fix: { en: 'Write {0}', ko: '{0|으로} 바꾸기' },
  },
  docs: {
    form: '담당 총괄책임자 소속 직위 성명 생년월일 … 2. 참여 인력 현황 ○ 총괄책임자 성명 국문 … 붙임 0 투입 인력 현황 번호 1 … 총괄책임자 … 총괄책임자: (인/서명)',
    formPlace: {
      en: 'form, 표지 — 담당, 서약; VI-2 참여 인력 현황; 붙임0 투입 인력 현황',
      ko: '양식, 표지 — 담당·서약; VI-2 참여 인력 현황; 붙임0 투입 인력 현황',
    },
    checks: {
      en: 'The 총괄책임자 appears four times: `contacts.lead.name` on the cover, `institution.leadResearcher.nameKo` in VI-2, the first row of 붙임0 (`staff[0].name`, the form\'s row 1 "총괄책임자") and `pledge.leadName`, who signs the pledge. All four are the same name (white space does not count), and the birth date of the cover and of VI-2 is the same. The first name written, in the order of the form, is the reference.',
      ko: '총괄책임자는 네 곳에 나옵니다: 표지의 `contacts.lead.name`, VI-2의 `institution.leadResearcher.nameKo`, 붙임0 첫 행(`staff[0].name`, 양식의 1번 "총괄책임자"), 서약에 서명하는 `pledge.leadName`. 네 곳의 성명이 같아야 하며(공백은 구분하지 않음), 표지와 VI-2의 생년월일도 같아야 합니다. 양식 순서에서 처음 기재한 성명을 기준으로 봅니다.',
    },
    fix: {
      en: 'Write the same person everywhere (quick fix: the name of the cover), and put the lead in the first row of 붙임0.',
      ko: '모든 곳에 같은 사람을 기재하고(빠른 수정: 표지의 성명), 붙임0 첫 행에는 총괄책임자를 쓰세요.',
    },
    examples: {
      pass: { patch: { '/pledge/leadName': '한 도윤' } },
      fail: { patch: { '/pledge/leadName': '박정우' } },
      show: ['/contacts/lead/name'],
    },
  },
  check({ doc, plan, message, report }) {
    const names = NAME_PLACES.map((place) => ({ ...place, value: asNonBlank(valueOf(plan, place.path)) })).filter(
      (p): p is Place & { value: string } => p.value !== undefined,
    );
    if (names.length > 0) {
      const reference = names[0];
      for (const other of names.slice(1)) {
        if (nameKey(other.value) === nameKey(reference.value)) continue;
        report({
          at: valueSpan(doc, other.path),
          path: other.path,
          message: message('name', `"${reference.value}"`, reference.where, `"${other.value}"`, other.where),
          data: { expected: reference.value },
          related: [related(doc, reference.path, message('reference', reference.where))],
        });
      }
    }
    const births = BIRTH_PLACES.map((place) => ({ ...place, value: valueOf(plan, place.path) })).filter((p) => parseDate(p.value) !== undefined);
    if (births.length === 2 && births[0].value !== births[1].value) {
      const [first, second] = births as Array<Place & { value: string }>;
      report({
        at: valueSpan(doc, second.path),
        path: second.path,
        message: message('birthDate', dateMessage(first.value), first.where, dateMessage(second.value), second.where),
        data: { expected: first.value },
        related: [related(doc, first.path, message('reference', first.where))],
      });
    }
  },
  fixes(finding, { title }) {
    const expected = finding.data?.expected;
    if (expected === undefined) return [];
    return [{ code: finding.code, title: title('fix', `"${expected}"`), edits: [replaceWithJson(finding, expected)], fixAll: true, preferred: true }];
  },
});
