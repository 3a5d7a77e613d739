/**
 * `analyze(text, options) → findings`: parse → schema → rules, in offsets.
 * Pure: no I/O, no editor types. The language server, the CLI, the preview and the tests call it.
 */
import { ParseErrorCode } from 'jsonc-parser';
import { computeCost, type CostModel } from './cost';
import { MAX_NESTING_DEPTH, parseDocument, type ParsedDocument, type SyntaxProblem } from './json/parse';
import type { Finding, FindingCode, RawFinding, Severity } from './findings';
import { msg, render, type Locale, type Message } from './l10n';
import type { Plan } from './plan/types';
import { DEFAULT_ABBREVIATION_ALLOWLIST } from './rules/text';
import { RULE_FAMILIES, RULE_INFO } from './rules';
import { estimatePages, type PageEstimate } from './rules/page-budget';
import type { RuleContext, RuleFamily } from './rules/context';
import { collectTextStrings, type TextString } from './schema/prose';
import { schemaFindings, type SchemaOwnership } from './schema/errors';

/** Rules own these checks and explain them better than a generic schema message would. */
const RULE_OWNED: readonly SchemaOwnership[] = [
  { pointer: /^\/gpu\/servers$/, keywords: ['minimum', 'maximum'] }, // gpu-servers-range
  { pointer: /^\/gpu\/months$/, keywords: ['minimum', 'maximum'] }, // gpu-months-range
  { pointer: /^\/staff\/\d+\/participationPercent$/, keywords: ['minimum', 'maximum'] }, // staff-participation
  { pointer: /^\/pledge\/agreed$/, keywords: ['const', 'enum'] }, // pledge-missing
  { pointer: /^\/pledge$/, keywords: ['required'], missing: 'agreed' }, // pledge-missing
  { pointer: /^\/disclosure\/publications$/, keywords: ['required'], missing: 'acknowledgement' }, // acknowledgement-missing
];

export interface AnalyzeOptions {
  /** Language of the messages. Default Korean. */
  readonly locale?: Locale;
  /** Per-code severity overrides; "off" silences a code. */
  readonly severity?: Readonly<Partial<Record<string, Severity | 'off'>>>;
  /** Acronyms that need no full name, on top of the defaults. */
  readonly abbreviationAllowlist?: readonly string[];
}

export interface Analysis {
  readonly document: ParsedDocument;
  readonly plan: Plan;
  readonly cost: CostModel;
  readonly findings: Finding[];
  /** The plan's prose strings, computed once and shared (rules, page estimate, preview). */
  readonly texts: () => TextString[];
  /** The page estimate, computed once on first use and shared (page-budget rule, preview). */
  readonly pages: () => PageEstimate;
}

/** What rules and editors read besides the plan itself, each computed once on first use. */
export interface Derived {
  readonly cost: () => CostModel;
  readonly texts: () => TextString[];
  readonly pages: () => PageEstimate;
}

/** `compute`, run on the first call only. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

export const SYNTAX_MESSAGES: Partial<Record<SyntaxProblem['code'], string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Invalid symbol.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number.',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected.',
  [ParseErrorCode.ValueExpected]: 'A value is expected.',
  [ParseErrorCode.ColonExpected]: 'A colon ":" is expected.',
  [ParseErrorCode.CommaExpected]: 'A comma "," is expected.',
  [ParseErrorCode.CloseBraceExpected]: 'A closing brace "}" is expected.',
  [ParseErrorCode.CloseBracketExpected]: 'A closing bracket "]" is expected.',
  [ParseErrorCode.EndOfFileExpected]: 'Nothing may follow the plan\'s closing brace.',
  [ParseErrorCode.InvalidCommentToken]: 'Comments are not allowed in a gpuplan file (it is plain JSON).',
  [ParseErrorCode.UnexpectedEndOfComment]: 'The comment is not closed.',
  [ParseErrorCode.UnexpectedEndOfString]: 'The string is not closed: a closing double quote is missing.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'The number is not complete.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character.',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in a string: control characters such as line breaks must be escaped (\\n).',
};

function syntaxFinding(doc: ParsedDocument, problem: SyntaxProblem): RawFinding {
  const { text } = doc;
  if (problem.code === 'tooDeep') {
    return { code: 'syntax', offset: problem.offset, length: 1, message: msg('Nesting deeper than {0} levels is not supported; the plan was not read.', MAX_NESTING_DEPTH) };
  }
  if (text.trim().length === 0 || text.trim() === '\ufeff') {
    return { code: 'syntax', offset: 0, length: 0, message: msg('The file is empty. Start from the command "gpuplan: New Plan" or a snippet.') };
  }
  if (problem.code === ParseErrorCode.PropertyNameExpected || problem.code === ParseErrorCode.ValueExpected) {
    // A trailing comma: point at the comma, which is what the user has to delete.
    let i = problem.offset - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    if (text[i] === ',' && (text[problem.offset] === '}' || text[problem.offset] === ']')) {
      return { code: 'syntax', offset: i, length: 1, message: msg('Trailing comma: remove this ",".'), data: { fix: 'removeTrailingComma' } };
    }
  }
  const template = SYNTAX_MESSAGES[problem.code] ?? 'Syntax error.';
  return { code: 'syntax', offset: problem.offset, length: problem.length, message: msg(template) };
}

function duplicateFindings(doc: ParsedDocument): RawFinding[] {
  return doc.duplicates.map(({ key, first }) => ({
    code: 'schema' as const,
    offset: first.offset,
    length: first.length,
    message: msg('Duplicate key {0}: this value is ignored because the same key appears again below. Merge the two, or text will be lost.', JSON.stringify(first.value)),
    data: { keyword: 'duplicateKey' },
    related: [{ offset: key.offset, length: key.length, message: msg('The later {0}, whose value is used.', JSON.stringify(key.value)) }],
  }));
}

function renderFinding(raw: RawFinding, locale: Locale, severity: Severity): Finding {
  return {
    code: raw.code,
    severity,
    offset: raw.offset,
    length: raw.length,
    message: render(locale, raw.message),
    ...(raw.path ? { path: raw.path } : {}),
    ...(raw.data !== undefined ? { data: raw.data } : {}),
    ...(raw.related?.length ? { related: raw.related.map((r) => ({ offset: r.offset, length: r.length, message: render(locale, r.message) })) } : {}),
  };
}

const DEFAULT_ALLOWLIST: ReadonlySet<string> = new Set(DEFAULT_ABBREVIATION_ALLOWLIST);

/** The acronyms that need no full name: the defaults and the user's. */
function allowlistOf(options: AnalyzeOptions): ReadonlySet<string> {
  const extra = options.abbreviationAllowlist;
  return extra?.length ? new Set([...DEFAULT_ABBREVIATION_ALLOWLIST, ...extra]) : DEFAULT_ALLOWLIST;
}

