/**
 * The document model of the form: what an exported plan says and in which order, without any
 * format. `plan-to-document.ts` builds it from a plan; the writers in `server/src/export/` (DOCX,
 * HTML, HWPX, PDF) lay it out. Every string in it is final text (Korean, as the form is): writers
 * never compute, translate or reorder anything, they only typeset.
 *
 * No editor or language-server types here: the model is plain data, so it can be serialised,
 * compared in tests and sent to a webview.
 */

/** A piece of text with its emphasis. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  /** Smaller print, for notes inside the form's cells (e.g. "* 1서버=8GPU"). */
  readonly small?: boolean;
}

export type Inline = string | Run;

export type Align = 'left' | 'center' | 'right' | 'justify';

/**
 * What a paragraph is for; writers map roles to the form's type sizes.
 * - `body`: running text of a section.
 * - `coverTitle`, `coverSubtitle`, `coverLine`: the title page.
 * - `note`: a "※" line under a table.
 * - `notApplicable`: the form's "해당 없음" for a section left empty.
 * - `pledge`: the pledge sentence and signature lines of the cover table.
 * - `cell`: text inside a table cell.
 */
export type ParagraphRole = 'body' | 'coverTitle' | 'coverSubtitle' | 'coverLine' | 'note' | 'notApplicable' | 'pledge' | 'cell';

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: readonly Inline[];
  readonly role: ParagraphRole;
  readonly align?: Align;
}

/**
 * Headings follow the form's numbering:
 * 1 = chapter (`I 과제 개요`), 2 = section (`1. 과제 목표`), 3 = `□ 과제 내용`, 4 = `○ 마일스톤`.
 * `number` is the numeral or marker (`I`, `1.`, `□`, `○`), `title` the words; `text` is both as
 * the form writes them. `toc` says whether it belongs in the table of contents (the form's 목차
 * lists chapters and sections only; 요약서, 붙임 and the findings list are headed but not listed).
 */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: 1 | 2 | 3 | 4;
  readonly number?: string;
  readonly title: string;
  readonly text: string;
  readonly toc: boolean;
  /** Stable anchor, unique in the document (`ch-1`, `ch-1-2`, …). */
  readonly id: string;
}

/** One bullet of the form's ladder `1) 가) ㅇ - ·`, already numbered. */
export interface BulletItem {
  /** 1–5 */
  readonly level: 1 | 2 | 3 | 4 | 5;
  readonly marker: string;
  readonly text: string;
}

export interface BulletsBlock {
  readonly kind: 'bullets';
  readonly items: readonly BulletItem[];
}

/** What may stand inside a table cell. */
export type CellBlock = ParagraphBlock | BulletsBlock;

export interface Cell {
  readonly blocks: readonly CellBlock[];
  readonly colspan?: number;
  readonly rowspan?: number;
  /** A label cell of the form (shaded, bold). */
  readonly header?: boolean;
  readonly align?: Align;
  /** A marked cell (a month of the milestone chart): shaded, carries `MARK`. */
  readonly marked?: boolean;
}

export interface TableRow {
  readonly cells: readonly Cell[];
  /** Repeat this row at the top of each page the table continues on. */
  readonly repeat?: boolean;
}

/** Known tables, so tests and writers can find them; free-form tables have none. */
export type TableId =
  | 'cover'
  | 'summary'
  | 'base-models'
  | 'indicators'
  | 'gpu-stages'
  | 'copayment'
  | 'milestones'
  | 'deliverables'
  | 'institution'
  | 'lead-researcher'
  | 'achievements'
  | 'staff'
  | 'findings';

export interface TableBlock {
  readonly kind: 'table';
  readonly id: TableId;
  /** Relative column widths; the grid has exactly this many columns. */
  readonly columns: readonly number[];
  readonly rows: readonly TableRow[];
  /** `findings`: the list of findings appended on request, not a table of the form (drawn as the others are). */
  readonly variant: 'form' | 'findings';
  /** Smaller type for wide tables (the milestone chart, 붙임0). */
  readonly dense?: boolean;
}

export interface PageBreakBlock {
  readonly kind: 'pageBreak';
}

export interface TocEntry {
  readonly level: 1 | 2;
  readonly text: string;
  readonly id: string;
}

/** The form's 목차: the entries are listed here; DOCX writes a real TOC field built from the headings. */
export interface TocBlock {
  readonly kind: 'toc';
  readonly title: string;
  readonly entries: readonly TocEntry[];
}

export type Block = ParagraphBlock | HeadingBlock | BulletsBlock | TableBlock | PageBreakBlock | TocBlock;

/** A finding still open when the document was made, as listed at its end. */
export interface OpenFinding {
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly code: string;
  readonly message: string;
  /** `12행 5열`, where the finding is in the plan file (empty when unknown). */
  readonly location: string;
  /** `gpu.servers`, the JSON path of the value (empty when the finding has none). */
  readonly path: string;
}

export interface DocumentMeta {
  /** 신청과제명, or the form's name when it is missing. */
  readonly title: string;
  /** 기업(관)명 */
  readonly organization?: string;
  /** 총괄책임자 */
  readonly author?: string;
  readonly formVersion: string;
  /** The body's page budget (about 20 or 30 pages). */
  readonly pageBudget: number;
  readonly language: 'ko';
}

export interface PlanDocument {
  readonly meta: DocumentMeta;
  readonly blocks: readonly Block[];
  /** Also rendered as the last part of `blocks` when not empty. */
  readonly openFindings: readonly OpenFinding[];
  readonly counts: { readonly errors: number; readonly warnings: number; readonly information: number };
}

/** The mark written into a month of the milestone chart. */
export const MARK = '●';
