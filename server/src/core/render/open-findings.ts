/**
 * The findings still open when the document is made, listed in a part of their own at its end
 * (not part of the form), so that nothing is dropped silently.
 */
import type { Finding } from '../findings';
import { LineIndex } from '../json/line-index';
import type { ParsedDocument } from '../json/parse';
import type { Builder } from './builder';
import { clean, paragraph } from './bullets';
import { cell, headerRow, label, row, small } from './cells';
import type { OpenFinding } from './model';

const SEVERITY_LABELS: Readonly<Record<OpenFinding['severity'], string>> = { error: '오류', warning: '경고', information: '정보', hint: '참고' };

export function openFindings(findings: readonly Finding[], document: Pick<ParsedDocument, 'text'> | undefined): OpenFinding[] {
  const index = document ? new LineIndex(document.text) : undefined;
  return findings.map((f) => {
    const position = index?.positionAt(f.offset);
    const where = position ? `${position.line + 1}행 ${position.character + 1}열` : '';
    const path = f.path && f.path.length > 0 ? f.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') : '';
    return { severity: f.severity, code: f.code, message: clean(f.message), location: where, path };
  });
}

export function findingsPart(b: Builder, items: readonly OpenFinding[]): void {
  const errors = items.filter((f) => f.severity === 'error').length;
  const warnings = items.filter((f) => f.severity === 'warning').length;
  b.part(`제출 전 확인: 남은 점검 결과 ${items.length}건`, 'open-findings');
  b.push(
    paragraph(
      `gpuplan이 내보내기 시점에 이 계획서에서 찾은 문제입니다 (오류 ${errors}건, 경고 ${warnings}건). 양식의 일부가 아니므로, 문제를 고친 뒤 다시 내보내고 이 쪽은 제출본에서 빼십시오.`,
      'warning',
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
          cell({ text: SEVERITY_LABELS[f.severity], bold: f.severity === 'error' }, { align: 'center' }),
          cell([f.location, ...(f.path ? [small(f.path)] : [])]),
          cell([f.message, small(f.code)]),
        ),
      ),
    ],
    { variant: 'findings' },
  );
}
