/**
 * What every format writer shares: the page, the fonts and type sizes of the form, its colours,
 * the placement of table cells on the grid (row and column spans), the text XML may carry, and the
 * estimates of text widths that keep label cells' words whole and give table rows their height.
 *
 * Every table row is kept whole on a page in every format (DOCX `cantSplit`, HWPX `pageBreak="CELL"`,
 * HTML `break-inside: avoid`), and every heading stays with what follows it.
 */
import type { Block, BulletsBlock, Cell, CellBlock, Inline, ParagraphRole, PlanDocument, Run, TableBlock } from '../core/render';

/** A4, in millimetres. The form numbers pages at the bottom, counting from the cover. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginTopMm: 20,
  marginBottomMm: 20,
  marginLeftMm: 20,
  marginRightMm: 20,
  /** Distance of the page number from the bottom edge. */
  footerMm: 10,
} as const;

export const TEXT_WIDTH_MM = PAGE.widthMm - PAGE.marginLeftMm - PAGE.marginRightMm;

/**
 * Fonts. The form is typeset in Hancom's 휴먼명조 (body) with a gothic face for headings and
 * tables; Word and Hancom Office substitute a font they have when one is missing. HTML names
 * the same faces first, then Windows, macOS and Linux (Noto CJK) equivalents: nothing is downloaded.
 */
export const FONTS = {
  body: '휴먼명조',
  heading: '맑은 고딕',
  table: '맑은 고딕',
  bodyStack: ['휴먼명조', 'HCR Batang', '바탕', 'Batang', 'AppleMyungjo', 'Noto Serif CJK KR', 'Noto Serif KR', 'serif'],
  headingStack: ['맑은 고딕', 'Malgun Gothic', 'Apple SD Gothic Neo', 'Noto Sans CJK KR', 'Noto Sans KR', 'sans-serif'],
} as const;

/** Type sizes in points. */
export const SIZES = {
  coverTitle: 28,
  coverSubtitle: 16,
  coverLine: 14,
  part: 18,
  h1: 16,
  h2: 14,
  h3: 13,
  h4: 12,
  body: 12,
  bullet: 12,
  note: 10,
  cell: 10,
  denseCell: 9,
  small: 8.5,
  footer: 10,
} as const;

/** Colours as RRGGBB, without `#`. */
export const COLORS = {
  text: '000000',
  border: '000000',
  headerFill: 'E6ECF5',
  markFill: 'B8CCE4',
  chapterRule: '1F3864',
  muted: '555555',
} as const;

/** Indent of each bullet level (1–5) and the width left for its marker, in millimetres. */
export const BULLET_INDENT_MM = [0, 5, 10, 14, 18] as const;
export const BULLET_MARKER_MM = [6, 7.5, 4.5, 4, 4] as const;
/** Inside table cells (smaller type) the ladder is indented by this share of the above. */
export const CELL_INDENT = 0.75;
/** Extra room for a counted marker of three characters or more (`10)`, `가2)`). */
export const WIDE_MARKER_MM = 2.5;

/** Which of the counted levels (1 `1)`, 2 `가)`) of a list have long markers. */
export function wideLevels(block: BulletsBlock): { readonly level1: boolean; readonly level2: boolean } {
  return {
    level1: block.items.some((i) => i.level === 1 && i.marker.length >= 3),
    level2: block.items.some((i) => i.level === 2 && i.marker.length >= 3),
  };
}

/** Indent and marker width (mm) of each level (index 0–4) of a list, widened for long markers. */
export function bulletGeometry(wide: { level1: boolean; level2: boolean }, inCell: boolean): { indent: number[]; marker: number[] } {
  const scale = inCell ? CELL_INDENT : 1;
  const extra1 = wide.level1 ? WIDE_MARKER_MM : 0;
  const extra2 = wide.level2 ? WIDE_MARKER_MM : 0;
  const indent = BULLET_INDENT_MM.map((mm, i) => (mm + (i >= 1 ? extra1 : 0) + (i >= 2 ? extra2 : 0)) * scale);
  const marker = BULLET_MARKER_MM.map((mm, i) => (mm + (i === 0 ? extra1 : i === 1 ? extra2 : 0)) * scale);
  return { indent, marker };
}

/**
 * Whether a bullet heads deeper ones (the next item is a level down): it is kept on the page of its
 * first child, as a heading is, so that no list's lead line is left alone at the bottom of a page.
 */
export const headsItems = (block: BulletsBlock, index: number): boolean =>
  index + 1 < block.items.length && block.items[index + 1].level > block.items[index].level;

