/**
 * The tree of a valid JSON text, node for node what jsonc-parser's `parseTree` builds (types,
 * offsets, lengths, values, colon offsets, parents), but built lazily: the children of an object
 * or array are read from the text the first time they are asked for, and kept. Looking up a few
 * paths costs the containers on those paths, not the whole text. Only for text that `JSON.parse`
 * accepted and that has no duplicate key: it reads valid JSON and nothing else.
 *
 * After an edit inside one literal (a string, a number or a key), which leaves the structure as
 * it was, the tree of the new text takes over what the previous tree has already read
 * (`adoptTree`): a node's children are copied from the previous node's, moved by the length of
 * the edit, instead of being read from the text again.
 */
import type { Node, NodeType } from 'jsonc-parser';
import { isSpace, skipSpace, skipString } from './scan';

/** Index just past the JSON value that starts at `i` (valid JSON only). */
export function skipValue(text: string, i: number): number {
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

/** The value of the string literal text[start, end) (quotes included). */
export function stringValue(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/** The value of the literal text[start, end): a string, a number, true, false or null. */
export function literalValue(text: string, start: number, end: number): string | number | boolean | null {
  switch (text.charCodeAt(start)) {
    case 0x22:
      return stringValue(text, start, end);
    case 0x74:
      return true;
    case 0x66:
      return false;
    case 0x6e:
      return null;
    default:
      // As jsonc-parser reads a number (for valid JSON, the same as JSON.parse).
      return Number(text.slice(start, end));
  }
}

const literalType = (value: unknown): NodeType => (value === null ? 'null' : (typeof value as 'string' | 'number' | 'boolean'));

/**
 * How the nodes of a previous tree stand in a new text: the literal at [offset, offset + length)
 * of the previous text was replaced by one `delta` characters longer; nodes after it move by
 * `delta`, the nodes around it grow by `delta`, the literal is read again.
 */
interface Move {
  readonly offset: number;
  readonly length: number;
  readonly delta: number;
}

/** A move of a whole subtree by `delta` (every node of it lies after the edit). */
const shiftBy = (delta: number): Move => ({ offset: -1, length: 1, delta });

/** A node of the tree. Containers read their children on first access. */
class TextNode implements Node {
  value: unknown = undefined;
  colonOffset: number | undefined = undefined;
  parent: TextNode | undefined = undefined;
  private kids: TextNode[] | undefined = undefined;
  /** The properties by key, for an object with many. */
  private members: Map<string, TextNode> | undefined = undefined;
  /** The same node in the previous tree, already read, and how its nodes move into this text. */
  private origin: TextNode | undefined = undefined;
  private move: Move | undefined = undefined;

  constructor(
    readonly type: NodeType,
    readonly offset: number,
    readonly length: number,
    readonly text: string,
  ) {}

  get children(): TextNode[] | undefined {
    if (this.kids === undefined && (this.type === 'object' || this.type === 'array')) this.kids = this.read();
    return this.kids;
  }

  /** The property of this object with the key `key` (a clean text has no key twice). */
  member(key: string): TextNode | undefined {
    const children = this.children;
    if (!children || this.type !== 'object') return undefined;
    if (children.length <= 8) {
      for (const property of children) if (property.kids![0].value === key) return property;
      return undefined;
    }
    if (!this.members) {
      this.members = new Map();
      for (const property of children) this.members.set(property.kids![0].value as string, property);
    }
    return this.members.get(key);
  }

  /** Whether the children are already read (always, for a property). */
  get expanded(): boolean {
    return this.kids !== undefined;
  }

  setChildren(children: TextNode[]): void {
    this.kids = children;
  }

  /** Children to copy from `origin` (a node of the previous tree that has read its own) when asked. */
  adopt(origin: TextNode, move: Move): void {
    this.origin = origin;
    this.move = move;
  }

  private read(): TextNode[] {
    const { origin, move } = this;
    this.origin = undefined;
    this.move = undefined;
    if (origin && move) return origin.kids!.map((child) => movedIn(child, move, this, this.text));
    return this.type === 'object' ? readMembers(this) : readItems(this);
  }
}

function container(type: 'object' | 'array', offset: number, length: number, text: string): TextNode {
  return new TextNode(type, offset, length, text);
}

function literal(value: string | number | boolean | null, offset: number, length: number, text: string): TextNode {
  const node = new TextNode(literalType(value), offset, length, text);
  node.value = value;
  return node;
}

function valueNode(text: string, start: number, end: number, parent: TextNode | undefined): TextNode {
  const c = text.charCodeAt(start);
  const node =
    c === 0x7b ? container('object', start, end - start, text) : c === 0x5b ? container('array', start, end - start, text) : literal(literalValue(text, start, end), start, end - start, text);
  node.parent = parent;
  return node;
}

function readMembers(object: TextNode): TextNode[] {
  const text = object.text;
  const members: TextNode[] = [];
  let i = skipSpace(text, object.offset + 1);
  while (text.charCodeAt(i) === 0x22) {
    const keyEnd = skipString(text, i);
    const colon = skipSpace(text, keyEnd);
    const start = skipSpace(text, colon + 1);
    const end = skipValue(text, start);
    const property = new TextNode('property', i, end - i, text);
    property.parent = object;
    property.colonOffset = colon;
    const key = literal(stringValue(text, i, keyEnd), i, keyEnd - i, text);
    key.parent = property;
    property.setChildren([key, valueNode(text, start, end, property)]);
    members.push(property);
    i = skipSpace(text, end);
    if (text.charCodeAt(i) !== 0x2c) break;
    i = skipSpace(text, i + 1);
  }
  return members;
}

function readItems(array: TextNode): TextNode[] {
  const text = array.text;
  const items: TextNode[] = [];
  let i = skipSpace(text, array.offset + 1);
  if (text.charCodeAt(i) === 0x5d) return items;
  for (;;) {
    const end = skipValue(text, i);
    items.push(valueNode(text, i, end, array));
    i = skipSpace(text, end);
    if (text.charCodeAt(i) !== 0x2c) break;
    i = skipSpace(text, i + 1);
  }
  return items;
}

/** `node` of the previous tree as it stands in the new `text`, as a child of `parent`. */
function movedIn(node: TextNode, move: Move, parent: TextNode | undefined, text: string): TextNode {
  const end = node.offset + node.length;
  const editEnd = move.offset + move.length;
  let copy: TextNode;
  let inner: Move;
  if (end <= move.offset) {
    inner = shiftBy(0);
    copy = node.type === 'object' || node.type === 'array' || node.type === 'property' ? new TextNode(node.type, node.offset, node.length, text) : literal(node.value as string, node.offset, node.length, text);
  } else if (node.offset >= editEnd) {
    inner = shiftBy(move.delta);
    const offset = node.offset + move.delta;
    copy = node.type === 'object' || node.type === 'array' || node.type === 'property' ? new TextNode(node.type, offset, node.length, text) : literal(node.value as string, offset, node.length, text);
  } else if (node.offset === move.offset && end === editEnd && node.type !== 'object' && node.type !== 'array' && node.type !== 'property') {
    // The edited literal: read again from the new text.
    copy = literal(literalValue(text, node.offset, end + move.delta), node.offset, node.length + move.delta, text);
    copy.parent = parent;
    return copy;
  } else if (node.offset <= move.offset && end >= editEnd) {
    inner = move;
    copy = new TextNode(node.type, node.offset, node.length + move.delta, text);
  } else {
    throw new Error('adoptTree: an edit that crosses a node boundary changes the structure');
  }
  copy.parent = parent;
  if (node.colonOffset !== undefined) copy.colonOffset = node.colonOffset >= editEnd ? node.colonOffset + move.delta : node.colonOffset;
  if (node.type === 'property') {
    // Always read: exactly its key and its value.
    const [key, value] = node.children!;
    copy.setChildren([movedIn(key, inner, copy, text), movedIn(value, inner, copy, text)]);
  } else if (node.expanded) {
    copy.adopt(node, inner);
  }
  return copy;
}

/** The lazy tree of a valid JSON text without duplicate keys (`JSON.parse` accepted it). */
export function lazyTree(text: string): Node | undefined {
  const start = skipSpace(text, 0);
  if (start >= text.length) return undefined;
  // After the value of a valid JSON text there is only white space.
  let end = text.length;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return valueNode(text, start, end, undefined);
}

/**
 * The tree of `text`, which is the text of `previous` with the literal (string, number, key…)
 * at [offset, offset + length) replaced by another literal `delta` characters longer; what
 * `previous` has read is taken over, moved. The caller guarantees that the structure is the same.
 */
export function adoptTree(previous: Node, text: string, offset: number, length: number, delta: number): Node {
  if (!(previous instanceof TextNode)) throw new Error('adoptTree: not a lazy tree');
  return movedIn(previous, { offset, length, delta }, undefined, text);
}

/** The property node for `key` of an object node of a lazy tree, or undefined when `node` is not one (null) or has none. */
export function lazyMember(node: Node, key: string): Node | undefined | null {
  return node instanceof TextNode ? node.member(key) : null;
}
