/**
 * Re-analysis after one keystroke, without starting over, for the edits that happen most: typing
 * inside one literal (a prose string, another string such as a date, a number, a key) and white
 * space between tokens. The result is exactly that of a full analysis of the new text (tests
 * hold it to that on random chains of edits of every kind); an edit it cannot prove so gets a
 * full analysis.
 *
 * The new text is valid JSON of the same structure when the edited literal, read again, is one
 * literal of the same kind: then the value is the previous one with one leaf (or one key)
 * replaced, copying only the objects on its path; the tree of the text takes over what the
 * previous tree had read, moved by the length of the edit. What each rule reads decides what
 * runs again, and over what:
 *
 * - inside a prose string: no structural rule reads prose and any string is a valid bullet, so
 *   the schema's verdict cannot change; of the prose rules, those that read each string on its
 *   own read the edited one only, and those that read across strings run again unless the edited
 *   string, before and after, has no part in what they read (`PROSE_RULES_IN_PROSE`);
 * - anywhere else (a number, a date, a key outside prose): the structural rules that read the
 *   edited chapter last time, or the cost model when it changed, or the whole document, run
 *   again (what each read is recorded as it runs: reads.ts); the schema is validated again
 *   chapter by chapter (the chapters not edited keep their errors); of the prose rules, those
 *   that read more than the `Text` strings (`PROSE_RULES_OUTSIDE_PROSE`) run again when the
 *   edit can change what they read. The prose strings are those of before.
 * - white space between tokens: the value is the same; every finding moves.
 *
 * Anything else gets a full analysis: punctuation, a quote or a backslash, several changes at
 * once, a text that was not clean JSON, a key that would repeat another, a key of the top level
 * or one under which prose can be, a finding the edit cuts across.
 */
import { INTERNAL_ERROR, byPosition, findingWith, once, renderFindings, runRules, type Analysis, type AnalyzeOptions, type Derived } from './analyze';
import { computeCost, type CostModel } from './cost/cost';
import type { Finding, RelatedLocation } from './findings';
import { adoptTree } from './json/lazy-tree';
import { cleanDocumentAfter, isCleanDocument } from './json/parse';
import type { JsonPath } from './json/tree';
import type { Node } from 'jsonc-parser';
import type { Plan } from './plan/types';
import { estimatePages } from './pages/estimate';
import { definedAcronyms, forEachAcronym } from './rules/prose/acronyms';
import { guideSentenceHits, guideTextAnywhere } from './rules/prose/guide';
import { readsEdit } from './reads';
import { RULES } from './rules/registry';
import { SCHEMA, TEXT_REF, validateInParts, type SchemaNode } from './schema/compile';
import { resolveRef } from './schema/lookup';
import { isProsePath, type TextString } from './schema/prose';

export interface Edit {
  /** Offset in the previous text. */
  readonly offset: number;
  /** Characters replaced in the previous text. */
  readonly length: number;
  readonly text: string;
}

// ---------------------------------------------------------------------------------------------
// What the rules read.

const RULE_INDEX = new Map<string, number>(RULES.map((rule, index) => [rule.code, index]));

/** The rule a finding came from: its code, or for an internal error the rule that crashed. */
const ruleCodeOf = (finding: Finding): string =>
  finding.code === INTERNAL_ERROR.code ? String((finding.data as { rule?: string } | undefined)?.rule) : finding.code;

/** A literal that was edited: its value before and after (keys too; '' for a number), whether it is a key. */
interface Change {
  readonly before: string;
  readonly after: string;
  readonly key: boolean;
}

/** What a rule's findings become after an edit: the same (moved), those of the edited string made again, or all made again. */
type Redo = 'keep' | 'edited string' | 'again';

const CAPITAL_PAIR_OR_PARENTHESIS = /[A-Z][A-Z]|[()]/;

/**
 * Rules declared as reading prose also read other things; after an edit outside prose, which of
 * them can find something else (`inside`: they had findings inside the edited property). A prose
 * rule not listed here runs again after every edit outside prose.
 */
