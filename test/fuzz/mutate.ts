/**
 * Deterministic mutations of plan text for the fuzz suite.
 *
 * Every input is made from one seed: `makeInput(seed, bases)` picks an example plan and applies
 * 1–4 mutation operators, all choices drawn from a mulberry32 generator seeded with that number.
 * The same seed and the same example files give the same text, so a failure is reproduced with
 * `GPUPLAN_FUZZ_SEED=<seed>` (and the failing text is saved as well, in case the examples change).
 *
 * The operators work on text, not on parsed values, so they can be stacked on already broken
 * input. The structural ones (wrong type, huge number, deep nesting, hostile key) find their
 * target with jsonc-parser's error-tolerant tree, which still exists for most broken texts.
 */
import { createScanner, parseTree, SyntaxKind, type Node } from 'jsonc-parser';
import { mulberry32 } from '../support/random';

export class Rng {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }

  /** [0, 1) */
  float(): number {
    return this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * Math.max(0, n));
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** One of the entries, with probability proportional to its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [value, weight] of entries) {
      if ((x -= weight) < 0) return value;
    }
    return entries[entries.length - 1][0];
  }
}

export const OPERATORS = [
  'delete', // delete characters
  'insert', // insert characters (JSON punctuation, escapes, control characters, surrogates, ...)
  'duplicate', // duplicate a run of characters in place
  'truncate', // cut the text (keep its start, sometimes its end)
  'swapTokens', // swap two JSON tokens
  'wrongType', // replace a value by one of another type
  'hugeNumber', // replace a value by an extreme number (beyond 2^53, 1e400, -0, 4.9e-324, ...)
  'deepNesting', // wrap a value in many levels of arrays/objects/bullets
  'hostileKey', // rename a key to __proto__/constructor/..., or duplicate a property
  'encoding', // CRLF or CR line ends, a BOM, NUL or lone surrogates inside strings
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Mutation {
  readonly operator: Operator;
  readonly detail: string;
}

export interface FuzzInput {
  readonly seed: number;
  readonly base: string;
  readonly text: string;
  readonly mutations: readonly Mutation[];
}

/** Pieces `insert` draws from: what a keyboard, a paste or a broken file can put into a plan. */
const INSERTS: readonly string[] = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  '\\',
  '"',
  ',',
  '}',
  ']',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '0',
  '9',
  '-',
  '.',
  'e',
  'E',
  '+',
  '1e400',
  'NaN',
  'Infinity',
  'a',
  'z',
  'true',
  'null',
  'false',
  'undefined',
  '/*',
  '*/',
  '//',
  "'",
  '가',
  '한국어',
  '★',
  '000',
  '00%',
  'YYYYMMDD',
  'ㅇㅇㅇ',
  '추진할 수도 있다',
  'LLM',
  '😀',
  '\ud800',
  '\udfff',
  '\u0000',
  '\u0007',
  '\u001b[2J',
  '\ufeff',
  '\u200b',
  '\u00a0',
  '\\u',
  '\\ud800',
  '\\u0000',
  '\\n',
  '\\"',
  '\\x41',
  '"__proto__":',
  '"constructor": {}',
  '{"text": ',
  '"items": [',
];

const HUGE: readonly string[] = [
  '9007199254740993',
  '-9007199254740993',
  '18446744073709551616',
  '123456789012345678901234567890',
  '1e400',
  '-1e400',
  '1e-400',
  '4.9e-324',
  '1.7976931348623157e308',
  '-0',
  '0.0000000000000000001',
  '1E+2',
  '2.5',
  '-1',
  '0',
  '1e21',
  '99999999999999999999.5',
  '0e0',
];

const HOSTILE_KEYS: readonly string[] = [
  '"__proto__"',
  '"constructor"',
  '"prototype"',
  '"toString"',
  '"hasOwnProperty"',
  '"valueOf"',
  '"__defineGetter__"',
  '""',
  '"\\u0000"',
  '"[x](command:workbench.action.quit)"',
  '"<img src=x onerror=alert(1)>"',
];

