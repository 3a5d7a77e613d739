/**
 * The schema: compiled once with ajv, its errors mapped to one clear finding per place, and a
 * walker that finds which values are `Text` (prose) by following the schema's `$ref`s.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Node } from 'jsonc-parser';
import schemaJson from '../../../schemas/gpuplan.schema.json';
import { keyNodeAt, nodeAt, nearestNode, pointerToPath, propertyNode, type JsonPath, type ParsedDocument } from './document';
import type { RawFinding } from './findings';
import { msg, type Message } from './l10n';
import { didYouMean } from './text-utils';

export type SchemaNode = {
  $ref?: string;
  title?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  required?: string[];
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  markdownDescription?: string;
  markdownEnumDescriptions?: string[];
  definitions?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
};

export const SCHEMA = schemaJson as unknown as SchemaNode;
export const SCHEMA_ID = (schemaJson as { $id: string }).$id;
export const TEXT_REF = '#/definitions/text';

/** Keywords VS Code's JSON service understands; ajv must accept them in strict mode. */
const EDITOR_KEYWORDS = [
  'markdownDescription',
  'markdownEnumDescriptions',
  'enumDescriptions',
  'defaultSnippets',
  'patternErrorMessage',
  'errorMessage',
  'doNotSuggest',
  'deprecationMessage',
];

let compiled: ValidateFunction | undefined;

/** The compiled validator, built on first use and kept for the life of the process. */
export function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false });
    ajv.addVocabulary(EDITOR_KEYWORDS);
    addFormats(ajv, ['date', 'uri', 'email']);
    compiled = ajv.compile(SCHEMA);
  }
  return compiled;
}

/** Definitions by reference ("#/definitions/x"), read once: walks of large plans resolve often. */
const definitionsByRef = new Map<string, SchemaNode>(Object.entries(SCHEMA.definitions ?? {}).map(([name, node]) => [`#/definitions/${name}`, node]));

export function resolveRef(schema: SchemaNode | undefined): SchemaNode | undefined {
  let current = schema;
  for (let guard = 0; current?.$ref && guard < 16; guard++) current = definitionsByRef.get(current.$ref);
  return current;
}

/** The schema node that describes the value at `path` ($ref kept, so its title is there). */
export function schemaAt(path: JsonPath): SchemaNode | undefined {
  let current: SchemaNode | undefined = SCHEMA;
  for (const segment of path) {
    const resolved = resolveRef(current);
    if (!resolved) return undefined;
    current = typeof segment === 'number' ? resolved.items : resolved.properties?.[segment];
  }
  return current;
}

/** `"servers" (서버 수)`: the key with its Korean form label, for messages. */
export function fieldLabel(path: JsonPath, schema?: SchemaNode): string {
  const key = [...path].reverse().find((segment) => typeof segment === 'string');
  const title = (schema ?? schemaAt(path))?.title ?? resolveRef(schema ?? schemaAt(path))?.title;
  if (key === undefined) return title ?? '';
  return title ? `"${key}" (${title})` : `"${key}"`;
}

/** Rules own these checks and explain them better than a generic schema message would. */
const RULE_OWNED: ReadonlyArray<{ pointer: RegExp; keywords: readonly string[]; missing?: string }> = [
  { pointer: /^\/gpu\/servers$/, keywords: ['minimum', 'maximum'] }, // gpu-servers-range
  { pointer: /^\/gpu\/months$/, keywords: ['minimum', 'maximum'] }, // gpu-months-range
  { pointer: /^\/staff\/\d+\/participationPercent$/, keywords: ['minimum', 'maximum'] }, // staff-participation
  { pointer: /^\/pledge\/agreed$/, keywords: ['const', 'enum'] }, // pledge-missing
  { pointer: /^\/pledge$/, keywords: ['required'], missing: 'agreed' }, // pledge-missing
  { pointer: /^\/disclosure\/publications$/, keywords: ['required'], missing: 'acknowledgement' }, // acknowledgement-missing
];

