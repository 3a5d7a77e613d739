'use strict';
/**
 * Entry point loaded by the VS Code extension host through `extensionTestsPath`
 * (both runCodeServer.mjs and runElectron.mjs point at this file).
 *
 * It runs inside the extension host's Node (remote extension host for code-server,
 * Electron's Node for desktop), so `require('vscode')` works in the suite files.
 *
 * Environment (inherited from the runner process):
 *   GPUPLAN_SUITE_GLOB     glob(s) of compiled suite files, relative to GPUPLAN_REPO_ROOT;
 *                          several separated by ';'. Default: out/test/integration/suite/**\/*.test.js
 *   GPUPLAN_REPO_ROOT      default: two levels above this file (the repo root)
 *   GPUPLAN_MOCHA_TIMEOUT  per-test timeout in ms (default 60000)
 *   GPUPLAN_MOCHA_GREP     only run tests whose full title matches this (regexp source)
 *   GPUPLAN_MOCHA_REPORTER mocha reporter (default 'spec')
 *   GPUPLAN_TEST_RESULTS   if set: write a JSON summary of every test to this path
 *   GPUPLAN_RESULT_FILE    set by the runners: the summary {passes,failures,...} is written here when
 *                          mocha finishes, so a runner can tell "all passed" from "the extension host
 *                          died and the workbench reported exit code 0 anyway" (which code-server does).
 *   GPUPLAN_ALLOW_NO_TESTS=1  do not fail when the glob matches no files
 *
 * Suites that need a window reload (file names ending in `.reload.test.js`, e.g. previews that
 * must come back after one) run in two phases when the runner can reload (code-server):
 *   1. every other suite, then the reload suites with GPUPLAN_RELOAD_PHASE=before; the results so
 *      far go to `reload-phase.json` beside GPUPLAN_RESULT_FILE, and the workbench reloads itself
 *      (`workbench.action.reloadWindow`, as a user would). The reload stops this extension host.
 *   2. the reloaded workbench starts a new extension host and runs this file again: it finds
 *      `reload-phase.json`, runs only the reload suites with GPUPLAN_RELOAD_PHASE=after, and
 *      writes the results of both phases. GPUPLAN_RESULT_FILE is written only then, so a reload
 *      that never comes back fails the run instead of passing it.
 * Elsewhere (Electron, no result file) they run once with GPUPLAN_RELOAD_PHASE=none.
 */
const fs = require('fs');
const path = require('path');
const util = require('util');

const REPO_ROOT = path.resolve(process.env.GPUPLAN_REPO_ROOT || path.join(__dirname, '..', '..'));
const DEFAULT_GLOB = 'out/test/integration/suite/**/*.test.js';
const LOG = '[integration]';
const RELOAD_SUFFIX = '.reload.test.js';
/** If the window has not reloaded this long after asking, phase 1 gives up and reports. */
const RELOAD_TIMEOUT_MS = 60000;

/** Where phase 1 leaves its results for phase 2 (beside the runner's result file, in its temp folder). */
function reloadStateFile() {
  const result = process.env.GPUPLAN_RESULT_FILE;
  return result ? path.join(path.dirname(result), 'reload-phase.json') : undefined;
}
/** The code-server runner drives a browser whose workbench can reload and run this file again. */
const canReload = () => process.env.GPUPLAN_BROWSER_DRIVER === '1' && reloadStateFile() !== undefined;

