/** `acknowledgement-missing`: planned publications carry the official acknowledgement (사사). */
import { ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_PROJECT_NUMBER } from '../figures';
import type { JsonPath } from '../json/tree';
import type { ParsedDocument } from '../json/parse';
import type { OffsetEdit } from '../edit/fix';
import { indentUnit, planInsertion, valueSnippet } from '../edit/insertion';
import { schemaAt } from '../schema/lookup';
import { asNumber, asObject, asString } from '../plan/read';
import { OFFICIAL_CORE, checkAcknowledgement } from './prose/acknowledgement';
import { keySpan, related, valueSpan } from './place';
import { defineRule } from './rule';

interface AcknowledgementData {
  readonly expected: string;
  /** Where a missing acknowledgement or publication plan goes. */
  readonly insertInto?: JsonPath;
  /** The part of the field (offsets in the string's text) that the official sentence replaces. */
  readonly replace?: { readonly start: number; readonly end: number; readonly text: string };
}

/** Whether the field holds the official sentence, with "(과제번호)" or a concrete project number. */
export const isOfficialAcknowledgement = (text: string): boolean => checkAcknowledgement(text).kind === 'official';

/** How many characters of a differing part a message quotes. */
const QUOTED = 40;
const quote = (text: string): string => (text.length > QUOTED ? `${text.slice(0, QUOTED - 1)}…` : text);

/** Whether JSON would write `text` with escapes (a quote, a backslash or a control character). */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c) return true;
  }
  return false;
}

/** Edits inside a JSON string at string offsets, when the string has no escapes (else undefined). */
function editInString(doc: ParsedDocument, path: JsonPath, value: string, start: number, end: number, text: string): OffsetEdit | undefined {
  const span = doc.spanAt(path);
  if (!span || doc.text.slice(span.offset + 1, span.offset + span.length - 1) !== value) return undefined;
  if (needsEscape(text)) return undefined;
  return { offset: span.offset + 1 + start, length: end - start, newText: text };
}

