/** The schema of a plan, compiled once with ajv and kept for the life of the process. */
import Ajv, { type ValidateFunction } from 'ajv';
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


/** Arrays are validated up to this many items: a million wrong rows must not take minutes. */
export const MAX_VALIDATED_ITEMS = 1_000;

/** The value with every array cut to MAX_VALIDATED_ITEMS (copies only along the cut paths). */
export function bounded(value: unknown): unknown {
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
