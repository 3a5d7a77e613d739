/**
 * Fast reads of valid JSON text without building a tree: skipping values, finding the spans at a
 * path, the string literal around an offset, counting members, mapping string indices to offsets.
 */
import type { JsonPath } from './tree';

/** Index just past the string that starts at `start` (a double quote). */
export function skipString(text: string, start: number): number {
  let end = start;
  for (;;) {
    end = text.indexOf('"', end + 1);
    if (end < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return end + 1;
  }
}

/**
 * The members written in valid JSON text: colons whose previous non-blank character is an
 * unescaped quote. A colon inside a string can follow a quote only if that quote is escaped, so
 * this counts exactly the key separators. JSON.parse kept every member (no duplicate key) exactly
 * when the count equals the members of its value.
 */
export function membersInText(text: string): number {
  let members = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    let j = i - 1;
    while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
    if (text.charCodeAt(j) !== 0x22) continue;
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) members++;
  }
  return members;
}

export const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past the JSON value that starts at `i` (valid JSON only). */
export function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 0x22) j = skipString(text, j) - 1;
      else if (d === 0x7b || d === 0x5b) depth++;
      else if ((d === 0x7d || d === 0x5d) && --depth === 0) return j + 1;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
    j++;
  }
  return j;
}

/**
 * Finds the spans of the key and value at `path` by scanning valid JSON, skipping every subtree
 * off the path. Cost: proportional to the text before the target, with no allocation per node.
 */
export function locate(text: string, path: JsonPath): { key?: { offset: number; length: number }; value: { offset: number; length: number } } | undefined {
  let i = skipSpace(text, 0);
  let key: { offset: number; length: number } | undefined;
  for (const segment of path) {
    const c = text.charCodeAt(i);
    if (typeof segment === 'number') {
      if (c !== 0x5b) return undefined;
      i = skipSpace(text, i + 1);
      for (let n = 0; n < segment; n++) {
        if (text.charCodeAt(i) === 0x5d) return undefined;
        i = skipSpace(text, skipValue(text, i));
        if (text.charCodeAt(i) !== 0x2c) return undefined;
        i = skipSpace(text, i + 1);
      }
      if (text.charCodeAt(i) === 0x5d) return undefined;
      key = undefined;
      continue;
    }
    if (c !== 0x7b) return undefined;
    i = skipSpace(text, i + 1);
    let found = false;
    while (i < text.length && text.charCodeAt(i) === 0x22) {
      const keyEnd = skipString(text, i);
      const raw = text.slice(i + 1, keyEnd - 1);
      const name = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw;
      const keySpan = { offset: i, length: keyEnd - i };
      i = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
      if (name === segment) {
        key = keySpan;
        found = true;
        break;
      }
      i = skipSpace(text, skipValue(text, i));
      if (text.charCodeAt(i) !== 0x2c) break;
      i = skipSpace(text, i + 1);
    }
    if (!found) return undefined;
  }
  return { key, value: { offset: i, length: skipValue(text, i) - i } };
}

/**
 * The string *value* literal that strictly contains [from, to) in valid JSON: its path and the
 * offsets of its quotes. Undefined when the range touches a key, a quote, or anything else.
 */
export function valueStringAt(text: string, from: number, to: number): { path: (string | number)[]; start: number; end: number } | undefined {
  // One linear pass up to `from`, keeping the path on a stack: no subtree is scanned twice.
  const path: (string | number)[] = [];
  const frames: Array<'object' | 'array'> = [];
  let expectKey = false;
  let i = 0;
  while (i < text.length && i <= from) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = skipString(text, i);
      if (expectKey) {
        if (from < end) return undefined; // the range is in a key
        const raw = text.slice(i + 1, end - 1);
        path[path.length - 1] = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        expectKey = false;
      } else if (from < end) {
        return i < from && to <= end - 1 ? { path: path.slice(), start: i, end } : undefined;
      }
      i = end;
      continue;
    }
    if (c === 0x7b) {
      frames.push('object');
      path.push('');
      expectKey = true;
    } else if (c === 0x5b) {
      frames.push('array');
      path.push(0);
    } else if (c === 0x7d || c === 0x5d) {
      frames.pop();
      path.pop();
    } else if (c === 0x2c) {
      if (frames[frames.length - 1] === 'array') path[path.length - 1] = (path[path.length - 1] as number) + 1;
      else expectKey = true;
    }
    i++;
  }
  return undefined;
}

/**
 * Maps value indices of one string to document spans: identity when the string has no escape,
 * else through a table built once, so that many hits in one long string stay linear.
 */
export function stringSpanner(text: string, node: { offset: number; length: number }): (start: number, end: number) => { offset: number; length: number } {
  const rawStart = node.offset + 1;
  const raw = text.slice(rawStart, node.offset + node.length - 1);
  if (!raw.includes('\\')) return (start, end) => ({ offset: rawStart + start, length: end - start });
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    offsets.push(i);
    if (raw.charCodeAt(i) === 0x5c) i += raw[i + 1] === 'u' ? 5 : 1;
  }
  offsets.push(raw.length);
  return (start, end) => {
    const from = offsets[Math.min(start, offsets.length - 1)];
    const to = offsets[Math.min(end, offsets.length - 1)];
    return { offset: rawStart + from, length: Math.max(0, to - from) };
  };
}
