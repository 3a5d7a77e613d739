/**
 * A real editor: a headless Neovim (Debian's package, 0.7.x) with the recipe of docs/editor.md,
 * driven by test/editors/neovim/session.lua on a copy of the mistakes example: diagnostics at
 * the right columns after Hangul, hover, completion, a quick fix, fix-all and formatting.
 *
 * Neovim must be installed (`apt-get install neovim`; .ci/run does it). Without it the test is
 * skipped on a developer's machine and fails in CI.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';

const HERE = path.join(ROOT, 'test', 'editors', 'neovim');
const nvimVersion = (): string | undefined => {
  const run = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? /NVIM v(\S+)/.exec(run.stdout)?.[1] : undefined;
};

interface SessionResult {
  version: { major: number; minor: number; patch: number };
  results: Array<{ name: string; ok: boolean; detail: string }>;
}

describe('Neovim (headless) with the gpuplan server', function () {
  this.timeout(120_000);
  let session: SessionResult;
  let dir: string;

  before(async function () {
    const version = nvimVersion();
    if (!version) {
      if (process.env.CI) throw new Error('nvim is not installed; .ci/run installs Debian\'s neovim');
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-nvim-'));
    const plan = path.join(dir, 'mistakes.gpuplan.json');
    fs.copyFileSync(path.join(ROOT, 'examples', 'mistakes.gpuplan.json'), plan);
    const result = path.join(dir, 'result.json');
    const child = spawn('nvim', ['--headless', '-i', 'NONE', '-u', path.join(HERE, 'init-0.7.lua'), '-c', `luafile ${path.join(HERE, 'session.lua')}`, plan], {
      cwd: dir,
      env: { ...process.env, GPUPLAN_SERVER: path.join(ROOT, 'dist', 'server.js'), GPUPLAN_RESULT: result, GPUPLAN_SCRATCH: dir, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    await new Promise<void>((resolve) => child.on('exit', () => resolve()));
    clearTimeout(timer);
    assert.ok(fs.existsSync(result), `Neovim wrote no results; its output:\n${output}`);
    session = JSON.parse(fs.readFileSync(result, 'utf8')) as SessionResult;
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const checks = [
    'filetype gpuplan',
    'diagnostics arrive',
    'diagnostic after Hangul: line and byte columns',
    'diagnostic inside a Hangul string',
    'settings from init_options apply (page-budget as information)',
    'hover: label, problem, range, amount',
    'hover: within 12 lines',
    'completion: gp-st offers only gp-stage here',
    'completion: plain text for a client without snippets',
    'completion: the stage was inserted',
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
