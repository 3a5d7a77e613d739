/**
 * Plan → document model, in the layout of the official form (「첨단 GPU 활용 지원 사업」
 * 사업수행계획서, 2025. 12.): title page, 표지 table with the pledge, 목차, 요약서, chapters I–VI
 * with the form's numbering and headings, 붙임 0, and — when the plan still has findings — a list of
 * them at the end, so that nothing is dropped silently.
 *
 * The form's writing guides (★ lines, 작성요령 boxes, placeholders such as "YYYYMMDD") are left
 * out, as the form demands. A section left empty is written "해당 없음", as the form asks.
 * Amounts, GPU figures and the 민간부담금 row come from the core (`computeCost`, `costTable`);
 * nothing here prices anything.
 *
 * The renderer reads a plan that may be incomplete or wrongly typed (a plan with errors still
 * exports): every value is checked before it is used (`read.ts`).
 *
 * Each part of the form is written by a file of its own (`cover.ts`, `toc.ts`, `summary.ts`,
 * `chapter-1-overview.ts` … `chapter-6-institution.ts`, `attachment-staff.ts`, `open-findings.ts`);
 * this file puts them in the form's order.
 */
import type { CostModel } from '../cost/cost';
import type { Finding } from '../findings';
import { FORM_VERSION } from '../figures';
import type { ParsedDocument } from '../json/parse';
import { asString } from '../plan/read';
import type { Plan } from '../plan/types';
import { staffAttachment } from './attachment-staff';
import { Builder } from './builder';
import { overviewChapter } from './chapter-1-overview';
import { mainContentChapter } from './chapter-2-main-content';
import { gpuPlanChapter } from './chapter-3-gpu-plan';
import { disseminationChapter } from './chapter-4-dissemination';
import { scheduleChapter } from './chapter-5-schedule';
import { institutionChapter } from './chapter-6-institution';
import { coverTable, titlePage } from './cover';
import type { DocumentMeta, PlanDocument } from './model';
import { findingsPart, openFindings } from './open-findings';
import { obj, str } from './read';
import { summaryPart } from './summary';
import { tableOfContents } from './toc';

export interface RenderInput {
  readonly plan: Plan;
  readonly cost: CostModel;
  /** Findings still open; listed at the end of the document. Render them in Korean (`locale: 'ko'`). */
  readonly findings?: readonly Finding[];
  /** The parsed text, to give the findings' line numbers. */
  readonly document?: Pick<ParsedDocument, 'text'>;
}

export const FORM_NAME = '「첨단 GPU 활용 지원 사업」 사업수행계획서';

/** The plan as a document in the form's layout. */
export function planToDocument(input: RenderInput): PlanDocument {
  const { plan, cost } = input;
  const b = new Builder();
  titlePage(b, plan);
  b.pageBreak();
  coverTable(b, plan, cost);
  b.pageBreak();
  const tocIndex = b.blocks.length;
  b.pageBreak();
  summaryPart(b, plan);
  b.pageBreak();
  overviewChapter(b, plan);
  b.pageBreak();
  mainContentChapter(b, plan);
  b.pageBreak();
  gpuPlanChapter(b, plan, cost);
  b.pageBreak();
  disseminationChapter(b, plan);
  b.pageBreak();
  scheduleChapter(b, plan);
  b.pageBreak();
  institutionChapter(b, plan);
  b.pageBreak();
  staffAttachment(b, plan);

  const items = openFindings(input.findings ?? [], input.document);
  if (items.length > 0) {
    b.pageBreak();
    findingsPart(b, items);
  }
  // The 목차 goes after the 표지, on a page of its own, now that the headings are known.
  b.blocks.splice(tocIndex, 0, tableOfContents(b.toc), { kind: 'pageBreak' });

  const applicant = obj(plan.applicant);
  const meta: DocumentMeta = {
    title: str(plan.projectTitle) ?? FORM_NAME,
    ...(str(applicant.name) ? { organization: str(applicant.name) } : {}),
    ...(str(obj(obj(plan.contacts).lead).name) ? { author: str(obj(obj(plan.contacts).lead).name) } : {}),
    formVersion: asString(plan.formVersion) ?? FORM_VERSION.value,
    pageBudget: cost.pageBudget,
    language: 'ko',
  };
  return {
    meta,
    blocks: b.blocks,
    openFindings: items,
    counts: {
      errors: items.filter((f) => f.severity === 'error').length,
      warnings: items.filter((f) => f.severity === 'warning').length,
      information: items.filter((f) => f.severity === 'information' || f.severity === 'hint').length,
    },
  };
}