const PROSE_RULES_OUTSIDE_PROSE: Readonly<Partial<Record<string, (change: Change, inside: boolean) => Redo>>> = {
  // Reads only the Text strings, which an edit outside prose leaves as they were.
  'vague-expression': () => 'keep',
  // The budget comes from the GPU request, and the estimate reads table cells: always again
  // (cheap: the estimate lays out again only the parts that read the edited value).
  'page-budget': () => 'again',
  // Every string value of the plan (not only prose), each on its own; a finding's path goes
  // through the keys above it.
  'template-guide-left': (change, inside) =>
    inside || (!change.key && (guideTextAnywhere(change.before) || guideTextAnywhere(change.after))) ? 'again' : 'keep',
  // Definitions anywhere in the text (a parenthesis, in one literal), and the project title
  // besides the prose: a literal without two capitals in a row or a parenthesis has no part in either.
  'abbreviation-undefined': (change) => (CAPITAL_PAIR_OR_PARENTHESIS.test(change.before) || CAPITAL_PAIR_OR_PARENTHESIS.test(change.after) ? 'again' : 'keep'),
};

/** Whether a prose string may hold something template-guide-left reports. */
const guideLike = (text: string): boolean => guideTextAnywhere(text) || guideSentenceHits(text).length > 0;

/** The edit inside a prose string, in indices of its value (the literal has no escape). */
interface ValueEdit {
  readonly before: string;
  readonly after: string;
  readonly at: number;
  readonly removed: number;
}

/**
 * After an edit inside one prose string, what each prose rule needs. A prose rule not listed
 * here runs again over every string.
 */
const PROSE_RULES_IN_PROSE: Readonly<Partial<Record<string, (edit: ValueEdit | undefined) => Redo>>> = {
  // Each string on its own: only the edited one is read again.
  'vague-expression': () => 'edited string',
  // Cheap: the estimate measures the edited string only, and lays out again only its chapter
  // when that string's line count changed.
  'page-budget': () => 'again',
  // Each string value on its own; a string with no mark, placeholder or guide sentence before or
  // after the edit has none to report.
  'template-guide-left': (edit) => (edit && !guideLike(edit.before) && !guideLike(edit.after) ? 'keep' : 'again'),
  // Across strings (a definition anywhere, each acronym reported where it first appears): the
  // same when the string defines the same acronyms and has the same ones at the same places.
  'abbreviation-undefined': (edit) => (edit && acronymsMoveWith(edit) ? 'keep' : 'again'),
};

/** The acronyms of a string, as [start, end) pairs. */
function acronymsOf(value: string): number[] {
  const out: number[] = [];
  forEachAcronym(value, 0, value.length, (start, end) => void out.push(start, end));
  return out;
}

function definitionsOf(value: string): string {
  return value.includes('(') ? [...definedAcronyms(value, new Set())].sort().join(' ') : '';
}

/** Whether the edited string has the acronyms it had, moved by the edit, and the same definitions. */
function acronymsMoveWith(edit: ValueEdit): boolean {
  if (!CAPITAL_PAIR_OR_PARENTHESIS.test(edit.before) && !CAPITAL_PAIR_OR_PARENTHESIS.test(edit.after)) return true;
  const before = acronymsOf(edit.before);
  const after = acronymsOf(edit.after);
  if (before.length !== after.length) return false;
  const end = edit.at + edit.removed;
  const delta = edit.after.length - edit.before.length;
  for (let i = 0; i < before.length; i += 2) {
    // Before the edit or after it (then the same text, moved); one the edit touches is not the same acronym.
    const shift = before[i + 1] <= edit.at ? 0 : before[i] >= end ? delta : undefined;
    if (shift === undefined || before[i] + shift !== after[i] || before[i + 1] + shift !== after[i + 1]) return false;
  }
  return definitionsOf(edit.before) === definitionsOf(edit.after);
}

// ---------------------------------------------------------------------------------------------
// Where the edit is.

interface Literal {
  readonly node: Node;
  readonly path: (string | number)[];
  /** The literal is a key (`path` is then the path of its property). */
  readonly key: boolean;
}

const isContainer = (node: Node): boolean => node.type === 'object' || node.type === 'array';

/** The child of a container whose span holds [from, to] (its end included), by bisection. */
function childAround(children: readonly Node[], from: number, to: number): { child: Node; index: number } | undefined {
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const child = children[mid];
    if (child.offset + child.length < from) low = mid + 1;
    else if (child.offset > from) high = mid - 1;
    else return child.offset <= from && to <= child.offset + child.length ? { child, index: mid } : undefined;
  }
  return undefined;
}