/** Literal values of each JSON type, to swap a value for one of a different type. */
const VALUES_BY_TYPE: Record<string, readonly string[]> = {
  string: ['"x"', '""', '"2026-13-45"', '"H300"', '"<img src=x onerror=alert(1)>"'],
  number: ['0', '-1', '1.5', '40', '1e3'],
  boolean: ['true', 'false'],
  null: ['null'],
  object: ['{}', '{"text": 1}', '{"text": "t", "items": 5}', '{"a": [1, {"b": null}]}'],
  array: ['[]', '[1, "a", {}, null]', '[[[]]]', '[{"text": "x", "items": [{}]}]'],
};

interface Span {
  readonly offset: number;
  readonly length: number;
}

const splice = (text: string, offset: number, length: number, insert: string): string => text.slice(0, offset) + insert + text.slice(offset + length);

/** jsonc-parser's tree builder recurses; past this depth the mutator works on tokens instead. */
const TREE_DEPTH_LIMIT = 1000;

/** The deepest bracket nesting, counted on jsonc-parser's own tokens (iterative). */
function nestingDepth(text: string): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  let max = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) max = Math.max(max, ++depth);
    else if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && depth > 0) depth--;
  }
  return max;
}

const SCALAR_TYPES: Partial<Record<SyntaxKind, Node['type']>> = {
  [SyntaxKind.StringLiteral]: 'string',
  [SyntaxKind.NumericLiteral]: 'number',
  [SyntaxKind.TrueKeyword]: 'boolean',
  [SyntaxKind.FalseKeyword]: 'boolean',
  [SyntaxKind.NullKeyword]: 'null',
};

/** Scalar tokens as childless pseudo-nodes (for texts too deep for the tree); keys are marked. */
function scalarTokens(text: string): Array<{ node: Node; isKey: boolean }> {
  const scanner = createScanner(text, true);
  const out: Array<{ node: Node; isKey: boolean }> = [];
  let previous: { node: Node; isKey: boolean } | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.ColonToken && previous?.node.type === 'string') previous.isKey = true;
    const type = SCALAR_TYPES[kind];
    if (type) {
      previous = { node: { type, offset: scanner.getTokenOffset(), length: scanner.getTokenLength(), value: scanner.getTokenValue() }, isKey: false };
      out.push(previous);
    } else if (kind !== SyntaxKind.Trivia && kind !== SyntaxKind.LineBreakTrivia) {
      previous = undefined;
    }
  }
  return out;
}

/** Value nodes of the (possibly partial) tree, iteratively; properties give their value node. */
function valueNodes(text: string): Node[] {
  if (nestingDepth(text) > TREE_DEPTH_LIMIT)
    return scalarTokens(text)
      .filter((t) => !t.isKey)
      .map((t) => ({ ...t.node, parent: {} as Node }));
  const root = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  if (!root) return [];
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'property') {
      const value = node.children?.[1];
      if (value) stack.push(value);
      continue;
    }
    out.push(node);
    for (const child of node.children ?? []) stack.push(child);
  }
  return out;
}

/** Keys with their property; for texts too deep for the tree, the property is the key alone. */
function keyNodes(text: string): Array<{ key: Node; property: Node }> {
  if (nestingDepth(text) > TREE_DEPTH_LIMIT)
    return scalarTokens(text)
      .filter((t) => t.isKey)
      .map((t) => ({ key: t.node, property: t.node }));
  const root = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  if (!root) return [];
  const out: Array<{ key: Node; property: Node }> = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'property' && node.children?.[0]) out.push({ key: node.children[0], property: node });
    for (const child of node.children ?? []) stack.push(child);
  }
  return out;
}

