/** The schema of a plan, compiled once with ajv and kept for the life of the process. */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schemaJson from '../../../../schemas/gpuplan.schema.json';

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

let compiled: { ajv: Ajv; validate: ValidateFunction } | undefined;

function compile(): { ajv: Ajv; validate: ValidateFunction } {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false });
    ajv.addVocabulary(EDITOR_KEYWORDS);
    addFormats(ajv, ['date', 'uri', 'email']);
    compiled = { ajv, validate: ajv.compile(SCHEMA) };
  }
  return compiled;
}

/** The compiled validator, built on first use and kept for the life of the process. */
export function validator(): ValidateFunction {
  return compile().validate;
}

/**
 * The plan's validation in parts: the top level's own keywords (required, additionalProperties,
 * type) by a validator of the schema with every property allowed as it is, and each property's
 * value (each chapter) by the validator of its own subschema, reached by reference into the one
 * compiled schema; a chapter that is a list of rows (staff) the same way again, its own keywords
 * then each row. The errors are those the whole schema's validator gives, in its order (a node's
 * own keywords first, then its properties in the schema's order, or its items in order; a test
 * holds the two to each other). A part's errors are kept while its value lives: after a
 * keystroke the new plan shares every chapter and row but the edited ones with the plan before,
 * so only those are validated again.
 */
interface Part {
  readonly validate: ValidateFunction;
  readonly schema: SchemaNode;
  /** Where the part's schema is, from the root, as the whole validator writes schema paths. */
  readonly schemaPath: string;
  /** The schema nodes of the part itself, not reached through a `$ref` (see `ownNodes`). */
  readonly own: ReadonlySet<unknown>;
  /** For a list of rows: its own keywords, and the part for each row. */
  readonly rows?: { readonly shell: ValidateFunction; readonly row: Part };
}

let parts: { readonly top: ValidateFunction; readonly chapters: ReadonlyArray<{ readonly key: string; readonly part: Part }> } | undefined;

/**
 * The schema nodes of a part itself, not reached through a `$ref`. An error of one of these has a
 * schema path from the part's schema, which the whole validator writes from the root; errors
 * inside referenced definitions have the same path either way.
 */
function ownNodes(schema: unknown, into = new Set<unknown>()): Set<unknown> {
  if (typeof schema !== 'object' || schema === null || into.has(schema)) return into;
  into.add(schema);
  for (const [keyword, child] of Object.entries(schema)) if (keyword !== '$ref' && keyword !== 'definitions') ownNodes(child, into);
  return into;
}

/** Keywords that only describe (no error comes from them). */
const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', '$comment', ...EDITOR_KEYWORDS]);
/** A list whose errors are its own keywords' and then each item's, in order. */
const ROW_LIST_KEYWORDS = new Set(['type', 'items', 'minItems', 'maxItems']);

const escapeKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function partAt(ajv: Ajv, schema: SchemaNode, schemaPath: string): Part {
  const validate = ajv.getSchema(`${SCHEMA_ID}${schemaPath}`);
  if (!validate) throw new Error(`schema: no validator at ${schemaPath}`);
  const keywords = Object.keys(schema).filter((k) => !ANNOTATIONS.has(k));
  const items = schema.items;
  const isRowList = schema.type === 'array' && typeof items === 'object' && !Array.isArray(items) && keywords.every((k) => ROW_LIST_KEYWORDS.has(k));
  const rows = isRowList
    ? { shell: ajv.compile({ ...schema, items: undefined, $id: `${SCHEMA_ID}/part${schemaPath.slice(1)}` }), row: partAt(ajv, items, `${schemaPath}/items`) }
    : undefined;
  return { validate, schema, schemaPath, own: ownNodes(schema), rows };
}

function partsOf(): NonNullable<typeof parts> {
  if (!parts) {
    const { ajv } = compile();
    const properties = SCHEMA.properties ?? {};
    const { definitions: _definitions, ...own } = SCHEMA;
    const top = ajv.compile({ ...own, $id: `${SCHEMA_ID}/top`, properties: Object.fromEntries(Object.keys(properties).map((key) => [key, true])) });
    const chapters = Object.keys(properties).map((key) => ({ key, part: partAt(ajv, properties[key], `#/properties/${encodeURIComponent(escapeKey(key))}`) }));
    parts = { top, chapters };
  }
  return parts;
}

/** Errors of a part's value, kept per value object with the place they were found at. */
const partErrors = new WeakMap<object, { readonly instancePath: string; readonly errors: readonly ErrorObject[] }>();

