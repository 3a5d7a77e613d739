/**
 * The page estimate of a plan: how many pages the body and the 요약서 take in the exported
 * document, from the length of its prose and the rows of its tables.
 */
import { PAGE_ESTIMATE } from '../figures';
import { displayWidth } from '../format';
import { asArray, asObject } from '../plan/read';
import type { Plan } from '../plan/types';
import type { TextString } from '../schema/prose';

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

export const linesOf = (text: string): number => Math.max(1, Math.ceil(displayWidth(text) / PAGE_ESTIMATE.value.charsPerLine));
/** At least `linesOf`, without reading the characters: as if every one were full width. */
export const linesAtMost = (text: string): number => Math.max(1, Math.ceil(text.length / PAGE_ESTIMATE.value.charsPerLine));

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
