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

/**
 * Line counts of an estimate, by width and face, kept for the next estimate of the same document
 * (incremental analysis while typing): what did not change is not measured again.
 */
interface LineCache {
  readonly lines: Map<number, Map<string, number>>;
  /** The width (em) and face of each key of `lines`. */
  readonly boxes: Map<number, { readonly width: number; readonly face: Face }>;
}
const FACE_INDEX: Readonly<Record<Face, number>> = { serif: 0, sans: 1, sansBold: 2 };
/** The estimate of a plan made while editing, and its line counts. */
const RESULTS = new WeakMap<Plan, { readonly estimate: PageEstimate; readonly cache: LineCache }>();

/** `lineCount`, reading what `previous` counted and keeping what it counts in `next`. */
function cachedLineCount(previous: LineCache | undefined, next: LineCache): Measure {
  return (text, widthEm, face) => {
    const key = Math.round(widthEm * 1024) * 4 + FACE_INDEX[face];
    let lines = previous?.lines.get(key)?.get(text);
    if (lines === undefined) lines = lineCount(text, widthEm, face);
    let map = next.lines.get(key);
    if (!map) {
      next.lines.set(key, (map = new Map()));
      next.boxes.set(key, { width: widthEm, face });
    }
    map.set(text, lines);
    return lines;
  };
}

const isBlank = (text: string): boolean => text.trim().length === 0;

/**
 * After an edit inside one prose string: if the new text takes as many lines as the old one
 * wherever the old one was laid out, the layout is the same, and so is the estimate.
 */
function unchangedBy(cache: LineCache, before: string, after: string): boolean {
  if (isBlank(before) || isBlank(after)) return false; // a blank bullet is not written: the layout changes
  let found = false;
  for (const [key, lines] of cache.lines) {
    const old = lines.get(before);
    if (old === undefined) continue;
    found = true;
    const box = cache.boxes.get(key);
    if (!box || lineCount(after, box.width, box.face) !== old) return false;
  }
  if (!found) return false;
  for (const [key, lines] of cache.lines) if (lines.has(before)) lines.set(after, lines.get(before) as number);
  return true;
}

export interface EstimateOptions {
  /** Count lines with this instead (the page-budget rule's bound). */
  readonly measure?: Measure;
  /**
   * The plan this one was made from by an edit (the same document): the line counts of its
   * estimate, if it had one, are reused for the texts that did not change.
   */
  readonly previous?: Plan;
  /** The edit, when it changed one prose string: its text before and after. */
  readonly edited?: { readonly before: unknown; readonly after: string };
}

/** The estimate (or, with `lineCountAtMost`, an upper bound of it). */
export function estimatePages(plan: Plan, cost: CostModel = computeCost(plan), options: EstimateOptions = {}): PageEstimate {
  let measure = options.measure ?? lineCount;
  let cache: LineCache | undefined;
  if (!options.measure && options.previous) {
    const prior = RESULTS.get(options.previous);
    const edited = options.edited;
    if (prior && edited && typeof edited.before === 'string' && unchangedBy(prior.cache, edited.before, edited.after)) {
      RESULTS.set(plan, prior);
      return prior.estimate;
    }
    cache = { lines: new Map(), boxes: new Map() };
    measure = cachedLineCount(prior?.cache, cache);
  }
  const flows = chapterFlows(plan, cost, measure);
  const chapters = flows.map((flow, i) => ({ key: CHAPTER_KEYS[i], pages: flow.pages(), length: flow.length() / G.page.heightMm }));
  const estimate: PageEstimate = {
    bodyPages: chapters.reduce((sum, c) => sum + c.pages, 0),
    summaryPages: summaryFlow(plan, measure).pages(),
    chapters,
  };
  if (cache) RESULTS.set(plan, { estimate, cache });
  return estimate;
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
