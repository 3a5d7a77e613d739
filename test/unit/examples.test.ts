import * as assert from 'node:assert/strict';
import { RULE_CODES } from '../../server/src/core';
import { parseDocument } from '../../server/src/core/json/parse';
import { analyze } from '../support/service';
import { readExample } from '../support/fixtures';

describe('examples', () => {
  it('the complete plan has zero findings', () => {
    const findings = analyze(readExample('complete.gpuplan.json'));
    assert.deepEqual(
      findings.map((f) => `${f.code}: ${f.message}`),
      [],
    );
  });

  it('the skeleton is valid JSON with every chapter of the form', () => {
    const doc = parseDocument(readExample('skeleton.gpuplan.json'));
    assert.deepEqual(doc.syntaxErrors, []);
    const keys = Object.keys(doc.value as object);
    for (const chapter of [
      'applicant',
      'contacts',
      'gpu',
      'summary',
      'overview',
      'mainContent',
      'gpuPlan',
      'dissemination',
      'schedule',
      'institution',
      'staff',
      'pledge',
    ]) {
      assert.ok(keys.includes(chapter), chapter);
    }
  });

  it('the mistakes plan shows each rule exactly once', () => {
    const findings = analyze(readExample('mistakes.gpuplan.json'), { locale: 'en' });
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    for (const code of RULE_CODES) {
      assert.equal(
        counts.get(code),
        1,
        `${code}: ${
          findings
            .filter((f) => f.code === code)
            .map((f) => f.message)
            .join(' | ') || 'not reported'
        }`,
      );
    }
    assert.equal(findings.length, RULE_CODES.length, 'no finding beyond the deliberate mistakes');
  });

  it('mistakes.md lists the deliberate mistake of every rule code, and no other code', () => {
    const documented = [...readExample('mistakes.md').matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual([...documented].sort(), [...RULE_CODES].sort());
  });
});
