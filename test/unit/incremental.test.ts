import * as assert from 'node:assert/strict';
import type { Analysis, Edit, Finding } from '../../server/src/core';
import { analyzeDocument } from '../../server/src/core/analyze';
import { reanalyze } from '../../server/src/core/incremental';
import { parseDocument } from '../../server/src/core/json/parse';
import { isProsePath } from '../../server/src/core/schema/prose';
import { collectTextStrings } from '../../server/src/core/schema/prose';
import { readExample } from '../support/fixtures';
import { mulberry32 as random } from '../support/random';

const view = (f: Finding) => ({ code: f.code, offset: f.offset, length: f.length, severity: f.severity, message: f.message, related: f.related?.map((r) => [r.offset, r.length, r.message]) });
const apply = (text: string, edit: Edit) => text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.length);

const INSERTS = ['가', ' 확장이 가능하다', ' LLM ', '★', ' 00% ', '(Large Language Model)', ' 추진할 수도 있음', 'x', ' GPU', ' 검토 중', 'ORPO'];

describe('incremental re-analysis after a keystroke', () => {
  for (const example of ['complete.gpuplan.json', 'mistakes.gpuplan.json']) {
    it(`${example}: 120 prose edits in a chain give exactly the findings of a full analysis`, () => {
      const next = random(example.length);
      let text = readExample(example).replace(/,(\s*\])/, '$1'); // start from valid JSON
      let previous: Analysis = analyzeDocument(parseDocument(text), { locale: 'en' });
      let incremental = 0;
      for (let step = 0; step < 120; step++) {
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
          assert.deepEqual(fast.plan, full.plan);
          previous = fast;
        } else {
          previous = full;
        }
      }
      assert.ok(incremental > 100, `only ${incremental} edits took the incremental path`);
    });
  }

  it('declines edits it cannot handle: keys, numbers, dates, quotes, backslashes', () => {
    const text = readExample('complete.gpuplan.json');
    const previous = analyzeDocument(parseDocument(text));
    const at = (needle: string, delta = 0) => text.indexOf(needle) + delta;
    const cases: Edit[] = [
      { offset: at('"servers": 4', 2), length: 0, text: 'x' }, // inside a key
      { offset: at('"servers": 4', 11), length: 1, text: '40' }, // a number
      { offset: at('"birthDate": "1979', 15), length: 0, text: '1' }, // a date string: not prose
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
