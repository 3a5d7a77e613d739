/**
 * The one door to the engine, in the manner of vscode-json-languageservice: the language server,
 * the CLI and the tests call this service and nothing else of the core. It owns analysis (full
 * and incremental), fixes and fix-all, the cost preview, CodeLens and hover facts, the outline,
 * the form's sections, insertions, the document model and export.
 *
 * I/O is injected: the writers of the export formats (and whatever they need, such as a PDF
 * tool) come from the edge that creates the service; the core itself writes nothing.
 */
import { analyzeDocument, type Analysis, type AnalyzeOptions } from './analyze';
import { computeCost, type CostModel } from './cost/cost';
import { costTable, type CostTable } from './cost/table';
import { applyEdits, minimalEdit, type Fix, type OffsetEdit } from './edit/fix';
import { gpuRequestEdit, type GpuRequestValues } from './edit/gpu-request';
import { planInsertion, type Insertion } from './edit/insertion';
import type { Finding, Severity, Span } from './findings';
import { FORM_SECTIONS } from './form-sections';
import { GPUS_PER_SERVER, GPU_TYPES, MONTHS, SUMMARY_MAX_PAGES } from './figures';
import { hoverFacts, type HoverFacts } from './hover';
import { reanalyze, type Edit } from './incremental';
import { parseDocument } from './json/parse';
import type { JsonPath } from './json/tree';
import { localize, type Locale } from './l10n';
import { outline, type OutlineItem } from './outline';
import { asArray, asObject, asString } from './plan/read';
import { planToDocument, type PlanDocument } from './render';
import { ruleOf } from './rules/registry';
import { enumLabel } from './schema/lookup';

export type { Analysis, AnalyzeOptions } from './analyze';
export type { HoverFacts } from './hover';

/** A file an exporter wrote. */
export interface ExportedFile {
  readonly bytes: Uint8Array;
  /** The outside tool that made it, when one did (e.g. the PDF printer). */
  readonly tool?: string;
}

/** A writer of one export format: the document model → the file's bytes. */
export type Exporter = (document: PlanDocument, options?: ExportOptions) => Promise<ExportedFile>;

export interface ExportOptions {
  /** List the plan's open findings at the end of the document. */
  readonly includeFindings?: boolean;
  /** Options of one writer (e.g. which PDF tool), passed through as they are. */
  readonly [option: string]: unknown;
}

export interface PlanServiceOptions {
  /** Writers of the export formats, injected by the edge (the core writes no files). */
  readonly exporters?: Readonly<Partial<Record<string, Exporter>>>;
}

/** A fix with the finding it fixes. */
export interface FindingFix {
  readonly finding: Finding;
  readonly fix: Fix;
}

/** A GPU request the user tries out or writes (the what-if of the cost preview). */
export type GpuRequest = GpuRequestValues;

/** The figures the cost preview shows, computed from one analysis. */
export interface CostPreviewModel {
  readonly cost: CostModel;
  /** The form's 민간부담금 table and the payer line, in the requested locale. */
  readonly table: CostTable;
  /** Milestones of `schedule`, for the form's 12-month grid. */
  readonly schedule: {
    readonly start?: string;
    readonly end?: string;
    readonly milestones: ReadonlyArray<{ readonly task: string; readonly months: readonly string[] }>;
  };
  /** Estimated pages of the body and of the summary, with their budgets. */
  readonly pages: { readonly body: number; readonly summary: number; readonly budget: number; readonly summaryBudget: number };
  /** Findings by severity, so the preview can say the plan is not clean yet. */
  readonly counts: { readonly error: number; readonly warning: number; readonly information: number };
  /** What the program allows, so a client can validate a what-if without its own copy of the figures. */
  readonly limits: {
    readonly types: ReadonlyArray<{ readonly type: string; readonly minServers: number; readonly maxServers: number }>;
    readonly months: { readonly min: number; readonly max: number };
    readonly gpusPerServer: number;
  };
}

/** A CodeLens at a key: the amount with the payer policy. */
export interface CodeLensFact extends Span {
  readonly title: string;
}

/** The form's top-level sections and whether the plan has each. */
export interface SectionState {
  readonly key: string;
  readonly label: string;
  readonly part: string;
  readonly present: boolean;
}

