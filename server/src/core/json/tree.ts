/** jsonc-parser's tree: from a JSON path to its node and back. */
import type { Node } from 'jsonc-parser';
import { lazyItem, lazyMember } from './lazy-tree';

export type JsonPath = ReadonlyArray<string | number>;

/** The property node (key + value) for `key` in an object node; the last one when duplicated. */
export function propertyNode(objectNode: Node | undefined, key: string): Node | undefined {
  if (!objectNode || objectNode.type !== 'object') return undefined;
  const member = lazyMember(objectNode, key);
  if (member !== null) return member;
  if (!objectNode.children) return undefined;
  for (let i = objectNode.children.length - 1; i >= 0; i--) {
    const property = objectNode.children[i];
    if (property.children?.[0]?.value === key) return property;
  }
  return undefined;
}

/** The value node at `path`, or undefined when any step is missing. */
export function nodeAt(root: Node | undefined, path: JsonPath): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      const item = node.type === 'array' ? lazyItem(node, segment) : undefined;
      node = item === null ? node.children?.[segment] : item;
    } else {
      node = propertyNode(node, segment)?.children?.[1];
    }
  }
  return node;
}

/** The key node of the property at `path` (for the root: undefined). */
export function keyNodeAt(root: Node | undefined, path: JsonPath): Node | undefined {
  if (path.length === 0) return undefined;
  const last = path[path.length - 1];
  if (typeof last === 'number') return undefined;
  return propertyNode(nodeAt(root, path.slice(0, -1)), last)?.children?.[0];
}

/** The deepest existing node along `path`, with the path that reached it. */
export function nearestNode(root: Node | undefined, path: JsonPath): { node: Node | undefined; path: JsonPath } {
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length);
    const node = nodeAt(root, prefix);
    if (node) return { node, path: prefix };
  }
  return { node: undefined, path: [] };
}

/** The path from the root to a node. */
export function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  let current: Node | undefined = node;
  while (current?.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'property') {
      path.unshift(String(parent.children?.[0]?.value));
      current = parent.parent;
    } else if (parent.type === 'array') {
      path.unshift(parent.children?.indexOf(current) ?? 0);
      current = parent;
    } else {
      current = parent;
    }
  }
  return path;
}

/** Parses a JSON pointer (`/a/0/b`) into a path, numbers for array indices. */
export function pointerToPath(pointer: string, root: Node | undefined): (string | number)[] {
  if (!pointer) return [];
  const path: (string | number)[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node?.type === 'array' && /^\d+$/.test(segment)) {
      path.push(Number(segment));
      node = node.children?.[Number(segment)];
    } else {
      path.push(segment);
      node = propertyNode(node, segment)?.children?.[1];
    }
  }
  return path;
}