function ownedByRule(error: ErrorObject): boolean {
  return RULE_OWNED.some(
    (owned) =>
      owned.pointer.test(error.instancePath) &&
      owned.keywords.includes(error.keyword) &&
      (owned.missing === undefined || (error.params as { missingProperty?: string }).missingProperty === owned.missing),
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
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? text.slice(0, 39) + '…"' : text;
}

function mapError(doc: ParsedDocument, error: ErrorObject): Placed | undefined {
  const path = pointerToPath(error.instancePath, doc.root);
  const parentSchema = error.parentSchema as SchemaNode | undefined;
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
      const title = parentSchema?.properties?.[missing]?.title ?? resolveRef(parentSchema?.properties?.[missing])?.title;
      const span = spanOfParentKey(doc, path);
      const missingLabel = title ? `"${missing}" (${title})` : `"${missing}"`;
      return {
        place: `${span.offset}:${span.length}`,
        rank: RANK.required,
        finding: {
          code: 'schema',
          ...span,
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
        ? msg('Property "{0}" is not allowed here. Did you mean "{1}"?', extra, suggestion)
        : msg('Property "{0}" is not allowed here. Allowed properties: {1}.', extra, allowed.join(', '));
      return make(span, message, { key: extra, suggestion }, [...path, extra]);
    }
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'const' ? [(error.params as { allowedValue: unknown }).allowedValue] : (error.params as { allowedValues: unknown[] }).allowedValues) ?? [];
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed.filter((a): a is string => typeof a === 'string')) : undefined;
      const message = suggestion
        ? msg('{0} {1} is not allowed. Did you mean "{2}"?', label, formatValue(value), suggestion)
        : msg('{0} {1} is not allowed. Allowed values: {2}.', label, formatValue(value), allowed.map(formatValue).join(', '));
      return make(spanOfValue(doc, path), message, { suggestion, allowed });
    }
    case 'type': {
      const types = String((error.params as { type: string }).type).split(',');
      const expected = types.map((t) => msg(TYPE_NAMES[t] ?? t));
      const either = expected.length === 2 ? msg('{0} or {1}', expected[0], expected[1]) : expected[0];
      return make(spanOfValue(doc, path), msg('{0} must be {1}.', label, either), { expected: types });
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return make(spanOfValue(doc, path), msg('{0} must be at least {1}.', label, (error.params as { limit: number }).limit), { limit: (error.params as { limit: number }).limit });
    case 'maximum':
    case 'exclusiveMaximum':
      return make(spanOfValue(doc, path), msg('{0} must be at most {1}.', label, (error.params as { limit: number }).limit), { limit: (error.params as { limit: number }).limit });
    case 'minLength':
      return make(spanOfValue(doc, path), msg('{0} must not be empty.', label));
    case 'minItems':
      return make(spanOfValue(doc, path), msg('{0} needs at least {1} entries.', label, (error.params as { limit: number }).limit));
    case 'uniqueItems': {
      const { j } = error.params as { i: number; j: number };
      const itemPath = [...path, j];
      const item = nodeAt(doc.root, itemPath);
      const span = item ? { offset: item.offset, length: item.length } : spanOfValue(doc, path);
      return make(span, msg('{0} lists {1} more than once.', label, formatValue(Array.isArray(value) ? value[j] : undefined)), undefined, itemPath);
    }
    case 'pattern': {
      const example = parentSchema?.examples?.[0] ?? resolveRef(schemaAt(path))?.examples?.[0];
      const message = example !== undefined
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

/** Arrays are validated up to this many items: a million wrong rows must not take minutes. */
export const MAX_VALIDATED_ITEMS = 1_000;

/** The value with every array cut to MAX_VALIDATED_ITEMS (copies only along the cut paths). */
function bounded(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.length > MAX_VALIDATED_ITEMS ? value.slice(0, MAX_VALIDATED_ITEMS) : value;
    let copy: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = bounded(items[i]);
      if (item !== items[i]) (copy ??= items.slice())[i] = item;
    }
    return copy ?? items;
  }
  if (typeof value === 'object' && value !== null) {
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      const cut = bounded(child);
      if (cut !== child) {
        copy ??= Object.defineProperties({}, Object.getOwnPropertyDescriptors(value)) as Record<string, unknown>;
        Object.defineProperty(copy, key, { value: cut, enumerable: true, writable: true, configurable: true });
      }
    }
    return copy ?? value;
  }
  return value;
}

