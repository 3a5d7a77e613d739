/**
 * The outline of a plan as the form's chapters: 표지 (with its fields), 요약서, I–VI, 붙임0.
 * Offsets only; the language server turns it into DocumentSymbols.
 */
import type { Node } from 'jsonc-parser';
import type { ParsedDocument } from './json/parse';
import { formatKoreanDate } from './dates';
import { resolveRef, schemaAt } from './schema/lookup';
import { type SchemaNode } from './schema/compile';
import { COVER_PART, FORM_SECTIONS, sectionOf } from './form-sections';

export type OutlineKind = 'chapter' | 'object' | 'array' | 'field';

export interface OutlineItem {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  /** The whole property (key and value). */
  readonly offset: number;
  readonly length: number;
  /** The key, or the item itself for array entries. */
  readonly selectionOffset: number;
  readonly selectionLength: number;
  readonly children: OutlineItem[];
}

const MAX_DEPTH = 4;

const kindOf = (node: Node): OutlineKind => (node.type === 'object' ? 'object' : node.type === 'array' ? 'array' : 'field');

function stringProperty(node: Node, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const property = node.children?.find((p) => p.children?.[0]?.value === key);
    const value = property?.children?.[1];
    if (value?.type === 'string' && String(value.value).trim()) return String(value.value);
  }
  return undefined;
}

/** A readable name for a table row: "1단계 2026.03.~2026.04.", a person's name, a task. */
function rowName(node: Node, index: number, arrayKey: string): string {
  if (node.type === 'string') return String(node.value).slice(0, 40) || `#${index + 1}`;
  if (node.type !== 'object') return `#${index + 1}`;
  if (arrayKey === 'stages') {
    const period = node.children?.find((p) => p.children?.[0]?.value === 'period')?.children?.[1];
    const start = period && stringProperty(period, ['start']);
    const end = period && stringProperty(period, ['end']);
    return `${index + 1}단계${start && end ? ` ${formatKoreanDate(start)}~${formatKoreanDate(end)}` : ''}`;
  }
  const label = stringProperty(node, ['name', 'nameKo', 'task', 'title', 'organization', 'school', 'program', 'text']);
  return label ? `${index + 1}. ${label.slice(0, 40)}` : `#${index + 1}`;
}

function children(node: Node, schema: SchemaNode | undefined, key: string, depth: number): OutlineItem[] {
  if (depth >= MAX_DEPTH) return [];
  const resolved = resolveRef(schema);
  if (node.type === 'object') {
    return (node.children ?? []).flatMap((property) => {
      const kids: readonly (Node | undefined)[] = property.children ?? []; // a tolerant parse can leave a property without its value
      const [keyNode, value] = kids;
      if (!keyNode || !value) return [];
      const childSchema = resolved?.properties?.[String(keyNode.value)];
      return [item(property, keyNode, value, childSchema, depth + 1)];
    });
  }
  if (node.type === 'array' && (resolved?.items || key === 'stages')) {
    // Only arrays of rows get entries; lists of strings or Text bullets stay folded.
    if (!(node.children ?? []).some((c) => c.type === 'object' && stringProperty(c, ['text']) === undefined)) return [];
    return (node.children ?? []).map((row, index) => ({
      name: rowName(row, index, key),
      kind: kindOf(row),
      offset: row.offset,
      length: row.length,
      selectionOffset: row.offset,
      selectionLength: row.length,
      children: children(row, resolved?.items, '', depth + 1),
    }));
  }
  return [];
}

function item(property: Node, keyNode: Node, value: Node, schema: SchemaNode | undefined, depth: number): OutlineItem {
  const key = String(keyNode.value);
  const title = schema?.title ?? resolveRef(schema)?.title;
  return {
    name: title ?? key,
    detail: title ? key : undefined,
    kind: kindOf(value),
    offset: property.offset,
    length: property.length,
    selectionOffset: keyNode.offset,
    selectionLength: keyNode.length,
    children: children(value, schema, key, depth),
  };
}

/** Spans inside the text, whatever a parser reported for a truncated document. */
function clampItem(item: OutlineItem, length: number): OutlineItem {
  const clamp = (offset: number, span: number) => {
    const start = Math.min(Math.max(offset, 0), length);
    return [start, Math.min(Math.max(span, 0), length - start)] as const;
  };
  const [offset, itemLength] = clamp(item.offset, item.length);
  const [selectionOffset, selectionLength] = clamp(item.selectionOffset, item.selectionLength);
  return { ...item, offset, length: itemLength, selectionOffset, selectionLength, children: item.children.map((c) => clampItem(c, length)) };
}

export function outline(doc: ParsedDocument): OutlineItem[] {
  return outlineOf(doc).map((item) => clampItem(item, doc.text.length));
}

function outlineOf(doc: ParsedDocument): OutlineItem[] {
  const root = doc.root;
  if (root?.type !== 'object') return [];
  const cover: OutlineItem[] = [];
  const chapters: OutlineItem[] = [];
  const others: OutlineItem[] = [];
  for (const property of root.children ?? []) {
    const kids: readonly (Node | undefined)[] = property.children ?? []; // a tolerant parse can leave a property without its value
    const [keyNode, value] = kids;
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (key.startsWith('$')) continue; // "$schema" is for tools, not a part of the form
    const section = sectionOf(key);
    const entry = item(property, keyNode, value, schemaAt([key]), 1);
    if (section?.part === COVER_PART) cover.push(entry);
    else if (section) chapters.push({ ...entry, name: section.label, detail: key, kind: 'chapter' });
    else others.push(entry);
  }
  const order = (i: OutlineItem) => FORM_SECTIONS.findIndex((s) => s.key === i.detail || s.label === i.name);
  chapters.sort((a, b) => order(a) - order(b));
  const result: OutlineItem[] = [];
  if (cover.length > 0) {
    const start = Math.min(...cover.map((c) => c.offset));
    const end = Math.max(...cover.map((c) => c.offset + c.length));
    const first = cover.reduce((a, b) => (a.offset <= b.offset ? a : b));
    result.push({
      name: '표지 (사업수행계획서)',
      detail: 'cover',
      kind: 'chapter',
      offset: start,
      length: end - start,
      selectionOffset: first.selectionOffset,
      selectionLength: first.selectionLength,
      children: cover,
    });
  }
  return [...result, ...chapters, ...others];
}
