/**
 * Reading a document with kordoc into a flat stream of what the form is made of: lines of text
 * (paragraphs, list items, headings) and tables (a grid of anchored cells), in reading order, each
 * with where it was (page, block, row, column), so that whatever is not mapped can be pointed at.
 *
 * kordoc reads HWP 3/5, HWPX, DOCX and PDF. It is used strictly offline: no OCR (`ocr` is never
 * set; the bundles do not even contain kordoc's OCR and model-download code, see esbuild.mjs), no
 * formula recognition, nothing fetched.
 *
 * PDF is read line by line (kordoc gives the lines of the page): a line is then either a new item
 * or the continuation of the one before, which `text.ts` decides. PDF tables may also swallow the
 * running text drawn inside a frame (a chapter heading box): rows that hold nothing but text across
 * the whole table are given back as lines.
 */
import type { IRBlock, IRTable } from 'kordoc';
import { importError } from './errors';

export type SourceFormat = 'hwp' | 'hwp3' | 'hwpx' | 'hwpml' | 'docx' | 'pdf';

export interface Where {
  /** 1-based page, where the format knows pages (PDF, HWP, HWPX saved by Hangul). */
  readonly page?: number;
  /** 1-based number of the table in the document, for cells. */
  readonly table?: number;
  /** 1-based row and column of a cell. */
  readonly row?: number;
  readonly col?: number;
}

export interface Line {
  readonly kind: 'line';
  readonly text: string;
  readonly where: Where;
  /** A heading by the document's own styles (DOCX/HWPX outline levels, PDF type size). */
  readonly heading?: boolean;
  used: boolean;
}

export interface Anchor {
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly where: Where;
  used: boolean;
}

export interface Table {
  readonly kind: 'table';
  readonly cols: number;
  /** The anchored cells of each row (a merged cell appears once, in its first row). */
  readonly rows: Anchor[][];
  readonly where: Where;
  /** Number of the table in the document (1-based). */
  readonly number: number;
  /** For each grid position, the cell covering it. */
  readonly grid: ReadonlyArray<ReadonlyArray<Anchor | undefined>>;
}

export type Item = Line | Table;

export interface ReadDocument {
  readonly format: SourceFormat;
  readonly items: Item[];
  readonly pageCount?: number;
  /** kordoc's warnings (skipped images, recovered damage…), for the report. */
  readonly warnings: readonly string[];
}

/** Larger than any plan's document with its images; beyond it, it is not a plan. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** Markdown link syntax kordoc keeps in DOCX tables of contents: `[1. 과제 목표 ](#_Toc2)`. */
const LINK = /^\[(.*)\]\(#[^)]*\)$/s;

/** Text as it reads: no-break and odd spaces as spaces, no control characters. */
export function cleanText(text: string): string {
  return (
    text
      .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, (c) => (c === '\u200b' || c === '\ufeff' ? '' : ' '))
      // eslint-disable-next-line no-control-regex -- the control characters of a damaged document are dropped
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\r\n?/g, '\n')
  );
}

interface Placed {
  readonly text: string;
  readonly col: number;
  readonly colSpan: number;
  readonly rowSpan: number;
}

/** A table from its cells placed in rows: anchors with their positions, and the grid they cover. */
function assemble(placed: readonly Placed[][], cols: number, number: number, page: number | undefined): Table {
  const grid: Array<Array<Anchor | undefined>> = placed.map(() => Array.from({ length: cols }, () => undefined));
  const rows: Anchor[][] = placed.map((cells, r) =>
    cells.map((p) => {
      const rowSpan = Math.max(1, Math.min(p.rowSpan, placed.length - r));
      const colSpan = Math.max(1, Math.min(p.colSpan, cols - p.col));
      const anchor: Anchor = { text: p.text, row: r, col: p.col, rowSpan, colSpan, where: { page, table: number, row: r + 1, col: p.col + 1 }, used: false };
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) grid[r + dr][p.col + dc] ??= anchor;
      return anchor;
    }),
  );
  return { kind: 'table', cols, rows, where: { page, table: number }, number, grid };
}