/**
 * The literal whose text holds the edited range [from, to): strictly between the quotes of a
 * string (value or key), or anywhere in a number, true, false or null, its ends included.
 */
function literalAt(root: Node, from: number, to: number): Literal | undefined {
  const path: (string | number)[] = [];
  let node = root;
  for (;;) {
    if (node.type === 'string') return node.offset < from && to < node.offset + node.length ? { node, path, key: false } : undefined;
    if (!isContainer(node)) return node.offset <= from && to <= node.offset + node.length ? { node, path, key: false } : undefined;
    const around = childAround(node.children ?? [], from, to);
    if (!around) return undefined;
    if (node.type === 'array') {
      path.push(around.index);
      node = around.child;
      continue;
    }
    const [key, value] = around.child.children ?? [];
    path.push(key.value as string);
    if (to <= key.offset + key.length) return key.offset < from && to < key.offset + key.length ? { node: key, path, key: true } : undefined;
    node = value;
  }
}

// eslint-disable-next-line no-control-regex -- on purpose: the characters a JSON string literal must escape (quote, backslash, U+0000–U+001F)
const UNSAFE = /["\\\u0000-\u001f]/;
const WHITE_SPACE = /^[ \t\n\r]*$/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** Keys JSON.parse puts first whatever their place (array indices), or that are special. */
const SPECIAL_KEY = /^(?:0|[1-9]\d*)$|^__proto__$/;

/** The value of the literal as edited, if it is still one literal of the same kind. */
function editedValue(before: Node, literal: string): { value: string | number | boolean | null } | undefined {
  if (before.type === 'string') {
    if (literal.charCodeAt(0) !== 0x22 || literal.charCodeAt(literal.length - 1) !== 0x22 || literal.length < 2) return undefined;
    try {
      // One whole string literal, or a SyntaxError (an escape cut in two, a quote typed…).
      const value: unknown = JSON.parse(literal);
      return typeof value === 'string' ? { value } : undefined;
    } catch {
      return undefined;
    }
  }
  if (NUMBER.test(literal)) return { value: JSON.parse(literal) as number };
  if (literal === 'true' || literal === 'false' || literal === 'null') return { value: JSON.parse(literal) as boolean | null };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Schema: where prose can be.

const holdsProseMemo = new Map<SchemaNode, boolean>();

/** Whether the schema node, or anything below it, can be a `Text` (conservatively: any reference to it). */
function holdsProse(schema: SchemaNode | undefined): boolean {
  if (!schema || typeof schema !== 'object') return false;
  const known = holdsProseMemo.get(schema);
  if (known !== undefined) return known;
  holdsProseMemo.set(schema, false); // a reference back to a node being read adds nothing
  let result = schema.$ref === TEXT_REF;
  if (!result && schema.$ref) result = holdsProse(resolveRef(schema));
  if (!result) {
    for (const [keyword, child] of Object.entries(schema)) {
      if (keyword === '$ref' || keyword === 'definitions' || typeof child !== 'object' || child === null) continue;
      const children = Array.isArray(child) ? child : keyword === 'properties' || keyword === 'patternProperties' ? Object.values(child) : [child];
      if (children.some((c) => holdsProse(c as SchemaNode))) {
        result = true;
        break;
      }
    }
  }
  holdsProseMemo.set(schema, result);
  return result;
}

/** Whether prose can be at or below `path`: a key renamed there could change the prose strings. */
function proseCanBeUnder(path: JsonPath): boolean {
  let schema: SchemaNode | undefined = SCHEMA;
  for (const segment of path) {
    if (schema.$ref === TEXT_REF) return true;
    const resolved = resolveRef(schema);
    schema = typeof segment === 'number' ? resolved?.items : resolved?.properties?.[segment];
    if (!schema) return false;
  }
  return holdsProse(schema);
}

// ---------------------------------------------------------------------------------------------
// The value after the edit.

function copyObject(value: Record<string, unknown>, rename?: { from: string; to: string }): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // defineProperty, as JSON.parse makes them: a "__proto__" key stays an ordinary key.
    Object.defineProperty(copy, rename && key === rename.from ? rename.to : key, { value: value[key], enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** A copy of `value` with `change` made to the value at `path`; only the objects on the path are copied. */
function changeAt(value: unknown, path: JsonPath, change: (old: unknown) => unknown, depth = 0): unknown {
  if (depth === path.length) return change(value);
  const segment = path[depth];
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[segment as number] = changeAt(value[segment as number], path, change, depth + 1);
    return copy;
  }
  const copy = copyObject(value as Record<string, unknown>);
  copy[segment as string] = changeAt((value as Record<string, unknown>)[segment as string], path, change, depth + 1);
  return copy;
}

function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const segment of path) current = (current as Record<string | number, unknown> | undefined)?.[segment];
  return current;
}

/** Structural equality of plain JSON-like values (the cost model). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b))
    return Number.isNaN(a) && Number.isNaN(b);
  // Compared on every keystroke (the cost model): for…in, where Object.keys made two arrays an object.
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    if (!Object.hasOwn(y, key) || !sameValue(x[key], y[key])) return false;
    keys++;
  }
  for (const key in y) if (Object.hasOwn(y, key)) keys--;
  return keys === 0;
}

// ---------------------------------------------------------------------------------------------
// Findings after the edit.

/**
 * [start, end) after [from, to) was replaced by text `delta` longer, or undefined when that
 * is not clear: before the edit it stays, after it moves, around it grows. A range that ends
 * where text is inserted stays; one that begins there moves (the text goes before it).
 */
function moveRange(start: number, end: number, from: number, to: number, delta: number): [number, number] | undefined {
  if (start === end && start >= from && start <= to) return undefined;
  if (end <= from) return [start, end];
  if (start >= to) return [start + delta, end + delta];
  if (start <= from && end >= to && (from < to || (start < from && end > to))) return [start, end + delta];
  return undefined;
}

/** A kept finding in the new text, or undefined when the edit cuts across one of its ranges. */
function moveFinding(finding: Finding, from: number, to: number, delta: number): Finding | undefined {
  const moved = moveRange(finding.offset, finding.offset + finding.length, from, to, delta);
  if (!moved) return undefined;
  let related = finding.related;
  if (related) {
    const list: RelatedLocation[] = [];
    let changed = false;
    for (const r of related) {
      const m = moveRange(r.offset, r.offset + r.length, from, to, delta);
      if (!m) return undefined;
      if (m[0] === r.offset && m[1] === r.offset + r.length) list.push(r);
      else {
        list.push({ offset: m[0], length: m[1] - m[0], message: r.message });
        changed = true;
      }
    }
    if (changed) related = list;
  }
  if (moved[0] === finding.offset && moved[1] === finding.offset + finding.length && related === finding.related) return finding;
  return findingWith(finding.code, finding.severity, moved[0], moved[1] - moved[0], finding.message, finding.path, finding.data, related);
}

/**
 * The findings of the new text: the previous ones to `keep` moved, and `fresh` ones, in the order a full
 * analysis gives (by position and code; findings of one place and code in the order of the rules).
 */
function merge(
  previous: readonly Finding[],
  keep: (finding: Finding) => boolean,
  fresh: Finding[],
  from: number,
  to: number,
  delta: number,
): Finding[] | undefined {
  const findings: Finding[] = [];
  for (const finding of previous) {
    if (!keep(finding)) continue;
    const moved = moveFinding(finding, from, to, delta);
    if (!moved) return undefined;
    findings.push(moved);
  }
  for (const finding of fresh) findings.push(finding);
  const rank = (f: Finding) => RULE_INDEX.get(ruleCodeOf(f)) ?? -1;
  return findings.sort((a, b) => byPosition(a, b) || rank(a) - rank(b));
}

// ---------------------------------------------------------------------------------------------

/**
 * The analysis of `text` (the previous text with `edit` applied), or undefined when this edit
 * needs a full analysis. The options are those `previous` was computed with.
 */
export function reanalyze(previous: Analysis, edit: Edit, text: string): Analysis | undefined {
  const options: AnalyzeOptions = previous.options;
  const before = previous.document;
  if (!isCleanDocument(before) || edit.offset < 0 || edit.offset + edit.length > before.text.length) return undefined;
  const removed = before.text.slice(edit.offset, edit.offset + edit.length);
  const delta = edit.text.length - edit.length;
  if (text.length !== before.text.length + delta) return undefined;
  const root = before.root;
  if (!root) return undefined;
  // White space between tokens; inside a string it is an edit of that string.
  if (WHITE_SPACE.test(edit.text) && WHITE_SPACE.test(removed) && betweenTokens(root, edit.offset)) return spacing(previous, root, edit, text);
  // A quote, a backslash or a control character typed or deleted: the literal may end, or an
  // escape change, somewhere else; and a backslash changes how prose rules read the whole text.
  if (UNSAFE.test(edit.text) || UNSAFE.test(removed)) return undefined;
  const found = literalAt(root, edit.offset, edit.offset + edit.length);
  if (!found) return undefined;
  const start = found.node.offset;
  const end = start + found.node.length;
  // From the text before, which the server reads whole between keystrokes: the new one is two
  // slices of it joined, which V8 copies into one piece on its first read (a millisecond a megabyte).
  const literal = before.text.slice(start, edit.offset) + edit.text + before.text.slice(edit.offset + edit.length, end);
  const edited = editedValue(found.node, literal);
  if (!edited) return undefined;

  const plan = previous.plan;
  let next: Plan;
  let prose = false;
  if (found.key) {
    const from = found.node.value as string;
    const to = edited.value as string;
    const parentPath = found.path.slice(0, -1);
    const parent = valueAt(plan, parentPath) as Record<string, unknown>;
    // Top-level keys name the chapters; a repeated key or one JSON.parse orders differently is not this edit.
    if (parentPath.length === 0 || SPECIAL_KEY.test(from) || SPECIAL_KEY.test(to) || Object.prototype.hasOwnProperty.call(parent, to)) return undefined;
    if (proseCanBeUnder(found.path) || proseCanBeUnder([...parentPath, to])) return undefined;
    next = changeAt(plan, parentPath, (old) => copyObject(old as Record<string, unknown>, { from, to })) as Plan;
  } else {
    prose = typeof edited.value === 'string' && isProsePath(found.path);
    next = changeAt(plan, found.path, () => edited.value) as Plan;
  }
  const tree = adoptTree(root, text, start, end - start, delta);
  // The spans found before are kept, moved; those inside a property whose key was renamed are of paths that are no more.
  const property = found.key ? found.node.parent : undefined;
  if (found.key && property?.type !== 'property') return undefined;
  const gone = property && { from: property.offset, to: property.offset + property.length };
  const document = cleanDocumentAfter(before, { from: start, to: end, delta, ...(gone ? { gone } : {}) }, text, next, tree);
  const from = edit.offset;
  const to = edit.offset + edit.length;

  // A rule that crashed before may not crash now: it runs again, whatever it reads.
  const crashed = new Set<string>();
  for (const f of previous.findings) if (f.code === INTERNAL_ERROR.code) crashed.add(ruleCodeOf(f));
  const redo = new Map<string, Redo>();
  let texts: Analysis['texts'];
  let pages: Analysis['pages'];
  let cost: CostModel;
  let editedText: TextString | undefined;

  if (prose) {
    // The prose strings are those of before but for the one edited: reuse the list.
    const old = found.node.value as string;
    const value = edited.value as string;
    const key = found.path.join('\u0000');
    const list = previous.texts().slice();
    const index = list.findIndex((t) => t.value === old && t.path().join('\u0000') === key);
    if (index >= 0) list[index] = editedText = list[index].withValue(value);
    texts = () => list;
    cost = previous.cost;
    // The estimate measures again only the edited string, and keeps itself when that string
    // takes the lines it took (its line counts, kept with the previous plan's estimate).
    pages = once(() => estimatePages(next, cost, { previous: plan, edited: { paths: [found.path], before: old, after: value } }));
    // In indices of the value: the literal has no escape, so they are those of the text.
    const valueEdit = before.text.slice(start, end).includes('\\') ? undefined : { before: old, after: value, at: from - start - 1, removed: edit.length };
    for (const rule of RULES) {
      if (rule.reads === 'structure') redo.set(rule.code, 'keep');
      else redo.set(rule.code, crashed.has(rule.code) ? 'again' : (PROSE_RULES_IN_PROSE[rule.code]?.(valueEdit) ?? 'again'));
    }
  } else {
    // The schema runs again: chapter by chapter, each one's errors kept while it is the same.
    validateInParts();
    // Outside prose: the prose strings are those of before; the table rows may not be (a key).
    const change: Change = found.key
      ? { before: found.node.value as string, after: edited.value as string, key: true }
      : { before: typeof found.node.value === 'string' ? found.node.value : '', after: typeof edited.value === 'string' ? edited.value : '', key: false };
    const property = found.key ? found.node.parent : undefined;
    const inside = (f: Finding) => property !== undefined && f.offset >= property.offset && f.offset < property.offset + property.length;
    texts = previous.texts;
    cost = reuse(computeCost(next), previous.cost);
    // A structure rule runs again when what it read last time may have changed: the chapter of the
    // edit, the cost model, or anything of the whole (reads.ts); the others find what they found.
    const chapter = found.path[0] as string;
    const costChanged = cost !== previous.cost;
    for (const rule of RULES) {
      if (rule.reads === 'structure') {
        const read = previous.reads.get(rule.code);
        redo.set(rule.code, crashed.has(rule.code) || !read || readsEdit(read, chapter, costChanged) ? 'again' : 'keep');
      } else if (crashed.has(rule.code)) redo.set(rule.code, 'again');
      else
        redo.set(
          rule.code,
          PROSE_RULES_OUTSIDE_PROSE[rule.code]?.(
            change,
            previous.findings.some((f) => ruleCodeOf(f) === rule.code && inside(f)),
          ) ?? 'again',
        );
    }
    // The estimate lays out again only the parts that read the edited value (or the renamed
    // property), and the chapter that shows the cost if the cost changed; the others keep their
    // pages, and an edit none of them reads keeps the previous estimate.
    const paths = found.key ? [found.path, [...found.path.slice(0, -1), edited.value as string]] : [found.path];
    pages = once(() => estimatePages(next, cost, { previous: plan, edited: { paths } }));
  }

  const derived: Derived = { cost: () => cost, texts, pages };
  const again = RULES.filter((rule) => redo.get(rule.code) === 'again');
  // What the rules kept read is what they read before; those run again record it anew.
  const reads = new Map(previous.reads);
  const raw = runRules(document, next, again, options, derived, reads);
  const single = RULES.filter((rule) => redo.get(rule.code) === 'edited string');
  if (single.length > 0) {
    const only = editedText ? [editedText] : [];
    const fromEdited = runRules(document, next, single, options, { ...derived, texts: () => only });
    // A rule that crashed on the edited string would have stopped before the strings after it.
    if (fromEdited.some((f) => f.code === INTERNAL_ERROR.code)) return undefined;
    for (const f of fromEdited) raw.push(f);
  }
  const fresh = renderFindings(raw, options, text.length);
  const keep = (f: Finding): boolean => {
    const how = redo.get(ruleCodeOf(f));
    return how === 'keep' || (how === 'edited string' && (f.offset < start || f.offset >= end));
  };
  const findings = merge(previous.findings, keep, fresh, from, to, delta);
  if (!findings) return undefined;
  return { document, plan: next, cost, findings, texts, pages, options, reads };
}

/**
 * White space typed or deleted between tokens (a new line, indentation): the value is the same,
 * and so is everything read from it; every finding only moves. (A space in a string is an edit of
 * the string; one that splits a number is not an edit this handles.)
 */
function spacing(previous: Analysis, root: Node, edit: Edit, text: string): Analysis | undefined {
  const from = edit.offset;
  const to = edit.offset + edit.length;
  const delta = edit.text.length - edit.length;
  const document = cleanDocumentAfter(previous.document, { from, to, delta }, text, previous.plan, adoptTree(root, text, from, edit.length, delta));
  const findings = merge(previous.findings, () => true, [], from, to, delta);
  if (!findings) return undefined;
  // The plan is the same object: its page estimate, and the line counts kept with it, stay.
  return { ...previous, document, findings };
}

/** Whether `at` is outside every literal (at its very start or end counts as outside). */
function betweenTokens(root: Node, at: number): boolean {
  let node = root;
  for (;;) {
    if (!isContainer(node)) return at <= node.offset || at >= node.offset + node.length;
    const around = childAround(node.children ?? [], at, at);
    if (!around) return true;
    if (node.type === 'array') {
      node = around.child;
      continue;
    }
    const [key, value] = around.child.children ?? [];
    if (at <= key.offset + key.length) return at <= key.offset || at >= key.offset + key.length;
    node = value;
  }
}

/** The previous cost model when the new one is the same (so that what shows it need not change). */
const reuse = (cost: CostModel, previous: CostModel): CostModel => (sameValue(cost, previous) ? previous : cost);
