/**
 * Custom messages between the gpuplan language server and its clients, typed once here and
 * imported by both sides (`server/src/lsp/*` and `client/src/*`). Standard LSP covers the rest
 * (diagnostics, completion, hover, code actions, symbols, folding, formatting).
 *
 * This module is the whole contract: it imports nothing of the engine, so the VS Code client
 * bundles none. The server's results are checked against these types where it sends them.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** A section (top-level chapter or cover field) of the form, in the form's order. */
export interface SectionInfo {
  /** The JSON key, e.g. "overview". */
  key: string;
  /** The form's Korean label, e.g. "I 과제 개요". */
  label: string;
  /** Where it belongs in the form, e.g. "표지", "요약서", "I". */
  part: string;
  /** Whether the document already has it. */
  present: boolean;
}

export interface SectionsParams {
  uri: string;
}

/** `gpuplan/sections`: the form's top-level sections and which ones the document has. */
export const SectionsRequest = new RequestType<SectionsParams, SectionInfo[], void>('gpuplan/sections');

export interface InsertionParams {
  uri: string;
  /** Path of the object to insert into; [] for the top level. */
  parentPath: (string | number)[];
  key: string;
}

export interface Insertion {
  /** Where to insert (zero-based, UTF-16), or where the section already is. */
  position: LspPosition;
  /** VS Code snippet text to insert at `position` (commas and indentation included). */
  snippet?: string;
  /** Set when the key exists already: the range of its property, to reveal instead. */
  existing?: LspRange;
}

/** `gpuplan/insertion`: how to insert a section or property at its proper place. */
export const InsertionRequest = new RequestType<InsertionParams, Insertion | null, void>('gpuplan/insertion');

/** Arguments of the client command `gpuplan.applySnippet`, used by quick fixes that need tab stops. */
export interface ApplySnippetArgs {
  uri: string;
  /** Document version the fix was computed for; the client refuses to apply it to another. */
  version: number;
  range: LspRange;
  snippet: string;
}

/** Client commands the server refers to in code actions. */
export const ClientCommands = {
  applySnippet: 'gpuplan.applySnippet',
  insertSection: 'gpuplan.insertSection',
  /** `gpuplan.turnOffRule <code> <plan uri>`: writes `"<code>": "off"` into `gpuplan.rules` at a scope the user picks. */
  turnOffRule: 'gpuplan.turnOffRule',
} as const;

/** A GPU request to try out or write: the what-if of the cost preview (the type as the server names it). */
export interface GpuRequest {
  type: string;
  servers: number;
  months: number;
}

export interface CostPreviewParams {
  uri: string;
  /** Compute the figures as if `gpu` were this request, without touching the document. */
  override?: GpuRequest;
  /** Also answer the preview's HTML (`CostPreview.html`), in the server's locale. */
  html?: boolean;
}

/** The cost preview as HTML, made by the server (the client only places it in its webview). */
export interface CostPreviewHtml {
  /** The document's figures: the III-3 table, GPU capacity, GPUs per month, milestones. */
  body: string;
  /** With an `override`: the what-if's result against the document's figures. */
  whatIf?: string;
}

/** The cost figures the previews show (a part of the server's cost model). */
export interface CostFigures {
  /** Type, servers and months are all known, so the amounts are computed. */
  complete: boolean;
  gpuType?: string;
  unitPriceWon?: number;
  servers?: number;
  months?: number;
  gpus?: number;
  serversInRange: boolean;
  monthsInRange: boolean;
  /** The form's amount: unit price × servers × months. */
  baseWon?: number;
  payer: {
    /** What the applicant pays under the payer policy. */
    applicableWon?: number;
    /** Academia and research pay nothing but must publish their results. */
    mustPublish: boolean;
  };
  hoursPerMonth: number;
  /** Allocated GPU-hours: GPUs × months × hours per month. */
  gpuHours?: number;
  stages: ReadonlyArray<{
    index: number;
    start?: string;
    end?: string;
    months?: number;
    servers?: number;
    gpus?: number;
    expectedUtilizationPercent?: number;
    gpuHours?: number;
  }>;
  /** The request triggers the on-site eligibility review (적격성 심사, 현장발표). */
  onsiteReview: boolean;
  /** The body's page budget in pages. */
  pageBudget: number;
}