export const runText = (run: Inline): string => (typeof run === 'string' ? run : run.text);
export const asRun = (run: Inline): Run => (typeof run === 'string' ? { text: run } : run);

/** Type size of a paragraph role. */
export function roleSize(role: ParagraphRole, dense = false): number {
  switch (role) {
    case 'coverTitle':
      return SIZES.coverTitle;
    case 'coverSubtitle':
      return SIZES.coverSubtitle;
    case 'coverLine':
      return SIZES.coverLine;
    case 'note':
      return SIZES.note;
    case 'cell':
    case 'pledge':
      return dense ? SIZES.denseCell : SIZES.cell;
    default:
      return SIZES.body;
  }
}

export interface PlacedCell {
  readonly cell: Cell;
  readonly row: number;
  readonly column: number;
  readonly colspan: number;
  readonly rowspan: number;
}

/**
 * Places each cell on the table's grid, skipping the places taken by row spans from above, as
 * HTML does. Spans are clipped to the grid so a malformed table still writes.
 */
export function placeCells(table: TableBlock): PlacedCell[][] {
  const width = table.columns.length;
  const taken: boolean[][] = table.rows.map(() => new Array<boolean>(width).fill(false));
  return table.rows.map((row, r) => {
    const placed: PlacedCell[] = [];
    let column = 0;
    for (const cell of row.cells) {
      while (column < width && taken[r][column]) column++;
      if (column >= width) break;
      const colspan = Math.max(1, Math.min(cell.colspan ?? 1, width - column));
      const rowspan = Math.max(1, Math.min(cell.rowspan ?? 1, table.rows.length - r));
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) taken[r + dr][column + dc] = true;
      placed.push({ cell, row: r, column, colspan, rowspan });
      column += colspan;
    }
    return placed;
  });
}

/** The leading header rows of a table (repeated on each page), as a count. */
export function headerRowCount(table: TableBlock): number {
  let count = 0;
  while (count < table.rows.length && table.rows[count].repeat) count++;
  return count;
}

/** Blocks with consecutive page breaks collapsed and none at the start or end. */
export function normalizedBlocks(doc: PlanDocument): Block[] {
  const out: Block[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'pageBreak' && (out.length === 0 || out[out.length - 1].kind === 'pageBreak')) continue;
    out.push(block);
  }
  while (out.length > 0 && out[out.length - 1].kind === 'pageBreak') out.pop();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text that XML can carry

/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF, unpaired surrogates) removed, so that any string of a plan — a value or a key —
 * keeps DOCX, HWPX and HTML valid. The model's `clean` already drops them from plan text; the
 * writers apply this to every string they write as well, whatever its source.
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what is removed
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Scripts, for the language of each run

/** Hangul, CJK ideographs, kana, and the full-width forms and CJK punctuation that go with them. */
const EAST_ASIAN =
  /[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/**
 * A text cut where it changes between East Asian script (Hangul, hanja, CJK punctuation) and
 * everything else (Latin letters, digits, their punctuation). Spaces and other neutral characters go
 * with what precedes them, so "3,200,000원 (400,000원" gives "3,200,000", "원 ", "(400,000", "원".
 */
export function scriptSegments(text: string): Array<{ text: string; eastAsian: boolean }> {
  const out: Array<{ text: string; eastAsian: boolean }> = [];
  for (const ch of text) {
    const neutral = /[\s\u00a0]/.test(ch);
    const eastAsian = EAST_ASIAN.test(ch);
    const last = out.at(-1);
    if (last && (neutral || last.eastAsian === eastAsian)) last.text += ch;
    else out.push({ text: ch, eastAsian: neutral ? false : eastAsian });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Widths of text (estimates in em, for label cells and row heights)

/**
 * The advance of a character in em, as the fonts of the form set it: Hangul, hanja and the form's
 * marks (□ ■ ● ○) a full em, Latin letters and digits about half. `wide` errs on the wide side
 * (label cells must never be too narrow); otherwise the estimate is a typical one (row heights).
 */
export function charEm(ch: string, wide = false): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c === 0x20 || c === 0xa0) return wide ? 0.34 : 0.3;
  if (c >= 0x30 && c <= 0x39) return wide ? 0.6 : 0.55;
  if (c >= 0x41 && c <= 0x5a) return wide ? 0.72 : 0.64;
  if (c >= 0x61 && c <= 0x7a) return wide ? 0.6 : 0.52;
  if (c < 0x80) return wide ? 0.42 : 0.36;
  if (c < 0x2000 && !EAST_ASIAN.test(ch)) return wide ? 0.62 : 0.55;
  return wide ? 1.0 : 0.95;
}

export function textEm(text: string, wide = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch, wide);
  return em;
}

