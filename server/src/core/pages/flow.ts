/**
 * A part of the document as the browser flows it onto pages: headings, paragraphs, bullets and
 * table rows become pieces of known height, with the margins between them and where a page may
 * break; `pages()` fills A4 pages with them as Chromium's print layout does.
 *
 * A piece is a run of lines of one height (a paragraph, a bullet, the bullet lines of a table row)
 * or a block that does not break (a heading, a table row): a page may break before a piece, and
 * inside a run between its lines, past its orphans and before its widows.
 *
 * The geometry is the HTML export's stylesheet, from PAGE_ESTIMATE; line counts come from a
 * `Measure` (text.ts for the estimate, a bound from the length alone for the page-budget rule's
 * shortcut). This runs as the user types, on plans of any size: pieces are kept in flat arrays of
 * numbers, and nothing is allocated per text.
 */
import { PAGE_ESTIMATE } from '../figures';
import { isObject } from '../plan/read';
import type { Face } from './text';

/** Lines of a text at a width in em of a face. */
export type Measure = (text: string, widthEm: number, face: Face) => number;

const MM_PER_PT = 25.4 / 72;
const G = PAGE_ESTIMATE.value;
const BODY_LINE = G.body.sizePt * G.body.lineHeight * MM_PER_PT;
const BODY_EM = G.body.sizePt * MM_PER_PT;
const MAX_LEVEL = 5;
const NOT_APPLICABLE = '해당 없음';

export type HeadingLevel = 'chapter' | 'part' | 'section' | 'mark' | 'sub';

/** How a piece may break between its lines: not at all, past its orphans and before its widows (text), anywhere (a table row's bullets). */
const WHOLE = 0;
const TEXT = 1;
const ANY = 2;

/** Whitespace only (no allocation, unlike `trim`). */
function blank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xa0 && c !== 0x3000) return false;
  }
  return true;
}

/** Whether the counted levels have three-character markers (`10)`, `가2)`): 10 or more at level 1, 15 or more siblings at level 2. */
function wideLevels(bullets: readonly unknown[]): number {
  let wide = 0;
  const count = (values: readonly unknown[], level: number): void => {
    let siblings = 0;
    for (const bullet of values) {
      let has: boolean;
      let children: unknown;
      if (typeof bullet === 'string') has = !blank(bullet);
      else if (isObject(bullet)) {
        has = typeof bullet.text === 'string' && !blank(bullet.text);
        children = bullet.items;
      } else continue;
      if (has) siblings++;
      // Only levels 1 and 2 are counted: deeper lists need not be read.
      if (Array.isArray(children) && children.length > 0 && (has ? level + 1 : level) <= 2) count(children, has ? level + 1 : level);
    }
    if (level === 1 && siblings >= 10) wide |= 1;
    if (level === 2 && siblings >= 15) wide |= 2;
  };
  // Cheap first: a list with fewer than 10 items and no sublist of 15 has no wide level.
  let possible = bullets.length >= 10;
  if (!possible) for (const b of bullets) if (isObject(b) && Array.isArray(b.items) && b.items.length >= 10) possible = true;
  if (possible) count(bullets, 1);
  return wide;
}

/** Indent plus marker width (mm) of a bullet level (1–5) in a list with these wide levels, scaled for table cells. */
export function bulletOffset(level: number, wide: number, scale: number): number {
  const i = Math.min(Math.max(level, 1), MAX_LEVEL) - 1;
  const { indentMm, markerMm, wideMarkerMm } = G.bullets;
  const extra1 = wide & 1 ? wideMarkerMm : 0;
  const extra2 = wide & 2 ? wideMarkerMm : 0;
  const indent = indentMm[i] + (i >= 1 ? extra1 : 0) + (i >= 2 ? extra2 : 0);
  const marker = markerMm[i] + (i === 0 ? extra1 : i === 1 ? extra2 : 0);
  return (indent + marker) * scale;
}

/** A bullet of a `Text` array: its text (when it has one) and its children; undefined for anything else. */
function bulletParts(bullet: unknown): { readonly text: string | undefined; readonly children: unknown } | undefined {
  if (typeof bullet === 'string') return { text: bullet, children: undefined };
  if (!isObject(bullet)) return undefined;
  return { text: typeof bullet.text === 'string' ? bullet.text : undefined, children: bullet.items };
}

