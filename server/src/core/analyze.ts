/**
 * `analyze(text, options) → findings`: parse → schema → rules, in offsets.
 * Pure: no I/O, no editor types. The service (service.ts) is the door the edges come through.
 */
import { computeCost, type CostModel } from './cost/cost';
import type { Finding, RawFinding, Severity } from './findings';
import { parseDocument, type ParsedDocument } from './json/parse';
import { bilingual, render, type Locale } from './l10n';
import { estimatePages, type PageEstimate } from './pages/estimate';
import type { Plan } from './plan/types';
import { DEFAULT_ABBREVIATION_ALLOWLIST } from './rules/prose/acronyms';
import { RULES, SCHEMA_OWNED, ruleOf } from './rules/registry';
import type { EngineContext, Rule, RuleOptions } from './rules/rule';
import { ReadRecorder, type ReadSet } from './reads';
import { collectTextStrings, type TextString } from './schema/prose';

export interface AnalyzeOptions {
  /** Language of the messages. Default Korean. */
  readonly locale?: Locale;
  /** Per-code severity overrides; "off" silences a code. */
  readonly severity?: Readonly<Partial<Record<string, Severity | 'off'>>>;
  /** Acronyms that need no full name, on top of the defaults. */
  readonly abbreviationAllowlist?: readonly string[];
}

/** What rules and editors read besides the plan itself, each computed once on first use. */
export interface Derived {
  readonly cost: () => CostModel;
  readonly texts: () => TextString[];
  readonly pages: () => PageEstimate;
}

export interface Analysis extends Omit<Derived, 'cost'> {
  readonly document: ParsedDocument;
  readonly plan: Plan;
  readonly cost: CostModel;
  readonly findings: Finding[];
  /** The options the analysis was made with (an incremental analysis must use the same). */
  readonly options: AnalyzeOptions;
  /** What each structure rule read in making these findings (reads.ts), by code. */
  readonly reads: ReadonlyMap<string, ReadSet>;
}

/** `internal-error` is not a rule: it reports a rule that crashed, so that the others still run. */
export const INTERNAL_ERROR = {
  code: 'internal-error',
  severity: 'warning' as Severity,
  description: { en: 'A check failed unexpectedly; the other checks still ran.', ko: '점검 중 예기치 않은 오류 (나머지 점검은 수행됨)' },
  message: {
    en: 'The "{0}" check failed unexpectedly ({1}); the other checks still ran. Please report this.',
    ko: '"{0}" 점검이 예기치 않게 실패했습니다({1}). 나머지 점검은 정상 수행되었습니다. 이 문제를 알려 주세요.',
  },
};

/** `compute`, run on the first call only (and then let go, with whatever it holds). */
export function once<T>(compute: () => T): () => T {
  let pending: (() => T) | undefined = compute;
  let value: T;
  return () => {
    if (pending) {
      value = pending();
      pending = undefined;
    }
    return value;
  };
}

const DEFAULT_ALLOWLIST: ReadonlySet<string> = new Set(DEFAULT_ABBREVIATION_ALLOWLIST);

function ruleOptions(options: AnalyzeOptions): RuleOptions {
  const extra = options.abbreviationAllowlist;
  return {
    abbreviationAllowlist: extra?.length ? new Set([...DEFAULT_ABBREVIATION_ALLOWLIST, ...extra]) : DEFAULT_ALLOWLIST,
    schemaOwned: SCHEMA_OWNED,
  };
}

function internalError(doc: ParsedDocument, rule: string, error: unknown): RawFinding {
  return {
    code: INTERNAL_ERROR.code,
    offset: doc.spanAt([])?.offset ?? 0,
    length: doc.value !== undefined ? 1 : 0,
    message: bilingual(INTERNAL_ERROR.message, rule, error instanceof Error ? error.message : String(error)),
    data: { rule },
  };
}

const isPlanObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Runs rules on a document, each guarded so that one that throws cannot stop the others. With
 * `reads`, what each structure rule read is recorded there (see reads.ts).
 */
