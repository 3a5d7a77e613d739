import type { ParsedDocument } from '../../json/parse';
import { stringSpanner } from '../../json/scan';
import type { JsonPath } from '../../json/tree';

/** A place in a prose string where a rule found something. */
export interface Hit {
  readonly start: number;
  readonly text: string;
  readonly kind: string;
}

/** The result for most strings, shared rather than allocated each time. */
export const NO_HITS: readonly Hit[] = Object.freeze([]);

/** Calls `visit` for every string value (not keys), with its path; the root "$schema" is skipped. */
export function forEachString(value: unknown, visit: (text: string, path: () => (string | number)[]) => void): void {
  const stack: (string | number)[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      visit(node, () => [...stack]);
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        stack.push(i);
        walk(node[i]);
        stack.pop();
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) {
        if (stack.length === 0 && key === '$schema') continue;
        stack.push(key);
        walk((node as Record<string, unknown>)[key]);
        stack.pop();
      }
    }
  };
  walk(value);
}

/** Maps indices of the string at `path` to document spans (one lookup however many hits). */
export function spannerAt(doc: ParsedDocument, path: JsonPath): (start: number, end: number) => { offset: number; length: number } {
  const node = doc.spanAt(path);
  return node ? stringSpanner(doc.text, node) : () => ({ offset: 0, length: 0 });
}

/** A parsed JSON text without a backslash: every string stands in it as it is. */
export const isPlainText = (doc: ParsedDocument): boolean => doc.syntaxErrors.length === 0 && doc.duplicates.length === 0 && !doc.text.includes('\\');