/** The form's III-3 민간부담금 table as text, in the server's locale. */
export interface CostTableText {
  headers: readonly string[];
  row?: readonly string[];
  applicable?: string;
  policy: string;
  summary: string;
  gpuLine?: string;
}

/** What the program allows, as the server knows it: clients keep no copy of the program's figures. */
export interface PreviewLimits {
  types: ReadonlyArray<{ type: string; minServers: number; maxServers: number }>;
  months: { min: number; max: number };
  gpusPerServer: number;
}

/** What `gpuplan/costPreview` answers: the cost figures of the current text. */
export interface CostPreview {
  uri: string;
  /** Version of the document the figures were computed from. */
  version: number;
  cost: CostFigures;
  /** The form's 민간부담금 table and the payer line, in the server's locale. */
  table: CostTableText;
  /** Milestones of `schedule`, for the form's 12-month grid. */
  schedule: {
    start?: string;
    end?: string;
    milestones: ReadonlyArray<{ task: string; months: readonly string[] }>;
  };
  /** Estimated pages of the body and of the summary, with their budgets. */
  pages: { body: number; summary: number; budget: number; summaryBudget: number };
  /** Findings by severity, so the preview can say the plan is not clean yet. */
  counts: { error: number; warning: number; information: number };
  /** Blanks still to write, counted apart from `counts` for a client that lists them (ClientOptions.blanks). */
  toWrite?: number;
  /** What the program allows, to validate a what-if before asking for it. */
  limits: PreviewLimits;
  /** For a request with `html`, and in the notifications of a client that asked (ClientOptions.costPreviewHtml). */
  html?: CostPreviewHtml;
}

export const CostPreviewRequest = new RequestType<CostPreviewParams, CostPreview | null, void>('gpuplan/costPreview');

/** The cost preview's page, made by the server in its locale: the client gives what only it knows. */
export interface CostPreviewPageParams {
  nonce: string;
  /** The page's Content-Security-Policy (the client's, with the webview's source). */
  csp: string;
  scriptUri: string;
  styleUri: string;
  lang: string;
  /** The largest numbers the what-if fields take. */
  tryMax: { servers: number; months: number };
}

/** `gpuplan/costPreviewPage`: the page (HTML) the cost preview's webview loads; its content comes by message. */
export const CostPreviewPageRequest = new RequestType<CostPreviewPageParams, string, void>('gpuplan/costPreviewPage');

/** Sent by the server whenever a document's figures change, so clients never poll. */
export const CostChangedNotification = new NotificationType<CostPreview>('gpuplan/costChanged');

export interface GpuEditParams {
  uri: string;
  /** The document version the user saw; the server answers null for another one. */
  version: number;
  request: GpuRequest;
}

/**
 * `gpuplan/gpuEdit`: the one text edit that writes a GPU request into the document (and keeps a
 * declared 민간부담금 in step with it), for the client to apply as a single undoable change.
 */
export const GpuEditRequest = new RequestType<GpuEditParams, { range: LspRange; newText: string } | null, void>('gpuplan/gpuEdit');

/** Client command that opens the cost preview; CodeLenses and the status bar use it. */
export const SHOW_COST_PREVIEW_COMMAND = 'gpuplan.showCostPreview';

export interface DocumentParams {
  uri: string;
}

/** The document preview: the plan laid out as the form, as HTML to place in a webview. */
export interface RenderedDocument {
  uri: string;
  /** Version of the document the page was made from. */
  version: number;
  /** The page's body (escaped markup, no scripts). */
  body: string;
  /** Its stylesheet, to put once in the webview's <style nonce>. */
  css: string;
}

/** `gpuplan/renderDocument`: the document preview of an open plan. */
export const RenderDocumentRequest = new RequestType<DocumentParams, RenderedDocument | null, void>('gpuplan/renderDocument');

