/**
 * The findings still open when the document is made, for a document made with them on request
 * (`includeFindings`: `gpuplan export --include-findings`, or the checkbox of VS Code's Export): a
 * part of its own at the end, headed and set like the rest of the document — not part of the form,
 * and never in a document made without asking. Every finding is listed, with its severity, where it
 * is in the plan file (line, column, JSON path), its message and its rule.
 */
import type { Finding } from '../findings';
import { LineIndex } from '../json/line-index';
import type { ParsedDocument } from '../json/parse';
import type { Builder } from './builder';
import { clean, paragraph } from './bullets';
import { bold, cell, headerRow, label, row, small } from './cells';
import type { OpenFinding } from './model';

const SEVERITY_LABELS: Readonly<Record<OpenFinding['severity'], string>> = { error: '오류', warning: '경고', information: '정보', hint: '참고' };

/** A key as a JSON path writes it: `name`, or `["a.b"]` when it is not a plain name. */
const pathKey = (key: string, first: boolean): string => (/^[A-Za-z_$][\w$-]*$/.test(key) ? `${first ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`);

export function openFindings(findings: readonly Finding[], document: Pick<ParsedDocument, 'text'> | undefined): OpenFinding[] {
  const index = document ? new LineIndex(document.text) : undefined;
  return findings.map((f) => {
    const position = index?.positionAt(f.offset);
    const where = position ? `${position.line + 1}행 ${position.character + 1}열` : '';
    // Keys come from the plan: any text, made safe like every other string of it.
    const path = f.path && f.path.length > 0 ? clean(f.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : pathKey(p, i === 0))).join('')) : '';
    return { severity: f.severity, code: clean(f.code), message: clean(f.message), location: where, path };
  });
}

export function findingsPart(b: Builder, items: readonly OpenFinding[]): void {
  const count = (...severities: OpenFinding['severity'][]) => items.filter((f) => severities.includes(f.severity)).length;
  b.part(`점검 결과 (양식 외, gpuplan) ${items.length}건`, 'open-findings');
  b.push(
    paragraph(
      `gpuplan이 이 문서를 만들 때 계획서에서 찾은 점검 결과입니다: 오류 ${count('error')}건, 경고 ${count('warning')}건, 정보·참고 ${count('information', 'hint')}건. 검토용으로 요청해 붙인 것이며 양식의 일부가 아니므로, 제출본에는 넣지 않습니다.`,
      'note',
    ),
  );
  b.table(
    'findings',
    [7, 9, 26, 58],
    [
      headerRow(label('번호'), label('구분'), label('위치'), label('내용')),
      ...items.map((f, i) =>
        row(
          cell(String(i + 1), { align: 'center' }),
          cell(bold(SEVERITY_LABELS[f.severity], f.severity === 'error'), { align: 'center' }),
          cell([f.location, ...(f.path ? [small(f.path)] : [])]),
          cell([f.message, small(f.code)]),
        ),
      ),
    ],
    { variant: 'findings' },
  );
}