function readJson(file) {
  if (!file) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function loadMocha() {
  // Resolve from the repo's node_modules explicitly: the extension host's own module
  // paths do not include it when this file is not inside the extension under test.
  return require(require.resolve('mocha', { paths: [REPO_ROOT, __dirname] }));
}

/** Minimal glob -> RegExp: supports **, *, ?, {a,b} and [...] (enough for suite globs, no deps). */
function globToRegExp(glob) {
  let re = '';
  let inGroup = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // '**/' matches zero or more directories; a trailing '**' matches everything.
        if (glob[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      re += '(?:';
      inGroup++;
    } else if (c === '}' && inGroup) {
      re += ')';
      inGroup--;
    } else if (c === ',' && inGroup) re += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      re +=
        '[' +
        glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\') +
        ']';
      i = end;
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

/** Walk only below the static prefix of the glob (the part before the first wildcard). */
function expandGlob(pattern, cwd) {
  const abs = path.isAbsolute(pattern);
  const norm = pattern.split(path.sep).join('/');
  const segs = norm.split('/');
  const staticSegs = [];
  for (const s of segs) {
    if (/[*?{[]/.test(s)) break;
    staticSegs.push(s);
  }
  if (staticSegs.length === segs.length) {
    const f = abs ? norm : path.join(cwd, norm);
    return fs.existsSync(f) && fs.statSync(f).isFile() ? [path.resolve(f)] : [];
  }
  const base = abs ? staticSegs.join('/') || '/' : path.join(cwd, ...staticSegs);
  const matcher = globToRegExp(abs ? norm : path.join(cwd, norm).split(path.sep).join('/'));
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (matcher.test(p.split(path.sep).join('/'))) out.push(p);
    }
  };
  walk(base);
  return out;
}

function findSuiteFiles() {
  const globs = (process.env.GPUPLAN_SUITE_GLOB || DEFAULT_GLOB)
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  const files = new Set();
  for (const g of globs) for (const f of expandGlob(g, REPO_ROOT)) files.add(f);
  return { globs, files: [...files].sort() };
}

function run() {
  const stateFile = reloadStateFile();
  const earlier = readJson(stateFile);
  if (earlier) {
    // Phase 2: the workbench has reloaded; run what needed the reload, then report both phases.
    fs.rmSync(stateFile, { force: true });
    process.env.GPUPLAN_RELOAD_PHASE = 'after';
    console.log(`${LOG} after the window reload: ${earlier.files.length} suite file(s)`);
    return runMocha(earlier.files, { earlier });
  }
  const { globs, files } = findSuiteFiles();
  console.log(`${LOG} node ${process.version}, vscode ${safeVscodeVersion()}, repo root ${REPO_ROOT}`);
  console.log(`${LOG} suite glob(s): ${globs.join(' ; ')} -> ${files.length} file(s)`);
  for (const f of files) console.log(`${LOG}   ${path.relative(REPO_ROOT, f)}`);

  if (files.length === 0 && process.env.GPUPLAN_ALLOW_NO_TESTS !== '1') {
    writeJson(process.env.GPUPLAN_RESULT_FILE, { passes: 0, failures: 1, pending: 0, tests: 0, error: 'no test files' });
    return Promise.reject(
      new Error(
        `${LOG} no test files matched ${globs.join(' ; ')} under ${REPO_ROOT} ` + '(did you run `npm run compile-tests`? set GPUPLAN_SUITE_GLOB to override)',
      ),
    );
  }

  // The reload suites run last (after every other suite has closed its editors), and, where the
  // window can reload, once more after it.
  const reloading = files.filter((f) => f.endsWith(RELOAD_SUFFIX));
  const ordered = [...files.filter((f) => !f.endsWith(RELOAD_SUFFIX)), ...reloading];
  const twoPhases = reloading.length > 0 && canReload();
  process.env.GPUPLAN_RELOAD_PHASE = twoPhases ? 'before' : 'none';
  return runMocha(ordered, { reloadAfter: twoPhases ? reloading : undefined });
}

/**
 * Runs mocha on `files`. `reloadAfter`: phase 1, reload the window afterwards and run those
 * files again (see the top of this file). `earlier`: phase 2, report phase 1's results too.
 */
function runMocha(files, { reloadAfter, earlier } = {}) {
  const Mocha = loadMocha();
  // Reporters print printf-style (`Base.consoleLog('%s passing', n)`); the extension host's
  // console forwarding does not apply format strings, so format here.
  Mocha.reporters.Base.consoleLog = (...args) => console.log(util.format(...args));

  const mocha = new Mocha({
    ui: 'bdd',
    timeout: Number(process.env.GPUPLAN_MOCHA_TIMEOUT || 60000),
    slow: 5000,
    color: false,
    reporter: process.env.GPUPLAN_MOCHA_REPORTER || 'spec',
    grep: process.env.GPUPLAN_MOCHA_GREP || undefined,
  });
  for (const f of files) mocha.addFile(f);

  const results = earlier ? [...earlier.results] : [];
  return new Promise((resolve, reject) => {
    const started = earlier ? earlier.started : Date.now();
    const go = () => {
      const runner = mocha.run((phaseFailures) => {
        const stats = runner.stats || {};
        const summary = {
          passes: (stats.passes || 0) + (earlier ? earlier.summary.passes : 0),
          failures: phaseFailures + (earlier ? earlier.summary.failures : 0),
          pending: (stats.pending || 0) + (earlier ? earlier.summary.pending : 0),
          tests: (stats.tests || 0) + (earlier ? earlier.summary.tests : 0),
          durationMs: Date.now() - started,
        };
        const failures = summary.failures;
        if (reloadAfter) {
          console.log(
            `${LOG} before the window reload: ${summary.passes} passing, ${summary.failures} failing, ` +
              `${summary.pending} pending; reloading the window for ${reloadAfter.length} suite file(s)`,
          );
          writeJson(reloadStateFile(), { summary, results, files: reloadAfter, started });
          reloadWindow().then(() => {
            // Still here: the window did not reload. Report what ran, and fail.
            fs.rmSync(reloadStateFile(), { force: true });
            const failed = { ...summary, failures: summary.failures + 1, error: 'the window did not reload' };
            writeJson(process.env.GPUPLAN_RESULT_FILE, failed);
            writeJson(process.env.GPUPLAN_TEST_RESULTS, {
              ...failed,
              results: [...results, { title: 'window reload for the reload suites', state: 'failed', error: 'the window did not reload' }],
            });
            reject(new Error(`${LOG} the window did not reload within ${RELOAD_TIMEOUT_MS} ms`));
          });
          return;
        }
        console.log(`${LOG} result: ${summary.passes} passing, ${summary.failures} failing, ` + `${summary.pending} pending (${summary.durationMs} ms)`);
        writeJson(process.env.GPUPLAN_RESULT_FILE, summary);
        writeJson(process.env.GPUPLAN_TEST_RESULTS, { ...summary, results });
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (summary.passes === 0 && summary.pending === 0 && process.env.GPUPLAN_ALLOW_NO_TESTS !== '1') {
          reject(new Error(`${LOG} no tests ran (grep/only filtered everything?)`));
        } else resolve();
      });
      runner.on('pass', (t) => results.push({ title: t.fullTitle(), file: t.file, state: 'passed', durationMs: t.duration }));
      runner.on('fail', (t, err) =>
        results.push({
          title: t.fullTitle(),
          file: t.file,
          state: 'failed',
          error: String((err && err.stack) || err),
        }),
      );
      runner.on('pending', (t) => results.push({ title: t.fullTitle(), file: t.file, state: 'pending' }));
    };
    try {
      // loadFilesAsync() goes through import() (needed only for ESM suites); plain require()
      // is the safest way to get VS Code's `require('vscode')` interception for CJS suites.
      if (files.some((f) => f.endsWith('.mjs'))) {
        mocha.loadFilesAsync().then(go, (err) => {
          console.error(`${LOG} failed to load suite files:`, err);
          writeJson(process.env.GPUPLAN_RESULT_FILE, { passes: 0, failures: 1, pending: 0, tests: 0, error: String(err) });
          reject(err);
        });
      } else go();
    } catch (err) {
      // A suite file that throws while loading (syntax error, bad import) ends up here.
      console.error(`${LOG} failed to load suite files:`, err);
      writeJson(process.env.GPUPLAN_RESULT_FILE, { passes: 0, failures: 1, pending: 0, tests: 0, error: String(err) });
      reject(err);
    }
  });
}

/** Asks the workbench to reload; resolves only if it has not after RELOAD_TIMEOUT_MS (a reload ends this process). */
async function reloadWindow() {
  // While the window reloads, this extension host is told to stop, and the command's promise may
  // reject ("Channel has been closed"): only the timeout says the reload did not happen.
  Promise.resolve(require('vscode').commands.executeCommand('workbench.action.reloadWindow')).catch((e) =>
    console.error(`${LOG} workbench.action.reloadWindow: ${e && e.message}`),
  );
  await new Promise((r) => setTimeout(r, RELOAD_TIMEOUT_MS));
}

function writeJson(file, data) {
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(data, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  } catch (e) {
    console.error(`${LOG} could not write ${file}: ${e}`);
  }
}

function safeVscodeVersion() {
  try {
    return require('vscode').version;
  } catch {
    return '(vscode module unavailable)';
  }
}

module.exports = { run, _internals: { globToRegExp, expandGlob, findSuiteFiles } };
