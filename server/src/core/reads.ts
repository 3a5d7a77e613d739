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
    const chapters = this.chapters;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the traps below are not methods of this class
    const recorder = this;
    return new Proxy(plan, {
      get(target, key, receiver) {
        if (typeof key === 'string') chapters.add(key);
        else recorder.whole = true;
        return Reflect.get(target, key, receiver) as unknown;
      },
      has(target, key) {
        if (typeof key === 'string') chapters.add(key);
        else recorder.whole = true;
        return Reflect.has(target, key);
      },
      getOwnPropertyDescriptor(target, key) {
        if (typeof key === 'string') chapters.add(key);
        else recorder.whole = true;
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      ownKeys(target) {
        recorder.whole = true;
        return Reflect.ownKeys(target);
      },
      set() {
        throw new TypeError('a rule changed the plan');
      },
      defineProperty() {
        throw new TypeError('a rule changed the plan');
      },
      deleteProperty() {
        throw new TypeError('a rule changed the plan');
      },
    });
  }

  /** The document, as a view whose `spanAt` notes the chapter of the path; anything else of it reads the whole. */
  document(doc: ParsedDocument): ParsedDocument {
    const chapters = this.chapters;
    const spanAt = (path: JsonPath, part?: 'value' | 'key') => {
      if (path.length > 0 && typeof path[0] === 'string') chapters.add(path[0]);
      else this.whole = true;
      return doc.spanAt(path, part);
    };
    const readWhole = <T>(value: T): T => {
      this.whole = true;
      return value;
    };
    return {
      get text() {
        return readWhole(doc.text);
      },
      get root() {
        return readWhole(doc.root);
      },
      get syntaxErrors() {
        return readWhole(doc.syntaxErrors);
      },
      get value() {
        return readWhole(doc.value);
      },
      get duplicates() {
        return readWhole(doc.duplicates);
      },
      get longestArray() {
        return readWhole(doc.longestArray);
      },
      spanAt,
    };
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

  result(): ReadSet {
    return { chapters: this.chapters, cost: this.cost, whole: this.whole };
  }
}

/** Whether a rule that read `reads` may find something else after an edit of `chapter` (the cost model changed or not). */
export const readsEdit = (reads: ReadSet, chapter: string, costChanged: boolean): boolean =>
  reads.whole || reads.chapters.has(chapter) || (costChanged && reads.cost);
