/**
 * The page estimate of a plan: how many pages the body (chapters I–VI) and the 요약서 take in
 * gpuplan's own PDF export, as the form counts them (표지, 목차 and 붙임 excluded; the 요약서 on
 * its own).
 *
 * It follows what the export does (layout.ts, flow.ts): every chapter starts a page; headings,
 * paragraphs and bullets at their sizes, each bullet level at its indent; tables with the export's
 * column widths, so a long text in a narrow column takes the lines it takes there; rows kept
 * whole unless they hold bullets, row groups kept together, headers repeated; the lines of each
 * text broken as the browser breaks them (text.ts). Calibrated against the real PDF export of the
 * plans in test/fixtures/calibration (measured.json; `npm run calibrate:pages` measures them again).
 */
import { computeCost, type CostModel } from '../cost/cost';
import { PAGE_ESTIMATE } from '../figures';
import type { Plan } from '../plan/types';
import type { TextString } from '../schema/prose';
import type { Measure } from './flow';
import { CHAPTER_KEYS, chapterFlows, summaryFlow, type ChapterKey } from './layout';
import { lineCount, WIDEST, type Face } from './text';

export interface ChapterEstimate {
  /** The plan key of the chapter: `overview` (I) … `institution` (VI). */
  readonly key: ChapterKey;
  readonly pages: number;
  /** The chapter's height as if on one long page, in A4 pages (to compare chapters). */
  readonly length: number;
}

export interface PageEstimate {
  /** Pages of chapters I–VI. */
  readonly bodyPages: number;
  /** Pages of the 요약서. */
  readonly summaryPages: number;
  /** Each chapter, in the form's order. */
  readonly chapters: readonly ChapterEstimate[];
}

const G = PAGE_ESTIMATE.value;
const MM_PER_PT = 25.4 / 72;

/**
 * At least `lineCount` of any text of this length at this width: every character as wide as the
 * widest glyph, and — as a line breaks only where the next word does not fit — every two
 * consecutive lines holding more than one line's width.
 */
export const lineCountAtMost: Measure = (text, widthEm) => {
  const full = Math.ceil((text.length * WIDEST) / Math.max(widthEm, 1));
  return Math.max(1, 2 * full - 1);
};

/** Line counts of one estimate, by face and width, for the next estimate of the same document to reuse. */
type LineCache = Map<number, Map<string, number>>;
const FACE_INDEX: Readonly<Record<Face, number>> = { serif: 0, sans: 1, sansBold: 2 };
const CACHES = new WeakMap<Plan, LineCache>();

/** `lineCount`, reading what `previous` counted and keeping what it counts in `next`. */
function cachedLineCount(previous: LineCache, next: LineCache): Measure {
  return (text, widthEm, face) => {
    const key = Math.round(widthEm * 1024) * 4 + FACE_INDEX[face];
    let lines = previous.get(key)?.get(text);
    if (lines === undefined) lines = lineCount(text, widthEm, face);
    let map = next.get(key);
    if (!map) next.set(key, (map = new Map()));
    map.set(text, lines);
    return lines;
  };
}

export interface EstimateOptions {
  /** Count lines with this instead (the page-budget rule's bound). */
  readonly measure?: Measure;
  /**
   * The plan this one was made from by an edit (incremental analysis): the line counts of its
   * estimate, if it had one, are reused for the texts that did not change.
   */
  readonly previous?: Plan;
}

/** The estimate (or, with `lineCountAtMost`, an upper bound of it). */
export function estimatePages(plan: Plan, cost: CostModel = computeCost(plan), options: EstimateOptions = {}): PageEstimate {
  let measure = options.measure ?? lineCount;
  if (!options.measure) {
    // Keep the line counts when the next analysis may reuse them (a document being edited).
    const previous = options.previous ? CACHES.get(options.previous) : undefined;
    if (previous) {
      const next: LineCache = new Map();
      CACHES.set(plan, next);
      measure = cachedLineCount(previous, next);
    } else if (options.previous) {
      const next: LineCache = new Map();
      CACHES.set(plan, next);
      measure = cachedLineCount(new Map(), next);
    }
  }
  const flows = chapterFlows(plan, cost, measure);
  const chapters = flows.map((flow, i) => ({ key: CHAPTER_KEYS[i], pages: flow.pages(), length: flow.length() / G.page.heightMm }));
  return {
    bodyPages: chapters.reduce((sum, c) => sum + c.pages, 0),
    summaryPages: summaryFlow(plan, measure).pages(),
    chapters,
  };
}

/** An upper bound of `estimatePages` that reads only the lengths of the texts. */
export const estimatePagesAtMost = (plan: Plan, cost?: CostModel): PageEstimate => estimatePages(plan, cost, { measure: lineCountAtMost });

const BODY_CHAPTERS: ReadonlySet<string> = new Set(CHAPTER_KEYS);
/** The widest text box (the body's full width, in em of the body type) and the lowest line any prose takes (a bullet in a table cell). */
const WIDEST_BOX_EM = G.page.widthMm / (G.body.sizePt * MM_PER_PT);
const LOWEST_LINE_MM = Math.min(G.body.sizePt * G.body.lineHeight, G.table.cell.sizePt * G.table.cell.bulletLineHeight) * MM_PER_PT;

/**
 * At most `estimatePagesAtMost(plan).bodyPages`, from the prose strings' lengths alone (no walk
 * of the plan): each chapter's prose takes at least its bound's lines at the widest box and the
 * lowest line height, and a page holds at most a page of it. When this already exceeds the
 * budget, the bound cannot show the plan is within it, and need not be computed.
 */
export function boundBodyPagesAtLeast(texts: readonly TextString[]): number {
  const height = new Map<string, number>();
  for (const t of texts) {
    if (!BODY_CHAPTERS.has(t.chapter)) continue;
    height.set(t.chapter, (height.get(t.chapter) ?? 0) + lineCountAtMost(t.value, WIDEST_BOX_EM, 'serif') * LOWEST_LINE_MM);
  }
  let pages = 0;
  for (const key of CHAPTER_KEYS) pages += Math.max(1, Math.ceil((height.get(key) ?? 0) / G.page.heightMm));
  return pages;
}