const PT_MM = 25.4 / 72;

/**
 * Lines a text takes at a size in a width, wrapping as Korean is set: at any character, except that
 * Latin words and numbers are kept whole.
 */
export function lineCount(text: string, widthMm: number, sizePt: number): number {
  const width = widthMm / (sizePt * PT_MM);
  if (width <= 0) return 1;
  let lines = 1;
  let used = 0;
  for (const piece of text.match(/[A-Za-z0-9.,%()'\-/]+|./gsu) ?? []) {
    const em = textEm(piece);
    if (used + em > width && used > 0) {
      lines++;
      used = /^\s$/.test(piece) ? 0 : em;
    } else used += em;
    while (used > width) {
      lines++;
      used -= width;
    }
  }
  return lines;
}

/**
 * The pieces a label may be broken between: its words (cut at spaces), and within a word before an
 * opening parenthesis and after a slash ("신청기업(관)" → "신청기업" "(관)", "오픈소스/모델" →
 * "오픈소스/" "모델"), where Korean typesetting breaks too. `space` says whether a space precedes.
 */
function labelPieces(text: string): Array<{ text: string; space: boolean }> {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => word.split(/(?<=\/)|(?<=.)(?=\()/).map((piece, i) => ({ text: piece, space: i === 0 })));
}

/** Below this, a label keeps its size and may break inside a word rather than become unreadable. */
const MIN_LABEL_PT = 7.5;

export interface FittedLabel {
  /** Type size that keeps every piece of the label on one line. */
  readonly sizePt: number;
  /** The label's paragraphs, each cut into lines between pieces so that no line is wider than the cell. */
  readonly lines: readonly (readonly string[])[];
}

/**
 * A label cell's text set so that no word breaks: the size shrinks (to 7.5 pt at least) until the
 * widest piece fits the cell's width, and each paragraph is cut into lines between pieces. The
 * writers write these lines with explicit breaks, since LibreOffice (and rhwp) break Korean between
 * any two syllables; Word and Hangul would wrap at spaces, and get the same lines.
 */
export function fitLabel(paragraphs: readonly string[], widthMm: number, sizePt: number): FittedLabel {
  const width = (size: number) => widthMm / (size * PT_MM);
  const pieces = paragraphs.map(labelPieces);
  const widest = Math.max(0, ...pieces.flat().map((p) => textEm(p.text, true)));
  let size = sizePt;
  while (size > MIN_LABEL_PT && widest > width(size)) size = Math.max(MIN_LABEL_PT, Math.round((size - 0.5) * 2) / 2);
  const lines = pieces.map((list) => {
    const out: string[] = [];
    for (const piece of list) {
      const last = out.at(-1);
      const joined = last === undefined ? piece.text : `${last}${piece.space ? ' ' : ''}${piece.text}`;
      if (last !== undefined && textEm(joined, true) <= width(size)) out[out.length - 1] = joined;
      else out.push(piece.text);
    }
    return out.length > 0 ? out : [''];
  });
  return { sizePt: size, lines };
}

/** The text of a cell's paragraphs (bullets with their markers), one string each. */
export function cellParagraphTexts(blocks: readonly CellBlock[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map(runText).join('')] : b.items.map((i) => `${i.marker} ${i.text}`)));
}

/** Width of a table's columns in millimetres, on the text width of the page. */
export function columnWidthsMm(table: TableBlock): number[] {
  const sum = table.columns.reduce((a, b) => a + b, 0) || 1;
  return table.columns.map((c) => (c / sum) * TEXT_WIDTH_MM);
}

/** Horizontal padding of a cell on each side, in millimetres (the same in every format). */
export const cellPaddingMm = (dense: boolean): number => (dense ? 1 : 1.5);

/** Width available to the text of a placed cell, in millimetres. */
export function cellTextWidthMm(table: TableBlock, cell: PlacedCell): number {
  const widths = columnWidthsMm(table);
  return widths.slice(cell.column, cell.column + cell.colspan).reduce((a, b) => a + b, 0) - 2 * cellPaddingMm(Boolean(table.dense));
}

/** Type size of a table's cells. */
export const cellSizePt = (table: TableBlock): number => (table.dense ? SIZES.denseCell : SIZES.cell);
