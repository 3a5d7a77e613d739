import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { Analysis, Edit, Finding } from '../../server/src/core';
import { analyzeDocument } from '../../server/src/core/analyze';
import { reanalyze } from '../../server/src/core/incremental';
import { parseDocument } from '../../server/src/core/json/parse';
import { isProsePath } from '../../server/src/core/schema/prose';
import { collectTextStrings } from '../../server/src/core/schema/prose';
import type { Node } from 'jsonc-parser';
import { readExample } from '../support/fixtures';
import { mulberry32 as random } from '../support/random';

const view = (f: Finding) => ({
  code: f.code,
  offset: f.offset,
  length: f.length,
  severity: f.severity,
  message: f.message,
  related: f.related?.map((r) => [r.offset, r.length, r.message]),
});
const apply = (text: string, edit: Edit) => text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.length);

/** Everything a full analysis gives that the server and the service read. */
function assertSame(fast: Analysis, full: Analysis, where: string): void {
  assert.deepEqual(fast.findings, full.findings, where);
  assert.deepEqual(fast.plan, full.plan, where);
  assert.deepEqual(fast.cost, full.cost, where);
  assert.deepEqual(fast.pages(), full.pages(), where);
  assert.deepEqual(
    fast.texts().map((t) => [t.value, t.chapter, t.path()]),
    full.texts().map((t) => [t.value, t.chapter, t.path()]),
    where,
  );
  // What each structure rule read: a rule kept from before would have read the same again.
  const reads = (a: Analysis) => [...a.reads].map(([code, r]) => [code, [...r.chapters].sort(), r.cost, r.whole]).sort();
  assert.deepEqual(reads(fast), reads(full), where);
  assert.equal(fast.document.text, full.document.text);
  assert.deepEqual(fast.document.spanAt(['gpu', 'months']), full.document.spanAt(['gpu', 'months']), where);
}

/** What is typed into literals: letters, Hangul, digits, guide text, acronyms and their definitions, vague endings. */
const TYPED = [
  'x',
  '가',
  ' ',
  '0',
  '7',
  '-',
  '.',
  'LLM',
  '(Large Language Model)',
  '★',
  'YYYY.MM.DD',
  'ㅇㅇㅇ',
  ' 가능하다',
  'AI',
  'ab',
  '(',
  ')',
  '00',
  'ORPO',
  '(ORPO)',
  'ORPO(Odds Ratio Preference Optimization)',
];

/** Offsets of a JSON text strictly inside a literal (string, number, true/false/null). */
function insideLiterals(text: string): Uint8Array {
  const inside = new Uint8Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    let end = i;
    if (text[i] === '"') {
      end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      end++;
    } else if (/[-\w.+]/.test(text[i])) {
      while (end < text.length && /[-\w.+]/.test(text[end])) end++;
    } else continue;
    for (let j = i + 1; j < end; j++) inside[j] = 1;
    i = end - 1;
  }
  return inside;
}

/** White space typed or deleted between tokens: a new line, indentation, a space. */
function randomSpacing(text: string, next: () => number): Edit | undefined {
  const inside = insideLiterals(text);
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = Math.floor(next() * (text.length + 1));
    if (inside[at]) continue;
    if (next() < 0.6) return { offset: at, length: 0, text: ['\n', ' ', '\n    ', '\t', '\r\n'][Math.floor(next() * 5)] };
    if (/[ \t\n\r]/.test(text[at] ?? '')) return { offset: at, length: 1, text: '' };
  }
  return undefined;
}