export interface ExportDocumentParams {
  uri: string;
  /** One of the formats the server lists in `ExportedDocument.format` (docx, hwpx, html, pdf…). */
  format: string;
  /** List the plan's open findings at the end of the document. */
  includeFindings?: boolean;
  /**
   * The program that makes a PDF, from the machine-scoped setting `gpuplan.export.pdfBrowser`
   * (user or remote settings only: the client never sends a workspace's value).
   */
  pdfBrowser?: string;
}

export interface ExportedDocument {
  format: string;
  /** The file's bytes, base64. */
  data: string;
  /** Version of the document the file was made from. */
  version: number;
  /** Findings of the plan by severity: errors refuse nothing here, the client decides. */
  errors: number;
  warnings: number;
  /** Blanks still to write, apart from the errors and warnings (for a client that lists them, ClientOptions.blanks). */
  toWrite?: number;
  /** The tool that made a PDF, e.g. "chromium". */
  tool?: string;
}

/** `gpuplan/exportDocument`: the plan as a file of one format, for the client to save. */
export const ExportDocumentRequest = new RequestType<ExportDocumentParams, ExportedDocument, void>('gpuplan/exportDocument');

/** A format the server can export, and whether it can right now (PDF needs a tool on the machine). */
export interface ExportFormatInfo {
  format: string;
  /** The file name extension, with its dot. */
  extension: string;
  available: boolean;
  /** The tool that would make it (PDF), when one was found. */
  tool?: string;
  /** Why it is not available: `missing` no tool found; `setting` the tool the setting names cannot be run. */
  problem?: 'missing' | 'setting';
}

export interface ExportFormatsParams {
  /** As in `ExportDocumentParams.pdfBrowser`. */
  pdfBrowser?: string;
}

/** `gpuplan/exportFormats`: what Export can offer. */
export const ExportFormatsRequest = new RequestType<ExportFormatsParams | null, ExportFormatInfo[], void>('gpuplan/exportFormats');

/**
 * `initializationOptions` of the VS Code client beyond the settings (docs/editor.md lists them):
 * where the rule pages open, and whether the client shows the plan's blanks in its own overview.
 */
export interface ClientOptions {
  /**
   * The rule pages' address, with `{code}` for the rule's code: each diagnostic's
   * `codeDescription.href`. Without it the server links the pages shipped beside it (file:).
   */
  ruleDocs?: string;
  /**
   * `"information"`: the client lists what is left to write itself (its overview, from
   * `gpuplan/overview`), so a blank the plan still has to fill — an empty value, a placeholder or
   * sample value gpuplan inserted — is published at the information level (still in the Problems panel), not as an error or warning, unless
   * the user set that rule's level. Without it every finding keeps its level.
   */
  blanks?: 'information';
  /** `true`: every `gpuplan/costChanged` carries the preview's HTML (`CostPreview.html`). */
  costPreviewHtml?: boolean;
}

/** The state of a part of the form in the overview. */
export type OverviewState =
  /** Everything in it is written: no blank is left (findings may remain). */
  | 'written'
  /** Some of it is written, some is still to write. */
  | 'partial'
  /** It is there, but nothing in it is written yet (only blanks, placeholders or sample values). */
  | 'empty'
  /** The form has it, the plan does not. */
  | 'missing';

export interface OverviewCounts {
  errors: number;
  warnings: number;
  information: number;
  /** Blanks still to write: empty values, placeholders and sample values that a check reports. */
  toWrite: number;
}

/** A part's state and counts in words, in the server's locale: "일부 작성", "작성할 곳 3 · 오류 1" ("" when all are 0). */
export interface OverviewText {
  state: string;
  counts: string;
}

/** One place still to write. */
export interface OverviewBlank {
  /** The form's label of the field, e.g. "기업(관)명". */
  label: string;
  path: (string | number)[];
  /** The blank itself (the placeholder or the empty value), to select so that typing replaces it. */
  range: LspRange;
  kind: 'empty' | 'placeholder' | 'sample';
  /** The placeholder or sample text, when there is one. */
  text?: string;
}

