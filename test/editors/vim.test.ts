/**
 * A real editor: Vim 9 (Debian's vim) with ALE 3.3 (vim-ale) and the recipe of docs/editor.md,
 * driven in Ex mode by test/editors/vim/session.vim on a copy of the mistakes example. Skipped
 * where Vim or ALE is not installed (.ci/run installs both).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';
import { runSession, versionOf, type SessionResults } from './session';

const HERE = path.join(ROOT, 'test', 'editors', 'vim');
const hasAle = () => fs.existsSync('/usr/share/vim/vimfiles/pack/dist-bundle/opt/ale');

describe('Vim (Ex mode) with ALE and the gpuplan server', function () {
  this.timeout(150_000);
  let session: SessionResults;
  before(async function () {
    if (!versionOf('vim') || !hasAle()) {
      if (process.env.CI) throw new Error('vim and ALE are not installed; .ci/run installs vim and vim-ale');
      this.skip();
    }
    session = await runSession('vim', (_dir, plan) => [
      '-N',
      '-es',
      '-i',
      'NONE',
      '-u',
      path.join(HERE, 'gpuplan-ale.vim'),
      '-S',
      path.join(HERE, 'session.vim'),
      plan,
    ]);
  });

  for (const name of [
    'filetype gpuplan',
    'diagnostics arrive',
    'diagnostic after Hangul: line and column',
    'settings apply (page-budget off)',
    'quick fix applied',
  ]) {
    it(name, () => {
      const failed = session.results.find((r) => r.name === 'session ran without a Vim error');
      assert.equal(failed, undefined, failed?.detail);
      const result = session.results.find((r) => r.name === name);
      assert.ok(result, `the session did not get to "${name}"\n${session.output}`);
      assert.ok(result.ok, `${name}: ${result.detail}`);
    });
  }

  it('docs/editor.md shows the Vim recipe exactly as this session ran it', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'editor.md'), 'utf8');
    assert.ok(doc.includes('```vim\n' + fs.readFileSync(path.join(HERE, 'gpuplan-ale.vim'), 'utf8') + '```'));
  });
});