/** A random single edit inside a literal of the given kind (keys, non-prose strings, numbers), or undefined. */
function randomEdit(text: string, kind: 'number' | 'string' | 'date' | 'key' | 'space', next: () => number): Edit | undefined {
  if (kind === 'space') return randomSpacing(text, next);
  if (kind === 'date') return randomDateEdit(text, next);
  const doc = parseDocument(text);
  if (doc.syntaxErrors.length > 0) return undefined;
  const literals: Array<{ start: number; end: number; path: (string | number)[] }> = [];
  const walk = (node: Node | undefined, path: (string | number)[]): void => {
    if (!node) return;
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children!;
        const inner = [...path, key.value as string];
        if (kind === 'key' && path.length > 0) literals.push({ start: key.offset, end: key.offset + key.length, path: inner });
        walk(value, inner);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => {
        walk(child, [...path, i]);
      });
    } else if (kind === 'number' && node.type === 'number') {
      literals.push({ start: node.offset, end: node.offset + node.length, path });
    } else if (kind === 'string' && node.type === 'string' && !isProsePath(path)) {
      literals.push({ start: node.offset, end: node.offset + node.length, path });
    }
  };
  walk(doc.root, []);
  if (literals.length === 0) return undefined;
  const target = literals[Math.floor(next() * literals.length)];
  if (kind === 'number') {
    // A digit typed, replaced or deleted, or a fraction or exponent typed, so that it stays a number.
    for (let attempt = 0; attempt < 10; attempt++) {
      const at = target.start + Math.floor(next() * (target.end - target.start + 1));
      const r = next();
      const edit: Edit =
        r < 0.4
          ? { offset: at, length: 0, text: String(Math.floor(next() * 10)) }
          : r < 0.7 && at < target.end
            ? { offset: at, length: 1, text: String(Math.floor(next() * 10)) }
            : r < 0.9 && at < target.end
              ? { offset: at, length: 1, text: '' }
              : { offset: target.end, length: 0, text: next() < 0.5 ? '.5' : 'e1' };
      const number = apply(text, edit).slice(target.start, target.end + edit.text.length - edit.length);
      if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(number)) return edit;
    }
    return undefined;
  }
  const at = target.start + 1 + Math.floor(next() * (target.end - target.start - 1));
  const remove = next() < 0.35 ? Math.min(1 + Math.floor(next() * 3), target.end - 1 - at) : 0;
  if (/["\\]/.test(text.slice(at, at + remove)) || text[at - 1] === '\\') return undefined;
  return { offset: at, length: remove, text: next() < 0.75 ? TYPED[Math.floor(next() * TYPED.length)] : '' };
}

/**
 * A digit of a date replaced by another (most stay dates, some become impossible ones such as
 * 2026-13-01), or one typed after it or deleted: what a user does to move a period.
 */
function randomDateEdit(text: string, next: () => number): Edit | undefined {
  const dates = [...text.matchAll(/"(\d{4}-\d{2}(?:-\d{2})?)"/g)];
  if (dates.length === 0) return undefined;
  const date = dates[Math.floor(next() * dates.length)];
  const start = date.index + 1;
  const digits = date[1].split('').flatMap((c, i) => (c === '-' ? [] : [start + i])); // ASCII digits and hyphens
  const at = digits[Math.floor(next() * digits.length)];
  const r = next();
  if (r < 0.8) return { offset: at, length: 1, text: String(Math.floor(next() * 10)) };
  return r < 0.9 ? { offset: start + date[1].length, length: 0, text: '0' } : { offset: at, length: 1, text: '' };
}

const INSERTS = [
  '가',
  ' 확장이 가능하다',
  ' LLM ',
  '★',
  ' 00% ',
  '(Large Language Model)',
  ' 추진할 수도 있음',
  'x',
  ' GPU',
  ' 검토 중',
  'ORPO',
  'A',
  'LM',
  '(',
  ')',
  '(ORPO)',
  's',
];

describe('incremental re-analysis after a keystroke', () => {
  for (const example of ['complete.gpuplan.json', 'mistakes.gpuplan.json']) {
    it(`${example}: 240 prose edits in a chain give exactly the findings of a full analysis`, () => {
      const next = random(example.length);
      let text = readExample(example).replace(/,(\s*\])/, '$1'); // start from valid JSON
      let previous: Analysis = analyzeDocument(parseDocument(text), { locale: 'en' });
      let incremental = 0;
      for (let step = 0; step < 240; step++) {
        const prose = collectTextStrings(previous.document);
        const target = prose[Math.floor(next() * prose.length)];
        const span = previous.document.spanAt(target.path())!;
        const at = span.offset + 1 + Math.floor(next() * (span.length - 1));
        const remove = next() < 0.3 ? Math.min(Math.floor(next() * 4), span.offset + span.length - 1 - at) : 0;
        const edit: Edit = { offset: at, length: remove, text: next() < 0.7 ? INSERTS[Math.floor(next() * INSERTS.length)] : '' };
        if (/["\\]/.test(text.slice(at, at + remove))) continue;
        text = apply(text, edit);
        const fast = reanalyze(previous, edit, text);
        const full = analyzeDocument(parseDocument(text), { locale: 'en' });
        if (fast) {
          incremental++;
          assert.deepEqual(fast.findings.map(view), full.findings.map(view), `step ${step}: ${JSON.stringify(edit)}`);
          assertSame(fast, full, `step ${step}: ${JSON.stringify(edit)}`);
          previous = fast;
        } else {
          previous = full;
        }
      }
      assert.ok(incremental > 180, `only ${incremental} edits took the incremental path`);
    });
  }

  for (const example of ['complete.gpuplan.json', 'mistakes.gpuplan.json']) {
    for (const kind of ['number', 'string', 'date', 'key', 'space'] as const) {
      const what = {
        number: 'numbers',
        string: 'non-prose strings (dates, names…)',
        date: 'digits of dates',
        key: 'keys',
        space: 'white space between tokens',
      }[kind];
      it(`${example}: 300 random edits of ${what} in a chain give exactly a full analysis`, () => {
        const next = random(example.length * 7 + kind.length);
        let text = readExample(example).replace(/,(\s*\])/, '$1');
        let previous: Analysis = analyzeDocument(parseDocument(text), { locale: 'en' });
        let incremental = 0;
        for (let step = 0; step < 300; step++) {
          const edit = randomEdit(text, kind, next);
          if (!edit) continue;
          text = apply(text, edit);
          const fast = reanalyze(previous, edit, text);
          const full = analyzeDocument(parseDocument(text), { locale: 'en' });
          if (fast) {
            incremental++;
            assertSame(fast, full, `step ${step}: ${JSON.stringify(edit)} at ${JSON.stringify(text.slice(edit.offset - 20, edit.offset + 20))}`);
            previous = fast;
          } else {
            previous = full;
          }
        }
        assert.ok(incremental > 150, `only ${incremental} edits took the incremental path`);
      });
    }
  }

  it('follows what the page estimate reads: the budget from the request, the rows and cells of the tables', () => {
    // The complete example with I-2 grown to about 25 pages: over the budget of 20, within 30.
    const plan = JSON.parse(readExample('complete.gpuplan.json')) as { overview: { necessity: unknown[] } };
    for (let i = 0; i < 170; i++)
      plan.overview.necessity.push(`${i + 1}차 과업: 한국어 법률 문서 특화 모델을 학습하여 판례 검색 정확도를 높이고 결과를 분기마다 보고함`);
    const text = JSON.stringify(plan, null, 2);
    const previous = analyzeDocument(parseDocument(text), { locale: 'en' });
    const pages = previous.pages().bodyPages;
    assert.ok(
      pages > 23 && pages < 32 && previous.findings.some((f) => f.code === 'page-budget'),
      `the grown plan (${pages} pages) is over the budget of 20 pages, within 30`,
    );
    const at = (needle: string, delta = 0) => text.indexOf(needle) + delta;
    const cases: Edit[] = [
      { offset: at('"servers": 4', 11), length: 1, text: '8' }, // a large project: the budget is 30 pages
      { offset: at('"milestones": [', 5), length: 0, text: 'x' }, // the milestones are no longer a table
      { offset: at('"deliverables": [', 5), length: 1, text: '' }, // nor the deliverables
      { offset: at('"name": "법률·행정 도메인 정제', 3), length: 0, text: 'x' }, // a deliverable's name (two lines) left blank
      // A cell outside prose grows by a pasted sentence: its row takes more lines.
      {
        offset: at('GPU 사용률 91%', 11),
        length: 0,
        text: ', 학습 데이터 310억 토큰과 평가 세트 12종으로 판례 요약 품질을 분기마다 측정하여 보고함'.repeat(3),
      },
      { offset: at('"servers": 4', 11), length: 1, text: '4' }, // the same value typed again: nothing changes
    ];
    for (const edit of cases) {
      const after = apply(text, edit);
      const fast = reanalyze(previous, edit, after);
      assert.ok(fast, `declined ${JSON.stringify(edit)}`);
      const full = analyzeDocument(parseDocument(after), { locale: 'en' });
      // Each edit but the last changes the page budget or the estimate (so that keeping either
      // would show); the last keeps the very estimate of before.
      if (edit === cases.at(-1)) assert.equal(fast.pages(), previous.pages());
      else assert.ok(full.cost.pageBudget !== previous.cost.pageBudget || !isDeepStrictEqual(full.pages(), previous.pages()), JSON.stringify(edit));
      assertSame(fast, full, JSON.stringify(edit));
    }
  });

  it('renames a key above guide text that is not prose: the finding follows the key', () => {
    const text = readExample('complete.gpuplan.json').replace('"position": "CTO",', '"position": "ㅇㅇㅇ",');
    const previous = analyzeDocument(parseDocument(text), { locale: 'en' });
    assert.ok(previous.findings.some((f) => f.code === 'template-guide-left' && f.path?.at(-1) === 'position'));
    const edit: Edit = { offset: text.indexOf('"position": "ㅇㅇㅇ"') + 3, length: 0, text: 'x' };
    const after = apply(text, edit);
    const fast = reanalyze(previous, edit, after);
    assert.ok(fast, 'declined');
    assertSame(fast, analyzeDocument(parseDocument(after), { locale: 'en' }), JSON.stringify(edit));
  });

  it('keystrokes in prose next to acronyms and their definitions', () => {
    // KMMLU spelt out once only (the example does it twice).
    const example = readExample('complete.gpuplan.json');
    const definition = 'KMMLU(Korean Massive Multitask Language Understanding)';
    const second = example.indexOf(definition, example.indexOf(definition) + 1);
    const text = example.slice(0, second) + 'KMMLU' + example.slice(second + definition.length);
    const previous = analyzeDocument(parseDocument(text), { locale: 'en' });
    const cases: Edit[] = [
      // Between an acronym and its full name: the acronym is the same, but no longer defined.
      { offset: text.indexOf('KMMLU(Korean') + 5, length: 0, text: '가' },
      // Right after an acronym: a longer one.
      { offset: text.indexOf('GPU시간') + 3, length: 0, text: 'X' },
      // Inside one: another.
      { offset: text.indexOf('GPU시간') + 1, length: 1, text: 'L' },
      // Before one, and after one: the same ones, moved.
      { offset: text.indexOf('GPU시간'), length: 0, text: '가' },
      { offset: text.indexOf('GPU시간') + 3, length: 0, text: '가' },
    ];
    for (const edit of cases) {
      const after = apply(text, edit);
      const fast = reanalyze(previous, edit, after);
      assert.ok(fast, `declined ${JSON.stringify(edit)}`);
      assertSame(fast, analyzeDocument(parseDocument(after), { locale: 'en' }), JSON.stringify(edit));
    }
  });

  it('takes the incremental path for each kind of keystroke of the benchmark', () => {
    const text = readExample('complete.gpuplan.json');
    const previous = analyzeDocument(parseDocument(text), { locale: 'en' });
    const at = (needle: string, delta = 0) => text.indexOf(needle) + delta;
    const cases: Edit[] = [
      { offset: at('"months": 6', 10), length: 1, text: '7' }, // a digit of gpu.months
      { offset: at('"months": 6', 11), length: 0, text: '0' }, // typed after it: 60, out of range
      { offset: at('"start": "2026-03-01"', 19), length: 1, text: '2' }, // a character of a date
      { offset: at('"start": "2026-03-01"', 20), length: 0, text: '0' }, // one too many: not a date
      { offset: at('"role": "', 3), length: 0, text: 'x' }, // a character of a key of a staff row
      { offset: at('"necessity": [', 41), length: 0, text: '가' }, // a character of a prose bullet
      { offset: at('"necessity": [', 41), length: 0, text: ' ' }, // a space in it
      { offset: at('"servers": 4,', 13), length: 0, text: '\n    ' }, // a new line between tokens
    ];
    for (const edit of cases) {
      const after = apply(text, edit);
      const fast = reanalyze(previous, edit, after);
      assert.ok(fast, `declined ${JSON.stringify(edit)}`);
      assertSame(fast, analyzeDocument(parseDocument(after), { locale: 'en' }), JSON.stringify(edit));
    }
  });

  it('declines edits it cannot prove: chapter keys, keys above prose, a repeated key, a split number, broken literals, quotes, backslashes', () => {
    const text = readExample('complete.gpuplan.json');
    const previous = analyzeDocument(parseDocument(text));
    const at = (needle: string, delta = 0) => text.indexOf(needle) + delta;
    const cases: Edit[] = [
      { offset: at('"gpu": {', 2), length: 0, text: 'x' }, // a key of the top level: a chapter
      { offset: at('"necessity": [', 2), length: 0, text: 'x' }, // a key under which prose is
      { offset: at('"servers": 4', 1), length: 7, text: 'months' }, // a key that becomes another key of its object
      { offset: at('"regular": 18', 12), length: 0, text: ' ' }, // white space that splits a number
      { offset: at('"servers": 4', 11), length: 1, text: '' }, // the number deleted
      { offset: at('"servers": 4', 11), length: 0, text: 'x' }, // not a number any more
      { offset: at('"necessity": [', 20), length: 0, text: '"' }, // a quote
      { offset: at('"necessity": [', 20), length: 0, text: '\\' }, // a backslash
    ];
    for (const edit of cases) assert.equal(reanalyze(previous, edit, apply(text, edit)), undefined, JSON.stringify(edit));
  });

  it('knows which paths are prose', () => {
    assert.equal(isProsePath(['overview', 'necessity']), true);
    assert.equal(isProsePath(['overview', 'necessity', 3, 'items', 0]), true);
    assert.equal(isProsePath(['applicant', 'name']), false);
    assert.equal(isProsePath(['gpu', 'type']), false);
  });
});
