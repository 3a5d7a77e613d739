/**
 * The document laid out into pages, for what the HWPX, the HWP and the DOCX write as they were laid
 * out: the page on which each chapter and section starts (the 목차's page numbers), the height of
 * each table cell's text, and the headings that would be left alone at the bottom of a page. The
 * document is written as HWPX, laid out by rhwp (the HWP engine, `hwp/rhwp.ts`) and read back — the
 * passes of the PDF export, with rhwp as the printer: the first measures the cells and finds the
 * stranded headings, the next is laid out with those heights and with those headings on a new page,
 * until no heading is stranded (at most four passes).
 *
 * Hangul lays out with its own fonts, so its pages can differ a little: its 차례 새로 고침 (and Word's
 * field update in the DOCX) rebuild the numbers, its rows grow when its text needs more room, and
 * every heading keeps with the next paragraph there too.
 */
import type { PlanDocument, TocBlock } from '../core/render';
import { CELL_MARGIN_HU, hwpxParts, packHwpx, type HwpxOptions } from './hwpx';
import { rhwpJson, withRhwpDocument } from './hwp/rhwp';

/** HWPUNIT per CSS pixel (rhwp reports pixels at 96 per inch). */
const HU_PER_PX = 7200 / 96;

export interface DocumentLayout {
  /** The page (1-based) of each 목차 entry's heading, by heading id; only when every entry has one. */
  readonly tocPages?: ReadonlyMap<string, number>;
  /** The height (HWPUNIT) of each table cell, its text and its margins, by table and cell index. */
  readonly cellHeights: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** Headings that start a page so as not to be left alone at the bottom of the one before. */
  readonly breakBefore: ReadonlySet<string>;
  /** Pages of the HWPX as rhwp lays it out. */
  readonly pages: number;
}

interface Measured {
  readonly tocPages?: ReadonlyMap<string, number>;
  readonly cellHeights: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** Headings at the bottom of a page whose next paragraph is on the next page: the first of each run of headings. */
  readonly stranded: ReadonlySet<string>;
  readonly pages: number;
}

interface TextRun {
  readonly y: number;
  readonly h: number;
  readonly parentParaIdx?: number;
  readonly controlIdx?: number;
  readonly cellIdx?: number;
  readonly cellPath?: readonly unknown[];
}

interface CellBox {
  readonly cellIdx: number;
  readonly row: number;
  readonly rowSpan: number;
  readonly pageIndex: number;
  readonly y: number;
  readonly h: number;
}