export function runRules(
  doc: ParsedDocument,
  plan: Plan,
  rules: readonly Rule[],
  options: AnalyzeOptions,
  derived: Derived,
  reads?: Map<string, ReadSet>,
): RawFinding[] {
  const raw: RawFinding[] = [];
  const context: EngineContext = {
    doc,
    plan,
    options: ruleOptions(options),
    texts: derived.texts,
    cost: derived.cost,
    pages: derived.pages,
    report: (finding) => raw.push(finding),
  };
  const hasValue = doc.value !== undefined;
  const hasPlan = isPlanObject(doc.value);
  for (const rule of rules) {
    if ((rule.needs === 'value' && !hasValue) || (rule.needs === 'plan' && !hasPlan)) {
      reads?.set(rule.code, NOTHING_READ);
      continue;
    }
    const recorder = reads && rule.reads === 'structure' ? new ReadRecorder() : undefined;
    try {
      rule.run(
        recorder
          ? {
              ...context,
              doc: recorder.document(doc),
              plan: recorder.plan(plan),
              cost: recorder.costOf(derived.cost),
              texts: recorder.untracked(derived.texts),
              pages: recorder.untracked(derived.pages),
            }
          : context,
      );
    } catch (error) {
      raw.push(internalError(doc, rule.code, error));
    }
    if (recorder) reads?.set(rule.code, recorder.result());
  }
  return raw;
}

/** A rule that did not run (its document was not of the kind it reads): it runs again when the document is. */
const NOTHING_READ: ReadSet = { chapters: new Set(), cost: false, whole: true };

/** Applies severity settings, renders messages in the locale, and sorts by position. */
export function renderFindings(raw: readonly RawFinding[], options: AnalyzeOptions, textLength: number): Finding[] {
  const locale = options.locale ?? 'ko';
  const findings: Finding[] = [];
  // Every range lies inside the document, whatever a parser reported for a truncated text.
  const clamp = <T extends { offset: number; length: number }>(span: T): T => {
    if (span.offset >= 0 && span.length >= 0 && span.offset + span.length <= textLength) return span;
    const offset = Math.min(Math.max(span.offset, 0), textLength);
    return { ...span, offset, length: Math.min(Math.max(span.length, 0), textLength - offset) };
  };
  // Findings of one rule often share their related locations (the project period of a thousand
  // rows): rendered once for them all.
  let lastRelated: RawFinding['related'];
  let lastRendered: Finding['related'];
  const relatedOf = (related: RawFinding['related']): Finding['related'] => {
    if (!related?.length) return undefined;
    if (related !== lastRelated) {
      lastRelated = related;
      lastRendered = related.map((r) => clamp({ offset: r.offset, length: r.length, message: render(locale, r.message) }));
    }
    return lastRendered;
  };
  for (const finding of raw) {
    const configured = options.severity?.[finding.code];
    if (configured === 'off') continue;
    const severity = configured ?? finding.severity ?? ruleOf(finding.code)?.severity ?? INTERNAL_ERROR.severity;
    const span = clamp(finding);
    findings.push(
      findingWith(finding.code, severity, span.offset, span.length, render(locale, finding.message), finding.path, finding.data, relatedOf(finding.related)),
    );
  }
  return findings.sort(byPosition);
}

/**
 * A finding, its optional fields present only when set. Built field by field, not by spreading:
 * a spread followed by other fields is slow in V8, and a keystroke can make a thousand findings.
 */
export function findingWith(
  code: string,
  severity: Severity,
  offset: number,
  length: number,
  message: string,
  path: Finding['path'],
  data: unknown,
  related: Finding['related'],
): Finding {
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = { code, severity, offset, length, message };
  if (path) finding.path = path;
  if (data !== undefined) finding.data = data;
  if (related) finding.related = related;
  return finding;
}

export const byPosition = (a: Finding, b: Finding): number => a.offset - b.offset || a.code.localeCompare(b.code);

/**
 * The values derived from a plan, computed on first use. `previous`, the plan of the analysis
 * this one replaces (the same document before an edit), lets the page estimate reuse its work.
 */
export function deriveFrom(doc: ParsedDocument, plan: Plan, previous?: Plan): Derived {
  const texts = once(() => collectTextStrings(doc));
  const cost = once(() => computeCost(plan));
  return { cost, texts, pages: once(() => estimatePages(plan, cost(), previous ? { previous } : {})) };
}

export function analyzeDocument(doc: ParsedDocument, options: AnalyzeOptions = {}, previous?: Analysis): Analysis {
  const plan = (isPlanObject(doc.value) ? doc.value : {}) as Plan;
  const derived = deriveFrom(doc, plan, previous?.plan);
  const reads = new Map<string, ReadSet>();
  const findings = renderFindings(runRules(doc, plan, RULES, options, derived, reads), options, doc.text.length);
  return { document: doc, plan, cost: derived.cost(), findings, texts: derived.texts, pages: derived.pages, options, reads };
}

export function analyze(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyzeDocument(parseDocument(text), options).findings;
}
