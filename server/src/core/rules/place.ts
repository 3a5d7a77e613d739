/** Where a finding goes: the value or key at a path, and related locations of cross-field rules. */
import type { Span } from '../findings';
import type { ParsedDocument } from '../json/parse';
import type { JsonPath } from '../json/tree';
import type { Message } from '../l10n';

/** The span of the value at `path`, falling back to the nearest existing ancestor's key. */
export function valueSpan(doc: ParsedDocument, path: JsonPath): Span {
  const exact = doc.spanAt(path);
  if (exact) return exact;
  for (let length = path.length - 1; length >= 0; length--) {
    const prefix = path.slice(0, length);
    const key = length > 0 ? doc.spanAt(prefix, 'key') : undefined;
    if (key) return key;
    const value = doc.spanAt(prefix);
    if (value) return { offset: value.offset, length: 1 };
  }
  return { offset: 0, length: 0 };
}

/** The span of the key of the property at `path` (its value's span for array items). */
export function keySpan(doc: ParsedDocument, path: JsonPath): Span {
  return doc.spanAt(path, 'key') ?? valueSpan(doc, path);
}

/** A related location for cross-field rules: the other value, with a note. */
export function related(doc: ParsedDocument, path: JsonPath, message: Message): Span & { message: Message } {
  const span = valueSpan(doc, path);
  return { offset: span.offset, length: span.length, message };
}
