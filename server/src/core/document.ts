/**
 * The parsed document: jsonc-parser's tree with offsets, the plain value that schema and rules
 * read, and helpers to go from a JSON path to the text that holds it.
 */
import { SyntaxKind, createScanner, parseTree, type Node, type ParseErrorCode } from 'jsonc-parser';

export type JsonPath = ReadonlyArray<string | number>;

export interface SyntaxProblem {
  readonly offset: number;
  readonly length: number;
  readonly code: ParseErrorCode | 'tooDeep';
}

export interface DuplicateKey {
  /** The key that appears again (its value wins, as with JSON.parse). */
  readonly key: Node;
  /** The earlier key whose value is ignored. */
  readonly first: Node;
}

export interface ParsedDocument {
  readonly text: string;
  /** jsonc-parser's tree with offsets. Built on first use: a clean plan never needs it. */
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly SyntaxProblem[];
  /** The document as a plain value (last duplicate key wins; `__proto__` is an ordinary key). */
  readonly value: unknown;
  readonly duplicates: readonly DuplicateKey[];
  /** The length of the longest array in the value, when the parse measured it. */
  readonly longestArray?: number;
  /** The span of the value (or of the key) at `path`, without building the tree when possible. */
  spanAt(path: JsonPath, part?: 'value' | 'key'): { offset: number; length: number } | undefined;
}

/** Nesting beyond this is refused before parsing, so no recursion can overflow the stack. */
export const MAX_NESTING_DEPTH = 256;

const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/** Index just past the string that starts at `start` (a double quote). */
function skipString(text: string, start: number): number {
  let end = start;
  for (;;) {
    end = text.indexOf('"', end + 1);
    if (end < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return end + 1;
  }
}

/**
 * Where nesting first exceeds the limit, or -1. Tokens come from jsonc-parser's own scanner, so
 * strings, comments and unterminated tokens are read exactly as the tolerant parser will read
 * them: nothing it later recurses into can be deeper than the limit.
 */
function prescan(text: string, limit: number): { tooDeep: number } {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > limit) return { tooDeep: scanner.getTokenOffset() };
    } else if ((token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) && depth > 0) {
      depth--;
    }
  }
  return { tooDeep: -1 };
}

/**
 * Walks a parsed value without recursion (two parallel stacks, no object per node): its nesting
 * depth, its number of object members and the length of its longest array.
 */
function measure(value: unknown, limit: number): { depth: number; members: number; longestArray: number } {
  let members = 0;
  let depth = 0;
  let longestArray = 0;
  const nodes: unknown[] = [value];
  const levels: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const level = levels.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (level + 1 > depth) depth = level + 1;
    if (depth > limit) break;
    if (Array.isArray(node)) {
      if (node.length > longestArray) longestArray = node.length;
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (typeof child === 'object' && child !== null) {
          nodes.push(child);
          levels.push(level + 1);
        }
      }
    } else {
      for (const key in node) {
        members++;
        const child = (node as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) {
          nodes.push(child);
          levels.push(level + 1);
        }
      }
    }
  }
  return { depth, members, longestArray };
}

/**
 * The members written in valid JSON text: colons whose previous non-blank character is an
 * unescaped quote. A colon inside a string can follow a quote only if that quote is escaped, so
 * this counts exactly the key separators. JSON.parse kept every member (no duplicate key) exactly
 * when the count equals the members of its value.
 */
function membersInText(text: string): number {
  let members = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    let j = i - 1;
    while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
    if (text.charCodeAt(j) !== 0x22) continue;
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) members++;
  }
  return members;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past the JSON value that starts at `i` (valid JSON only). */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 0x22) j = skipString(text, j) - 1;
      else if (d === 0x7b || d === 0x5b) depth++;
      else if ((d === 0x7d || d === 0x5d) && --depth === 0) return j + 1;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
    j++;
  }
  return j;
}

/**
 * Finds the spans of the key and value at `path` by scanning valid JSON, skipping every subtree
 * off the path. Cost: proportional to the text before the target, with no allocation per node.
 */
function locate(text: string, path: JsonPath): { key?: { offset: number; length: number }; value: { offset: number; length: number } } | undefined {
  let i = skipSpace(text, 0);
  let key: { offset: number; length: number } | undefined;
  for (const segment of path) {
    const c = text.charCodeAt(i);
    if (typeof segment === 'number') {
      if (c !== 0x5b) return undefined;
      i = skipSpace(text, i + 1);
      for (let n = 0; n < segment; n++) {
        if (text.charCodeAt(i) === 0x5d) return undefined;
        i = skipSpace(text, skipValue(text, i));
        if (text.charCodeAt(i) !== 0x2c) return undefined;
        i = skipSpace(text, i + 1);
      }
      if (text.charCodeAt(i) === 0x5d) return undefined;
      key = undefined;
      continue;
    }
    if (c !== 0x7b) return undefined;
    i = skipSpace(text, i + 1);
    let found = false;
    while (i < text.length && text.charCodeAt(i) === 0x22) {
      const keyEnd = skipString(text, i);
      const raw = text.slice(i + 1, keyEnd - 1);
      const name = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw;
      const keySpan = { offset: i, length: keyEnd - i };
      i = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
      if (name === segment) {
        key = keySpan;
        found = true;
        break;
      }
      i = skipSpace(text, skipValue(text, i));
      if (text.charCodeAt(i) !== 0x2c) break;
      i = skipSpace(text, i + 1);
    }
    if (!found) return undefined;
  }
  return { key, value: { offset: i, length: skipValue(text, i) - i } };
}