const cellText = (text: string): string =>
  cleanText(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .trim();

/** kordoc's cells placed on the grid: a covered position holds an empty placeholder, which is skipped. */
function place(table: IRTable): { placed: Placed[][]; cols: number } {
  const count = table.cells.length;
  const cols = Math.max(table.cols, ...table.cells.map((r) => r.length), 1);
  const taken = Array.from({ length: count }, () => Array.from({ length: cols }, () => false));
  const full = table.cells.every((r) => r.length === cols);
  const placed: Placed[][] = [];
  for (let r = 0; r < count; r++) {
    const out: Placed[] = [];
    let c = 0;
    for (const cell of table.cells[r]) {
      if (full) {
        // Full grids: the n-th cell is at column n; a covered one is a placeholder.
        const col = c++;
        if (taken[r][col]) continue;
        c = col + 1;
        pushCell(out, taken, r, col, cell, cols, count);
      } else {
        while (c < cols && taken[r][c]) c++;
        if (c >= cols) break;
        pushCell(out, taken, r, c, cell, cols, count);
        c += Math.max(1, cell.colSpan || 1);
      }
    }
    placed.push(out);
  }
  return { placed, cols };
}

function pushCell(out: Placed[], taken: boolean[][], r: number, col: number, cell: IRTable['cells'][number][number], cols: number, count: number): void {
  const colSpan = Math.max(1, Math.min(cell.colSpan || 1, cols - col));
  const rowSpan = Math.max(1, Math.min(cell.rowSpan || 1, count - r));
  for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken[r + dr][col + dc] = true;
  out.push({ text: cellText(cell.text), col, colSpan, rowSpan });
}

/** A table of PDF split into its real tables and the lines of text drawn inside its frame. */
function splitPdfTable(placed: Placed[][], cols: number, page: number | undefined, counter: { next: number }): Item[] {
  const items: Item[] = [];
  let current: Placed[][] = [];
  const flush = () => {
    if (current.length > 0) items.push(assemble(current, cols, counter.next++, page));
    current = [];
  };
  for (const row of placed) {
    const spans = row.some((p) => p.rowSpan > 1);
    if (row.every((p) => p.text === '') && !spans) continue;
    if (row.length === 1 && row[0].colSpan === cols && cols > 1 && !spans) {
      flush();
      for (const text of row[0].text.split('\n')) if (text.trim()) items.push({ kind: 'line', text: text.trim(), where: { page }, used: false });
      continue;
    }
    current.push(row);
  }
  flush();
  return items;
}

/** `paged`: whether the pages are the document's (a PDF, an HWP or HWPX laid out by Hangul), not one page for all. */
function flatten(blocks: readonly IRBlock[], format: SourceFormat, items: Item[], counter: { next: number }, paged: boolean): void {
  const pdf = format === 'pdf';
  for (const block of blocks) {
    const page = paged ? block.pageNumber : undefined;
    if (block.type === 'table' && block.table) {
      const { placed, cols } = place(block.table);
      if (cols === 1 || placed.flat().length === 1) {
        // A one-column table (the 요약서, a frame around text): its cells are lines.
        for (const row of placed)
          for (const p of row)
            for (const text of p.text.split('\n')) if (text.trim()) items.push({ kind: 'line', text: text.trim(), where: { page }, used: false });
      } else if (pdf && !placed.flat().some((p) => p.text.replace(/\s+/g, '') === '신청과제명')) items.push(...splitPdfTable(placed, cols, page, counter));
      else items.push(assemble(placed, cols, counter.next++, page));
      continue;
    }
    if (block.type === 'separator' || block.type === 'image') continue;
    const raw = cleanText(block.text ?? '');
    const unlinked = LINK.exec(raw.trim())?.[1] ?? raw;
    for (const part of unlinked.split('\n')) {
      const text = part.replace(/[ \t]+/g, ' ').trim();
      if (text) items.push({ kind: 'line', text, where: { page }, heading: block.type === 'heading', used: false });
    }
    if (block.children) flatten(block.children, format, items, counter, paged);
  }
}

interface KordocFailure {
  readonly success: false;
  readonly error: string;
  readonly code?: string;
  readonly isImageBased?: boolean;
}

/** Reads the bytes of a document with kordoc; throws ImportError when it cannot be read. */
export async function readDocument(bytes: Uint8Array): Promise<ReadDocument> {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0)) throw importError.empty();
  if (bytes.length > MAX_DOCUMENT_BYTES) throw importError.tooLarge(MAX_DOCUMENT_BYTES / 1024 / 1024);
  // pdf.js, loaded by kordoc, warns on the console when it finds no canvas classes; it never draws
  // here, so give it inert ones before it loads.
  const g = globalThis as Record<string, unknown>;
  for (const name of ['DOMMatrix', 'ImageData', 'Path2D'])
    if (g[name] === undefined)
      g[name] = class {
        /** Inert: gpuplan only reads text. */
        readonly inert = true;
      };
  // pdf.js also reports, on the console, that it found no canvas package; it needs none to read text.
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
    log(...args);
  };
  try {
    return await parseWith(bytes);
  } finally {
    console.log = log;
  }
}

async function parseWith(bytes: Uint8Array): Promise<ReadDocument> {
  const kordoc = await import('kordoc');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // detectFormat tells ZIP packages apart only roughly (a DOCX reads as "hwpx"); parse says what it read.
  if (!['hwp', 'hwp3', 'hwpx', 'hwpml', 'docx', 'pdf'].includes(kordoc.detectFormat(buffer))) throw importError.unsupported();
  let result;
  try {
    result = await kordoc.parse(buffer, { removeHeaderFooter: true });
  } catch (error) {
    throw importError.failed(error instanceof Error ? error.message : String(error));
  }
  if (!result.success) {
    const failure = result as KordocFailure;
    switch (failure.code) {
      case 'EMPTY_INPUT':
        throw importError.empty();
      case 'ENCRYPTED':
        throw importError.encrypted();
      case 'DRM_PROTECTED':
        throw importError.drm();
      case 'IMAGE_BASED_PDF':
        throw importError.imageOnly();
      case 'UNSUPPORTED_FORMAT':
        throw importError.unsupported();
      case 'CORRUPTED':
      case 'ZIP_BOMB':
      case 'DECOMPRESSION_BOMB':
      case 'NO_SECTIONS':
        throw importError.corrupted(failure.error);
      default:
        if (failure.isImageBased) throw importError.imageOnly();
        throw importError.failed(failure.error);
    }
  }
  if (!['hwp', 'hwp3', 'hwpx', 'hwpml', 'docx', 'pdf'].includes(result.fileType)) throw importError.unsupported();
  const format = result.fileType as SourceFormat;
  if (format === 'pdf' && (result.isImageBased || (result.qualitySummary?.totalTextChars ?? 1) === 0)) throw importError.imageOnly();
  const items: Item[] = [];
  const pageCount = result.pageCount ?? result.metadata?.pageCount;
  flatten(result.blocks, format, items, { next: 1 }, format === 'pdf' || (format !== 'docx' && (pageCount ?? 1) > 1));
  if (format === 'pdf' && items.every((item) => item.kind === 'line' && item.text.length < 3)) throw importError.imageOnly();
  return {
    format,
    items,
    pageCount,
    warnings: (result.warnings ?? []).filter((w) => w.code !== 'HIDDEN_TEXT_FILTERED').map((w) => w.message),
  };
}
