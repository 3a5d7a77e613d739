/**
 * Independent readers of the HWPX and HWP exports, for the tests:
 *
 * - kordoc (npm): reads HWP, HWPX, DOCX and PDF to markdown and renders HWPX (and HWP) pages as SVG
 *   with a box per paragraph, table and object. Run offline (`KORDOC_OFFLINE=1`: no OCR model
 *   download, no webhook; our documents never need OCR anyway).
 * - rhwp (@rhwp/core, WebAssembly): lays an HWP or HWPX out into pages, renders them as SVG and
 *   reports where each line of text is. It also writes our HWP, so for the HWP it is a self-check
 *   (it must reopen what it wrote); kordoc is the independent reader there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlanDocument } from '../../server/src/core/render';
import { withRhwpDocument } from '../../server/src/export/hwp/rhwp';

process.env.KORDOC_OFFLINE = '1';

interface KordocBlock {
  readonly type: string;
}
interface KordocParse {
  readonly success: boolean;
  readonly markdown?: string;
  readonly blocks?: readonly KordocBlock[];
  readonly metadata?: { readonly version?: string; readonly pageCount?: number; readonly title?: string };
  readonly fileType?: string;
  readonly error?: string;
}
export interface KordocBox {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
export interface KordocRegion {
  readonly id: string;
  readonly type: string;
  readonly parentId?: string;
  readonly regions: readonly KordocBox[];
}
interface KordocScene {
  readonly scene: { readonly pages: readonly unknown[]; readonly regions: readonly KordocRegion[]; readonly warnings: readonly string[] };
  readonly pageSvgs: ReadonlyMap<number, string>;
}
interface Kordoc {
  parse(buffer: Buffer): Promise<KordocParse>;
  renderDocumentToScene(input: Buffer, options?: Record<string, unknown>): Promise<KordocScene>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- kordoc's CommonJS build, loaded when a test needs it
const kordoc = (): Kordoc => require('kordoc') as Kordoc;

export const kordocParse = (bytes: Uint8Array): Promise<KordocParse> => kordoc().parse(Buffer.from(bytes));
export const kordocRender = (bytes: Uint8Array): Promise<KordocScene> => kordoc().renderDocumentToScene(Buffer.from(bytes), {});

/**
 * Boxes kordoc drew on top of each other: two regions with the same parent (two paragraphs of a
 * page, a table and a paragraph, two paragraphs of a cell) overlapping by more than a point.
 */
