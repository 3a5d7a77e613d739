/**
 * Quick fixes as offset edits. Rules declare their fixes (rules/*.ts); the language server turns
 * them into code actions, and tests apply them to text and analyze again. A fix never guesses
 * what the user meant to write: where the right value is not computable, a rule offers none.
 */
import type { JsonPath } from '../json/tree';

export interface OffsetEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export interface Fix {
  readonly code: string;
  readonly title: string;
  /** Plain text edits, applied together as one undoable change. */
  readonly edits?: readonly OffsetEdit[];
  /** A snippet replacing [offset, offset + length): the user completes its placeholders. */
  readonly snippet?: { readonly offset: number; readonly length: number; readonly text: string };
  /** Insert a missing property from its schema snippet (the client asks the server where). */
  readonly insertSection?: { readonly parentPath: JsonPath; readonly key: string };
  /** Plain edits that can be combined with the same code's other fixes into "fix all". */
  readonly fixAll: boolean;
  /** The one fix the editor may apply on its own (e.g. on save with source.fixAll). */
  readonly preferred: boolean;
}

/** The edit that replaces a finding's range with `value` written as JSON. */
export const replaceWithJson = (span: { readonly offset: number; readonly length: number }, value: unknown): OffsetEdit => ({
  offset: span.offset,
  length: span.length,
  newText: JSON.stringify(value),
});

/** Applies non-overlapping offset edits to a text (back to front); an overlapping edit is skipped. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.offset + edit.length > limit) continue; // overlaps an edit already applied
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
    limit = edit.offset;
  }
  return result;
}

/** The smallest single edit that turns `before` into `after`. */
export function minimalEdit(before: string, after: string): OffsetEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { offset: start, length: endBefore - start, newText: after.slice(start, endAfter) };
}
