/**
 * Schema errors mapped to one clear finding per place: the noise of anyOf dropped, the best
 * message kept where two land on the same spot, and the checks a rule owns left to that rule.
 */
import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import type { RawFinding } from '../findings';
import { msg, type Message } from '../l10n';
import type { ParsedDocument } from '../json/parse';
import { keyNodeAt, nearestNode, nodeAt, pointerToPath, propertyNode, type JsonPath } from '../json/tree';
import { didYouMean } from '../suggest';
import { MAX_VALIDATED_ITEMS, TEXT_REF, bounded, validationErrors, type SchemaNode } from './compile';
import { fieldLabel, resolveRef, schemaAt } from './lookup';

/** A check a rule owns: schema errors of these keywords at these places are left to it. */
export interface SchemaOwnership {
  /** JSON pointer of the place, as a pattern (`/staff/\\d+/participationPercent`). */
  readonly pointer: RegExp;
  readonly keywords: readonly string[];
  /** For `required`: only this missing property. */
  readonly missing?: string;
}

function ownedByRule(error: ErrorObject, owned: readonly SchemaOwnership[]): boolean {
  return owned.some(
    (o) =>
      o.pointer.test(error.instancePath) &&
      o.keywords.includes(error.keyword) &&
      (o.missing === undefined || (error.params as { missingProperty?: string }).missingProperty === o.missing),
  );
}

export const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

export const FORMAT_MESSAGES: Record<string, string> = {
  date: '{0} {1} is not a valid date (YYYY-MM-DD).',
  uri: '{0} {1} is not a valid address (for example https://www.example.co.kr).',
  email: '{0} {1} is not a valid e-mail address.',
};

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(value: unknown, type: string): boolean {
  const actual = jsonType(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function branchTypes(branch: SchemaNode | undefined): string[] {
  const resolved = resolveRef(branch);
  if (!resolved?.type) return [];
  return Array.isArray(resolved.type) ? resolved.type : [resolved.type];
}

/**
 * Drops the noise of anyOf/oneOf: when the value's type fits one branch, only that branch's
 * deeper errors stay; when it fits none, one type error listing every branch's type replaces all.
 */
function simplifyAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (alternatives.length === 0) return errors.filter((e) => e.keyword !== 'if');
  // Index once by place, so that a million alternatives cost a million steps, not their square.
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const list = byPath.get(error.instancePath);
    if (list) list.push(error);
    else byPath.set(error.instancePath, [error]);
  }
  const dropped = new Set<ErrorObject>();
  const droppedAt = new Set<string>();
  const added: ErrorObject[] = [];
  for (const alternative of alternatives) {
    dropped.add(alternative);
    const branches = (alternative.schema as SchemaNode[] | undefined) ?? [];
    const types = branches.flatMap(branchTypes);
    const at = alternative.instancePath;
    for (const e of byPath.get(at) ?? []) if (e.keyword === 'type') dropped.add(e);
    if (!types.some((type) => typeMatches(alternative.data, type))) {
      // No branch fits: everything below is noise; say which types would.
      droppedAt.add(at);
      added.push({ ...alternative, keyword: 'type', params: { type: [...new Set(types)].join(',') } });
    }
  }
  /** Whether an ancestor of `path` is a place where no alternative fit (checked per ancestor). */
  const below = (path: string): boolean => {
    for (let i = path.lastIndexOf('/'); i >= 0; i = i === 0 ? -1 : path.lastIndexOf('/', i - 1)) {
      if (droppedAt.has(path.slice(0, i))) return true;
    }
    return false;
  };
  const kept = errors.filter((e) => !dropped.has(e) && e.keyword !== 'if' && (droppedAt.size === 0 || !below(e.instancePath)));
  return [...kept, ...added];
}

function containsSyntaxError(doc: ParsedDocument, node: Node): boolean {
  return doc.syntaxErrors.some((e) => e.offset >= node.offset && e.offset <= node.offset + node.length);
}

