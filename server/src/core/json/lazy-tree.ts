/**
 * The tree of a valid JSON text, node for node what jsonc-parser's `parseTree` builds (types,
 * offsets, lengths, values, colon offsets, parents), but built lazily: the children of an object
 * or array are read from the text the first time they are asked for, and kept. Looking up a few
 * paths costs the containers on those paths, not the whole text. Only for text that `JSON.parse`
 * accepted and that has no duplicate key: it reads valid JSON and nothing else.
 *
 * A property's two children, its key and its value, are made when first asked for too: looking
 * up a key compares it with the text, so a lookup that passes a property makes that one node.
 *
 * After an edit inside one literal (a string, a number or a key), which leaves the structure as
 * it was, the tree of the new text takes over what the previous tree has already read
 * (`adoptTree`): a node's children are copied from the previous node's, moved by the length of
 * the edit, instead of being read from the text again.
 */
import type { Node, NodeType } from 'jsonc-parser';
import { isSpace, skipSpace, skipString, skipValue } from './scan';

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

/** The type of the literal that starts at `start` of a valid JSON text, from its first character. */
function literalTypeAt(text: string, start: number): NodeType {
  switch (text.charCodeAt(start)) {
    case 0x22:
      return 'string';
    case 0x74:
    case 0x66:
      return 'boolean';
    case 0x6e:
      return 'null';
    default:
      return 'number';
  }
}

const isContainerType = (type: NodeType): boolean => type === 'object' || type === 'array' || type === 'property';

/** Not read yet (a literal's value before it is asked for). */
const UNREAD: unique symbol = Symbol('unread');

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

/**
 * A node of the tree. Containers read their children on first access, or (looking up one
 * property or item) only as far as that one: a lookup near the start of a large object reads
 * the text up to it, as a scan would, and what it read is kept for the next lookups.
 */
class TextNode implements Node {
  /** The value of a literal, read from the text when first asked for (most are never read). */
  private known: unknown = UNREAD;
  colonOffset: number | undefined = undefined;
  parent: TextNode | undefined = undefined;
  /** All the children, once read (for a property, once asked for). */
  private kids: TextNode[] | undefined = undefined;
  /** For a property: where its value begins (its key begins at `offset`). */
  private valueStart = -1;
  /** The children read so far, and where the next one begins (-1: there is none). */
  private partial: TextNode[] | undefined = undefined;
  private resume = 0;
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

  get value(): unknown {
    if (this.known === UNREAD) this.known = isContainerType(this.type) ? undefined : literalValue(this.text, this.offset, this.offset + this.length);
    return this.known;
  }

  set value(value: unknown) {
    this.known = value;
  }

  /**
   * This node at `offset` of `text`, `length` long, its nodes moved by `move`: a literal keeps its
   * value if it was read (its characters are the same), a property where its value begins.
   */
  copyAt(offset: number, length: number, text: string, move: Move): TextNode {
    if (this.type === 'property') return this.movedProperty(offset, length, text, move);
    const copy = new TextNode(this.type, offset, length, text);
    if (length === this.length) copy.known = this.known;
    return copy;
  }

  get children(): TextNode[] | undefined {
    if (this.kids === undefined) {
      if (this.type === 'object' || this.type === 'array') this.kids = this.readAll();
      else if (this.type === 'property') this.kids = this.origin ? this.readAll() : this.keyAndValue();
    }
    return this.kids;
  }

  /** A property's key and value, read from the text. */
  private keyAndValue(): TextNode[] {
    const text = this.text;
    const key = new TextNode('string', this.offset, skipString(text, this.offset) - this.offset, text);
    key.parent = this;
    return [key, valueNode(text, this.valueStart, this.offset + this.length, this)];
  }

  /** The property of this object with the key `key` (a clean text has no key twice). */
  member(key: string): TextNode | undefined {
    if (this.type !== 'object') return undefined;
    const children = this.kids;
    if (children) {
      if (children.length <= 8) {
        for (const property of children) if (property.keyIs(key)) return property;
        return undefined;
      }
      if (!this.members) {
        this.members = new Map();
        for (const property of children) this.members.set(property.keyValue() as string, property);
      }
      return this.members.get(key);
    }
    if (this.origin) return this.children && this.member(key);
    const read = this.begin();
    for (const property of read) if (property.keyIs(key)) return property;
    for (let property = this.readNext(); property; property = this.readNext()) if (property.keyIs(key)) return property;
    return undefined;
  }

  /** Whether the key of this property is `key`, from the text when its value is not read yet. */
  private keyIs(key: string): boolean {
    const node = this.kids?.[0];
    if (node !== undefined && node.known !== UNREAD) return node.known === key;
    const text = this.text;
    const start = this.offset;
    const length = node ? node.length : skipString(text, start) - start;
    // The same characters between the quotes: the same key, unless escapes are involved.
    if (length !== key.length + 2 || !text.startsWith(key, start + 1)) return length - 2 > key.length && stringValue(text, start, start + length) === key;
    return !key.includes('\\') || stringValue(text, start, start + length) === key;
  }

  /** The key of this property. */
  private keyValue(): unknown {
    const key = this.kids?.[0];
    return key ? key.value : stringValue(this.text, this.offset, skipString(this.text, this.offset));
  }

  /** The item `index` of this array. */
  item(index: number): TextNode | undefined {
    if (this.type !== 'array') return undefined;
    if (this.kids || this.origin) return this.children?.[index];
    const read = this.begin();
    while (read.length <= index && this.readNext());
    return read[index];
  }

  /** Whether all the children are read. */
  get expanded(): boolean {
    return this.kids !== undefined;
  }