/** Runs rule families on a plan, each guarded so that one that throws cannot stop the others. */
export function runFamilies(
  doc: ParsedDocument,
  plan: Plan,
  families: readonly RuleFamily[],
  options: AnalyzeOptions,
  derived: Derived,
): RawFinding[] {
  const raw: RawFinding[] = [];
  const context: RuleContext = {
    doc,
    plan,
    options: { abbreviationAllowlist: allowlistOf(options) },
    texts: derived.texts,
    cost: derived.cost,
    pages: derived.pages,
    report: (finding) => raw.push(finding),
  };
  for (const family of families) {
    try {
      family.run(context);
    } catch (error) {
      raw.push(internalError(doc, family.id, error));
    }
  }
  return raw;
}

/** Applies severity settings, renders messages in the locale, and sorts by position. */
export function renderFindings(raw: readonly RawFinding[], options: AnalyzeOptions, textLength: number): Finding[] {
  const locale = options.locale ?? 'ko';
  const findings: Finding[] = [];
  // Every range lies inside the document, whatever a parser reported for a truncated text.
  const clamp = <T extends { offset: number; length: number }>(span: T): T => {
    const offset = Math.min(Math.max(span.offset, 0), textLength);
    return { ...span, offset, length: Math.min(Math.max(span.length, 0), textLength - offset) };
  };
  for (const finding of raw) {
    const configured = options.severity?.[finding.code];
    if (configured === 'off') continue;
    const rendered = renderFinding(clamp(finding), locale, configured ?? finding.severity ?? RULE_INFO[finding.code as FindingCode].severity);
    findings.push(rendered.related ? { ...rendered, related: rendered.related.map(clamp) } : rendered);
  }
  return findings.sort(byPosition);
}

export const byPosition = (a: Finding, b: Finding): number => a.offset - b.offset || a.code.localeCompare(b.code);

export function analyzeDocument(doc: ParsedDocument, options: AnalyzeOptions = {}): Analysis {
  // jsonc-parser may report the same spot twice while it recovers; one finding per spot is enough.
  const raw: RawFinding[] = [];
  const syntaxSpots = new Set<number>();
  for (const problem of doc.syntaxErrors) {
    const finding = syntaxFinding(doc, problem);
    if (syntaxSpots.has(finding.offset)) continue;
    syntaxSpots.add(finding.offset);
    raw.push(finding);
  }
  const isPlanObject = typeof doc.value === 'object' && doc.value !== null && !Array.isArray(doc.value);
  const plan = (isPlanObject ? doc.value : {}) as Plan;
  const texts = once(() => collectTextStrings(doc));
  const derived: Derived = { cost: once(() => computeCost(plan)), texts, pages: once(() => estimatePages(plan, texts())) };

  if (doc.value !== undefined) {
    // Loops, not push(...list): a list of 200,000 findings would overflow the call stack.
    for (const finding of duplicateFindings(doc)) raw.push(finding);
    try {
      for (const finding of schemaFindings(doc, RULE_OWNED)) raw.push(finding);
    } catch (error) {
      raw.push(internalError(doc, 'schema', error));
    }
  }
  if (isPlanObject) for (const finding of runFamilies(doc, plan, RULE_FAMILIES, options, derived)) raw.push(finding);
  return { document: doc, plan, cost: derived.cost(), findings: renderFindings(raw, options, doc.text.length), texts, pages: derived.pages };
}

function internalError(doc: ParsedDocument, family: string, error: unknown): RawFinding {
  const detail: Message = msg('{0}', error instanceof Error ? error.message : String(error));
  return {
    code: 'internal-error',
    offset: doc.spanAt([])?.offset ?? 0,
    length: doc.value !== undefined ? 1 : 0,
    message: msg('The "{0}" checks failed unexpectedly ({1}); the other checks still ran. Please report this.', family, render('en', detail)),
    data: { family },
  };
}

export function analyze(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyzeDocument(parseDocument(text), options).findings;
}
