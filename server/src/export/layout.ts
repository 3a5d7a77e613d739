/**
 * What every format writer shares: the page, the fonts and type sizes of the form, its colours,
 * and the placement of table cells on the grid (row and column spans).
 */
import type { Block, BulletsBlock, Cell, Inline, ParagraphRole, PlanDocument, Run, TableBlock, TableRow } from '../core/render';

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
  warning: 'C00000',
  warningFill: 'FBE5E5',
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

/**
 * Whether a row may break across pages: rows of lists (the 요약서's items, a stage's tasks) may, so
 * a long one does not leave half a page empty; other rows are kept whole.
 */
export function rowMaySplit(row: TableRow): boolean {
  return row.cells.some((c) => c.blocks.some((b) => b.kind === 'bullets'));
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