/**
 * The string *value* literal that strictly contains [from, to) in valid JSON: its path and the
 * offsets of its quotes. Undefined when the range touches a key, a quote, or anything else.
 */
export function valueStringAt(text: string, from: number, to: number): { path: (string | number)[]; start: number; end: number } | undefined {
  // One linear pass up to `from`, keeping the path on a stack: no subtree is scanned twice.
  const path: (string | number)[] = [];
  const frames: Array<'object' | 'array'> = [];
  let expectKey = false;
  let i = 0;
  while (i < text.length && i <= from) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = skipString(text, i);
      if (expectKey) {
        if (from < end) return undefined; // the range is in a key
        const raw = text.slice(i + 1, end - 1);
        path[path.length - 1] = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        expectKey = false;
      } else if (from < end) {
        return i < from && to <= end - 1 ? { path: path.slice(), start: i, end } : undefined;
      }
      i = end;
      continue;
    }
    if (c === 0x7b) {
      frames.push('object');
      path.push('');
      expectKey = true;
    } else if (c === 0x5b) {
      frames.push('array');
      path.push(0);
    } else if (c === 0x7d || c === 0x5d) {
      frames.pop();
      path.pop();
    } else if (c === 0x2c) {
      if (frames[frames.length - 1] === 'array') path[path.length - 1] = (path[path.length - 1] as number) + 1;
      else expectKey = true;
    }
    i++;
  }
  return undefined;
}

/** After this many targeted scans a document builds its tree once: many findings stay linear. */
const SCANS_BEFORE_TREE = 16;

class Document implements ParsedDocument {
  private tree: Node | null | undefined;
  private scans = 0;

  constructor(
    readonly text: string,
    /** The text as parsed: a byte-order mark read as white space, offsets unchanged. */
    private readonly source: string,
    readonly value: unknown,
    readonly syntaxErrors: readonly SyntaxProblem[],
    readonly duplicates: readonly DuplicateKey[],
    tree?: Node | null,
    readonly longestArray?: number,
  ) {
    this.tree = tree;
  }

  get root(): Node | undefined {
    if (this.tree === undefined) this.tree = parseTree(this.source, [], PARSE_OPTIONS) ?? null;
    return this.tree ?? undefined;
  }

  spanAt(path: JsonPath, part: 'value' | 'key' = 'value'): { offset: number; length: number } | undefined {
    if (this.tree === undefined && this.syntaxErrors.length === 0 && this.duplicates.length === 0 && ++this.scans <= SCANS_BEFORE_TREE) {
      const found = locate(this.source, path);
      return part === 'key' ? found?.key : found?.value;
    }
    const node = part === 'key' ? keyNodeAt(this.root, path) : nodeAt(this.root, path);
    return node ? { offset: node.offset, length: node.length } : undefined;
  }
}

/** A document known to be valid JSON without duplicate keys, whose value is already at hand. */
export function cleanDocument(text: string, value: unknown): ParsedDocument {
  return new Document(text, text, value, [], []);
}

/** Whether a document took the fast path (valid JSON, no duplicates, no byte-order mark). */
export const isCleanDocument = (doc: ParsedDocument): boolean =>
  doc.syntaxErrors.length === 0 && doc.duplicates.length === 0 && doc.value !== undefined && doc.text.charCodeAt(0) !== 0xfeff;

export function parseDocument(text: string): ParsedDocument {
  // A byte-order mark is not JSON; read it as white space so offsets stay those of the text.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const tooDeep = (offset: number) => new Document(text, source, undefined, [{ offset, length: 1, code: 'tooDeep' }], [], null);
  // Fast path: valid JSON without duplicate keys. V8's JSON.parse is iterative (no stack to
  // overflow) and keeps "__proto__" an own property.
  let value: unknown;
  let valid = false;
  try {
    value = JSON.parse(source);
    valid = true;
  } catch {
    // Not valid JSON: the tolerant parser below reports where and still reads what it can.
  }
  if (valid) {
    const { depth, members, longestArray } = measure(value, MAX_NESTING_DEPTH);
    if (depth > MAX_NESTING_DEPTH) return tooDeep(prescan(source, MAX_NESTING_DEPTH).tooDeep);
    if (membersInText(source) === members) return new Document(text, source, value, [], [], undefined, longestArray);
  } else {
    // The tolerant parser recurses: refuse what would overflow its stack before it starts.
    const { tooDeep: at } = prescan(source, MAX_NESTING_DEPTH);
    if (at >= 0) return tooDeep(at);
  }
  const errors: { error: ParseErrorCode; offset: number; length: number }[] = [];
  const root = parseTree(source, errors, PARSE_OPTIONS);
  const duplicates: DuplicateKey[] = [];
  return new Document(
    text,
    source,
    root ? toValue(root, duplicates) : undefined,
    errors.map((e) => ({ offset: e.offset, length: e.length, code: e.error })),
    duplicates,
    root ?? null,
  );
}