  /** A property whose value begins at `valueStart` (its children made when asked for). */
  static property(offset: number, length: number, text: string, colon: number, valueStart: number, parent: TextNode): TextNode {
    const node = new TextNode('property', offset, length, text);
    node.parent = parent;
    node.colonOffset = colon;
    node.valueStart = valueStart;
    return node;
  }

  /** This property at `offset` of `text`, moved as `move` says, its children made when asked for. */
  movedProperty(offset: number, length: number, text: string, move: Move): TextNode {
    const copy = new TextNode('property', offset, length, text);
    const editEnd = move.offset + move.length;
    copy.valueStart = this.valueStart >= editEnd ? this.valueStart + move.delta : this.valueStart;
    return copy;
  }

  /** Reads all its children now (from its origin, or the rest from the text) if it has begun to or has an origin. */
  takeOverPending(): void {
    if (!this.kids && (this.origin || this.partial)) this.kids = this.readAll();
  }

  /** For a value of the root, or the property that holds it: `takeOverPending`. */
  takeOverChapter(): void {
    if (this.type !== 'property') this.takeOverPending();
    else if (this.kids || this.origin) this.children?.[1]?.takeOverPending();
  }

  /** Children to copy from `origin` (a node of the previous tree that has read its own) when asked. */
  adopt(origin: TextNode, move: Move): void {
    this.origin = origin;
    this.move = move;
  }

  private readAll(): TextNode[] {
    const { origin, move } = this;
    this.origin = undefined;
    this.move = undefined;
    // An origin has read its children (adopt() is called only for an expanded node); else read the text.
    if (origin?.kids && move) {
      // The chapters (values of the root's properties) that the previous tree had from the one
      // before it but never read, or had begun to read, are read whole now: so a chapter that no
      // keystroke reads for a while (the 1,000 rows of 붙임0 while the user types a date) is
      // still taken over, not read from the text again. Deeper nodes are not.
      if (this.parent === undefined) for (const child of origin.kids) child.takeOverChapter();
      return origin.kids.map((child) => movedIn(child, move, this, this.text));
    }
    const read = this.begin();
    while (this.readNext());
    this.partial = undefined;
    return read;
  }

  /** The children read so far (starting to read when none is). */
  private begin(): TextNode[] {
    if (!this.partial) {
      this.partial = [];
      const first = skipSpace(this.text, this.offset + 1);
      const c = this.text.charCodeAt(first);
      this.resume = (this.type === 'object' ? c === 0x22 : c !== 0x5d) ? first : -1;
    }
    return this.partial;
  }

  /** Reads one more child, or returns undefined when all are read. */
  private readNext(): TextNode | undefined {
    const at = this.resume;
    if (at < 0) {
      if (!this.kids) this.kids = this.partial;
      return undefined;
    }
    const text = this.text;
    let child: TextNode;
    let end: number;
    if (this.type === 'object') {
      const colon = skipSpace(text, skipString(text, at));
      const start = skipSpace(text, colon + 1);
      end = skipValue(text, start);
      child = TextNode.property(at, end - at, text, colon, start, this);
    } else {
      end = skipValue(text, at);
      child = valueNode(text, at, end, this);
    }
    if (!this.partial) throw new Error('lazy tree: readNext() before begin()');
    this.partial.push(child);
    const next = skipSpace(text, end);
    this.resume = text.charCodeAt(next) === 0x2c ? skipSpace(text, next + 1) : -1;
    return child;
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
    c === 0x7b
      ? container('object', start, end - start, text)
      : c === 0x5b
        ? container('array', start, end - start, text)
        : new TextNode(literalTypeAt(text, start), start, end - start, text);
  node.parent = parent;
  return node;
}

/** `node` of the previous tree as it stands in the new `text`, as a child of `parent`. */
function movedIn(node: TextNode, move: Move, parent: TextNode | undefined, text: string): TextNode {
  const end = node.offset + node.length;
  const editEnd = move.offset + move.length;
  let copy: TextNode;
  let inner: Move;
  if (end <= move.offset) {
    inner = shiftBy(0);
    copy = node.copyAt(node.offset, node.length, text, inner);
  } else if (node.offset >= editEnd) {
    inner = shiftBy(move.delta);
    copy = node.copyAt(node.offset + move.delta, node.length, text, inner);
  } else if (node.offset === move.offset && end === editEnd && node.type !== 'object' && node.type !== 'array' && node.type !== 'property') {
    // The edited literal: read again from the new text.
    copy = literal(literalValue(text, node.offset, end + move.delta), node.offset, node.length + move.delta, text);
    copy.parent = parent;
    return copy;
  } else if (node.offset <= move.offset && end >= editEnd) {
    inner = move;
    copy = node.copyAt(node.offset, node.length + move.delta, text, move);
  } else {
    throw new Error('adoptTree: an edit that crosses a node boundary changes the structure');
  }
  copy.parent = parent;
  if (node.colonOffset !== undefined) copy.colonOffset = node.colonOffset >= editEnd ? node.colonOffset + move.delta : node.colonOffset;
  if (node.expanded) copy.adopt(node, inner);
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

/** The property node for `key` of an object node of a lazy tree: undefined when it has none, null when `node` is not of a lazy tree. */
export function lazyMember(node: Node, key: string): Node | undefined | null {
  return node instanceof TextNode ? node.member(key) : null;
}

/** The item `index` of an array node of a lazy tree: undefined when it has none, null when `node` is not of a lazy tree. */
export function lazyItem(node: Node, index: number): Node | undefined | null {
  return node instanceof TextNode ? node.item(index) : null;
}
