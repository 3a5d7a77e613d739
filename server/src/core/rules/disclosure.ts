/** 연구성과물 공개: planned publications carry the official acknowledgement (사사). */
import { ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_PROJECT_NUMBER } from '../figures';
import { msg } from '../l10n';
import { asNumber, asObject, asString, keySpan, related, valueSpan, type RuleFamily } from './context';

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

export const disclosureRules: RuleFamily = {
  id: 'disclosure',
  codes: ['acknowledgement-missing'],
  run({ doc, plan, report }) {
    const publications = asObject(asObject(plan.disclosure)?.publications);
    const papers = asNumber(asObject(plan.targets)?.papers) ?? 0;
    if (!publications && papers <= 0) return;
    const data = { expected: ACKNOWLEDGEMENT.value };

    if (publications) {
      const path = ['disclosure', 'publications', 'acknowledgement'];
      const text = asString(publications.acknowledgement);
      if (text !== undefined && isOfficialAcknowledgement(text)) return;
      report({
        code: 'acknowledgement-missing',
        ...(text === undefined ? keySpan(doc, ['disclosure', 'publications']) : valueSpan(doc, path)),
        path,
        message:
          text === undefined
            ? msg('Publications are planned but the acknowledgement (사사) is missing. Papers must carry: {0}', ACKNOWLEDGEMENT.value)
            : msg('The acknowledgement is not the official sentence. Papers must carry: {0}', ACKNOWLEDGEMENT.value),
        data: { ...data, insertInto: text === undefined ? ['disclosure', 'publications'] : undefined },
      });
      return;
    }

    report({
      code: 'acknowledgement-missing',
      ...valueSpan(doc, ['targets', 'papers']),
      path: ['targets', 'papers'],
      message: msg('{0} papers are planned but no publication plan with the acknowledgement (사사) is written. Add "disclosure.publications" with: {1}', papers, ACKNOWLEDGEMENT.value),
      data: { ...data, insertInto: ['disclosure', 'publications'] },
      related: asObject(plan.disclosure) ? [related(doc, ['disclosure'], msg('The publication plan belongs here.'))] : undefined,
    });
  },
};
