/**
 * The parsed document: the plain value that schema and rules read, the syntax problems and
 * duplicate keys, and jsonc-parser's tree with offsets (built only when needed).
 */
import { SyntaxKind, createScanner, parseTree, type Node, type ParseErrorCode } from 'jsonc-parser';
import { lazyTree } from './lazy-tree';
import { membersInText } from './scan';
import { SpanCache, type SpanMove } from './span-cache';
import { keyNodeAt, nodeAt, type JsonPath } from './tree';

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
    const level = levels.pop();
    if (level === undefined) break; // never: the two stacks are pushed and popped together
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

class Document implements ParsedDocument {
  private tree: Node | null | undefined;
  /** The spans found so far (of a clean document), moved to the next text after an edit in place. */
  spans: SpanCache | undefined;

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

  /**
   * The tree with offsets. A clean document (valid JSON, no duplicate key) gets the lazy tree,
   * which reads only the containers that are looked into; others got jsonc-parser's tree when
   * they were parsed.
   */
  get root(): Node | undefined {
    if (this.tree === undefined)
      this.tree = (this.syntaxErrors.length === 0 && this.duplicates.length === 0 ? lazyTree(this.source) : parseTree(this.source, [], PARSE_OPTIONS)) ?? null;
    return this.tree ?? undefined;
  }

  spanAt(path: JsonPath, part: 'value' | 'key' = 'value'): { offset: number; length: number } | undefined {
    const cacheable = this.syntaxErrors.length === 0 && this.duplicates.length === 0;
    const known = cacheable ? this.spans?.get(path, part) : undefined;
    if (known) return known;
    const node = part === 'key' ? keyNodeAt(this.root, path) : nodeAt(this.root, path);
    if (!node) return undefined;
    if (cacheable) (this.spans ??= SpanCache.empty()).set(path, part, node.offset, node.length);
    return { offset: node.offset, length: node.length };
  }
}

/**
 * The document of a text known to be valid JSON without duplicate keys, whose value is already
 * at hand, and maybe its tree (taken over from the document before): the text of `previous` in
 * which [from, to) became `delta` characters longer, a literal edited in place or white space
 * between tokens. The spans `previous` found are kept, moved, but for those inside the
 * property whose key was renamed (`change.gone`).
 */
export function cleanDocumentAfter(previous: ParsedDocument, change: SpanMove, text: string, value: unknown, tree?: Node): ParsedDocument {
  const document = new Document(text, text, value, [], [], tree, previous.longestArray);
  if (previous instanceof Document) document.spans = previous.spans?.moved(change);
  return document;
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
        // A tolerant parse can leave a property without its value (`{"a":}`), or without both.
        const children: readonly (Node | undefined)[] = property.children ?? [];
        const [keyNode, valueNode] = children;
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