export interface FixAllResult {
  /** One edit from the text as it was to the text with every fix applied (none when nothing changed). */
  readonly edits: readonly OffsetEdit[];
  /** The text after the fixes. */
  readonly text: string;
  /** How many fixes were applied over all rounds. */
  readonly applied: number;
}

export interface PlanService {
  /** A full analysis of a text. */
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /** The analysis after one edit of `previous`'s text: incremental when it can be, else full. */
  update(previous: Analysis, edit: Edit, text: string): Analysis;
  /** Every fix of the findings that overlap `span` (of `codes` only, when given). */
  fixesAt(analysis: Analysis, span: Span, codes?: readonly string[]): FindingFix[];
  /** The fixes of one finding. */
  fixesOf(analysis: Analysis, finding: Finding): Fix[];
  /** One fix combining the combinable fixes of every finding of `code`, when there are two or more. */
  fixAllOfCode(analysis: Analysis, code: string): Fix | undefined;
  /**
   * Every preferred, combinable fix of the text, applied in dependency order and recomputed
   * after each round, so that a value computed from another (a total from servers × months) is
   * computed from the fixed one.
   */
  fixAll(analysis: Analysis, codes?: readonly string[]): FixAllResult;
  costPreview(analysis: Analysis, locale: Locale, override?: GpuRequest): CostPreviewModel;
  codeLenses(analysis: Analysis, locale: Locale): CodeLensFact[];
  /**
   * What a hover at `path` says: the findings in the span `at`, the field's label and
   * description in `locale` (or the hovered enum `value`'s), the allowed range and the amount.
   */
  hover(analysis: Analysis, path: JsonPath, locale: Locale, at?: Span, value?: unknown): HoverFacts;
  /** The form's label of an enum value (e.g. "산업계 (중소기업, …)" for applicant.type "industry"). */
  enumLabel(path: JsonPath, value: unknown): string | undefined;
  outline(analysis: Analysis): OutlineItem[];
  sections(analysis: Analysis): SectionState[];
  insertion(analysis: Analysis, parentPath: JsonPath, key: string): Insertion | undefined;
  gpuEdit(analysis: Analysis, request: GpuRequest): OffsetEdit | undefined;
  documentModel(analysis: Analysis): PlanDocument;
  /** The exported file's bytes; the format must be one the service was given a writer for. */
  exportDocument(analysis: Analysis, format: string, options?: ExportOptions): Promise<ExportedFile>;
  /** The formats the service can export. */
  readonly exportFormats: readonly string[];
}

const overlaps = (finding: Span, span: Span): boolean => finding.offset <= span.offset + span.length && span.offset <= finding.offset + finding.length;

/** At most this many rounds of fix-all: each round can only make values computed from fixed ones right. */
const MAX_FIX_ROUNDS = 5;