function toValue(node: Node, duplicates: DuplicateKey[]): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        const earlier = seen.get(key);
        if (earlier) duplicates.push({ key: keyNode, first: earlier });
        seen.set(key, keyNode);
        // defineProperty, not assignment: a "__proto__" key must not change the prototype.
        Object.defineProperty(result, key, {
          value: valueNode ? toValue(valueNode, duplicates) : undefined,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map((child) => toValue(child, duplicates));
    default:
      return node.value;
  }
}

/** The property node (key + value) for `key` in an object node; the last one when duplicated. */
export function propertyNode(objectNode: Node | undefined, key: string): Node | undefined {
  if (!objectNode || objectNode.type !== 'object' || !objectNode.children) return undefined;
  for (let i = objectNode.children.length - 1; i >= 0; i--) {
    const property = objectNode.children[i];
    if (property.children?.[0]?.value === key) return property;
  }
  return undefined;
}

/** The value node at `path`, or undefined when any step is missing. */
export function nodeAt(root: Node | undefined, path: JsonPath): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.children?.[segment] : undefined;
    } else {
      node = propertyNode(node, segment)?.children?.[1];
    }
  }
  return node;
}

/** The key node of the property at `path` (for the root: undefined). */
export function keyNodeAt(root: Node | undefined, path: JsonPath): Node | undefined {
  if (path.length === 0) return undefined;
  const last = path[path.length - 1];
  if (typeof last === 'number') return undefined;
  return propertyNode(nodeAt(root, path.slice(0, -1)), last)?.children?.[0];
}

/** The deepest existing node along `path`, with the path that reached it. */
export function nearestNode(root: Node | undefined, path: JsonPath): { node: Node | undefined; path: JsonPath } {
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length);
    const node = nodeAt(root, prefix);
    if (node) return { node, path: prefix };
  }
  return { node: undefined, path: [] };
}

/** The path from the root to a node. */
export function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  let current: Node | undefined = node;
  while (current?.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'property') {
      path.unshift(String(parent.children?.[0]?.value));
      current = parent.parent;
    } else if (parent.type === 'array') {
      path.unshift(parent.children?.indexOf(current) ?? 0);
      current = parent;
    } else {
      current = parent;
    }
  }
  return path;
}

/** Parses a JSON pointer (`/a/0/b`) into a path, numbers for array indices. */
export function pointerToPath(pointer: string, root: Node | undefined): (string | number)[] {
  if (!pointer) return [];
  const path: (string | number)[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node?.type === 'array' && /^\d+$/.test(segment)) {
      path.push(Number(segment));
      node = node.children?.[Number(segment)];
    } else {
      path.push(segment);
      node = propertyNode(node, segment)?.children?.[1];
    }
  }
  return path;
}

/** Converts offsets to LSP-style zero-based line/character positions (UTF-16 code units). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0d /* \r */) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.starts.push(i + 1);
      } else if (c === 0x0a) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): { line: number; character: number } {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between \r and \n is no position: it is the end of the line, as editors count it.
    if (clamped > 0 && this.text.charCodeAt(clamped) === 0x0a && this.text.charCodeAt(clamped - 1) === 0x0d) clamped--;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: { line: number; character: number }): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[position.line];
    const nextStart = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
  }

  rangeOf(offset: number, length: number): { start: { line: number; character: number }; end: { line: number; character: number } } {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}

/**
 * Maps value indices of one string to document spans: identity when the string has no escape,
 * else through a table built once, so that many hits in one long string stay linear.
 */
export function stringSpanner(text: string, node: { offset: number; length: number }): (start: number, end: number) => { offset: number; length: number } {
  const rawStart = node.offset + 1;
  const raw = text.slice(rawStart, node.offset + node.length - 1);
  if (!raw.includes('\\')) return (start, end) => ({ offset: rawStart + start, length: end - start });
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    offsets.push(i);
    if (raw.charCodeAt(i) === 0x5c) i += raw[i + 1] === 'u' ? 5 : 1;
  }
  offsets.push(raw.length);
  return (start, end) => {
    const from = offsets[Math.min(start, offsets.length - 1)];
    const to = offsets[Math.min(end, offsets.length - 1)];
    return { offset: rawStart + from, length: Math.max(0, to - from) };
  };
}