export class Flow {
  // The pieces, as parallel arrays: the height of one line (or of the block), how many lines,
  // the margins before and after, whether a page may break before it and how inside it, and the
  // height of the table header repeated on a page that starts inside or with it.
  private readonly lineHeight: number[] = [];
  private readonly count: number[] = [];
  private readonly before: number[] = [];
  private readonly after: number[] = [];
  private readonly breakBefore: boolean[] = [];
  private readonly inside: number[] = [];
  private readonly header: number[] = [];
  /** Extra height of the first line (a table row's padding). */
  private readonly extra: number[] = [];
  /** The next piece follows a heading: no page break before it. */
  private keep = false;

  /** Collect `labels` in new flows (calibration diagnostics only). */
  static diagnostics = false;
  /** For diagnostics and the test that holds this layout to the export's: the text each piece belongs to, the headings, the tables. */
  readonly labels?: string[];
  readonly headings?: Array<{ readonly level: HeadingLevel; readonly text: string }>;
  readonly tables?: Array<{ readonly columns: readonly number[]; rows: number }>;

  constructor(private readonly measure: Measure) {
    if (Flow.diagnostics) {
      this.labels = [];
      this.headings = [];
      this.tables = [];
    }
  }

  private push(
    lineHeight: number,
    count: number,
    before: number,
    after: number,
    breakBefore: boolean,
    inside: number,
    header = 0,
    extra = 0,
    label = '',
  ): void {
    this.lineHeight.push(lineHeight);
    this.count.push(count);
    this.before.push(before);
    this.after.push(after);
    this.breakBefore.push(breakBefore && !this.keep);
    this.inside.push(inside);
    this.header.push(header);
    this.extra.push(extra);
    this.labels?.push(label);
    this.keep = false;
  }

  heading(level: HeadingLevel, text: string): void {
    this.headings?.push({ level, text });
    const h = G.headings[level];
    const lines = this.measure(text, G.page.widthMm / (h.sizePt * MM_PER_PT), 'sansBold');
    this.push(lines * h.sizePt * h.lineHeight * MM_PER_PT + 2 * h.paddingMm + h.ruleMm, 1, h.beforeMm, h.afterMm, true, WHOLE, 0, 0, text);
    this.keep = true;
  }

  paragraph(text: string): void {
    this.push(BODY_LINE, this.measure(text, G.page.widthMm / BODY_EM, 'serif'), 0, G.body.paragraphAfterMm, true, TEXT, 0, 0, text);
  }

  note(text: string): void {
    const { sizePt, lineHeight, beforeMm, afterMm } = G.note;
    this.push(sizePt * lineHeight * MM_PER_PT, this.measure(text, G.page.widthMm / (sizePt * MM_PER_PT), 'serif'), beforeMm, afterMm, true, TEXT, 0, 0, text);
  }