export function createPlanService(serviceOptions: PlanServiceOptions = {}): PlanService {
  const exporters = serviceOptions.exporters ?? {};

  const fixesOf = (analysis: Analysis, finding: Finding): Fix[] =>
    ruleOf(finding.code)?.fixes(finding, { doc: analysis.document, plan: analysis.plan, locale: analysis.options.locale ?? 'ko' }) ?? [];

  /** The first preferred combinable fix of each finding whose rule does not wait for another's. */
  function roundOfFixes(analysis: Analysis, codes: readonly string[] | undefined): Array<{ finding: Finding; fix: Fix }> {
    const candidates = analysis.findings
      .filter((f) => !codes || codes.includes(f.code))
      .flatMap((finding) => {
        const fix = fixesOf(analysis, finding).find((x) => x.fixAll && x.preferred && x.edits?.length);
        return fix ? [{ finding, fix }] : [];
      });
    const pending = new Set(candidates.map((c) => c.finding.code));
    // A rule waits while a rule its fix is computed from still has fixes to apply.
    return candidates.filter(({ finding }) => !(ruleOf(finding.code)?.fixAfter ?? []).some((code) => pending.has(code)));
  }

  return {
    exportFormats: Object.keys(exporters),

    analyze: (text, options = {}) => analyzeDocument(parseDocument(text), options),

    update: (previous, edit, text) => reanalyze(previous, edit, text) ?? analyzeDocument(parseDocument(text), previous.options, previous),

    fixesAt(analysis, span, codes) {
      return analysis.findings
        .filter((finding) => overlaps(finding, span) && (!codes || codes.includes(finding.code)))
        .flatMap((finding) => fixesOf(analysis, finding).map((fix) => ({ finding, fix })));
    },

    fixesOf,

    fixAllOfCode(analysis, code) {
      const fixes = analysis.findings
        .filter((f) => f.code === code)
        .flatMap((f) =>
          fixesOf(analysis, f)
            .filter((x) => x.fixAll)
            .slice(0, 1),
        );
      if (fixes.length < 2) return undefined;
      const locale = analysis.options.locale ?? 'ko';
      return {
        code,
        title: localize(locale, 'Fix all "{0}" problems in this file ({1})', code, fixes.length),
        edits: fixes.flatMap((f) => f.edits ?? []),
        fixAll: true,
        preferred: false,
      };
    },

    fixAll(analysis, codes) {
      const original = analysis.document.text;
      let current = analysis;
      let applied = 0;
      for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
        const fixes = roundOfFixes(current, codes);
        if (fixes.length === 0) break;
        const text = applyEdits(
          current.document.text,
          fixes.flatMap(({ fix }) => fix.edits ?? []),
        );
        if (text === current.document.text) break;
        applied += fixes.length;
        current = analyzeDocument(parseDocument(text), analysis.options);
      }
      const text = current.document.text;
      return { text, applied, edits: text === original ? [] : [minimalEdit(original, text)] };
    },

    costPreview(analysis, locale, override) {
      const cost = override ? computeCost({ ...analysis.plan, gpu: { ...override } }) : analysis.cost;
      const schedule = asObject(analysis.plan.schedule);
      const period = asObject(schedule?.period);
      const pages = analysis.pages();
      const counts = { error: 0, warning: 0, information: 0 };
      for (const f of analysis.findings) counts[f.severity === 'hint' ? 'information' : f.severity]++;
      const round = (n: number) => Math.round(n * 10) / 10;
      return {
        cost,
        table: costTable(cost, locale),
        schedule: {
          start: asString(period?.start),
          end: asString(period?.end),
          milestones: asArray(schedule?.milestones).map((m) => {
            const row = asObject(m);
            return { task: asString(row?.task) ?? '', months: asArray(row?.months).filter((x): x is string => typeof x === 'string') };
          }),
        },
        pages: { body: round(pages.bodyPages), summary: round(pages.summaryPages), budget: cost.pageBudget, summaryBudget: SUMMARY_MAX_PAGES.value },
        counts,
        limits: {
          types: Object.entries(GPU_TYPES).map(([type, f]) => ({ type, minServers: f.value.minServers, maxServers: f.value.maxServers })),
          months: { ...MONTHS.value },
          gpusPerServer: GPUS_PER_SERVER.value,
        },
      };
    },

    codeLenses(analysis, locale) {
      const { cost } = analysis;
      const table = costTable(cost, locale);
      const discounted = cost.payer.applicableWon !== undefined && cost.payer.applicableWon !== cost.baseWon;
      const title = cost.complete && !discounted ? `${table.summary} · ${table.policy}` : table.summary;
      return [['gpu'], ['gpuPlan', 'copayment']].flatMap((path) => {
        const key = analysis.document.spanAt(path, 'key');
        return key ? [{ ...key, title }] : [];
      });
    },

    hover: (analysis, path, locale, at, value) => hoverFacts(analysis, path, locale, at, value),

    enumLabel,

    outline: (analysis) => outline(analysis.document),

    sections(analysis) {
      const plan = analysis.plan as Record<string, unknown>;
      return FORM_SECTIONS.map((s) => ({ key: s.key, label: s.label, part: s.part, present: Object.prototype.hasOwnProperty.call(plan, s.key) }));
    },

    insertion: (analysis, parentPath, key) => planInsertion(analysis.document, parentPath, key),

    gpuEdit: (analysis, request) => gpuRequestEdit(analysis.document, request),

    documentModel: (analysis) => planToDocument({ plan: analysis.plan, cost: analysis.cost, findings: analysis.findings, document: analysis.document }),

    async exportDocument(analysis, format, options) {
      const exporter = exporters[format];
      if (!exporter) throw new Error(`No writer for the format "${format}".`);
      const findings = options?.includeFindings === true ? analysis.findings : [];
      return exporter(planToDocument({ plan: analysis.plan, cost: analysis.cost, findings, document: analysis.document }), options);
    },
  };
}

/** Severity counts of findings, for summaries. */
export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
