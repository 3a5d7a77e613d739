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
 * compiled schema. The errors are those the whole schema's validator gives, in its order (its own
 * keywords first, then the properties in the schema's order; a test holds the two to each other).
 * A chapter's errors are kept while its value lives: after a keystroke the new plan shares
 * every chapter but the edited one with the plan before, so only that one is validated again.
 */
interface Parts {
  readonly top: ValidateFunction;
  readonly chapters: ReadonlyArray<{ readonly key: string; readonly validate: ValidateFunction; readonly schemaPath: string; readonly own: ReadonlySet<unknown> }>;
}

let parts: Parts | undefined;

/**
 * The schema nodes of a chapter itself, not reached through a `$ref`. An error of one of these
 * has a schema path from the chapter's schema, which the whole validator writes from the root;
 * errors inside referenced definitions have the same path either way.
 */
function ownNodes(schema: unknown, into = new Set<unknown>()): Set<unknown> {
  if (typeof schema !== 'object' || schema === null || into.has(schema)) return into;
  into.add(schema);
  for (const [keyword, child] of Object.entries(schema)) if (keyword !== '$ref' && keyword !== 'definitions') ownNodes(child, into);
  return into;
}

function partsOf(): Parts {
  if (!parts) {
    const { ajv } = compile();
    const properties = SCHEMA.properties ?? {};
    const { definitions: _definitions, ...own } = SCHEMA;
    const top = ajv.compile({ ...own, $id: `${SCHEMA_ID}/top`, properties: Object.fromEntries(Object.keys(properties).map((key) => [key, true])) });
    const pointer = (key: string) => `#/properties/${encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
    const chapters = Object.keys(properties).map((key) => {
      const validate = ajv.getSchema(`${SCHEMA_ID}${pointer(key)}`);
      if (!validate) throw new Error(`schema: no validator for ${key}`);
      return { key, validate, schemaPath: pointer(key), own: ownNodes(properties[key]) };
    });
    parts = { top, chapters };
  }
  return parts;
}

const chapterErrors = new WeakMap<object, { readonly key: string; readonly errors: readonly ErrorObject[] }>();

/** ajv's errors for `value` by the plan's schema, or null when it is valid. */
export function validationErrors(value: unknown): ErrorObject[] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
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
  for (const { key, validate, schemaPath, own } of chapters) {
    const chapter = plan[key];
    if (chapter === undefined) continue;
    const known = typeof chapter === 'object' && chapter !== null ? chapterErrors.get(chapter) : undefined;
    if (known && known.key === key) {
      for (const error of known.errors) errors.push(error);
      continue;
    }
    let found: ErrorObject[] = [];
    if (!validate(chapter, { instancePath: `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, parentData: plan, parentDataProperty: key, rootData: plan, dynamicAnchors: {} })) {
      found = (validate.errors ?? []).map((error) => (own.has(error.parentSchema) ? { ...error, schemaPath: schemaPath + error.schemaPath.slice(1) } : error));
    }
    if (typeof chapter === 'object' && chapter !== null) chapterErrors.set(chapter, { key, errors: found });
    for (const error of found) errors.push(error);
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
    for (const key of Object.keys(value)) {
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