/** Validates the document's value and returns at most one finding per place. */
export function schemaFindings(doc: ParsedDocument): RawFinding[] {
  if (doc.value === undefined) return [];
  const validate = validator();
  const short = doc.longestArray !== undefined && doc.longestArray <= MAX_VALIDATED_ITEMS;
  if (validate(short ? doc.value : bounded(doc.value))) return [];
  const errors = simplifyAlternatives([...(validate.errors ?? [])]).filter((e) => !ownedByRule(e));
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
    findings.push({ code: 'schema', offset: doc.spanAt([])?.offset ?? 0, length: 1, path: [], message: msg('{0} more structural problems are not listed; fix the ones shown first.', errors.length - shown.length), data: { keyword: 'truncated' } });
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

/** A path kept as a chain of links, so walking a large plan allocates no array per string. */
interface PathLink {
  readonly parent: PathLink | undefined;
  readonly key: string | number;
}

/** A string that belongs to a `Text` field. */
export class TextString {
  constructor(
    readonly value: string,
    /** The top-level key the field belongs to (its chapter), e.g. "overview". */
    readonly chapter: string,
    private readonly parent: PathLink | undefined,
    private readonly key: string | number,
  ) {}

  /** Path of the string itself (e.g. ['overview', 'necessity', 2, 'text']), built when asked for. */
  path(): (string | number)[] {
    const path: (string | number)[] = [this.key];
    for (let l: PathLink | undefined = this.parent; l; l = l.parent) path.push(l.key);
    return path.reverse();
  }

  /** The same place holding another value (after an edit inside the string). */
  withValue(value: string): TextString {
    return new TextString(value, this.chapter, this.parent, this.key);
  }
}

/**
 * Where Text can be, read from the schema once: a Text field, an array whose items may hold
 * Text, or an object with the properties that may. Parts of the plan that cannot hold
 * prose (GPU request, staff rows, dates…) are not walked at all.
 */
type ProseShape =
  | { readonly kind: 'text' }
  | { readonly kind: 'array'; readonly items: ProseShape }
  | { readonly kind: 'object'; readonly properties: ReadonlyMap<string, ProseShape> };

const proseShapes = new Map<SchemaNode, ProseShape | null>();

function proseShape(schema: SchemaNode): ProseShape | undefined {
  if (proseShapes.has(schema)) return proseShapes.get(schema) ?? undefined;
  proseShapes.set(schema, null); // a reference back to a node being read holds no Text of its own
  let shape: ProseShape | undefined;
  if (schema.$ref === TEXT_REF) {
    shape = { kind: 'text' };
  } else {
    const resolved = resolveRef(schema);
    const items = resolved?.items && proseShape(resolved.items);
    if (items) {
      shape = { kind: 'array', items };
    } else if (resolved?.properties) {
      const properties = new Map<string, ProseShape>();
      for (const [key, child] of Object.entries(resolved.properties)) {
        const childShape = proseShape(child);
        if (childShape) properties.set(key, childShape);
      }
      if (properties.size > 0) shape = { kind: 'object', properties };
    }
  }
  proseShapes.set(schema, shape ?? null);
  return shape;
}

/** Every prose string of the plan: the values under a schema `$ref` to the Text definition. */
export function collectTextStrings(doc: { readonly value: unknown }): TextString[] {
  const out: TextString[] = [];
  // `parent` and `key` say where `value` is; a link is made only for a value that has children.
  const bullets = (value: unknown, parent: PathLink | undefined, key: string | number, chapter: string): void => {
    if (typeof value === 'string') {
      out.push(new TextString(value, chapter, parent, key));
    } else if (Array.isArray(value)) {
      const link = { parent, key };
      for (let i = 0; i < value.length; i++) bullets(value[i], link, i, chapter);
    } else if (typeof value === 'object' && value !== null) {
      const link = { parent, key };
      const bullet = value as { text?: unknown; items?: unknown };
      if (typeof bullet.text === 'string') out.push(new TextString(bullet.text, chapter, link, 'text'));
      if (bullet.items !== undefined) bullets(bullet.items, link, 'items', chapter);
    }
  };
  const walk = (value: unknown, shape: ProseShape, link: PathLink | undefined, chapter: string): void => {
    if (typeof value !== 'object' || value === null) return;
    if (shape.kind === 'object') {
      if (Array.isArray(value)) return;
      // In the plan's own order: the first place a word appears is where it is reported.
      for (const key in value) {
        const child = shape.properties.get(key);
        if (child) visit((value as Record<string, unknown>)[key], child, link, key, link ? chapter : key);
      }
    } else if (shape.kind === 'array' && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], shape.items, link, i, chapter);
    }
  };
  const visit = (value: unknown, shape: ProseShape, parent: PathLink | undefined, key: string | number, chapter: string): void => {
    if (shape.kind === 'text') bullets(value, parent, key, chapter);
    else if (typeof value === 'object' && value !== null) walk(value, shape, { parent, key }, chapter);
  };
  const root = proseShape(SCHEMA);
  if (root) walk(doc.value, root, undefined, '');
  return out;
}
