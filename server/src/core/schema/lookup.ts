/** Reading the schema: references, the node at a path, the form's label of a field. */
import type { JsonPath } from '../json/tree';
import { SCHEMA, type SchemaNode } from './compile';

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

/**
 * The form's label of an enum value, from the first part of its `markdownEnumDescriptions`
 * ("산업계 (중소기업, …) — *industry: …*" → "산업계 (중소기업, …)"); undefined when it has none.
 */
export function enumLabel(path: JsonPath, value: unknown): string | undefined {
  const schema = resolveRef(schemaAt(path));
  const index = schema?.enum?.indexOf(value) ?? -1;
  const description = index >= 0 ? schema?.markdownEnumDescriptions?.[index] : undefined;
  const korean = description?.split(' — ')[0].replace(/\\(.)/g, '$1').trim();
  return korean && /[가-힣]/.test(korean) ? korean : undefined;
}
