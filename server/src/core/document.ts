/**
 * The parsed document: jsonc-parser's tree with offsets, the plain value that schema and rules
 * read, and helpers to go from a JSON path to the text that holds it.
 */
import { parseTree, printParseErrorCode, type Node, type ParseErrorCode } from 'jsonc-parser';

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
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly SyntaxProblem[];
  /** The document as a plain value (last duplicate key wins; `__proto__` is an ordinary key). */
  readonly value: unknown;
  readonly duplicates: readonly DuplicateKey[];
}

/** Nesting beyond this is refused before parsing, so no recursion can overflow the stack. */
export const MAX_NESTING_DEPTH = 256;

/** Finds the first bracket that opens a level deeper than the limit, or -1. Iterative. */
function findTooDeep(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return i;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

export function parseDocument(text: string): ParsedDocument {
  const tooDeep = findTooDeep(text, MAX_NESTING_DEPTH);
  if (tooDeep >= 0) {
    return { text, root: undefined, syntaxErrors: [{ offset: tooDeep, length: 1, code: 'tooDeep' }], value: undefined, duplicates: [] };
  }
  // A byte-order mark is not JSON; read it as white space so offsets stay those of the text.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const errors: { error: ParseErrorCode; offset: number; length: number }[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const duplicates: DuplicateKey[] = [];
  const value = root ? toValue(root, duplicates) : undefined;
  return {
    text,
    root,
    syntaxErrors: errors.map((e) => ({ offset: e.offset, length: e.length, code: e.error })),
    value,
    duplicates,
  };
}

export function syntaxErrorName(code: SyntaxProblem['code']): string {
  return code === 'tooDeep' ? 'TooDeep' : printParseErrorCode(code);
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

/**
 * The span of characters [start, end) of a string node's value, in document offsets. The value of
 * a JSON string differs from its source where it has escapes, so indices are mapped through them.
 */
export function stringValueSpan(text: string, node: Node, start: number, end: number): { offset: number; length: number } {
  const rawStart = node.offset + 1;
  const raw = text.slice(rawStart, node.offset + node.length - 1);
  if (!raw.includes('\\')) {
    return { offset: rawStart + start, length: end - start };
  }
  let valueIndex = 0;
  let rawStartOffset = -1;
  let rawEndOffset = raw.length;
  for (let i = 0; i <= raw.length; i++) {
    if (valueIndex === start && rawStartOffset < 0) rawStartOffset = i;
    if (valueIndex === end) {
      rawEndOffset = i;
      break;
    }
    if (i === raw.length) break;
    if (raw.charCodeAt(i) === 0x5c) {
      i += raw[i + 1] === 'u' ? 5 : 1;
    }
    valueIndex++;
  }
  if (rawStartOffset < 0) rawStartOffset = raw.length;
  return { offset: rawStart + rawStartOffset, length: Math.max(0, rawEndOffset - rawStartOffset) };
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
    const clamped = Math.max(0, Math.min(offset, this.text.length));
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
