/** Rows and cells of the form's tables. */
import { NOT_APPLICABLE, paragraph, textBlocks } from './bullets';
import type { Cell, Inline, Run, TableRow } from './model';

/** A table cell holding plain lines of text. */
export function cell(content: Inline | readonly Inline[] | undefined, options: Omit<Cell, 'blocks'> = {}): Cell {
  const values = content === undefined ? [] : Array.isArray(content) ? (content as readonly Inline[]) : [content as Inline];
  const blocks = values.length === 0 ? [paragraph('', 'cell', options.align)] : values.map((value) => paragraph(value, 'cell', options.align));
  return { ...options, blocks };
}

/** A label cell of the form. */
export const label = (content: Inline | readonly Inline[], options: Omit<Cell, 'blocks' | 'header'> = {}): Cell =>
  cell(content, { align: 'center', ...options, header: true });

/** A cell holding a `Text` (bullets or paragraphs). */
export const textCell = (value: unknown, options: Omit<Cell, 'blocks'> = {}): Cell => ({ ...options, blocks: textBlocks(value, 'cell') });

export const row = (...cells: Cell[]): TableRow => ({ cells });
export const headerRow = (...cells: Cell[]): TableRow => ({ cells, repeat: true });
// Typed as Run, not Inline: an object literal read against `string | Run` has its `bold`/`small`
// taken for String.prototype.bold()/small() (deprecated) by the linter.
export const small = (text: string): Run => ({ text, small: true });
/** Text in bold (or not, when `on` is false). */
export const bold = (text: string, on = true): Run => ({ text, bold: on });
/** A row saying "해당 없음" across a table whose rows the plan may leave out (no 정부지원과제, no 실적). */
export const emptyRow = (span: number): TableRow => row(cell(NOT_APPLICABLE, { colspan: span, align: 'center' }));
/** An empty row across a table the form requires rows of (stages, milestones, 붙임0): nothing is claimed. */
export const blankRow = (span: number): TableRow => row(cell('', { colspan: span }));