interface Placed {
  readonly place: string;
  readonly rank: number;
  readonly finding: RawFinding;
}

/** Lower rank wins when two errors land on the same place. */
const RANK: Record<string, number> = { type: 0, const: 1, enum: 1, required: 2, additionalProperties: 3, format: 4, pattern: 4 };

function spanOfValue(doc: ParsedDocument, path: JsonPath): { offset: number; length: number; path: JsonPath } {
  const { node, path: found } = nearestNode(doc.root, path);
  if (!node) return { offset: 0, length: 0, path: [] };
  if (found.length < path.length) {
    const key = keyNodeAt(doc.root, found);
    if (key) return { offset: key.offset, length: key.length, path: found };
  }
  return { offset: node.offset, length: node.length, path: found };
}

/** Where a "missing property" goes: the key of the object that lacks it, or its opening brace. */
function spanOfParentKey(doc: ParsedDocument, path: JsonPath): { offset: number; length: number } {
  const key = keyNodeAt(doc.root, path);
  if (key) return { offset: key.offset, length: key.length };
  const node = nodeAt(doc.root, path) ?? doc.root;
  return node ? { offset: node.offset, length: 1 } : { offset: 0, length: 0 };
}

function formatValue(value: unknown): string {
  // JSON.stringify's type says string, but it gives undefined for undefined, a function, a symbol.
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? String(value) : text.length > 40 ? text.slice(0, 39) + '…"' : text;
}

