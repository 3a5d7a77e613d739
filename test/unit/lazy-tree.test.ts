import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtOffset, parseTree, type Node } from 'jsonc-parser';
import { adoptTree, lazyTree } from '../../server/src/core/json/lazy-tree';
import { cleanDocumentAfter, parseDocument, type ParsedDocument } from '../../server/src/core/json/parse';
import { SpanCache } from '../../server/src/core/json/span-cache';
import { nodeAt, propertyNode } from '../../server/src/core/json/tree';
import { EXAMPLES, readExample } from '../support/fixtures';
import { mulberry32 as random } from '../support/random';

/** The whole tree as plain data, with each node's parent checked on the way. */
function materialize(node: Node | undefined, parent?: Node): unknown {
  if (!node) return undefined;
  assert.equal(node.parent, parent, `parent of the node at ${node.offset}`);
  const children = node.children?.map((child) => materialize(child, node));
  return {
    type: node.type,
    offset: node.offset,
    length: node.length,
    ...(node.value !== undefined || node.type === 'null' ? { value: node.value as unknown } : {}),
    ...(node.colonOffset !== undefined ? { colonOffset: node.colonOffset } : {}),
    ...(children ? { children } : {}),
  };
}

const fresh = (text: string) => materialize(parseTree(text, [], { disallowComments: true, allowTrailingComma: false }));

/**
 * Reads a random part of a tree, as lookups would: some containers whole, some only up to one
 * property or item (a lookup by key or index), so that adoption meets both.
 */
function expandSome(node: Node | undefined, next: () => number, depth = 0): void {
  if (!node || (node.type !== 'object' && node.type !== 'array')) {
    for (const child of node?.children ?? []) expandSome(child, next, depth + 1);
    return;
  }
  const partly = next() < 0.3;
  if (partly) {
    // One lookup, by key or index, into a copy of what jsonc-parser reads for the same text.
    const reference = parseTree(JSON.stringify(JSON.parse(textOf(node))));
    const count = reference?.children?.length ?? 0;
    if (count === 0) return;
    const index = Math.floor(next() * count);
    const found = node.type === 'object' ? propertyNode(node, reference!.children![index].children![0].value as string) : nodeAt(node, [index]);
    assert.ok(found, 'a lookup finds what is there');
    if (next() < 0.5) expandSome(node.type === 'object' ? found.children![1] : found, next, depth + 1);
    return;
  }
  for (const child of node.children ?? []) if (next() < 0.6 - depth * 0.05) expandSome(child, next, depth + 1);
}

/** The path of every value of a tree, the root's included. */
function pathsOf(root: Node): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [];
  const collect = (node: Node, path: Array<string | number>) => {
    paths.push(path);
    if (node.type === 'object') for (const p of node.children ?? []) collect(p.children![1], [...path, p.children![0].value as string]);
    if (node.type === 'array')
      node.children?.forEach((c, i) => {
        collect(c, [...path, i]);
      });
  };
  collect(root, []);
  return paths;
}

let currentText = '';
const textOf = (node: Node) => currentText.slice(node.offset, node.offset + node.length);

/** Literals of a text, as [start, end) of strings (keys too), numbers and true/false/null. */
function literals(text: string): Array<{ start: number; end: number; kind: 'string' | 'number' | 'word' }> {
  const out: Array<{ start: number; end: number; kind: 'string' | 'number' | 'word' }> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out.push({ start: i, end: j + 1, kind: 'string' });
      i = j;
    } else if (/[-\d]/.test(c)) {
      let j = i;
      while (/[-+.\deE]/.test(text[j])) j++;
      out.push({ start: i, end: j, kind: 'number' });
      i = j - 1;
    } else if (/[tfn]/.test(c)) {
      let j = i;
      while (/[a-z]/.test(text[j])) j++;
      out.push({ start: i, end: j, kind: 'word' });
      i = j - 1;
    }
  }
  return out;
}

