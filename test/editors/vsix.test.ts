/**
 * What the VS Code editor gets: the VSIX ships everything vscode-languageclient needs at run
 * time, including terminateProcess.sh, its fallback to end a server that does not stop in time
 * (it looks for the script next to the bundle, dist/).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';

describe('the VSIX', function () {
  this.timeout(60_000);
  it('lists dist/terminateProcess.sh beside the bundles, and the build leaves it executable', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const files = run.stdout.split('\n').map((l) => l.trim());
    for (const file of ['dist/extension.js', 'dist/server.js', 'dist/terminateProcess.sh'])
      assert.ok(files.includes(file), `${file} not in ${files.join(', ')}`);
    const script = path.join(ROOT, 'dist', 'terminateProcess.sh');
    assert.equal(fs.statSync(script).mode & 0o111, 0o111, 'dist/terminateProcess.sh is not executable');
    assert.equal(
      fs.readFileSync(script, 'utf8'),
      fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-languageclient', 'lib', 'node', 'terminateProcess.sh'), 'utf8'),
    );
  });
});
