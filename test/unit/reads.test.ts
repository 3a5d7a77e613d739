import * as assert from 'node:assert/strict';
import type { Edit } from '../../server/src/core';
import { analyzeDocument } from '../../server/src/core/analyze';
import { reanalyze } from '../../server/src/core/incremental';
import { parseDocument } from '../../server/src/core/json/parse';
import { ReadRecorder, readsEdit } from '../../server/src/core/reads';
import { RULES } from '../../server/src/core/rules/registry';
import { readExample } from '../support/fixtures';

const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('what a rule read (reads.ts)', () => {
  it('notes the chapters read through the plan, and reads of the whole', () => {
    const recorder = new ReadRecorder();
    const plan = recorder.plan({ gpu: { months: 6 }, staff: [] });
    assert.equal(plan.gpu?.months, 6);
    assert.equal('schedule' in plan, false);
    assert.deepEqual(sorted(recorder.result().chapters), ['gpu', 'schedule']);
    assert.equal(recorder.result().whole, false);
    assert.deepEqual(Object.keys(plan), ['gpu', 'staff']);
    assert.equal(recorder.result().whole, true, 'listing the chapters reads the whole');
    assert.throws(() => ((plan as Record<string, unknown>).gpu = {}), /changed the plan/);
  });

  it('notes the chapter of a span looked up, and anything else of the document as the whole', () => {
    const doc = parseDocument('{"gpu": {"months": 6}, "staff": []}');
    const recorder = new ReadRecorder();
    const view = recorder.document(doc);
    assert.deepEqual(view.spanAt(['gpu', 'months']), doc.spanAt(['gpu', 'months']));
    assert.deepEqual(view.spanAt(['staff'], 'key'), doc.spanAt(['staff'], 'key'));
    assert.deepEqual(sorted(recorder.result().chapters), ['gpu', 'staff']);
    assert.equal(recorder.result().whole, false);
    view.spanAt([]);
    assert.equal(recorder.result().whole, true, 'the span of the whole');
    const other = new ReadRecorder();
    assert.equal(other.document(doc).text, doc.text);
    assert.equal(other.result().whole, true, 'the text');
  });

  it('notes the cost model, and treats the prose strings and the page estimate as the whole', () => {
    const recorder = new ReadRecorder();
    recorder.costOf(() => ({}) as never)();
    assert.deepEqual(recorder.result(), { chapters: new Set(), cost: true, whole: false });
    recorder.untracked(() => [])();
    assert.equal(recorder.result().whole, true);
  });

  it('tells which edits a rule must see again', () => {
    const reads = { chapters: new Set(['gpu']), cost: true, whole: false };
    assert.equal(readsEdit(reads, 'gpu', false), true);
    assert.equal(readsEdit(reads, 'staff', false), false);
    assert.equal(readsEdit(reads, 'staff', true), true, 'the cost model changed');
    assert.equal(readsEdit({ ...reads, cost: false }, 'staff', true), false);
    assert.equal(readsEdit({ ...reads, whole: true }, 'staff', false), true);
  });

  it('records what every structure rule read in a full analysis: the checks of 붙임0 read the staff, the request its chapter', () => {
    const analysis = analyzeDocument(parseDocument(readExample('complete.gpuplan.json')));
    for (const rule of RULES.filter((r) => r.reads === 'structure')) assert.ok(analysis.reads.has(rule.code), rule.code);
    assert.equal(
      RULES.filter((r) => r.reads === 'prose').some((r) => analysis.reads.has(r.code)),
      false,
    );
    assert.ok(analysis.reads.get('staff-participation')?.chapters.has('staff'));
    assert.equal(analysis.reads.get('staff-participation')?.chapters.has('gpu'), false);
    assert.deepEqual(sorted(analysis.reads.get('gpu-months-range')!.chapters), ['gpu']);
    assert.equal(analysis.reads.get('schema')?.whole, true);
  });

  it('after a keystroke runs again only the structure rules that read the edited chapter or the cost model', () => {
    const text = readExample('complete.gpuplan.json');
    const previous = analyzeDocument(parseDocument(text));
    const ran: string[] = [];
    // Each rule's own run, put back as it was afterwards.
    const originals = RULES.map((rule) => Object.getOwnPropertyDescriptor(rule, 'run'));
    RULES.forEach((rule, i) => {
      const run = originals[i]?.value as typeof rule.run;
      (rule as { run: typeof rule.run }).run = (context) => {
        ran.push(rule.code);
        run(context);
      };
    });
    try {
      // A digit of a staff row's 참여기간: the cost model stays, so only what reads the staff runs.
      const at = text.indexOf('"end": "2026-08-31"', text.indexOf('"staff"')) + 17;
      const edit: Edit = { offset: at, length: 1, text: '0' };
      const after = text.slice(0, at) + '0' + text.slice(at + 1);
      assert.ok(reanalyze(previous, edit, after), 'declined');
      const structure = ran.filter((code) => RULES.find((r) => r.code === code)?.reads === 'structure');
      for (const code of structure) {
        const read = previous.reads.get(code)!;
        assert.ok(read.whole || read.chapters.has('staff'), `${code} ran though it read ${sorted(read.chapters).join(', ')}`);
      }
      assert.ok(structure.includes('staff-period-outside-schedule'));
      assert.equal(structure.includes('gpu-months-range'), false);
    } finally {
      RULES.forEach((rule, i) => Object.defineProperty(rule, 'run', originals[i] ?? {}));
    }
  });
});
