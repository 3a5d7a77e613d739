/**
 * What a structure rule read in its last run, recorded as it runs rather than declared: the
 * chapters of the plan (its top-level keys) it looked at, through the plan or through the
 * spans of the document, whether it asked for the cost model, and whether it read anything
 * that cannot be put down to a chapter (the text, the tree, the value of the whole, the list of
 * top-level keys). A rule is a function of what it read: after an edit of one literal in one
 * chapter, a rule that read neither that chapter, nor the cost model when it changed, nor the
 * whole document would find the same things again, moved by the edit (incremental.ts).
 *
 * Recording is exact, not a guess from the rule's source: a rule that reads a chapter only in
 * some plans (a branch taken when a field is set) is recorded as reading it only in those.
 */
import type { CostModel } from './cost/cost';
import type { ParsedDocument } from './json/parse';
import type { JsonPath } from './json/tree';
import type { Plan } from './plan/types';

export interface ReadSet {
  /** The top-level keys read (present or not). */
  readonly chapters: ReadonlySet<string>;
  /** The cost model was asked for. */
  readonly cost: boolean;
  /** Something not of one chapter was read: the rule runs again after every edit. */
  readonly whole: boolean;
}

/** The same as the plan and the document it wraps, noting what is read of them. */
export class ReadRecorder {
  private readonly chapters = new Set<string>();
  private cost = false;
  private whole = false;

  /** The plan, as a view that notes which of its top-level keys are read. */
  plan(plan: Plan): Plan {
    return new Proxy(plan, new PlanTraps(this));
  }

  /** The document, as a view whose `spanAt` notes the chapter of the path; anything else of it reads the whole. */
  document(doc: ParsedDocument): ParsedDocument {
    return new RecordedDocument(doc, this);
  }

  /** The cost model, noting that it was read. */
  costOf(cost: () => CostModel): () => CostModel {
    return () => {
      this.cost = true;
      return cost();
    };
  }

  /** Reads that this module does not follow (the prose strings, the page estimate): the whole. */
  untracked<T>(read: () => T): () => T {
    return () => {
      this.whole = true;
      return read();
    };
  }

  /** A top-level key was read (a symbol: something else, the whole). */
  noteKey(key: string | symbol): void {
    if (typeof key === 'string') this.chapters.add(key);
    else this.whole = true;
  }

  /** A span was looked up: its chapter, or the whole for the span of the whole. */
  notePath(path: JsonPath): void {
    if (path.length > 0 && typeof path[0] === 'string') this.chapters.add(path[0]);
    else this.whole = true;
  }

  noteWhole(): void {
    this.whole = true;
  }

  result(): ReadSet {
    return { chapters: this.chapters, cost: this.cost, whole: this.whole };
  }
}

/** The traps of the plan's view (one object per rule run, methods shared). */
class PlanTraps implements ProxyHandler<Plan> {
  constructor(private readonly recorder: ReadRecorder) {}

  get(target: Plan, key: string | symbol, receiver: unknown): unknown {
    this.recorder.noteKey(key);
    return Reflect.get(target, key, receiver);
  }

  has(target: Plan, key: string | symbol): boolean {
    this.recorder.noteKey(key);
    return Reflect.has(target, key);
  }

  getOwnPropertyDescriptor(target: Plan, key: string | symbol): PropertyDescriptor | undefined {
    this.recorder.noteKey(key);
    return Reflect.getOwnPropertyDescriptor(target, key);
  }

  ownKeys(target: Plan): ArrayLike<string | symbol> {
    this.recorder.noteWhole();
    return Reflect.ownKeys(target);
  }

  set(): boolean {
    throw new TypeError('a rule changed the plan');
  }

  defineProperty(): boolean {
    throw new TypeError('a rule changed the plan');
  }

  deleteProperty(): boolean {
    throw new TypeError('a rule changed the plan');
  }
}

/** The document's view: `spanAt` notes its path's chapter, the rest notes the whole. */
class RecordedDocument implements ParsedDocument {
  constructor(
    private readonly doc: ParsedDocument,
    private readonly recorder: ReadRecorder,
  ) {}

  get text(): string {
    return this.whole(this.doc.text);
  }

  get root(): ParsedDocument['root'] {
    return this.whole(this.doc.root);
  }

  get syntaxErrors(): ParsedDocument['syntaxErrors'] {
    return this.whole(this.doc.syntaxErrors);
  }

  get value(): unknown {
    return this.whole(this.doc.value);
  }

  get duplicates(): ParsedDocument['duplicates'] {
    return this.whole(this.doc.duplicates);
  }

  get longestArray(): number | undefined {
    return this.whole(this.doc.longestArray);
  }

  /** `value`, a read of the whole document. */
  private whole<T>(value: T): T {
    this.recorder.noteWhole();
    return value;
  }

  spanAt(path: JsonPath, part?: 'value' | 'key'): { offset: number; length: number } | undefined {
    this.recorder.notePath(path);
    return this.doc.spanAt(path, part);
  }
}

/** Whether a rule that read `reads` may find something else after an edit of `chapter` (the cost model changed or not). */
export const readsEdit = (reads: ReadSet, chapter: string, costChanged: boolean): boolean =>
  reads.whole || reads.chapters.has(chapter) || (costChanged && reads.cost);
