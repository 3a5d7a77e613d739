/**
 * Inserting a section or property at its proper place: after the sibling that precedes it in the
 * schema's (the form's) order, with valid commas and the document's own indentation. Produces
 * VS Code snippet text from the schema's defaultSnippets, so the user can tab through the fields.
 */
import type { Node } from 'jsonc-parser';
import { nodeAt, propertyNode, type JsonPath } from '../json/tree';
import { type ParsedDocument } from '../json/parse';
import { resolveRef, schemaAt } from '../schema/lookup';
import { type SchemaNode } from '../schema/compile';

export type Insertion =
  | { readonly kind: 'insert'; readonly offset: number; readonly snippet: string }
  | { readonly kind: 'existing'; readonly offset: number; readonly length: number };

/** The document's indentation unit: the first indented line's leading white space, else 2 spaces. */
export function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  return match ? match[1] : '  ';
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** Escapes text so a snippet inserts it literally. */
export const escapeSnippet = (text: string): string => text.replace(/[$}\\]/g, (c) => `\\${c}`);

/** Writes a defaultSnippets body as snippet text: strings starting with ^ are raw (numbers, booleans). */
export function bodyToSnippet(body: unknown, indent: string, unit: string): string {
  if (typeof body === 'string') return body.startsWith('^') ? body.slice(1) : JSON.stringify(body);
  if (Array.isArray(body)) {
    if (body.length === 0) return '[$0]';
    return `[\n${body.map((item) => indent + unit + bodyToSnippet(item, indent + unit, unit)).join(',\n')}\n${indent}]`;
  }
  if (body && typeof body === 'object') {
    const entries = Object.entries(body);
    if (entries.length === 0) return '{$0}';
    return `{\n${entries.map(([k, v]) => `${indent + unit}${JSON.stringify(k)}: ${bodyToSnippet(v, indent + unit, unit)}`).join(',\n')}\n${indent}}`;
  }
  return String(body);
}

/** A value snippet for a property: its first defaultSnippet, else an empty value of its type. */
export function valueSnippet(schema: SchemaNode | undefined, indent: string, unit: string): string {
  const snippets = (schema?.defaultSnippets ?? resolveRef(schema)?.defaultSnippets) as Array<{ body?: unknown }> | undefined;
  const body = snippets?.find((s) => s.body !== undefined)?.body;
  if (body !== undefined) return bodyToSnippet(body, indent, unit);
  const resolved = resolveRef(schema);
  if (resolved?.enum) return `"\${1|${resolved.enum.map(String).join(',')}|}"`;
  const type = Array.isArray(resolved?.type) ? resolved.type[0] : resolved?.type;
  switch (type ?? (resolved?.anyOf ? 'string' : undefined)) {
    case 'object':
      return '{$1}';
    case 'array':
      return '[$1]';
    case 'number':
    case 'integer':
      return '${1:0}';
    case 'boolean':
      return '${1|true,false|}';
    default:
      return '"$1"';
  }
}

/** Where and what to insert so that `key` appears in the object at `parentPath`. */
export function planInsertion(doc: ParsedDocument, parentPath: JsonPath, key: string): Insertion | undefined {
  const { text } = doc;
  const unit = indentUnit(text);
  const parentSchema = resolveRef(schemaAt(parentPath));
  const childSchema = parentSchema?.properties?.[key];

  if (!doc.root && text.trim() === '') {
    return { kind: 'insert', offset: 0, snippet: `{\n${unit}${JSON.stringify(key)}: ${valueSnippet(childSchema, unit, unit)}\n}\n` };
  }
  const parent = nodeAt(doc.root, parentPath);
  if (!parent || parent.type !== 'object') return undefined;
  const existing = propertyNode(parent, key);
  if (existing) return { kind: 'existing', offset: existing.offset, length: existing.length };

  const order = Object.keys(parentSchema?.properties ?? {});
  const rank = (k: string) => order.indexOf(k);
  const siblings = parent.children ?? [];
  const parentIndent = lineIndent(text, parent.offset);
  const indent = siblings.length > 0 ? lineIndent(text, siblings[0].offset) : parentIndent + unit;
  const value = valueSnippet(childSchema, indent, unit);
  const entry = `${indent}${JSON.stringify(key)}: ${value}`;

  let before: Node | undefined;
  for (const sibling of siblings) {
    const siblingRank = rank(String(sibling.children?.[0]?.value));
    if (siblingRank >= 0 && siblingRank < rank(key)) before = sibling;
  }
  if (before) {
    return { kind: 'insert', offset: before.offset + before.length, snippet: `,\n${entry}` };
  }
  if (siblings.length > 0) {
    return { kind: 'insert', offset: parent.offset + 1, snippet: `\n${entry},` };
  }
  // An empty object: replace what is between the braces.
  return { kind: 'insert', offset: parent.offset + 1, snippet: `\n${entry}\n${parentIndent}` };
}
