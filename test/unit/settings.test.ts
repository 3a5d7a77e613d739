/**
 * The `gpuplan.*` settings are read by one function for the server and the client: whatever a
 * user's JSON holds, a mistyped value is dropped with one line that says what and why, the rest
 * is kept, and nothing throws.
 */
import * as assert from 'node:assert/strict';
import { RULE_CODES } from '../../server/src/core';
import { DEFAULT_SETTINGS, MAX_DELAY_MS, MAX_PROBLEMS_LIMIT, normalizeSettings } from '../../shared/src/settings';

const CODES: ReadonlySet<string> = new Set(RULE_CODES);

describe('settings: normalizeSettings', () => {
  it('keeps well-typed values and reports nothing', () => {
    const { settings, problems } = normalizeSettings(
      {
        validation: { delayMs: 0, maxProblems: 200 },
        rules: { 'pledge-missing': 'warning', 'vague-expression': 'off' },
        abbreviations: { allowlist: ['QZX', 'R&D', 'K-GPU'] },
        trace: { server: 'verbose' },
      },
      CODES,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      validation: { delayMs: 0, maxProblems: 200 },
      rules: { 'pledge-missing': 'warning', 'vague-expression': 'off' },
      abbreviations: { allowlist: ['QZX', 'R&D', 'K-GPU'] },
    });
  });

  it('gives the defaults for nothing at all, without a problem', () => {
    for (const raw of [undefined, null, {}]) assert.deepEqual(normalizeSettings(raw, CODES), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('drops a mistyped severity, keeps the good ones, and says which and why', () => {
    const { settings, problems } = normalizeSettings({ rules: { 'pledge-missing': 'warn', 'gpu-servers-range': 'hint', 'page-budget': 2 } }, CODES);
    assert.deepEqual(settings.rules, { 'gpu-servers-range': 'hint' });
    assert.deepEqual(problems, [
      'gpuplan.rules.pledge-missing: expected one of error, warning, information, hint, off; got "warn". Ignored.',
      'gpuplan.rules.page-budget: expected one of error, warning, information, hint, off; got 2. Ignored.',
    ]);
  });

  it('drops a severity for a code that is no rule', () => {
    const { settings, problems } = normalizeSettings({ rules: { 'pledge-mising': 'off' } }, CODES);
    assert.deepEqual(settings.rules, {});
    assert.deepEqual(problems, ['gpuplan.rules: "pledge-mising" is not a gpuplan rule. Ignored.']);
    // Without the list of codes (the client), the code is kept for the server to judge.
    assert.deepEqual(normalizeSettings({ rules: { 'pledge-mising': 'off' } }).settings.rules, { 'pledge-mising': 'off' });
  });

  it('drops rules that are not an object', () => {
    for (const rules of ['off', ['pledge-missing'], 3]) {
      const { settings, problems } = normalizeSettings({ rules }, CODES);
      assert.deepEqual(settings.rules, {});
      assert.equal(problems.length, 1);
      assert.match(problems[0], /^gpuplan\.rules: expected an object of rule code → level; got .*\. Ignored\.$/);
    }
  });

  it('uses the default delay for a string, and clamps a number to 0…5000 ms', () => {
    const fast = normalizeSettings({ validation: { delayMs: 'fast' } }, CODES);
    assert.equal(fast.settings.validation.delayMs, DEFAULT_SETTINGS.validation.delayMs);
    assert.deepEqual(fast.problems, ['gpuplan.validation.delayMs: expected a number of milliseconds; got "fast". Using 100.']);
    for (const [raw, expected] of [
      [-5, 0],
      [1e9, MAX_DELAY_MS],
      [250, 250],
    ] as const) {
      const { settings, problems } = normalizeSettings({ validation: { delayMs: raw } }, CODES);
      assert.equal(settings.validation.delayMs, expected, String(raw));
      assert.deepEqual(problems, []);
    }
    assert.equal(normalizeSettings({ validation: { delayMs: Number.NaN } }, CODES).problems.length, 1);
    assert.equal(normalizeSettings({ validation: 7 }, CODES).problems.length, 1);
  });

  it('uses the default number of problems for a string, and clamps a number to whole problems, 1…10,000', () => {
    const many = normalizeSettings({ validation: { maxProblems: 'all' } }, CODES);
    assert.equal(many.settings.validation.maxProblems, DEFAULT_SETTINGS.validation.maxProblems);
    assert.deepEqual(many.problems, ['gpuplan.validation.maxProblems: expected a number of problems; got "all". Using 500.']);
    for (const [raw, expected] of [
      [0, 1],
      [-3, 1],
      [1e9, MAX_PROBLEMS_LIMIT],
      [250.7, 250],
      [1000, 1000],
    ] as const) {
      const { settings, problems } = normalizeSettings({ validation: { maxProblems: raw } }, CODES);
      assert.equal(settings.validation.maxProblems, expected, String(raw));
      assert.equal(settings.validation.delayMs, DEFAULT_SETTINGS.validation.delayMs);
      assert.deepEqual(problems, []);
    }
    assert.equal(normalizeSettings({ validation: { maxProblems: Number.POSITIVE_INFINITY } }, CODES).problems.length, 1);
    assert.equal(normalizeSettings({ validation: { maxProblems: null } }, CODES).problems.length, 1);
  });

  it('drops an allowlist that is not a list, and the items that are not acronyms', () => {
    const notList = normalizeSettings({ abbreviations: { allowlist: 'GPU' } }, CODES);
    assert.deepEqual(notList.settings.abbreviations.allowlist, []);
    assert.deepEqual(notList.problems, ['gpuplan.abbreviations.allowlist: expected a list of acronyms; got "GPU". Ignored.']);
    const mixed = normalizeSettings({ abbreviations: { allowlist: ['QZX', 'two words', 42, ''] } }, CODES);
    assert.deepEqual(mixed.settings.abbreviations.allowlist, ['QZX']);
    assert.equal(mixed.problems.length, 3);
  });

  it('never throws, whatever the JSON holds', () => {
    for (const raw of [
      'x',
      42,
      true,
      [],
      [1, 2],
      { rules: null },
      { validation: null },
      { abbreviations: null },
      { rules: { a: { b: 1 } } },
      Object.create(null) as unknown,
      { rules: Object.create(null) as unknown },
    ]) {
      const { settings } = normalizeSettings(raw, CODES);
      assert.equal(typeof settings.validation.delayMs, 'number');
      assert.ok(Array.isArray(settings.abbreviations.allowlist));
    }
    assert.deepEqual(normalizeSettings('x', CODES).problems, ['gpuplan: settings must be an object; got "x". Using the defaults.']);
  });
});