export const acknowledgementMissing = defineRule<AcknowledgementData>()({
  code: 'acknowledgement-missing',
  severity: 'error',
  reads: 'structure',
  owns: [
    { pointer: /^\/disclosure\/publications$/, keywords: ['required'], missing: 'acknowledgement' },
    { pointer: /^\/disclosure\/publications\/acknowledgement$/, keywords: ['pattern', 'minLength'] },
  ],
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
    differs: {
      en: 'The acknowledgement differs from the official sentence: it has "{0}" where the official sentence has "{1}". Papers must carry: {2}',
      ko: '사사 문구가 공식 문구와 다릅니다. "{0}" 부분이 공식 문구에서는 "{1}"입니다. 논문에는 다음 문구를 명기해야 합니다: {2}',
    },
    differsMore: {
      en: 'The acknowledgement differs from the official sentence: it has "{0}" where the official sentence has "{1}", and {3} more parts differ. Papers must carry: {2}',
      ko: '사사 문구가 공식 문구와 다릅니다. "{0}" 부분이 공식 문구에서는 "{1}"이며, 그 밖에도 {3}곳이 다릅니다. 논문에는 다음 문구를 명기해야 합니다: {2}',
    },
    leavesOut: {
      en: 'The acknowledgement leaves out "{0}" of the official sentence. Papers must carry: {1}',
      ko: '사사 문구에 공식 문구의 "{0}" 부분이 빠졌습니다. 논문에는 다음 문구를 명기해야 합니다: {1}',
    },
    noProjectNumber: {
      en: 'The acknowledgement lacks the project number: write "{0}" after "{1}", or the number once it is known.',
      ko: '사사 문구에 과제번호가 없습니다. "{1}" 뒤에 "{0}"를 쓰거나, 과제번호를 받은 뒤에는 그 번호를 기재하세요.',
    },
    noPlan: {
      en: '{0} papers are planned but no publication plan with the acknowledgement (사사) is written. Add "disclosure.publications" with: {1}',
      ko: '논문 {0}건을 목표로 했지만 사사 문구를 담은 연구성과물 공개 계획이 없습니다. "disclosure.publications"에 다음 문구와 함께 공개 계획을 기재하세요: {1}',
    },
    planHere: { en: 'The publication plan belongs here.', ko: '연구성과물 공개 계획은 여기에 씁니다.' },
    fixReplace: { en: 'Use the official acknowledgement sentence', ko: '공식 사사 문구로 바꾸기' },
    fixNumber: { en: 'Add "{0}" after the sentence', ko: '문구 뒤에 "{0}" 넣기' },
    fixInsert: { en: 'Insert the official acknowledgement sentence', ko: '공식 사사 문구 넣기' },
    fixInsertPlan: { en: 'Insert a publication plan with the official acknowledgement', ko: '공식 사사 문구를 담은 연구성과물 공개 계획 넣기' },
  },
  docs: {
    form: '연구결과 발표 및 논문 투고시 국가 AI컴퓨팅 자원을 통해 지원받은 사실을 밝혀야 함. 특히, 논문의 아래 사사 명기가 필수임 ※ (국문) 이 성과는 정부(과학기술정보통신부)의 재원으로 “첨단 GPU 활용 지원 사업”으로 지원 받아 수행된 연구임 (과제번호)',
    formPlace: { en: 'form, 신청서 작성요령 — 연구성과물 공개', ko: '양식, 신청서 작성요령 — 연구성과물 공개' },
    checks: {
      en: 'When the plan publishes results (`disclosure.publications`) or sets a target for papers (`targets.papers` > 0), `disclosure.publications.acknowledgement` must hold the official sentence. It is compared after normalising quotes (" “ ” 「 」 『 』 …), brackets, full-width forms (（ ） → ( )) and spaces. The sentence may stand inside the field, after a label ("사사 문구:") or before a translation, and a concrete project number may replace "(과제번호)" ("(과제번호 제2026-GPU-012호)", "(RS-2026-00123456)"). When the text differs, the message quotes the part that differs and the official words there.',
      ko: '연구성과물을 공개하거나(`disclosure.publications`) 논문 목표가 있으면(`targets.papers` > 0) `disclosure.publications.acknowledgement`에 공식 사사 문구가 있어야 합니다. 따옴표(" “ ” 「 」 『 』 등), 괄호, 전각 문자(（ ） → ( ))와 공백은 정규화한 뒤 비교합니다. 문구 앞에 "사사 문구:" 같은 머리말이, 뒤에 영문 번역이 있어도 되고, "(과제번호)" 자리에 실제 과제번호("(과제번호 제2026-GPU-012호)", "(RS-2026-00123456)")를 써도 됩니다. 문구가 다르면 메시지가 다른 부분과 공식 문구의 해당 부분을 보여 줍니다.',
    },
    fix: {
      en: 'Use the official sentence (quick fix: only the sentence is replaced, a label or translation around it stays), or insert the publication plan with it.',
      ko: '공식 문구로 바꾸거나(빠른 수정: 문구 부분만 바꾸고 앞뒤 머리말과 번역은 그대로 둠), 사사 문구를 담은 공개 계획을 넣으세요.',
    },
    examples: {
      pass: {
        patch: {
          '/disclosure/publications/acknowledgement': `사사 문구: ${ACKNOWLEDGEMENT.value.replace(ACKNOWLEDGEMENT_PROJECT_NUMBER, '(과제번호 제2026-GPU-012호)')}`,
        },
      },
      fail: { patch: { '/disclosure/publications/acknowledgement': '본 연구는 과학기술정보통신부의 지원을 받았음' } },
    },
  },
  check({ doc, plan, message, report }) {
    const publications = asObject(asObject(plan.disclosure)?.publications);
    const papers = asNumber(asObject(plan.targets)?.papers) ?? 0;
    if (!publications && papers <= 0) return;
    const expected = ACKNOWLEDGEMENT.value;

    if (!publications) {
      report({
        at: valueSpan(doc, ['targets', 'papers']),
        path: ['targets', 'papers'],
        message: message('noPlan', papers, expected),
        data: { expected, insertInto: ['disclosure', 'publications'] },
        related: asObject(plan.disclosure) ? [related(doc, ['disclosure'], message('planHere'))] : undefined,
      });
      return;
    }
    const path = ['disclosure', 'publications', 'acknowledgement'];
    const text = asString(publications.acknowledgement);
    if (text === undefined) {
      report({
        at: keySpan(doc, ['disclosure', 'publications']),
        path,
        message: message('missing', expected),
        data: { expected, insertInto: ['disclosure', 'publications'] },
      });
      return;
    }
    if (text.trim() === '') {
      report({ at: valueSpan(doc, path), path, message: message('missing', expected), data: { expected } });
      return;
    }
    const result = checkAcknowledgement(text);
    const at = { ...valueSpan(doc, path), path };
    switch (result.kind) {
      case 'official':
        return;
      case 'noProjectNumber':
        report({
          ...at,
          message: message('noProjectNumber', ACKNOWLEDGEMENT_PROJECT_NUMBER, OFFICIAL_CORE.split(' ').slice(-2).join(' ')),
          data: { expected, replace: { start: result.coreEnd, end: result.coreEnd, text: ` ${ACKNOWLEDGEMENT_PROJECT_NUMBER}` } },
        });
        return;
      case 'unrelated':
        report({ ...at, message: message('altered', expected), data: { expected } });
        return;
      case 'differs': {
        const replacement = result.hasProjectNumber ? OFFICIAL_CORE : `${OFFICIAL_CORE} ${ACKNOWLEDGEMENT_PROJECT_NUMBER}`;
        const data = { expected, replace: { start: result.start, end: result.end, text: replacement } };
        const more = result.differences.length - 1;
        const shown = result.differences.length > 0 ? result.differences[0] : { written: '', official: '' };
        const reported =
          shown.written === ''
            ? message('leavesOut', quote(shown.official), expected)
            : more > 0
              ? message('differsMore', quote(shown.written), quote(shown.official), expected, more)
              : message('differs', quote(shown.written), quote(shown.official), expected);
        report({ ...at, message: reported, data });
        return;
      }
    }
  },
  fixes(finding, { doc, plan, title }) {
    const { code } = finding;
    const path = ['disclosure', 'publications', 'acknowledgement'];
    const current = doc.spanAt(path);
    if (current) {
      const value = asString(asObject(asObject(plan.disclosure)?.publications)?.acknowledgement) ?? '';
      const replace = finding.data?.replace;
      const inside = replace ? editInString(doc, path, value, replace.start, replace.end, replace.text) : undefined;
      if (inside && replace) {
        const key = replace.start === replace.end ? title('fixNumber', ACKNOWLEDGEMENT_PROJECT_NUMBER) : title('fixReplace');
        return [{ code, title: key, edits: [inside], fixAll: false, preferred: true }];
      }
      return [{ code, title: title('fixReplace'), edits: [{ ...current, newText: JSON.stringify(ACKNOWLEDGEMENT.value) }], fixAll: false, preferred: true }];
    }
    if (doc.spanAt(['disclosure', 'publications'])) {
      const insertion = planInsertion(doc, ['disclosure', 'publications'], 'acknowledgement');
      if (insertion?.kind === 'insert')
        return [{ code, title: title('fixInsert'), snippet: { offset: insertion.offset, length: 0, text: insertion.snippet }, fixAll: false, preferred: true }];
    }
    if (doc.spanAt(['disclosure'])) {
      return [{ code, title: title('fixInsertPlan'), insertSection: { parentPath: ['disclosure'], key: 'publications' }, fixAll: false, preferred: false }];
    }
    // No disclosure at all: insert it with the publication plan inside (its own snippet is empty).
    const insertion = planInsertion(doc, [], 'disclosure');
    const at = insertion?.kind === 'insert' ? /(^|\n)([ \t]*)"disclosure": \{\$0\}/.exec(insertion.snippet) : null;
    if (insertion?.kind !== 'insert' || !at)
      return [{ code, title: title('fixInsertPlan'), insertSection: { parentPath: [], key: 'disclosure' }, fixAll: false, preferred: false }];
    const unit = indentUnit(doc.text);
    const indent = at[2];
    const publications = valueSnippet(schemaAt(['disclosure', 'publications']), indent + unit, unit);
    const value = `{\n${indent + unit}"publications": ${publications}\n${indent}}`;
    const text = insertion.snippet.replace('"disclosure": {$0}', () => `"disclosure": ${value}`);
    return [{ code, title: title('fixInsertPlan'), snippet: { offset: insertion.offset, length: 0, text }, fixAll: false, preferred: false }];
  },
});
