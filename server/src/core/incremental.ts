/**
 * Re-analysis after one keystroke, without starting over, for the edit that happens most:
 * typing inside a prose string. Any string is a valid bullet, so the schema's verdict cannot
 * change; the cost, the request and every structural rule read no prose, so their findings stay
 * and only move by the length of the edit. Only the rule families that read prose run again,
 * over the list of prose strings of before, with the edited one replaced. Every other edit (a key,
 * a number, a date, a quote or a backslash, more than one change) gets a full analysis.
 */
import { INTERNAL_ERROR, byPosition, once, renderFindings, runRules, type Analysis, type AnalyzeOptions, type Derived } from './analyze';
import { cleanDocument, isCleanDocument } from './json/parse';
import { valueStringAt } from './json/scan';
import type { JsonPath } from './json/tree';
import type { Finding } from './findings';
import type { Plan } from './plan/types';
import { estimatePages } from './pages/estimate';
import { PROSE_RULES } from './rules/registry';
import { isProsePath } from './schema/prose';

export interface Edit {
  /** Offset in the previous text. */
  readonly offset: number;
  /** Characters replaced in the previous text. */
  readonly length: number;
  readonly text: string;
}

const PROSE_CODES = new Set<string>(PROSE_RULES.map((rule) => rule.code));
const UNSAFE = /["\\\u0000-\u001f]/;

/** A copy of `value` with the string at `path` replaced; only the objects on the path are copied. */
function replaceAt(value: unknown, path: JsonPath, replacement: string, depth = 0): unknown {
  if (depth === path.length) return replacement;
  const segment = path[depth];
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[segment as number] = replaceAt(value[segment as number], path, replacement, depth + 1);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value as Record<string, unknown>)) {
    Object.defineProperty(copy, key, { value: (value as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
  }
  copy[segment as string] = replaceAt((value as Record<string, unknown>)[segment as string], path, replacement, depth + 1);
  return copy;
}

function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const segment of path) current = (current as Record<string | number, unknown> | undefined)?.[segment];
  return current;
}

function shift(finding: Finding, after: number, delta: number): Finding {
  const move = <T extends { offset: number }>(span: T): T => (span.offset >= after ? { ...span, offset: span.offset + delta } : span);
  return { ...move(finding), ...(finding.related ? { related: finding.related.map(move) } : {}) };
}

/**
 * The analysis of `text` (the previous text with `edit` applied), or undefined when this edit
 * needs a full analysis. The options are those `previous` was computed with.
 */
export function reanalyze(previous: Analysis, edit: Edit, text: string): Analysis | undefined {
  const options: AnalyzeOptions = previous.options;
  const before = previous.document;
  if (!isCleanDocument(before) || UNSAFE.test(edit.text)) return undefined;
  if (UNSAFE.test(before.text.slice(edit.offset, edit.offset + edit.length))) return undefined;
  const literal = valueStringAt(before.text, edit.offset, edit.offset + edit.length);
  if (!literal || !isProsePath(literal.path)) return undefined;

  const delta = edit.text.length - edit.length;
  const value = JSON.parse(text.slice(literal.start, literal.end + delta)) as string;
  const plan = replaceAt(previous.plan, literal.path, value) as Plan;
  const document = cleanDocument(text, plan);
  // The prose strings are those of before but for the one edited: reuse the list.
  const old = valueAt(previous.plan, literal.path);
  const key = literal.path.join('\u0000');
  const texts = once(() => previous.texts().map((t) => (t.value === old && t.path().join('\u0000') === key ? t.withValue(value) : t)));
  const derived: Derived = { cost: () => previous.cost, texts, pages: once(() => estimatePages(plan, previous.cost, { previous: previous.plan, edited: { before: old, after: value } })) };

  const kept = previous.findings
    .filter((f) => !PROSE_CODES.has(f.code) && !(f.code === INTERNAL_ERROR.code && PROSE_CODES.has(String((f.data as { rule?: string } | undefined)?.rule))))
    .filter((f) => f.offset + f.length <= literal.start || f.offset >= literal.end)
    .map((f) => shift(f, literal.end, delta));
  const fresh = renderFindings(runRules(document, plan, PROSE_RULES, options, derived), options, text.length);
  return { document, plan, cost: previous.cost, findings: [...kept, ...fresh].sort(byPosition), texts, pages: derived.pages, options };
}