function mapError(doc: ParsedDocument, error: ErrorObject): Placed | undefined {
  const path = pointerToPath(error.instancePath, doc.root);
  // ajv reports the node of our own schema (compiled from gpuplan.schema.json) that failed.
  const parentSchema: SchemaNode | undefined = error.parentSchema;
  const label = fieldLabel(path, schemaAt(path));
  const value = error.data;
  const make = (span: { offset: number; length: number }, message: Message, data?: unknown, at: JsonPath = path): Placed => ({
    place: `${span.offset}:${span.length}`,
    rank: RANK[error.keyword] ?? 5,
    finding: { code: 'schema', offset: span.offset, length: span.length, path: at, message, data: { keyword: error.keyword, ...(data as object) } },
  });

  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const objectNode = nodeAt(doc.root, path);
      if (objectNode && containsSyntaxError(doc, objectNode)) return undefined; // the text is still being typed
      // A conditional requirement (if/then) names the property without its schema: look it up.
      const declared: SchemaNode | undefined = parentSchema?.properties?.[missing];
      const title = declared?.title ?? resolveRef(declared)?.title ?? schemaAt([...path, missing])?.title;
      const span = spanOfParentKey(doc, path);
      const missingLabel = title ? `"${missing}" (${title})` : `"${missing}"`;
      return {
        place: `${span.offset}:${span.length}`,
        rank: RANK.required,
        finding: {
          code: 'schema',
          offset: span.offset,
          length: span.length,
          path,
          message: missingMessage([missingLabel]),
          data: { keyword: 'required', missing: [missing], labels: [missingLabel], parentPath: path },
        },
      };
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const property = propertyNode(nodeAt(doc.root, path), extra);
      if (property && containsSyntaxError(doc, property)) return undefined; // a key still being typed
      const key = property?.children?.[0];
      const span = key ? { offset: key.offset, length: key.length } : spanOfValue(doc, path);
      const allowed = Object.keys(parentSchema?.properties ?? {});
      const suggestion = didYouMean(extra, allowed);
      const message = suggestion
        ? msg('Property {0} is not allowed here. Did you mean {1}?', JSON.stringify(extra), JSON.stringify(suggestion))
        : msg('Property {0} is not allowed here. Allowed properties: {1}.', JSON.stringify(extra), allowed.join(', '));
      return make(span, message, { key: extra, suggestion }, [...path, extra]);
    }
    case 'enum':
    case 'const': {
      const allowed =
        (error.keyword === 'const'
          ? [(error.params as { allowedValue: unknown }).allowedValue]
          : (error.params as { allowedValues?: unknown[] }).allowedValues) ?? [];
      const suggestion =
        typeof value === 'string'
          ? didYouMean(
              value,
              allowed.filter((a): a is string => typeof a === 'string'),
            )
          : undefined;
      const message = suggestion
        ? msg('{0} {1} is not allowed. Did you mean {2}?', label, formatValue(value), JSON.stringify(suggestion))
        : msg('{0} {1} is not allowed. Allowed values: {2}.', label, formatValue(value), allowed.map(formatValue).join(', '));
      return make(spanOfValue(doc, path), message, { suggestion, allowed });
    }
    case 'type': {
      // One type, or the list of a type array joined by commas (String() of an array).
      const types = String((error.params as { type: string | string[] }).type).split(',');
      const expected = types.map((t) => msg(TYPE_NAMES[t] ?? t));
      const either = expected.length === 2 ? msg('{0} or {1}', expected[0], expected[1]) : expected[0];
      return make(spanOfValue(doc, path), msg('{0} must be {1}.', label, either), { expected: types });
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return make(spanOfValue(doc, path), msg('{0} must be at least {1}.', label, (error.params as { limit: number }).limit), {
        limit: (error.params as { limit: number }).limit,
      });
    case 'maximum':
    case 'exclusiveMaximum':
      return make(spanOfValue(doc, path), msg('{0} must be at most {1}.', label, (error.params as { limit: number }).limit), {
        limit: (error.params as { limit: number }).limit,
      });
    case 'minLength':
      return make(spanOfValue(doc, path), msg('{0} must not be empty.', label), { blank: true });
    case 'minItems':
      if (isTextSection(path)) return blankSection(doc, path, label, make);
      return make(spanOfValue(doc, path), msg('{0} needs at least {1} entries.', label, (error.params as { limit: number }).limit));
    case 'uniqueItems': {
      const { j } = error.params as { i: number; j: number };
      const itemPath = [...path, j];
      const item = nodeAt(doc.root, itemPath);
      const span = item ? { offset: item.offset, length: item.length } : spanOfValue(doc, path);
      return make(span, msg('{0} lists {1} more than once.', label, formatValue(Array.isArray(value) ? value[j] : undefined)), undefined, itemPath);
    }
    case 'pattern': {
      if ((error.params as { pattern: string }).pattern === NON_BLANK) {
        if (isTextSection(path)) return blankSection(doc, path, label, make);
        if (isBullet(path)) return make(spanOfValue(doc, path), msg('This bullet is empty: write it, or remove it.'), { blank: true });
        return make(spanOfValue(doc, path), msg('{0} must not be empty.', label), { blank: true });
      }
      const example = parentSchema?.examples?.[0] ?? resolveRef(schemaAt(path))?.examples?.[0];
      const message =
        example !== undefined
          ? msg('{0} {1} does not have the expected format (for example {2}).', label, formatValue(value), formatValue(example))
          : msg('{0} {1} does not have the expected format.', label, formatValue(value));
      return make(spanOfValue(doc, path), message, { pattern: (error.params as { pattern: string }).pattern });
    }
    case 'format': {
      const format = (error.params as { format: string }).format;
      return make(spanOfValue(doc, path), msg(FORMAT_MESSAGES[format] ?? '{0} {1} is not a valid {2}.', label, formatValue(value), format), { format });
    }
    default:
      return make(spanOfValue(doc, path), msg('{0}: {1}', label, error.message ?? error.keyword));
  }
}

/** The schema's pattern for "some text other than white space" (required strings, `Text`). */
export const NON_BLANK = '\\S';

const isText = (node: SchemaNode | undefined): boolean => node !== undefined && resolveRef(node) === resolveRef({ $ref: TEXT_REF });