/** A section of the form (a top-level key, or a part of one) with its state. */
export interface OverviewEntry {
  /** Its JSON path in the plan. */
  path: (string | number)[];
  /** The form's label, e.g. "과제 목표" or "1. 홍길동". */
  label: string;
  state: OverviewState;
  counts: OverviewCounts;
  /** The key (or the row), to reveal; absent when the section is missing. */
  range?: LspRange;
  /** The blanks in it (at most OVERVIEW_MAX_BLANKS; `counts.toWrite` has them all). */
  blanks: OverviewBlank[];
  text: OverviewText;
}

/** A chapter of the form: 표지, 요약서, I–VI or 붙임0. */
export interface OverviewChapter {
  /** 표지, 요약서, I … VI, 붙임0. */
  part: string;
  /** The form's name, e.g. "I 과제 개요". */
  label: string;
  /** The top-level key when the chapter is one section of the plan (all but 표지). */
  key?: string;
  state: OverviewState;
  counts: OverviewCounts;
  range?: LspRange;
  /** Its sections: the cover fields of 표지, the parts of a chapter, the rows of 붙임0. */
  entries: OverviewEntry[];
  /** Blanks of the chapter outside its entries. */
  blanks: OverviewBlank[];
  text: OverviewText;
}

/** `gpuplan/overview`: what is written and what is left, in the form's order. */
export interface PlanOverview {
  uri: string;
  /** Version of the document the overview was made from. */
  version: number;
  /** The plan's `formVersion`, when it has one. */
  formVersion?: string;
  /** Whether the server knows that version of the form. */
  formVersionKnown: boolean;
  /** The versions of the form the server checks against. */
  formVersions: string[];
  chapters: OverviewChapter[];
  /** The whole plan: counts, and how many of the form's top-level sections are written. */
  totals: OverviewCounts & { sections: number; writtenSections: number };
  /** The totals in words: "작성할 곳 63 · 오류 1", and "섹션 17개 중 5개 작성". */
  totalsText: { counts: string; sections: string };
}

/** At most this many blanks are listed per entry (the counts have them all). */
export const OVERVIEW_MAX_BLANKS = 100;

export const OverviewRequest = new RequestType<DocumentParams, PlanOverview | null, void>('gpuplan/overview');

/** `gpuplan/newPlan`: the text of a new plan (the form's skeleton) and where a user starts. */
export interface NewPlan {
  /** The plan, 2-space indented, ending with a newline. */
  text: string;
  /** What to select first: the project title's placeholder, so that typing replaces it. */
  start: LspRange;
}

export const NewPlanRequest = new RequestType0<NewPlan, void>('gpuplan/newPlan');
export interface ImportDocumentParams {
  /** The document (HWP, HWPX, DOCX or PDF): a file: URI, which the server reads. */
  uri: string;
}

/** One passage of the document that is not a value of the plan (or a note about one). */
export interface ImportReportEntry {
  /** `unmapped`, `conflict`, `placeholder`, `notice`, `recomputed` or `guide`. */
  kind: string;
  /** Where in the document, in the user's language ("II-1 과제 수행 계획, 7쪽"). */
  where: string;
  text: string;
  reason: string;
  /** The plan field it concerns, or where the text was kept for review. */
  path?: string;
}

export interface ImportedDocument {
  /** The plan file's text. */
  text: string;
  /** What the document was read as: hwp, hwp3, hwpx, hwpml, docx or pdf. */
  format: string;
  report: {
    /** One line: what was read and how much of it was mapped. */
    summary: string;
    /** The whole report as Markdown, in the user's language. */
    markdown: string;
    /** Values written into the plan. */
    values: number;
    entries: ImportReportEntry[];
  };
}

/**
 * `gpuplan/importDocument`: the filled form read back into a plan (the client writes the file).
 * A document that cannot be imported (not the form, encrypted, a scan, empty) is answered with an
 * error whose message says why, in the user's language, and whose `data.code` names the case.
 */
export const ImportDocumentRequest = new RequestType<ImportDocumentParams, ImportedDocument, void>('gpuplan/importDocument');