/** The white space between two tokens, [start, end) (empty between two that touch), outside strings. */
function spacesBetweenTokens(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (/[\s]/.test(c)) {
      i++;
      continue;
    } else {
      i = /[{}[\]:,]/.test(c) ? i + 1 : i + (/^[^\s{}[\]:,"]+/.exec(text.slice(i, i + 40))?.[0].length ?? 1);
    }
    // i is just after a token: the white space up to the next one.
    let j = i;
    while (j < text.length && /\s/.test(text[j])) j++;
    if (j < text.length) out.push({ start: i, end: j });
  }
  return out;
}

describe('the lazy tree of a valid JSON text', () => {
  const texts: Array<[string, string]> = [
    ...fs
      .readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.json'))
      .map((f): [string, string] => [f, fs.readFileSync(path.join(EXAMPLES, f), 'utf8')]),
    ['scalars', ' [1, -0, 2.5e3, true, false, null, "a\\"b\\u00e9", {}, [], {"": {"x": [[]]}}] \n'],
    ['a string', '"text"'],
    ['a number', '  42  '],
    ['compact', '{"a":{"b":[1,2,{"c":"d"}]},"e":null}'],
  ];
  for (const [name, text] of texts) {
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    if (!valid) continue;
    it(`${name}: node for node what jsonc-parser builds`, () => {
      assert.deepEqual(materialize(lazyTree(text)), fresh(text));
    });
  }

  it('finds by key and index what jsonc-parser finds, reading only up to it, and is whole afterwards', () => {
    const text = readExample('complete.gpuplan.json');
    const reference = parseTree(text)!;
    const paths = pathsOf(reference);
    const next = random(5);
    const tree = lazyTree(text)!;
    for (let k = 0; k < 300; k++) {
      const path = paths[Math.floor(next() * paths.length)];
      const a = nodeAt(tree, path)!;
      const b = nodeAt(reference, path)!;
      assert.deepEqual([a.type, a.offset, a.length, a.value], [b.type, b.offset, b.length, b.value], path.join('/'));
      assert.equal(nodeAt(tree, [...path, 'no such key']), undefined);
    }
    assert.deepEqual(materialize(tree), fresh(text));
  });

  it('finds keys written with escapes by their values, and not by their spelling', () => {
    // "a\u0062" is the key ab; "a\\nb" (backslash, n) is not the key a<new line>b; "x\ny" is.
    const text = String.raw`{"a\u0062": 1, "a\\nb": 2, "x\ny": 3, "plain": 4, "\"q\"": 5}`;
    const lookups: Array<[string, number | undefined]> = [
      ['ab', 1],
      ['a\\u0062', undefined],
      ['a\\nb', 2],
      ['a\nb', undefined],
      ['x\ny', 3],
      ['x\\ny', undefined],
      ['plain', 4],
      ['plai', undefined],
      ['"q"', 5],
    ];
    for (const [key, value] of lookups) {
      // A fresh tree each time, so that no key is read before it is looked up.
      assert.equal(nodeAt(lazyTree(text), [key])?.value, value, JSON.stringify(key));
      assert.equal(nodeAt(parseTree(text), [key])?.value, value, `jsonc-parser: ${JSON.stringify(key)}`);
    }
  });

  it('a document after an edit of a literal or of white space between tokens keeps the spans found before, moved, and they are those of its text', () => {
    const next = random(23);
    let text = readExample('complete.gpuplan.json');
    let paths = pathsOf(parseTree(text)!);
    let document: ParsedDocument = parseDocument(text);
    for (let step = 0; step < 120; step++) {
      // Every span found in one step of two, some in the others.
      if (step % 2 === 0) for (const path of paths) for (const part of ['value', 'key'] as const) document.spanAt(path, part);
      else
        for (let k = 0; k < 40; k++) {
          const path = paths[Math.floor(next() * paths.length)];
          document.spanAt(path, next() < 0.2 ? 'key' : 'value');
        }
      let from: number;
      let to: number;
      let replacement: string;
      let gone: { from: number; to: number } | undefined;
      const kind = step % 4;
      if (kind === 1 || kind === 2) {
        // White space typed just after a token or before one, or one character of it deleted.
        const gaps = spacesBetweenTokens(text);
        const gap = gaps[Math.floor(next() * gaps.length)];
        const at = next() < 0.5 ? gap.start : gap.end;
        [from, to, replacement] =
          gap.end > gap.start && next() < 0.5 ? [at === gap.end ? at - 1 : at, (at === gap.end ? at - 1 : at) + 1, ''] : [at, at, [' ', '\n  '][step % 2]];
      } else if (kind === 3) {
        // A key renamed to one its object does not have: the paths at it and under it change.
        const keys = literals(text).filter((l) => /^\s*:/.test(text.slice(l.end)));
        const target = keys[Math.floor(next() * keys.length)];
        [from, to] = [target.start, target.end];
        replacement = JSON.stringify(`${JSON.parse(text.slice(from, to)) as string}_${step}`);
        const property = findNodeAtOffset(parseTree(text)!, from + 1)!.parent!;
        gone = { from: property.offset, to: property.offset + property.length };
      } else {
        // A value of the same kind: the paths stay the same.
        const values = literals(text).filter((l) => !/^\s*:/.test(text.slice(l.end)));
        const target = values[Math.floor(next() * values.length)];
        [from, to] = [target.start, target.end];
        replacement =
          target.kind === 'string'
            ? JSON.stringify(`${JSON.parse(text.slice(target.start, target.end)) as string}${['가', '', 'xy'][(step >> 2) % 3]}`.slice((step >> 2) % 2))
            : target.kind === 'number'
              ? String(Math.floor(next() * 10 ** Math.floor(next() * 5)))
              : ['true', 'false', 'null'][(step >> 2) % 3];
      }
      const edited = text.slice(0, from) + replacement + text.slice(to);
      const delta = replacement.length - (to - from);
      const [previous, previousText] = [document, text];
      const tree = adoptTree(document.root!, edited, from, to - from, delta);
      document = cleanDocumentAfter(document, { from, to, delta, ...(gone ? { gone } : {}) }, edited, JSON.parse(edited), tree);
      text = edited;
      const fresh = parseDocument(text);
      const before = paths;
      paths = pathsOf(parseTree(text)!);
      // The paths of before (those under a renamed key are no more) and of now.
      for (const path of [...before, ...paths])
        for (const part of ['value', 'key'] as const)
          assert.deepEqual(document.spanAt(path, part), fresh.spanAt(path, part), `step ${step}: ${part} of ${path.join('/')}`);
      // The document before still answers for its own text, though the next one found spans since.
      const freshBefore = parseDocument(previousText);
      for (const path of [...before, ...paths])
        for (const part of ['value', 'key'] as const)
          assert.deepEqual(previous.spanAt(path, part), freshBefore.spanAt(path, part), `step ${step}, the text before: ${part} of ${path.join('/')}`);
      // Now and then a document parsed afresh, so that moves begin from spans found in part.
      if (step % 3 === 2) document = parseDocument(text);
    }
  });

  it('after 400 random edits inside literals, the adopted tree equals a fresh one', () => {
    const next = random(11);
    let text = readExample('complete.gpuplan.json');
    let tree = lazyTree(text)!;
    let checked = 0;
    for (let step = 0; step < 400; step++) {
      currentText = text;
      expandSome(tree, next);
      const all = literals(text);
      const target = all[Math.floor(next() * all.length)];
      // A replacement of the same kind, so that the text stays valid JSON of the same structure.
      let replacement: string;
      if (target.kind === 'string') {
        const value = JSON.parse(text.slice(target.start, target.end)) as string;
        const at = Math.floor(next() * (value.length + 1));
        const insert = ['가', 'x', '', 'ab', '\n', '"'][Math.floor(next() * 6)];
        const cut = next() < 0.3 ? 1 : 0;
        replacement = JSON.stringify(value.slice(0, at) + insert + value.slice(at + cut));
      } else if (target.kind === 'number') {
        replacement = String(Math.floor(next() * 10 ** Math.floor(next() * 5)));
      } else {
        replacement = ['true', 'false', 'null', '7'][Math.floor(next() * 4)];
      }
      const isKey = target.kind === 'string' && /^\s*:/.test(text.slice(target.end));
      if (isKey) {
        // A key must not become the same as another of its object (the tree would still be right, but keep it realistic).
        replacement = JSON.stringify(`${JSON.parse(replacement) as string}_${step}`);
      }
      const next_ = text.slice(0, target.start) + replacement + text.slice(target.end);
      tree = adoptTree(tree, next_, target.start, target.end - target.start, replacement.length - (target.end - target.start));
      text = next_;
      if (step % 20 === 19) {
        assert.deepEqual(materialize(tree), fresh(text), `step ${step}`);
        checked++;
        tree = lazyTree(text)!; // materialize read everything: start again from a part
      }
    }
    assert.equal(checked, 20);
  });
});

describe('the span cache', () => {
  it('gives a slot to 20,000 paths at most: the others are looked up each time, and the kept ones move', () => {
    const cache = SpanCache.empty();
    for (let i = 0; i < 20_010; i++) cache.set(['staff', i, 'period'], 'value', 10 * i, 5);
    cache.set(['staff', 3, 'period'], 'key', 30 - 9, 8);
    assert.deepEqual(cache.get(['staff', 19_999, 'period'], 'value'), { offset: 199_990, length: 5 });
    assert.equal(cache.get(['staff', 20_000, 'period'], 'value'), undefined);
    assert.equal(cache.get(['staff', 3, 'period'], 'key'), undefined, 'no slot was left for the key');
    assert.equal(cache.get(['staff', 3], 'value'), undefined, 'a path on the way has no span');
    // Seven characters more at 93: the span at 90 holds it and grows, those after move.
    const moved = cache.moved({ from: 93, to: 93, delta: 7 });
    assert.deepEqual(moved.get(['staff', 9, 'period'], 'value'), { offset: 90, length: 12 });
    assert.deepEqual(moved.get(['staff', 10, 'period'], 'value'), { offset: 107, length: 5 });
    assert.deepEqual(moved.get(['staff', 8, 'period'], 'value'), { offset: 80, length: 5 });
    assert.deepEqual(cache.get(['staff', 10, 'period'], 'value'), { offset: 100, length: 5 }, 'the cache before is as it was');
    // A slot that is given stays given, full or not.
    moved.set(['staff', 10, 'period'], 'value', 1, 2);
    assert.deepEqual(moved.get(['staff', 10, 'period'], 'value'), { offset: 1, length: 2 });
    assert.deepEqual(cache.get(['staff', 10, 'period'], 'value'), { offset: 100, length: 5 });
  });
});