/** An HWPX laid out by rhwp: heading pages, stranded headings and (when asked) the heights of the cells' text. */
export function layoutHwpx(
  hwpx: Uint8Array,
  anchors: ReadonlyMap<string, number>,
  tables: readonly number[],
  toc: TocBlock | undefined,
  measureCells = true,
): Measured {
  return withRhwpDocument(hwpx, (document) => {
    const pages = document.pageCount();
    const pageOf = (paragraph: number): number | undefined => {
      try {
        const position = rhwpJson(document.getPageOfPosition(0, paragraph)) as { ok?: boolean; page?: number };
        return position.ok && typeof position.page === 'number' ? position.page : undefined;
      } catch {
        return undefined;
      }
    };

    // A heading (or a run of them) whose next paragraph is on a later page; it moves to that page
    // unless it already starts its own (a break there would leave a page empty).
    const stranded = new Set<string>();
    const headingAt = new Map([...anchors].map(([id, paragraph]) => [paragraph, id] as const));
    for (const [id, paragraph] of anchors) {
      if (headingAt.has(paragraph + 1)) continue;
      const here = pageOf(paragraph);
      const next = pageOf(paragraph + 1);
      if (here === undefined || next === undefined || next <= here) continue;
      let first = paragraph;
      while (headingAt.has(first - 1) && pageOf(first - 1) === here) first--;
      if (first > 0 && pageOf(first - 1) === here) stranded.add(headingAt.get(first) ?? id);
    }

    const found = new Map<string, number>();
    for (const entry of toc?.entries ?? []) {
      const paragraph = anchors.get(entry.id);
      const page = paragraph === undefined ? undefined : pageOf(paragraph);
      if (page !== undefined) found.set(entry.id, page + 1);
    }

    const cellHeights = new Map<number, Map<number, number>>();
    if (measureCells) {
      const boxes = new Map<number, CellBox[]>();
      tables.forEach((paragraph, table) => {
        try {
          boxes.set(table, rhwpJson(document.getTableCellBboxes(0, paragraph, 0)) as CellBox[]);
        } catch {
          // not laid out as a table: its estimates stay
        }
      });
      // Where the text of each cell of a top-level table lies on its page, from its first line's top
      // to its last line's bottom: from the lines of the pages that have tables only.
      const extents = new Map<string, { top: number; bottom: number }>();
      const tablePages = new Set([...boxes.values()].flat().map((b) => b.pageIndex));
      for (const page of [...tablePages].sort((a, b) => a - b)) {
        const runs = (rhwpJson(document.getPageTextLayout(page)) as { runs?: readonly TextRun[] }).runs ?? [];
        for (const run of runs) {
          if (run.parentParaIdx === undefined || run.cellIdx === undefined || run.controlIdx !== 0 || (run.cellPath?.length ?? 1) !== 1) continue;
          const key = `${run.parentParaIdx}:${run.cellIdx}:${page}`;
          const extent = extents.get(key);
          if (extent) {
            extent.top = Math.min(extent.top, run.y);
            extent.bottom = Math.max(extent.bottom, run.y + run.h);
          } else extents.set(key, { top: run.y, bottom: run.y + run.h });
        }
      }
      for (const [table, list] of boxes) {
        const paragraph = tables[table];
        const heights = new Map<number, number>();
        for (const box of list) {
          const extent = extents.get(`${paragraph}:${box.cellIdx}:${box.pageIndex}`);
          // The text's own height and the cell's margins above and below it. (rhwp grows a row to the
          // text and the top margin only; a cell stored higher than its text makes rhwp break lines early.)
          if (extent) heights.set(box.cellIdx, Math.round((extent.bottom - extent.top) * HU_PER_PX) + 2 * CELL_MARGIN_HU);
        }
        cellHeights.set(table, heights);
      }
    }

    return { ...(toc && found.size === toc.entries.length ? { tocPages: found } : {}), cellHeights, stranded, pages };
  });
}

const MAX_PASSES = 4;

const cache = new WeakMap<PlanDocument, Promise<DocumentLayout>>();

/** The document laid out by rhwp (computed once per document model). Throws when rhwp cannot be used. */
export function documentLayout(doc: PlanDocument): Promise<DocumentLayout> {
  let layout = cache.get(doc);
  if (!layout) {
    layout = (async () => {
      const toc = doc.blocks.find((b): b is TocBlock => b.kind === 'toc');
      let options: HwpxOptions = {};
      let measured: Measured | undefined;
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const parts = hwpxParts(doc, options);
        // The cells are measured once, from the first pass; the later ones only place the headings.
        measured = layoutHwpx(await packHwpx(doc, parts), parts.anchors, parts.tables, toc, !options.cellHeights);
        const breakBefore = new Set([...(options.breakBefore ?? []), ...measured.stranded]);
        // Done when this pass was laid out with measured cells and left no heading stranded (or
        // when the passes are spent: then what was laid out last is what is written).
        if ((options.cellHeights && breakBefore.size === (options.breakBefore?.size ?? 0)) || pass === MAX_PASSES - 1) break;
        options = { cellHeights: options.cellHeights ?? measured.cellHeights, breakBefore };
      }
      const final = measured as Measured;
      return {
        ...(final.tocPages ? { tocPages: final.tocPages } : {}),
        cellHeights: options.cellHeights ?? final.cellHeights,
        breakBefore: options.breakBefore ?? new Set<string>(),
        pages: final.pages,
      };
    })();
    cache.set(doc, layout);
  }
  return layout;
}

/** The 목차's page numbers by heading id, or undefined when they cannot be had. */
export async function tocPages(doc: PlanDocument): Promise<ReadonlyMap<string, number> | undefined> {
  return (await documentLayout(doc)).tocPages;
}