/** An error of a validator that checked part of the schema, as the whole validator reports it. */
function asWhole(part: Part, error: ErrorObject, shell = false): ErrorObject {
  if (shell) return { ...error, schemaPath: part.schemaPath + error.schemaPath.slice(1), parentSchema: part.schema };
  return part.own.has(error.parentSchema) ? { ...error, schemaPath: part.schemaPath + error.schemaPath.slice(1) } : error;
}

function validatePart(part: Part, value: unknown, instancePath: string, parentData: unknown, key: string | number, root: unknown, into: ErrorObject[]): void {
  const object = typeof value === 'object' && value !== null ? value : undefined;
  const known = object ? partErrors.get(object) : undefined;
  if (known && known.instancePath === instancePath) {
    for (const error of known.errors) into.push(error);
    return;
  }
  const found: ErrorObject[] = [];
  const context = {
    instancePath,
    parentData: parentData as Record<string, unknown>,
    parentDataProperty: key,
    rootData: root as Record<string, unknown>,
    dynamicAnchors: {},
  };
  if (part.rows && Array.isArray(value)) {
    if (!part.rows.shell(value, context)) for (const error of part.rows.shell.errors ?? []) found.push(asWhole(part, error, true));
    for (let i = 0; i < value.length; i++) validatePart(part.rows.row, value[i], `${instancePath}/${i}`, value, i, root, found);
  } else if (!part.validate(value, context)) {
    for (const error of part.validate.errors ?? []) found.push(asWhole(part, error));
  }
  if (object) partErrors.set(object, { instancePath, errors: found });
  for (const error of found) into.push(error);
}

/**
 * Validation in parts from now on. Its validators take longer to compile than the whole one (about
 * half as long again), which a single analysis (the CLI, opening a file) does not need to pay:
 * the first re-analysis after an edit asks for them.
 */
export function validateInParts(): void {
  partsOf();
}

/** ajv's errors for `value` by the plan's schema, or null when it is valid. */
export function validationErrors(value: unknown): ErrorObject[] | null {
  if (!parts || typeof value !== 'object' || value === null || Array.isArray(value)) {
    const validate = validator();
    return validate(value) ? null : [...(validate.errors ?? [])];
  }
  const { top, chapters } = partsOf();
  const errors: ErrorObject[] = [];
  if (!top(value)) {
    // The top level's own keywords, with the schema they come from (not the copy that checks them).
    for (const error of top.errors ?? []) errors.push({ ...error, parentSchema: SCHEMA });
  }
  const plan = value as Record<string, unknown>;
  for (const { key, part } of chapters) {
    const chapter = plan[key];
    if (chapter !== undefined) validatePart(part, chapter, `/${escapeKey(key)}`, plan, key, plan, errors);
  }
  return errors.length > 0 ? errors : null;
}

/** Arrays are validated up to this many items: a million wrong rows must not take minutes. */
export const MAX_VALIDATED_ITEMS = 1_000;

/**
 * What `bounded` made of each top-level value (a chapter of the plan), kept while the value
 * lives: after a keystroke the new plan shares every chapter but the edited one with the one
 * before, so only that chapter is walked again.
 */
const boundedChapters = new WeakMap<object, unknown>();

/** The value with every array cut to MAX_VALIDATED_ITEMS (copies only along the cut paths). */
export function bounded(value: unknown, depth = 0): unknown {
  if (depth === 1 && typeof value === 'object' && value !== null) {
    const known = boundedChapters.get(value);
    if (known !== undefined) return known;
    const cut = boundedValue(value, depth);
    boundedChapters.set(value, cut);
    return cut;
  }
  return boundedValue(value, depth);
}

function boundedValue(value: unknown, depth: number): unknown {
  if (Array.isArray(value)) {
    const items = value.length > MAX_VALIDATED_ITEMS ? value.slice(0, MAX_VALIDATED_ITEMS) : value;
    let copy: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = bounded(items[i], depth + 1);
      if (item !== items[i]) (copy ??= items.slice())[i] = item;
    }
    return copy ?? items;
  }
  if (typeof value === 'object' && value !== null) {
    let copy: Record<string, unknown> | undefined;
    // for…in: Object.keys made an array for each of the thousand rows of an edited table.
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const child = (value as Record<string, unknown>)[key];
      const cut = bounded(child, depth + 1);
      if (cut !== child) {
        copy ??= Object.defineProperties({}, Object.getOwnPropertyDescriptors(value)) as Record<string, unknown>;
        Object.defineProperty(copy, key, { value: cut, enumerable: true, writable: true, configurable: true });
      }
    }
    return copy ?? value;
  }
  return value;
}