export function overlappingBoxes(regions: readonly KordocRegion[]): string[] {
  const boxes = regions.flatMap((r) => r.regions.map((b) => ({ ...b, id: r.id, parent: r.parentId ?? '' })));
  const byGroup = new Map<string, typeof boxes>();
  for (const b of boxes) {
    const key = `${b.page}|${b.parent}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), b]);
  }
  const found: string[] = [];
  for (const group of byGroup.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i];
        const b = group[j];
        const x = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        const y = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        if (x > 1 && y > 1) found.push(`page ${a.page}: ${a.id} and ${b.id} overlap by ${x.toFixed(1)} × ${y.toFixed(1)} pt`);
      }
    }
  }
  return found;
}

/** kordoc's markdown as plain text: tags, markdown marks and escapes removed, entities decoded. */
export function markdownText(markdown: string): string {
  return markdown
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|^#+\s/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const squeeze = (s: string): string => s.replace(/[\s\u00a0\u200b]+/g, '');

/**
 * The texts that a reader's text does not have in this order (empty: all of them, in order). Spaces
 * and line breaks are ignored, as every reader sets them its own way.
 */
export function missingInOrder(expected: readonly string[], text: string): string[] {
  const haystack = squeeze(text);
  const missing: string[] = [];
  let at = 0;
  for (const line of expected) {
    const needle = squeeze(line);
    if (needle.length === 0) continue;
    const found = haystack.indexOf(needle, at);
    if (found < 0) missing.push(line);
    else at = found + needle.length;
  }
  return missing;
}

/** Every text of a document model in reading order, the 목차 entries as the headings they point to. */
export function modelTexts(doc: PlanDocument): string[] {
  const headingText = new Map(doc.blocks.flatMap((b) => (b.kind === 'heading' ? [[b.id, b.text] as const] : [])));
  const out: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') out.push(block.text);
    else if (block.kind === 'paragraph') out.push(block.runs.map((r) => (typeof r === 'string' ? r : r.text)).join(''));
    else if (block.kind === 'bullets') out.push(...block.items.map((i) => `${i.marker} ${i.text}`));
    else if (block.kind === 'toc') out.push(block.title, ...block.entries.map((e) => headingText.get(e.id) ?? e.text));
    else if (block.kind === 'table') {
      for (const row of block.rows) {
        for (const cell of row.cells) {
          for (const inner of cell.blocks) {
            if (inner.kind === 'paragraph') out.push(inner.runs.map((r) => (typeof r === 'string' ? r : r.text)).join(''));
            else out.push(...inner.items.map((i) => `${i.marker} ${i.text}`));
          }
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// rhwp

export interface RhwpRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly parentParaIdx?: number;
  readonly paraIdx?: number;
  readonly cellIdx?: number;
  readonly cellParaIdx?: number;
  readonly cellPath?: readonly unknown[];
}

export interface RhwpPage {
  readonly svg: string;
  readonly text: string;
  readonly runs: readonly RhwpRun[];
}

export interface RhwpLayout {
  readonly pages: readonly RhwpPage[];
  /** Page (0-based) of a top-level paragraph. */
  readonly pageOf: (paragraph: number) => number | undefined;
  /** Cell boxes (pixels) of the table in a top-level paragraph. */
  readonly cellBoxes: (
    paragraph: number,
  ) => ReadonlyArray<{ cellIdx: number; row: number; rowSpan: number; pageIndex: number; x: number; y: number; w: number; h: number }>;
}

/** A document as rhwp lays it out: every page's SVG, text and lines, and where paragraphs and cells are. */
export function rhwpLayout(bytes: Uint8Array): RhwpLayout {
  return withRhwpDocument(bytes, (document) => {
    const pages: RhwpPage[] = [];
    for (let i = 0; i < document.pageCount(); i++) {
      const runs = (JSON.parse(document.getPageTextLayout(i)) as { runs?: RhwpRun[] }).runs ?? [];
      pages.push({ svg: document.renderPageSvg(i), text: JSON.parse(document.getPageText(i)) as string, runs });
    }
    const positions = new Map<number, number | undefined>();
    const boxes = new Map<number, ReturnType<RhwpLayout['cellBoxes']>>();
    // The document is freed after this callback: read everything the tests may ask for now.
    const maxParagraph = 5000;
    for (let p = 0; p < maxParagraph; p++) {
      let page: number | undefined;
      try {
        const position = JSON.parse(document.getPageOfPosition(0, p)) as { ok?: boolean; page?: number };
        page = position.ok ? position.page : undefined;
      } catch {
        break;
      }
      if (page === undefined) break;
      positions.set(p, page);
      try {
        boxes.set(p, JSON.parse(document.getTableCellBboxes(0, p, 0)) as ReturnType<RhwpLayout['cellBoxes']>);
      } catch {
        // not a table
      }
    }
    return { pages, pageOf: (p) => positions.get(p), cellBoxes: (p) => boxes.get(p) ?? [] };
  });
}

/**
 * Lines of text rhwp set on top of each other on a page: two runs on different lines (their tops
 * more than half a line apart) whose boxes overlap.
 */
export function overlappingLines(page: RhwpPage): string[] {
  const found: string[] = [];
  const runs = page.runs.filter((r) => r.text.trim().length > 0);
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const a = runs[i];
      const b = runs[j];
      if (Math.abs(a.y - b.y) < Math.min(a.h, b.h) / 2) continue;
      const x = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const y = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (x > 1 && y > 1) found.push(`"${a.text}" and "${b.text}"`);
    }
  }
  return found;
}

/** Where the artifacts of a test run go (gitignored), to look at. */
export function artifactDir(name: string): string {
  const dir = path.join(__dirname, '..', '..', '..', 'test', 'artifacts', name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
