/** Page budget: the body about 20 (or 30) pages, the 요약서 at most 2 (estimated). */
import { PAGE_ESTIMATE, SUMMARY_MAX_PAGES } from '../figures';
import { msg } from '../l10n';
import type { TextString } from '../schema/prose';
import { displayWidth } from '../format';
import { asArray, asObject, keySpan, type RuleContext, type RuleFamily } from './context';
import type { Plan } from '../plan/types';

/** Table rows of the body, by chapter: each takes a few lines whatever its content. */
const TABLES: ReadonlyArray<{ chapter: keyof Plan; rows: (plan: Plan) => unknown[] }> = [
  { chapter: 'mainContent', rows: (p) => [...asArray(asObject(asObject(p.mainContent)?.execution)?.baseModels), ...asArray(asObject(asObject(p.mainContent)?.goals)?.indicators)] },
  { chapter: 'gpuPlan', rows: (p) => [...asArray(asObject(p.gpuPlan)?.stages), 'copayment'] },
  { chapter: 'schedule', rows: (p) => [...asArray(asObject(p.schedule)?.milestones), ...asArray(asObject(p.schedule)?.deliverables)] },
  {
    chapter: 'institution',
    rows: (p) => {
      const lead = asObject(asObject(p.institution)?.leadResearcher);
      return [...asArray(lead?.education), ...asArray(lead?.career), ...asArray(lead?.governmentProjects), ...asArray(asObject(p.institution)?.achievements)];
    },
  },
];

const linesOf = (text: string): number => Math.max(1, Math.ceil(displayWidth(text) / PAGE_ESTIMATE.value.charsPerLine));
/** At least `linesOf`, without reading the characters: as if every one were full width. */
const linesAtMost = (text: string): number => Math.max(1, Math.ceil(text.length / PAGE_ESTIMATE.value.charsPerLine));

export interface PageEstimate {
  readonly bodyPages: number;
  readonly summaryPages: number;
  /** Lines per chapter of the body, to point at the longest one. */
  readonly chapterLines: ReadonlyMap<string, number>;
}

export function estimatePages(plan: Plan, texts: readonly TextString[], lines: (text: string) => number = linesOf): PageEstimate {
  const figures = PAGE_ESTIMATE.value;
  const chapterLines = new Map<string, number>();
  const addTo = (chapter: string, count: number) => chapterLines.set(chapter, (chapterLines.get(chapter) ?? 0) + count);
  let summaryLines = figures.summaryFixedLines;
  let bodyLines = figures.headingLines;
  // Strings come chapter by chapter: count a run of one chapter, then add it.
  let chapter = '';
  let run = 0;
  for (const text of texts) {
    const count = lines(text.value);
    if (text.chapter === 'summary') {
      summaryLines += count;
      continue;
    }
    bodyLines += count;
    if (text.chapter !== chapter) {
      if (run > 0) addTo(chapter, run);
      chapter = text.chapter;
      run = 0;
    }
    run += count;
  }
  if (run > 0) addTo(chapter, run);
  for (const table of TABLES) {
    const count = table.rows(plan).length * figures.linesPerTableRow;
    bodyLines += count;
    addTo(table.chapter, count);
  }
  return { bodyPages: bodyLines / figures.linesPerPage, summaryPages: summaryLines / figures.linesPerPage, chapterLines };
}

export const pageBudgetRules: RuleFamily = {
  id: 'page-budget',
  codes: ['page-budget'],
  run({ doc, plan, texts, cost, pages, report }: RuleContext) {
    const tolerance = 1 + PAGE_ESTIMATE.value.tolerance;
    const budget = cost().pageBudget;
    const over = (e: PageEstimate) => ({
      body: e.bodyPages > budget * tolerance,
      summary: asObject(plan.summary) !== undefined && e.summaryPages > SUMMARY_MAX_PAGES.value * tolerance,
    });
    // Most plans are within the budget even counting every character full width.
    const bound = over(estimatePages(plan, texts(), linesAtMost));
    if (!bound.body && !bound.summary) return;
    const estimate = pages();
    const exceeded = over(estimate);
    const round = (pages: number) => Math.round(pages * 10) / 10;

    if (exceeded.body) {
      const [longest] = [...estimate.chapterLines.entries()].sort((a, b) => b[1] - a[1]);
      report({
        code: 'page-budget',
        ...keySpan(doc, [longest[0]]),
        path: [longest[0]],
        message: msg('The body comes to about {0} pages (estimated), over the form\'s budget of about {1} pages for this request. This chapter is the longest: shorten it first.', round(estimate.bodyPages), budget),
        data: { pages: round(estimate.bodyPages), budget },
      });
    }
    if (exceeded.summary) {
      report({
        code: 'page-budget',
        ...keySpan(doc, ['summary']),
        path: ['summary'],
        message: msg('The summary (요약서) comes to about {0} pages (estimated); the form allows 1–{1} pages.', round(estimate.summaryPages), SUMMARY_MAX_PAGES.value),
        data: { pages: round(estimate.summaryPages), budget: SUMMARY_MAX_PAGES.value },
      });
    }
  },
};
