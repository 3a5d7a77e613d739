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
import type { Flow, Measure } from './flow';
import { CHAPTER_KEYS, costTailFlow, LAYOUT_PARTS, partFlow, type ChapterKey, type LayoutPart } from './layout';
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
 * Line counts of one part of an estimate (the 요약서 or a chapter), by width and face, kept for
 * the next estimate of the same document (incremental analysis while typing): what did not change
 * is not measured again. The counts are those of a pure function of the text, the width and the
 * face, so a cache may be shared and added to by the estimates that follow.
 */
interface LineCache {
  readonly lines: Map<number, Map<string, number>>;
  /** The width (em) and face of each key of `lines`. */
  readonly boxes: Map<number, { readonly width: number; readonly face: Face }>;
  /** How many counts the part measured when it was laid out: edits add at most as many again. */
  measured: number;
}
const FACE_INDEX: Readonly<Record<Face, number>> = { serif: 0, sans: 1, sansBold: 2 };

/** A part laid out: its pages, its length, and the line counts it took. */
interface PartResult {
  readonly pages: number;
  /** In A4 pages. */
  readonly length: number;
  readonly cache: LineCache;
  /** The part's cost tail, for a part that reads the cost model. */
  readonly costTail?: Flow;
}

/**
 * The estimate of a plan, the cost model it was made with and each part of it (LAYOUT_PARTS'
 * order): the one cache of the page estimate, by plan, for the plans that follow it by an edit.
 */
interface Result {
  readonly estimate: PageEstimate;
  readonly cost: CostModel;
  readonly parts: readonly PartResult[];
}
const RESULTS = new WeakMap<Plan, Result>();

/** `lineCount`, reading what `previous` counted and keeping what it counts in `next`. */
function cachedLineCount(previous: LineCache | undefined, next: LineCache): Measure {
  return (text, widthEm, face) => {
    const key = Math.round(widthEm * 1024) * 4 + FACE_INDEX[face];
    let lines = previous?.lines.get(key)?.get(text);
    if (lines === undefined) lines = lineCount(text, widthEm, face);
    let map = next.lines.get(key);
    if (!map) {
      next.lines.set(key, (map = new Map<string, number>()));
      next.boxes.set(key, { width: widthEm, face });
    }
    if (!map.has(text)) {
      map.set(text, lines);
      next.measured++;
    }
    return lines;
  };
}

/** Text the layout may split or drop (blank, several paragraphs): its line count alone does not say where it went. */
const notPlain = (text: string): boolean => text.trim().length === 0 || /[\n\r]/.test(text);

/**
 * After an edit inside one prose string, in the parts `caches` of the layout that read it: if
 * the new text takes as many lines as the old one wherever the old one was laid out, the layout
 * is the same, and so is the estimate. Then the new text's counts are kept with the old ones.
 */
function unchangedBy(caches: readonly LineCache[], before: string, after: string): boolean {
  if (notPlain(before) || notPlain(after)) return false; // a blank bullet is not written; a line break makes paragraphs
  const places: Array<{ readonly lines: Map<string, number>; readonly cache: LineCache; readonly count: number }> = [];
  for (const cache of caches) {
    for (const [key, lines] of cache.lines) {
      const old = lines.get(before);
      if (old === undefined) continue;
      const box = cache.boxes.get(key);
      if (!box || lineCount(after, box.width, box.face) !== old) return false;
      places.push({ lines, cache, count: old });
    }
  }
  if (places.length === 0) return false;
  // Past twice what the part measured (and a margin), the next edit lays the part out afresh.
  for (const place of places) if (place.lines.size < 2 * place.cache.measured + 64) place.lines.set(after, place.count);
  return true;
}

