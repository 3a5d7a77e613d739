/**
 * A real editor: a headless Neovim (Debian's package, 0.7.x) with the recipe of docs/editor.md,
 * driven by test/editors/neovim/session.lua on a copy of the mistakes example: diagnostics at
 * the right columns after Hangul, hover, completion, a quick fix, fix-all and formatting.
 *
 * Neovim must be installed (`apt-get install neovim`; .ci/run does it). Without it the test is
 * skipped on a developer's machine and fails in CI.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';
import { runSession, versionOf, type SessionResults } from './session';

const HERE = path.join(ROOT, 'test', 'editors', 'neovim');

describe('Neovim (headless) with the gpuplan server', function () {
  this.timeout(120_000);
  let session: SessionResults;

  before(async function () {
    if (!versionOf('nvim')) {
      if (process.env.CI) throw new Error("nvim is not installed; .ci/run installs Debian's neovim");
      this.skip();
    }
    session = await runSession('nvim', (_dir, plan) => [
      '--headless',
      '-i',
      'NONE',
      '-u',
      path.join(HERE, 'init-0.7.lua'),
      '-c',
      `luafile ${path.join(HERE, 'session.lua')}`,
      plan,
    ]);
  });

  const checks = [
    'filetype gpuplan',
    'diagnostics arrive',
    'diagnostic after Hangul: line and byte columns',
    'diagnostic of a number: line and byte columns',
    'diagnostic inside a Hangul string',
    'settings from init_options apply (page-budget as information)',
    'hover: label, problem, range, amount',
    'hover: within 12 lines',
    'completion: gp-st offers only gp-stage here',
    'completion: plain text for a client without snippets',
    'completion: the stage was inserted',
    'stale fix: offered at version 0',
    'stale fix: refused by the server, buffer unchanged',
    'quick fix applied',
    'fix-all applied',
    'fix-all leaves no copayment-mismatch',
    'fix-all: fewer problems',
    'formatting with two spaces',
  ];
  for (const name of checks) {
    it(name, () => {
      const failed = session.results.find((r) => r.name === 'session ran without a Lua error');
      assert.equal(failed, undefined, failed?.detail);
      const result = session.results.find((r) => r.name === name);
      assert.ok(result, `the session did not get to "${name}"`);
      assert.ok(result.ok, `${name}: ${result.detail}`);
    });
  }

  it('docs/editor.md shows the Neovim 0.7 recipe exactly as this session ran it', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'editor.md'), 'utf8');
    const recipe = fs.readFileSync(path.join(HERE, 'init-0.7.lua'), 'utf8');
    assert.ok(doc.includes('```lua\n' + recipe + '```'), 'the ```lua block in docs/editor.md differs from test/editors/neovim/init-0.7.lua');
  });
});
