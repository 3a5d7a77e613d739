/** `syntax`: the file is not valid JSON. Reported at the token, with a fix for a trailing comma. */
import { ParseErrorCode } from 'jsonc-parser';
import { MAX_NESTING_DEPTH, type SyntaxProblem } from '../json/parse';
import type { Bilingual } from '../l10n';
import { defineRule } from './rule';

interface SyntaxData {
  readonly fix?: 'removeTrailingComma';
}

const PROBLEMS: Partial<Record<SyntaxProblem['code'], Bilingual>> = {
  [ParseErrorCode.InvalidSymbol]: { en: 'Invalid symbol.', ko: '잘못된 기호입니다.' },
  [ParseErrorCode.InvalidNumberFormat]: { en: 'Invalid number.', ko: '잘못된 숫자입니다.' },
  [ParseErrorCode.PropertyNameExpected]: { en: 'A property name in double quotes is expected.', ko: '큰따옴표로 감싼 항목 이름이 와야 합니다.' },
  [ParseErrorCode.ValueExpected]: { en: 'A value is expected.', ko: '값이 와야 합니다.' },
  [ParseErrorCode.ColonExpected]: { en: 'A colon ":" is expected.', ko: '콜론 ":"이 와야 합니다.' },
  [ParseErrorCode.CommaExpected]: { en: 'A comma "," is expected.', ko: '쉼표 ","가 와야 합니다.' },
  [ParseErrorCode.CloseBraceExpected]: { en: 'A closing brace "}" is expected.', ko: '닫는 중괄호 "}"가 와야 합니다.' },
  [ParseErrorCode.CloseBracketExpected]: { en: 'A closing bracket "]" is expected.', ko: '닫는 대괄호 "]"가 와야 합니다.' },
  [ParseErrorCode.EndOfFileExpected]: { en: "Nothing may follow the plan's closing brace.", ko: '계획서의 마지막 닫는 중괄호 뒤에는 아무것도 올 수 없습니다.' },
  [ParseErrorCode.InvalidCommentToken]: {
    en: 'Comments are not allowed in a gpuplan file (it is plain JSON).',
    ko: 'gpuplan 파일은 일반 JSON이므로 주석을 쓸 수 없습니다.',
  },
  [ParseErrorCode.UnexpectedEndOfComment]: { en: 'The comment is not closed.', ko: '주석이 닫히지 않았습니다.' },
  [ParseErrorCode.UnexpectedEndOfString]: {
    en: 'The string is not closed: a closing double quote is missing.',
    ko: '문자열이 닫히지 않았습니다. 닫는 큰따옴표가 없습니다.',
  },
  [ParseErrorCode.UnexpectedEndOfNumber]: { en: 'The number is not complete.', ko: '숫자가 완성되지 않았습니다.' },
  [ParseErrorCode.InvalidUnicode]: { en: 'Invalid \\u escape.', ko: '잘못된 \\u 이스케이프입니다.' },
  [ParseErrorCode.InvalidEscapeCharacter]: { en: 'Invalid escape character.', ko: '잘못된 이스케이프 문자입니다.' },
  [ParseErrorCode.InvalidCharacter]: {
    en: 'Invalid character in a string: control characters such as line breaks must be escaped (\\n).',
    ko: '문자열 안에 쓸 수 없는 문자가 있습니다. 줄바꿈 같은 제어 문자는 \\n처럼 이스케이프해야 합니다.',
  },
};

const isBlank = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