/** Whether one of the paths is a prefix of the other. */
function overlap(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether a part of the layout reads a value at one of `paths`, or the cost model when it changed. */
const partReads = (part: LayoutPart, paths: ReadonlyArray<readonly (string | number)[]>, costChanged: boolean): boolean =>
  (costChanged && part.readsCost) || paths.some((path) => part.reads.some((read) => overlap(read, path)));

/** The plan's edit since `previous` (incremental analysis), as the estimate needs it. */
export interface EstimateEdit {
  /**
   * Where the plan differs from `previous`: the path of the value that changed, or, for a key
   * renamed, the paths of its property before and after. Nothing else may differ.
   */
  readonly paths: ReadonlyArray<readonly (string | number)[]>;
  /** When the value is a prose string: its text before and after. */
  readonly before?: unknown;
  readonly after?: string;
}

export interface EstimateOptions {
  /** Count lines with this instead (the page-budget rule's bound); nothing is kept or reused. */
  readonly measure?: Measure;
  /**
   * The plan this one was made from by an edit (the same document): the line counts of its
   * estimate, if it had one, are reused for the texts that did not change.
   */
  readonly previous?: Plan;
  /**
   * What the edit changed, when it is known: the parts of the layout that read none of it keep
   * their pages, and a prose string that keeps its line count everywhere keeps the estimate.
   */
  readonly edited?: EstimateEdit;
}

/** The estimate (or, with `lineCountAtMost`, an upper bound of it). */
export function estimatePages(plan: Plan, cost: CostModel = computeCost(plan), options: EstimateOptions = {}): PageEstimate {
  if (options.measure) {
    const measure = options.measure;
    return estimateOf(
      LAYOUT_PARTS.map((part) => {
        const flow = partFlow(part, plan, cost, measure);
        return { pages: flow.pages(), length: flow.length() / G.page.heightMm };
      }),
    );
  }
  const prior = options.previous ? RESULTS.get(options.previous) : undefined;
  const edited = prior ? options.edited : undefined;
  // Which parts the edit can change: all of them unless it is known.
  const costChanged = prior !== undefined && cost !== prior.cost;
  const redo = LAYOUT_PARTS.map((part) => !prior || !edited || partReads(part, edited.paths, costChanged));
  if (prior && edited && typeof edited.before === 'string' && typeof edited.after === 'string' && !costChanged) {
    const caches = prior.parts.filter((_, i) => redo[i]).map((p) => p.cache);
    if (unchangedBy(caches, edited.before, edited.after)) redo.fill(false);
  }
  // A part that reads the cost model only where it did before: the same if its cost tail is.
  if (prior && edited && costChanged) {
    LAYOUT_PARTS.forEach((part, i) => {
      const tail = prior.parts[i].costTail;
      if (!redo[i] || !tail || partReads(part, edited.paths, false)) return;
      const cache = prior.parts[i].cache;
      if (costTailFlow(part, cost, cachedLineCount(cache, cache))?.samePieces(tail)) redo[i] = false;
    });
  }
  if (prior && !redo.includes(true)) {
    RESULTS.set(plan, prior);
    return prior.estimate;
  }
  const parts = LAYOUT_PARTS.map((part, i): PartResult => {
    if (prior && !redo[i]) return prior.parts[i];
    const cache: LineCache = { lines: new Map(), boxes: new Map(), measured: 0 };
    const measure = cachedLineCount(prior?.parts[i].cache, cache);
    const flow = partFlow(part, plan, cost, measure);
    return { pages: flow.pages(), length: flow.length() / G.page.heightMm, cache, costTail: costTailFlow(part, cost, measure) };
  });
  // The same figures: the same estimate (what shows it need not change).
  const same = prior !== undefined && parts.every((p, i) => p.pages === prior.parts[i].pages && p.length === prior.parts[i].length);
  const estimate = same ? prior.estimate : estimateOf(parts);
  RESULTS.set(plan, { estimate, cost, parts });
  return estimate;
}

/** The estimate from its parts, in LAYOUT_PARTS' order (the 요약서 first). */
function estimateOf(parts: ReadonlyArray<{ readonly pages: number; readonly length: number }>): PageEstimate {
  const chapters = CHAPTER_KEYS.map((key, i) => ({ key, pages: parts[i + 1].pages, length: parts[i + 1].length }));
  return { bodyPages: chapters.reduce((sum, c) => sum + c.pages, 0), summaryPages: parts[0].pages, chapters };
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
