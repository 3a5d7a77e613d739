/** What a rule family sees: the document, the plan, helpers to place findings, and a reporter. */
import type { CostModel } from '../cost';
import type { JsonPath } from '../json/tree';
import type { ParsedDocument } from '../json/parse';
import type { FindingCode, RawFinding, Span } from '../findings';
import type { Message } from '../l10n';
import type { Plan } from '../plan/types';
import type { TextString } from '../schema/prose';
import type { PageEstimate } from './page-budget';

export interface RuleOptions {
  /** Acronyms that need no definition, on top of the defaults. */
  readonly abbreviationAllowlist: ReadonlySet<string>;
}

export interface RuleContext {
  readonly doc: ParsedDocument;
  readonly plan: Plan;
  readonly options: RuleOptions;
  /** Prose strings of every Text field (computed once per analysis). */
  texts(): readonly TextString[];
  /** The cost model of this plan (computed once per analysis). */
  cost(): CostModel;
  /** The page estimate of this plan (computed once per analysis, when first asked for). */
  pages(): PageEstimate;
  report(finding: RawFinding): void;
}

export interface RuleFamily {
  /** One file per family; the id names it in internal-error reports. */
  readonly id: string;
  readonly codes: readonly FindingCode[];
  run(context: RuleContext): void;
}

export { asArray, asInteger, asNumber, asObject, asString, isObject } from '../plan/read';

/** The span of the value at `path`, falling back to the nearest existing ancestor's key. */
export function valueSpan(doc: ParsedDocument, path: JsonPath): Span {
  const exact = doc.spanAt(path);
  if (exact) return exact;
  for (let length = path.length - 1; length >= 0; length--) {
    const prefix = path.slice(0, length);
    const key = length > 0 ? doc.spanAt(prefix, 'key') : undefined;
    if (key) return key;
    const value = doc.spanAt(prefix);
    if (value) return { offset: value.offset, length: 1 };
  }
  return { offset: 0, length: 0 };
}

/** The span of the key of the property at `path` (its value's span for array items). */
export function keySpan(doc: ParsedDocument, path: JsonPath): Span {
  return doc.spanAt(path, 'key') ?? valueSpan(doc, path);
}

/** A related location for cross-field rules: the other value, with a note. */
export function related(doc: ParsedDocument, path: JsonPath, message: Message): Span & { message: Message } {
  return { ...valueSpan(doc, path), message };
}
