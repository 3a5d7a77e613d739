/**
 * `degree-format`: 학위(전공) is written in the form's shape — "석사(경영학)" — with the degree in
 * `degree` (학사, 석사, 박사, …) and the field in `major`, in 붙임0 and in the lead's 학력.
 */
import { DEGREES } from '../figures';
import { replaceWithJson, type OffsetEdit } from '../edit/fix';
import type { JsonPath } from '../json/tree';
import { asArray, asNonBlank, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { isFormDegree, splitDegreeAndMajor, suggestDegree } from './degrees';
import { defineRule } from './rule';

interface DegreeData {
  readonly kind: 'split' | 'degree' | 'swap' | 'parentheses';
  /** Values to write, by path (the degree, and the major split from it). */
  readonly writes: ReadonlyArray<{ readonly path: JsonPath; readonly value: string }>;
}

const STAFF: JsonPath = ['staff'];
const EDUCATION: JsonPath = ['institution', 'leadResearcher', 'education'];
/** A major written in parentheses, half- or full-width: "(경영학)". */
const IN_PARENTHESES = /^\s*[(（]\s*(.+?)\s*[)）]\s*$/u;
const EXAMPLES = DEGREES.value.examples.map((e) => `"${e}"`).join(', ');

export const degreeFormat = defineRule<DegreeData>()({
  code: 'degree-format',
  severity: 'warning',
  reads: 'structure',
  description: { en: 'A degree or major is not in the form\'s 학위(전공) shape ("석사(경영학)").', ko: '학위(전공)가 양식의 형식("석사(경영학)")과 다름' },
  messages: {
    combined: {
      en: 'The degree {0} holds the major too: write {3} here and {4} in "major"; the document prints them as "{1}({2})".',
      ko: '학위 {0}에 전공까지 들어 있습니다. 학위 칸에는 {3}, "major"에는 {4|을} 기재하면 문서에 "{1}({2})" 형태로 인쇄됩니다.',
    },
    english: {
      en: 'Write the degree {0} as the form does: {1} (학위(전공) examples: {2}).',
      ko: '학위 {0|은} 양식대로 {1|으로} 기재합니다 (학위(전공) 예시: {2}).',
    },
    unknown: {
      en: '{0} is not a degree of the form (전문학사, 학사, 석사, 박사); 학위(전공) examples: {1}.',
      ko: '{0|은} 양식의 학위(전문학사, 학사, 석사, 박사)가 아닙니다. 학위(전공) 예시: {1}.',
    },
    majorIsDegree: {
      en: 'The major {0} is a degree: the degree and the major seem swapped ({1} is written as the degree).',
      ko: '전공 {0|은} 학위입니다. 학위와 전공이 바뀐 것으로 보입니다 (학위에는 {1|이} 기재되어 있음).',
    },
    majorInParentheses: {
      en: 'Write the major {0} without parentheses: the document adds them ("석사(경영학)").',
      ko: '전공 {0|은} 괄호 없이 기재합니다. 문서에서 "석사(경영학)"처럼 괄호를 붙입니다.',
    },
    major: { en: 'The major (전공).', ko: '전공' },
    degree: { en: 'The degree (학위).', ko: '학위' },
    fixSplit: { en: 'Write {0} as the degree and {1} as the major', ko: '학위 {0}, 전공 {1|으로} 나누기' },
    fixDegree: { en: 'Change to {0}', ko: '{0|으로} 바꾸기' },
    fixSwap: { en: 'Swap the degree and the major', ko: '학위와 전공 맞바꾸기' },
    fixParentheses: { en: 'Remove the parentheses', ko: '괄호 지우기' },
  },
  docs: {
    form: '학위 (전공) … 00 (0000) … ★ 학위(전공) 예시 : "전문학사(경영학)", "학사(컴퓨터공학)", "석사(경영학)" 등 … 학력 졸업년도 | 전공 | 학위',
    formPlace: { en: 'form, 붙임0 투입 인력 현황; VI-2 참여 인력 현황 — 학력', ko: '양식, 붙임0 투입 인력 현황; VI-2 참여 인력 현황 — 학력' },
    checks: {
      en: 'The form writes 학위(전공) as "석사(경영학)". In `staff[]` and in `institution.leadResearcher.education[]`, `degree` holds the degree alone — 전문학사, 학사, 석사 or 박사, possibly with its field or kind before it (공학박사, 법학전문석사) and 수료 or 과정 after it, or 고졸 — and `major` holds the field without parentheses. A degree with its major in parentheses, an English degree (Ph.D., M.S.), a degree and major swapped, or a major in parentheses is reported.',
      ko: '양식은 학위(전공)를 "석사(경영학)"처럼 씁니다. `staff[]`와 `institution.leadResearcher.education[]`의 `degree`에는 학위만 — 전문학사, 학사, 석사, 박사(앞에 분야나 종류가 붙은 공학박사·법학전문석사, 뒤에 수료·과정이 붙은 것 포함) 또는 고졸 — 기재하고, `major`에는 괄호 없이 전공을 기재합니다. 학위에 괄호로 전공을 함께 쓴 경우, 영문 학위(Ph.D., M.S.), 학위와 전공이 바뀐 경우, 괄호로 감싼 전공을 알려 줍니다.',
    },
    fix: {
      en: 'Write the degree and the major in their own fields (quick fixes split, translate or swap them).',
      ko: '학위와 전공을 각자의 칸에 기재하세요 (빠른 수정으로 나누기·바꾸기·맞바꾸기).',
    },
    examples: {
      pass: { patch: { '/staff/1/degree': '석사', '/staff/1/major': '인공지능학' } },
      fail: { patch: { '/staff/1/degree': '석사(인공지능학)' } },
      show: ['/staff/1/major'],
    },
  },
  check({ doc, plan, message, report }) {
    const quoted = (text: string) => `"${text}"`;
    // Each row of 붙임0 and of the lead researcher's education; the paths are made only for a
    // row that is reported (a key typed in the staff table runs this over every row).
    const checkRow = (raw: unknown, table: JsonPath, index: number): void => {
      const row = asObject(raw);
      if (!row) return;
      const degree = asNonBlank(row.degree);
      const major = asNonBlank(row.major);
      const wellFormed = degree === undefined || isFormDegree(degree);
      const inParentheses = major === undefined ? undefined : IN_PARENTHESES.exec(major)?.[1];
      if (wellFormed && !inParentheses) return;
      const degreePath = [...table, index, 'degree'];
      const majorPath = [...table, index, 'major'];
      if (degree !== undefined && !wellFormed) {
        const split = splitDegreeAndMajor(degree);
        const suggestion = suggestDegree(degree);
        if (split && (major === undefined || major.trim() === split.major)) {
          report({
            at: valueSpan(doc, degreePath),
            path: degreePath,
            message: message('combined', quoted(degree), split.degree, split.major, quoted(split.degree), quoted(split.major)),
            data: {
              kind: 'split',
              writes: [
                { path: degreePath, value: split.degree },
                { path: majorPath, value: split.major },
              ],
            },
            related: major !== undefined ? [related(doc, majorPath, message('major'))] : undefined,
          });
        } else if (suggestion) {
          report({
            at: valueSpan(doc, degreePath),
            path: degreePath,
            message: message('english', quoted(degree), quoted(suggestion), EXAMPLES),
            data: { kind: 'degree', writes: [{ path: degreePath, value: suggestion }] },
          });
        } else if (major !== undefined && isFormDegree(major)) {
          report({
            at: valueSpan(doc, majorPath),
            path: majorPath,
            message: message('majorIsDegree', quoted(major), quoted(degree)),
            data: {
              kind: 'swap',
              writes: [
                { path: degreePath, value: major },
                { path: majorPath, value: degree },
              ],
            },
            related: [related(doc, degreePath, message('degree'))],
          });
          return;
        } else {
          report({ at: valueSpan(doc, degreePath), path: degreePath, message: message('unknown', quoted(degree), EXAMPLES) });
        }
      }
      if (major !== undefined && inParentheses)
        report({
          at: valueSpan(doc, majorPath),
          path: majorPath,
          message: message('majorInParentheses', quoted(major)),
          data: { kind: 'parentheses', writes: [{ path: majorPath, value: inParentheses }] },
        });
    };
    asArray(plan.staff).forEach((raw, index) => {
      checkRow(raw, STAFF, index);
    });
    asArray(asObject(asObject(plan.institution)?.leadResearcher)?.education).forEach((raw, index) => {
      checkRow(raw, EDUCATION, index);
    });
  },
  fixes(finding, { doc, title }) {
    const data = finding.data;
    if (!data || data.writes.length === 0) return [];
    const { writes, kind } = data;
    const edits: OffsetEdit[] = [];
    for (const write of writes) {
      const span = doc.spanAt(write.path);
      if (!span) return [];
      edits.push(replaceWithJson(span, write.value));
    }
    const q = (text: string) => `"${text}"`;
    const label =
      kind === 'split'
        ? title('fixSplit', q(writes[0].value), q(writes[1]?.value ?? ''))
        : kind === 'swap'
          ? title('fixSwap')
          : kind === 'parentheses'
            ? title('fixParentheses')
            : title('fixDegree', q(writes[0].value));
    return [{ code: finding.code, title: label, edits, fixAll: false, preferred: true }];
  },
});