export const syntax = defineRule<SyntaxData>()({
  code: 'syntax',
  severity: 'error',
  reads: 'structure',
  needs: 'text',
  description: {
    en: 'JSON syntax error, at the token (comments and trailing commas are errors: the file is plain JSON).',
    ko: 'JSON 구문 오류 (주석과 마지막 쉼표도 오류: 일반 JSON 파일)',
  },
  messages: {
    tooDeep: {
      en: 'Nesting deeper than {0} levels is not supported; the plan was not read.',
      ko: '{0}단계보다 깊은 중첩은 지원하지 않으므로 계획서를 읽지 않았습니다.',
    },
    empty: {
      en: 'The file is empty. Start from the command "gpuplan: New Plan" or a snippet.',
      ko: '빈 파일입니다. "gpuplan: 새 계획서" 명령이나 스니펫으로 시작하세요.',
    },
    trailingComma: { en: 'Trailing comma: remove this ",".', ko: '마지막 항목 뒤의 쉼표입니다. 이 ","를 지우세요.' },
    other: { en: 'Syntax error.', ko: '구문 오류입니다.' },
    ...(PROBLEMS as Record<string, Bilingual>),
    fixTrailingComma: { en: 'Remove the trailing comma', ko: '마지막 쉼표 지우기' },
  },
  docs: {
    form: '(양식 밖의 규칙) gpuplan 파일은 다른 도구와 주고받는 일반 JSON입니다.',
    formPlace: { en: 'not in the form: the file format of gpuplan', ko: '양식 밖: gpuplan 파일 형식' },
    checks: {
      en: 'The plan must be valid JSON: keys and strings in double quotes, commas between members and none after the last, no comments. An error is reported at the token where reading stopped; the checks that can still read the plan go on.',
      ko: '계획서는 올바른 JSON이어야 합니다. 키와 문자열은 큰따옴표로 감싸고, 항목 사이에는 쉼표를 두되 마지막 항목 뒤에는 두지 않으며, 주석은 쓸 수 없습니다. 읽기가 멈춘 토큰 위치에 오류를 표시하고, 읽을 수 있는 나머지 부분은 계속 점검합니다.',
    },
    fix: {
      en: 'Fix the token at the marked place. A trailing comma has a quick fix that removes it.',
      ko: '표시된 위치의 토큰을 고치세요. 마지막 쉼표는 빠른 수정으로 지울 수 있습니다.',
    },
    examples: {
      pass: { text: '{\n  "gpu": { "type": "H200", "servers": 4, "months": 6 }\n}\n' },
      fail: { text: '{\n  "gpu": { "type": "H200", "servers": 4, "months": 6, }\n}\n' },
    },
  },
  check({ doc, message, report }) {
    const { text } = doc;
    const seen = new Set<number>();
    for (const problem of doc.syntaxErrors) {
      // jsonc-parser may report the same spot twice while it recovers; one finding per spot.
      if (seen.has(problem.offset)) continue;
      seen.add(problem.offset);
      if (problem.code === 'tooDeep') {
        report({ offset: problem.offset, length: 1, message: message('tooDeep', MAX_NESTING_DEPTH) });
        continue;
      }
      if (text.trim().length === 0 || text.trim() === '\ufeff') {
        report({ offset: 0, length: 0, message: message('empty') });
        continue;
      }
      if (problem.code === ParseErrorCode.PropertyNameExpected || problem.code === ParseErrorCode.ValueExpected) {
        // A trailing comma: point at the comma, which is what the user has to delete.
        let i = problem.offset - 1;
        while (i >= 0 && isBlank(text[i])) i--;
        if (text[i] === ',' && (text[problem.offset] === '}' || text[problem.offset] === ']')) {
          if (!seen.has(i)) report({ offset: i, length: 1, message: message('trailingComma'), data: { fix: 'removeTrailingComma' } });
          seen.add(i);
          continue;
        }
      }
      const key = String(problem.code) in PROBLEMS ? String(problem.code) : 'other';
      report({ offset: problem.offset, length: problem.length, message: message(key as 'other') });
    }
  },
  fixes(finding, { title }) {
    if (finding.data?.fix !== 'removeTrailingComma') return [];
    return [
      {
        code: finding.code,
        title: title('fixTrailingComma'),
        edits: [{ offset: finding.offset, length: finding.length, newText: '' }],
        fixAll: true,
        preferred: true,
      },
    ];
  },
});