/** Whether `path` is a `Text` field (a section of the form), not a bullet inside one. */
function isTextSection(path: JsonPath): boolean {
  return typeof path[path.length - 1] === 'string' && isText(schemaAt(path));
}

/** Whether `path` is a bullet of a `Text` (an item, or the text of an item with sub-items). */
function isBullet(path: JsonPath): boolean {
  for (let i = path.length - 1; i > 0; i--) if (isTextSection(path.slice(0, i))) return true;
  return false;
}

/**
 * An empty section of the form, at its key: required sections must be written; the parts the
 * form marks 해당 시 may be left out instead, and the document then prints "해당 없음".
 */
function blankSection(
  doc: ParsedDocument,
  path: JsonPath,
  label: string,
  make: (span: { offset: number; length: number }, message: Message, data?: unknown) => Placed,
): Placed {
  const key = keyNodeAt(doc.root, path);
  const span = key ? { offset: key.offset, length: key.length } : spanOfValue(doc, path);
  const parent = resolveRef(schemaAt(path.slice(0, -1)));
  const required = parent?.required?.includes(String(path[path.length - 1])) ?? false;
  return make(
    span,
    required
      ? msg('{0} is empty: this section of the form must be written.', label)
      : msg('{0} is empty: write it, or remove it if it does not apply (the document then prints "해당 없음").', label),
    { blank: true, required },
  );
}

/** Validates the document's value and returns at most one finding per place. */
export function schemaFindings(doc: ParsedDocument, owned: readonly SchemaOwnership[] = []): RawFinding[] {
  if (doc.value === undefined) return [];
  const short = doc.longestArray !== undefined && doc.longestArray <= MAX_VALIDATED_ITEMS;
  const found = validationErrors(short ? doc.value : bounded(doc.value));
  if (!found) return [];
  const errors = simplifyAlternatives(found).filter((e) => !ownedByRule(e, owned));
  // A broken plan can have a million structural errors; the first ones are what the user can act on.
  const shown = errors.length > MAX_SCHEMA_FINDINGS ? errors.slice(0, MAX_SCHEMA_FINDINGS) : errors;
  const byPlace = new Map<string, Placed>();
  for (const error of shown) {
    const placed = mapError(doc, error);
    if (!placed) continue;
    const existing = byPlace.get(placed.place);
    if (!existing || placed.rank < existing.rank) {
      byPlace.set(placed.place, placed);
    } else if (placed.rank === existing.rank && error.keyword === 'required' && (existing.finding.data as { keyword?: string }).keyword === 'required') {
      byPlace.set(placed.place, mergeMissing(existing, placed));
    }
  }
  const findings = [...byPlace.values()].map((p) => p.finding);
  if (shown.length < errors.length) {
    findings.push({
      code: 'schema',
      offset: doc.spanAt([])?.offset ?? 0,
      length: 1,
      path: [],
      message: msg('{0} more structural problems are not listed; fix the ones shown first.', errors.length - shown.length),
      data: { keyword: 'truncated' },
    });
  }
  return findings;
}

/** At most this many structural problems are listed at once. */
export const MAX_SCHEMA_FINDINGS = 1000;

function missingMessage(labels: readonly string[]): Message {
  return labels.length === 1 ? msg('Missing required property {0}.', labels[0]) : msg('Missing required properties: {0}.', labels.join(', '));
}

/** Two "missing property" errors on the same object become one finding that names both. */
function mergeMissing(a: Placed, b: Placed): Placed {
  const first = a.finding.data as { missing: string[]; labels: string[] };
  const second = b.finding.data as { missing: string[]; labels: string[] };
  const data = { ...first, missing: [...first.missing, ...second.missing], labels: [...first.labels, ...second.labels] };
  return { ...a, finding: { ...a.finding, message: missingMessage(data.labels), data } };
}
