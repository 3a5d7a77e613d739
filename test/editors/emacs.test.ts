/**
 * A real editor: Emacs 28 (Debian's emacs-nox) with eglot 1.9 (elpa-eglot) and the recipe of
 * docs/editor.md, driven in batch mode by test/editors/emacs/session.el on a copy of the
 * mistakes example. Skipped where Emacs or eglot is not installed (.ci/run installs both).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';
import { runSession, versionOf, type SessionResults } from './session';

const HERE = path.join(ROOT, 'test', 'editors', 'emacs');
const hasEglot = () => spawnSync('emacs', ['--batch', '--eval', "(progn (package-initialize) (require 'eglot))"], { encoding: 'utf8' }).status === 0;

describe('Emacs (batch) with eglot and the gpuplan server', function () {
  this.timeout(150_000);
  let session: SessionResults;
  before(async function () {
    if (!versionOf('emacs') || !hasEglot()) {
      if (process.env.CI) throw new Error('emacs and eglot are not installed; .ci/run installs emacs-nox and elpa-eglot');
      this.skip();
    }
    session = await runSession('emacs', () => ['--batch', '-l', path.join(HERE, 'session.el')], { GPUPLAN_RECIPE: path.join(HERE, 'gpuplan-eglot.el') });
  });

  for (const name of [
    'major mode gpuplan-mode',
    'eglot connected',
    'diagnostics arrive',
    'diagnostic after Hangul at the right place',
    'diagnostic of a number at the right place',
    'settings from workspace/configuration apply (page-budget as information)',
    'hover: plain text for eglot without markdown-mode',
    'hover: label, problem, range, amount, no markdown',
    'hover: within 12 lines',
    "completion: keys in the form's order, no snippet syntax",
    'quick fix applied',
    'fix-all applied',
    'fix-all leaves no copayment-mismatch',
    'formatting with two spaces',
  ]) {
    it(name, () => {
      const failed = session.results.find((r) => r.name === 'session ran without a Lisp error');
      assert.equal(failed, undefined, failed?.detail);
      const result = session.results.find((r) => r.name === name);
      assert.ok(result, `the session did not get to "${name}"\n${session.output}`);
      assert.ok(result.ok, `${name}: ${result.detail}`);
    });
  }

  it('docs/editor.md shows the eglot recipe exactly as this session ran it', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'editor.md'), 'utf8');
    assert.ok(doc.includes('```elisp\n' + fs.readFileSync(path.join(HERE, 'gpuplan-eglot.el'), 'utf8') + '```'));
  });
});