  /** Paragraphs of a string `Text` (one per line, blank lines dropped); how many. */
  private paragraphs(text: string): number {
    let count = 0;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 0x0a;
      if (c !== 0x0a && c !== 0x0d) continue;
      if (i > start) {
        const line = start === 0 && i === text.length ? text : text.slice(start, i);
        if (!blank(line)) {
          this.paragraph(line);
          count++;
        }
      }
      start = i + 1;
    }
    return count;
  }

  /**
   * The bullets of a `Text` array as the export numbers them (a bullet with no text passes its
   * children up a level; levels deeper than 5 are written at 5), each a run of lines; how many.
   */
  private bullets(values: readonly unknown[], level: number, wide: number): number {
    let count = 0;
    for (const bullet of values) {
      const parts = bulletParts(bullet);
      if (!parts) continue;
      const { text, children } = parts;
      const has = text !== undefined && !blank(text);
      if (has) {
        const width = G.page.widthMm - bulletOffset(Math.min(level, MAX_LEVEL), wide, 1);
        this.push(BODY_LINE, this.measure(text, width / BODY_EM, 'serif'), 0, G.bullets.itemAfterMm, true, TEXT, 0, 0, text);
        count++;
      }
      if (Array.isArray(children) && children.length > 0) count += this.bullets(children, has ? level + 1 : level, wide);
    }
    return count;
  }

  /**
   * A `Text` as the body writes it: bullets or paragraphs; left empty, "해당 없음" for a part the
   * form marks 해당 시 (`optional`), nothing for a required one (the schema reports it).
   */
  text(value: unknown, optional = false): void {
    if (typeof value === 'string') {
      if (this.paragraphs(value) > 0) return;
    } else if (Array.isArray(value)) {
      if (this.bullets(value, 1, wideLevels(value)) > 0) {
        // The list's margin after its last item.
        this.after[this.after.length - 1] = Math.max(G.bullets.itemAfterMm, G.bullets.listAfterMm);
        return;
      }
    }
    if (optional) this.paragraph(NOT_APPLICABLE);
  }

  // ---------------------------------------------------------------------------------------------
  // Tables: begin, then per row its cells, then end.

  private widths: number[] = [];
  private style: typeof G.table.cell = G.table.cell;
  private em = 0;
  private headerRows = 0;
  private rowIndex = 0;
  private headerHeight = 0;
  private tableStart = 0;
  /** Rows still covered by a row span from above: no break before them. */
  private spanned = 0;
  // The row being read: its tallest cell, and the bullet lines of that cell if it holds bullets.
  private rowHeight = 0;
  private rowLines = 0;
  private rowLineHeight = 0;
  private rowSpan = 1;
  /** The row's first cell spans several rows: its height is theirs together, not this row's. */
  private spanningCell = false;

  /** A table of relative column widths; its first `headerRows` rows repeat on each page it runs onto. */
  beginTable(columns: readonly number[], headerRows: number, dense = false): void {
    let sum = 0;
    for (const c of columns) sum += c;
    this.widths = columns.map((c) => (c / (sum || 1)) * G.page.widthMm);
    this.style = dense ? G.table.dense : G.table.cell;
    this.em = this.style.sizePt * MM_PER_PT;
    this.headerRows = headerRows;
    this.rowIndex = 0;
    this.headerHeight = 0;
    this.spanned = 0;
    this.tableStart = this.count.length;
    this.tables?.push({ columns, rows: 0 });
  }

  /** A row; `rowspan` > 1 when its first cell spans that many rows (a group label). */
  beginRow(rowspan = 1): void {
    this.rowHeight = 0;
    this.rowLines = 0;
    this.rowLineHeight = 0;
    this.rowSpan = rowspan;
    this.spanningCell = rowspan > 1;
  }

  /** Width (mm) inside a cell at `column` spanning `span` columns. */
  private inner(column: number, span: number): number {
    let width = 0;
    const end = Math.min(this.widths.length, column + span);
    for (let c = column; c < end; c++) width += this.widths[c];
    return width - 2 * this.style.paddingSideMm - G.table.ruleMm;
  }

  private frame(): number {
    return 2 * this.style.paddingTopMm + G.table.ruleMm;
  }

  /** A cell of paragraphs (one per string) at `column`, spanning `span` columns; a label is bold. */
  cell(column: number, span: number, paragraphs: string | readonly string[], label = false): void {
    if (this.spanningCell) {
      this.spanningCell = false;
      return;
    }
    const style = this.style;
    const inner = this.inner(column, span) / this.em;
    const line = style.sizePt * style.lineHeight * MM_PER_PT;
    const face = label ? 'sansBold' : 'sans';
    let content = 0;
    if (typeof paragraphs === 'string') content = this.measure(paragraphs, inner, face) * line;
    else if (paragraphs.length === 0) content = line;
    else for (let i = 0; i < paragraphs.length; i++) content += this.measure(paragraphs[i], inner, face) * line + (i > 0 ? style.paragraphGapMm : 0);
    const h = content + this.frame();
    if (h > this.rowHeight) {
      this.rowHeight = h;
      this.rowLines = 0;
    }
  }

  /** Lines of the bullets of a `Text` in a cell `inner` mm wide. */
  private cellBullets(values: readonly unknown[], level: number, wide: number, inner: number): number {
    let lines = 0;
    for (const bullet of values) {
      const parts = bulletParts(bullet);
      if (!parts) continue;
      const { text, children } = parts;
      const has = text !== undefined && !blank(text);
      if (has) lines += this.measure(text, (inner - bulletOffset(Math.min(level, MAX_LEVEL), wide, G.bullets.cellScale)) / this.em, 'sans');
      if (Array.isArray(children) && children.length > 0) lines += this.cellBullets(children, has ? level + 1 : level, wide, inner);
    }
    return lines;
  }

  /** A cell holding a `Text`: bullets (the row may break between their lines), paragraphs, or an empty line. */
  textCell(column: number, span: number, value: unknown): void {
    this.spanningCell = false;
    if (Array.isArray(value)) {
      const lines = this.cellBullets(value, 1, wideLevels(value), this.inner(column, span));
      if (lines > 0) {
        const line = this.style.sizePt * this.style.bulletLineHeight * MM_PER_PT;
        const h = lines * line + this.frame();
        if (h > this.rowHeight) {
          this.rowHeight = h;
          this.rowLines = lines;
          this.rowLineHeight = line;
        }
        return;
      }
    } else if (typeof value === 'string' && !blank(value)) {
      const paragraphs = value.split(/\r\n|\r|\n/).filter((p) => !blank(p));
      this.cell(column, span, paragraphs);
      return;
    }
    this.cell(column, span, '');
  }

  endRow(): void {
    const r = this.rowIndex++;
    if (this.tables) this.tables[this.tables.length - 1].rows++;
    const before = r === 0 ? G.table.beforeMm : 0;
    const breakable = this.spanned === 0 && (r > this.headerRows || this.headerRows === 0);
    this.spanned = Math.max(this.spanned - 1, this.rowSpan - 1);
    if (r < this.headerRows) {
      this.push(this.rowHeight, 1, before, 0, r === 0, WHOLE);
      this.headerHeight += this.rowHeight;
    } else if (this.rowLines > 1) {
      // A row of bullets breaks between the lines of its tallest cell; its padding goes with the first.
      this.push(this.rowLineHeight, this.rowLines, before, 0, breakable, ANY, this.headerHeight, this.rowHeight - this.rowLines * this.rowLineHeight);
    } else {
      this.push(this.rowHeight, 1, before, 0, breakable, WHOLE, this.headerHeight);
    }
  }

  endTable(): void {
    if (this.count.length > this.tableStart) this.after[this.after.length - 1] = G.table.afterMm;
  }

  // ---------------------------------------------------------------------------------------------

  /** Whether a page may break before line `j` of piece `p`. */
  private breakableAt(p: number, j: number): boolean {
    if (j === 0) return this.breakBefore[p];
    const n = this.count[p];
    const inside = this.inside[p];
    return inside === ANY || (inside === TEXT && j >= G.orphans && n - j >= G.widows);
  }

  /**
   * The pages this flow fills, starting on a new page, as Chromium fragments it, line by line:
   * margins between pieces collapse (the larger one counts) and vanish at the top of a page; when
   * a line or block does not fit, the page breaks at the last place on it where a break is allowed
   * (moving what follows to the next page), or right there when there is none; a page that
   * continues a table starts with its header again; a block taller than a page is cut.
   */
  pages(): number {
    const { lineHeight, count, before, after, header, extra } = this;
    const pageHeight = G.page.heightMm;
    let pages = 1;
    let used = 0;
    let margin = 0;
    // The first line on the current page, and the line being placed.
    let startP = 0;
    let startJ = 0;
    let p = 0;
    let j = 0;
    while (p < count.length) {
      if (j >= count[p]) {
        margin = after[p];
        p++;
        j = 0;
        continue;
      }
      const h = lineHeight[p] + (j === 0 ? extra[p] : 0);
      if (p === startP && j === startJ) {
        // First on its page (after the repeated header, if any): no margin before it.
        used += h;
        if (used > pageHeight) {
          const cut = Math.ceil(used / pageHeight) - 1;
          pages += cut;
          used -= cut * pageHeight;
        }
        margin = 0;
        j++;
        continue;
      }
      const gap = j === 0 ? Math.max(margin, before[p]) : 0;
      if (used + gap + h <= pageHeight) {
        used += gap + h;
        margin = 0;
        j++;
        continue;
      }
      // Break before the last line on this page that allows it, else before this one.
      let bp = p;
      let bj = j;
      while ((bp > startP || bj > startJ) && !this.breakableAt(bp, bj)) {
        if (bj > 0) bj--;
        else {
          bp--;
          bj = count[bp] - 1;
        }
      }
      if (bp === startP && bj === startJ) {
        bp = p;
        bj = j;
      }
      pages++;
      startP = p = bp;
      startJ = j = bj;
      used = header[p];
      margin = 0;
    }
    return pages;
  }

  /** Whether `other` has the same pieces, of the same heights, margins and breaks. */
  samePieces(other: Flow): boolean {
    const n = this.count.length;
    if (other.count.length !== n) return false;
    for (let i = 0; i < n; i++) {
      if (
        this.lineHeight[i] !== other.lineHeight[i] ||
        this.count[i] !== other.count[i] ||
        this.before[i] !== other.before[i] ||
        this.after[i] !== other.after[i] ||
        this.breakBefore[i] !== other.breakBefore[i] ||
        this.inside[i] !== other.inside[i] ||
        this.header[i] !== other.header[i] ||
        this.extra[i] !== other.extra[i]
      )
        return false;
    }
    return true;
  }

  /** Height of the flow if it were one long page (mm), to compare parts. */
  length(): number {
    let total = 0;
    let margin = 0;
    for (let i = 0; i < this.count.length; i++) {
      total += Math.max(margin, this.before[i]) + this.lineHeight[i] * this.count[i] + this.extra[i];
      margin = this.after[i];
    }
    return total;
  }
}
