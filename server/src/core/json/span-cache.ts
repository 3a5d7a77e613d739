/**
 * The spans a document found at paths, kept so that the document of the next text (after an
 * edit inside a literal, or of white space between tokens) need not look them up again in the
 * tree: a rule that reports a thousand rows asks for a thousand spans on every keystroke.
 *
 * A path gets a slot once, in a tree of path segments (no key is built for a lookup); the slots
 * are shared by the documents of successive texts and only ever added to. Each document has its
 * own offsets and lengths by slot, in typed arrays, so that moving them to the next text is one
 * pass over two arrays: no map is copied and no number is boxed, and the garbage collector has
 * nothing to copy.
 */
import type { JsonPath } from './tree';

/** The offset of a slot that holds no span in this document. */
const NONE = -1;
/** At most this many paths get a slot. */
const MAX_SLOTS = 20_000;
const FIRST_CAPACITY = 64;

/** A path in the tree of slots: the slots of its value and of its key, and the paths under it. */
class PathNode {
  value = NONE;
  key = NONE;
  names: Map<string, PathNode> | undefined = undefined;
  items: PathNode[] | undefined = undefined;

  child(segment: string | number): PathNode | undefined {
    return typeof segment === 'number' ? this.items?.[segment] : this.names?.get(segment);
  }

  childMade(segment: string | number): PathNode {
    let node = this.child(segment);
    if (!node) {
      node = new PathNode();
      if (typeof segment === 'number') (this.items ??= [])[segment] = node;
      else (this.names ??= new Map()).set(segment, node);
    }
    return node;
  }
}

/** The slots of the paths, shared by successive documents. */
interface Slots {
  readonly root: PathNode;
  count: number;
}

/** How a text changed: [from, to) of the previous text became `delta` characters longer. */
export interface SpanMove {
  readonly from: number;
  readonly to: number;
  readonly delta: number;
  /** In the previous text, the range of a property whose key was renamed: the spans inside it are of paths that are no more. */
  readonly gone?: { readonly from: number; readonly to: number };
}

export class SpanCache {
  private constructor(
    private readonly slots: Slots,
    private offsets: Int32Array,
    private lengths: Int32Array,
  ) {}

  static empty(): SpanCache {
    return new SpanCache({ root: new PathNode(), count: 0 }, new Int32Array(FIRST_CAPACITY).fill(NONE), new Int32Array(FIRST_CAPACITY));
  }

  get(path: JsonPath, part: 'value' | 'key'): { offset: number; length: number } | undefined {
    let node: PathNode | undefined = this.slots.root;
    for (let i = 0; i < path.length && node; i++) node = node.child(path[i]);
    const slot = node ? node[part] : NONE;
    if (slot === NONE || slot >= this.offsets.length) return undefined;
    const offset = this.offsets[slot];
    return offset === NONE ? undefined : { offset, length: this.lengths[slot] };
  }

  set(path: JsonPath, part: 'value' | 'key', offset: number, length: number): void {
    // Once every slot is given, only the paths that have one are kept.
    const full = this.slots.count >= MAX_SLOTS;
    let node: PathNode | undefined = this.slots.root;
    for (let i = 0; i < path.length && node; i++) node = full ? node.child(path[i]) : node.childMade(path[i]);
    if (!node || (full && node[part] === NONE)) return;
    let slot = node[part];
    if (slot === NONE) slot = node[part] = this.slots.count++;
    if (slot >= this.offsets.length) this.grow(slot + 1);
    this.offsets[slot] = offset;
    this.lengths[slot] = length;
  }

  /**
   * The spans in the next text: those that end by `from` stay, those that begin at `to` or later
   * move by `delta`, and those that hold all of [from, to) (the edited literal and the containers
   * around it) grow by `delta`. Spans nest, so no other overlap can be; one would be dropped.
   * Those inside `gone` are dropped.
   */
  moved(move: SpanMove): SpanCache {
    const { from, to, delta, gone } = move;
    const size = this.offsets.length;
    const offsets = new Int32Array(size);
    const lengths = new Int32Array(size);
    for (let slot = 0; slot < size; slot++) {
      const offset = this.offsets[slot];
      const length = this.lengths[slot];
      const end = offset + length;
      if (offset === NONE || (gone && offset >= gone.from && end <= gone.to)) offsets[slot] = NONE;
      else if (end <= from) {
        offsets[slot] = offset;
        lengths[slot] = length;
      } else if (offset >= to) {
        offsets[slot] = offset + delta;
        lengths[slot] = length;
      } else if (offset <= from && end >= to) {
        offsets[slot] = offset;
        lengths[slot] = length + delta;
      } else offsets[slot] = NONE;
    }
    return new SpanCache(this.slots, offsets, lengths);
  }

  /** Room for `size` slots at least, the new ones holding no span. */
  private grow(size: number): void {
    let capacity = this.offsets.length;
    while (capacity < size) capacity *= 2;
    const offsets = new Int32Array(capacity).fill(NONE);
    const lengths = new Int32Array(capacity);
    offsets.set(this.offsets);
    lengths.set(this.lengths);
    this.offsets = offsets;
    this.lengths = lengths;
  }
}
