/**
 * Prose: the strings of the plan that belong to a `Text` field, found by following the schema's
 * `$ref`s to the Text definition, read once into the shape of where Text can be.
 */
import type { JsonPath } from '../json/tree';
import { SCHEMA, TEXT_REF, type SchemaNode } from './compile';
import { resolveRef } from './lookup';

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

/** Whether the string at `path` belongs to a `Text` field. */
export function isProsePath(path: JsonPath): boolean {
  let schema: SchemaNode | undefined = SCHEMA;
  for (const segment of path) {
    if (schema.$ref === TEXT_REF) return true;
    const resolved = resolveRef(schema);
    schema = typeof segment === 'number' ? resolved?.items : resolved?.properties?.[segment];
    if (!schema) return false;
  }
  return schema.$ref === TEXT_REF;
}
