/**
 * The spans a document found at paths, kept so that the document of the next text (after an
 * edit inside a literal, or of white space between tokens) need not look them up again in the
 * tree: a rule that reports a thousand rows asks for a thousand spans on every keystroke.
 *
 * A path's key gets a slot once; the slots are shared by the documents of successive texts and
 * only ever added to. Each document has its own offsets and lengths by slot, in typed arrays,
 * so that moving them to the next text is one pass over two arrays: no map is copied and no
 * number is boxed, and the garbage collector has nothing to copy.
 */
import type { JsonPath } from './tree';

/** The offset of a slot that holds no span in this document. */
const NONE = -1;
/** At most this many paths get a slot. */
const MAX_SLOTS = 20_000;
const FIRST_CAPACITY = 64;

/** A path as a key of the cache: each segment's kind and length written, so no two paths meet. */
export function pathKey(path: JsonPath, part: 'value' | 'key'): string {
  let key = part === 'key' ? 'k' : 'v';
  for (const segment of path) key += typeof segment === 'number' ? `#${segment}` : `.${segment.length}:${segment}`;
  return key;
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
    private readonly slots: Map<string, number>,
    private offsets: Int32Array,
    private lengths: Int32Array,
  ) {}

  static empty(): SpanCache {
    return new SpanCache(new Map(), new Int32Array(FIRST_CAPACITY).fill(NONE), new Int32Array(FIRST_CAPACITY));
  }

  get(key: string): { offset: number; length: number } | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined || slot >= this.offsets.length) return undefined;
    const offset = this.offsets[slot];
    return offset === NONE ? undefined : { offset, length: this.lengths[slot] };
  }

  set(key: string, offset: number, length: number): void {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      if (this.slots.size >= MAX_SLOTS) return;
      slot = this.slots.size;
      this.slots.set(key, slot);
    }
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