function tokens(text: string, limit = 50_000): Span[] {
  const scanner = createScanner(text, false);
  const out: Span[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF && out.length < limit; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    out.push({ offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
  }
  return out;
}

/** A length: mostly small, sometimes large, at most `max`. */
function runLength(rng: Rng, max: number): number {
  const length = rng.weighted<() => number>([
    [() => 1, 50],
    [() => rng.between(2, 10), 30],
    [() => rng.between(11, 200), 15],
    [() => rng.between(201, Math.max(201, Math.floor(max / 10))), 5],
  ])();
  return Math.max(0, Math.min(length, max));
}

function pickValue(rng: Rng, text: string, accept: (node: Node) => boolean = () => true): Node | undefined {
  const nodes = valueNodes(text).filter(accept);
  return nodes.length ? rng.pick(nodes) : undefined;
}

function pickStringNode(rng: Rng, text: string): Node | undefined {
  return pickValue(rng, text, (n) => n.type === 'string' && n.length >= 2);
}

/** Applies one operator; `detail` says what it did, for the failure report. */
export function applyOperator(operator: Operator, text: string, rng: Rng): { text: string; detail: string } {
  switch (operator) {
    case 'delete': {
      if (text.length === 0) return { text, detail: 'nothing to delete' };
      const offset = rng.int(text.length);
      const length = Math.max(1, runLength(rng, text.length - offset));
      return { text: splice(text, offset, length, ''), detail: `delete ${length} at ${offset}` };
    }
    case 'insert': {
      const offset = rng.int(text.length + 1);
      let inserted = '';
      for (let n = rng.between(1, 8); n > 0; n--) inserted += rng.pick(INSERTS);
      return { text: splice(text, offset, 0, inserted), detail: `insert ${JSON.stringify(inserted)} at ${offset}` };
    }
    case 'duplicate': {
      if (text.length === 0) return { text, detail: 'nothing to duplicate' };
      const offset = rng.int(text.length);
      const length = Math.max(1, runLength(rng, text.length - offset));
      const copies = rng.chance(0.9) ? 1 : rng.between(2, 5);
      const run = text.slice(offset, offset + length);
      return { text: splice(text, offset + length, 0, run.repeat(copies)), detail: `duplicate ${length} at ${offset} x${copies}` };
    }
    case 'truncate': {
      const at = rng.int(text.length + 1);
      return rng.chance(0.8) ? { text: text.slice(0, at), detail: `keep the first ${at}` } : { text: text.slice(at), detail: `keep from ${at}` };
    }
    case 'swapTokens': {
      const list = tokens(text);
      if (list.length < 2) return { text, detail: 'fewer than two tokens' };
      const i = rng.int(list.length);
      const j = rng.chance(0.6) ? Math.min(list.length - 1, i + rng.between(1, 4)) : rng.int(list.length);
      if (i === j) return { text, detail: 'same token' };
      const [a, b] = i < j ? [list[i], list[j]] : [list[j], list[i]];
      const ta = text.slice(a.offset, a.offset + a.length);
      const tb = text.slice(b.offset, b.offset + b.length);
      const swapped = text.slice(0, a.offset) + tb + text.slice(a.offset + a.length, b.offset) + ta + text.slice(b.offset + b.length);
      return { text: swapped, detail: `swap ${JSON.stringify(ta.slice(0, 20))}@${a.offset} and ${JSON.stringify(tb.slice(0, 20))}@${b.offset}` };
    }
    case 'wrongType': {
      const node = pickValue(rng, text, (n) => n.parent !== undefined);
      if (!node) return { text, detail: 'no value' };
      const types = Object.keys(VALUES_BY_TYPE).filter((t) => t !== node.type);
      const replacement = rng.pick(VALUES_BY_TYPE[rng.pick(types)]);
      return { text: splice(text, node.offset, node.length, replacement), detail: `${node.type}@${node.offset} -> ${replacement}` };
    }
    case 'hugeNumber': {
      const node = pickValue(rng, text, (n) => n.type === 'number') ?? pickValue(rng, text, (n) => n.parent !== undefined);
      if (!node) return { text, detail: 'no value' };
      const replacement = rng.pick(HUGE);
      return { text: splice(text, node.offset, node.length, replacement), detail: `${node.type}@${node.offset} -> ${replacement}` };
    }
    case 'deepNesting': {
      const node = pickValue(rng, text);
      const depth = rng.weighted<() => number>([
        [() => rng.between(2, 30), 60],
        [() => rng.between(250, 262), 25], // around MAX_NESTING_DEPTH, counting the plan's own levels
        [() => rng.between(300, 3000), 15],
      ])();
      const style = rng.pick(['array', 'object', 'bullet', 'mixed'] as const);
      let open = '';
      let close = '';
      for (let level = 0; level < depth; level++) {
        const kind = style === 'mixed' ? rng.pick(['array', 'object', 'bullet'] as const) : style;
        if (kind === 'array') {
          open += '[';
          close = ']' + close;
        } else if (kind === 'object') {
          open += '{"a":';
          close = '}' + close;
        } else {
          open += '{"text":"x","items":[';
          close = ']}' + close;
        }
      }
      const offset = node?.offset ?? 0;
      const length = node?.length ?? text.length;
      const inner = text.slice(offset, offset + length);
      return { text: splice(text, offset, length, open + inner + close), detail: `wrap ${node?.type ?? 'all'}@${offset} in ${depth} ${style}` };
    }
    case 'hostileKey': {
      const keys = keyNodes(text);
      if (keys.length === 0) return { text, detail: 'no key' };
      const { key, property } = rng.pick(keys);
      if (rng.chance(0.35)) {
        // A duplicate key: the same property once more, right before itself.
        const copy = text.slice(property.offset, property.offset + property.length);
        return { text: splice(text, property.offset, 0, `${copy}, `), detail: `duplicate property ${JSON.stringify(String(key.value))}@${property.offset}` };
      }
      const replacement = rng.pick(HOSTILE_KEYS);
      return { text: splice(text, key.offset, key.length, replacement), detail: `key ${JSON.stringify(String(key.value))}@${key.offset} -> ${replacement}` };
    }
    case 'encoding': {
      const what = rng.pick(['crlf', 'cr', 'bom', 'nul', 'lone', 'escapedLone', 'mixedEol'] as const);
      if (what === 'crlf') return { text: text.replace(/\r?\n/g, '\r\n'), detail: 'CRLF line ends' };
      if (what === 'cr') return { text: text.replace(/\r?\n/g, '\r'), detail: 'CR line ends' };
      if (what === 'mixedEol') return { text: text.replace(/\n/g, () => rng.pick(['\n', '\r\n', '\r'])), detail: 'mixed line ends' };
      if (what === 'bom') return { text: '\ufeff' + text, detail: 'BOM' };
      const node = pickStringNode(rng, text);
      const offset = node ? node.offset + 1 + rng.int(node.length - 1) : rng.int(text.length + 1);
      const inserted =
        what === 'nul' ? '\u0000' : what === 'lone' ? rng.pick(['\ud800', '\udc00', '\udbff\u0041']) : rng.pick(['\\ud800', '\\udc00x', '\\u0000']);
      return { text: splice(text, offset, 0, inserted), detail: `${what} ${JSON.stringify(inserted)} at ${offset}` };
    }
  }
}

/** The input for `seed`: an example plan with 1–4 operators applied. */
export function makeInput(seed: number, bases: Readonly<Record<string, string>>, operators: readonly Operator[] = OPERATORS): FuzzInput {
  const rng = new Rng(seed);
  const names = Object.keys(bases).sort();
  const base = rng.pick(names);
  let text = bases[base];
  const count = rng.weighted<number>([
    [1, 50],
    [2, 30],
    [3, 12],
    [4, 8],
  ]);
  const mutations: Mutation[] = [];
  for (let i = 0; i < count; i++) {
    const operator = rng.pick(operators);
    const result = applyOperator(operator, text, rng);
    text = result.text;
    mutations.push({ operator, detail: result.detail });
  }
  return { seed, base, text, mutations };
}
