#!/usr/bin/env node
/**
 * Runs the same integration suites in desktop VS Code through @vscode/test-electron's runTests
 * (for machines that have desktop VS Code or can download it; not usable on the offline box,
 * use runCodeServer.mjs there).
 *
 *   node test/integration/runElectron.mjs \
 *     --extensionDevelopmentPath <dir> --extensionTestsPath <file> \
 *     [--workspace <folder>|none] [--multi-root] [--timeout-ms N] [--locale ko|en] [--suite-glob <glob>] \
 *     [--env KEY=VALUE ...] [--artifacts-dir <dir>] [--vscode-version 1.100.3|stable|insiders] \
 *     [--verbose] [--keep-temp] [--allow-missing-result]
 *
 * VS Code binary: $VSCODE_EXECUTABLE if set (the Electron executable, e.g. /usr/share/code/code,
 * "/Applications/Visual Studio Code.app/Contents/MacOS/Electron", ...\Code.exe; not the `code`
 * CLI shell script), otherwise test-electron downloads --vscode-version / $VSCODE_VERSION
 * (default 1.100.3, the version of the code-server build) into <repo>/.vscode-test/.
 * Linux without a display: run under `xvfb-run -a`.
 *
 * Screenshots / harness.browser.* are not available here: harness.screenshot() resolves to
 * false and tests using harness.browser should skip when !harness.browserSupported().
 * Exit code: VS Code's (0 = all tests passed), 124 on timeout, 2 on harness/setup errors.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  COMMON_OPTIONS,
  INTEGRATION_DIR,
  REPO_ROOT,
  checkedOptions,
  parseEnvPairs,
  usage,
  verdict,
  workspaceToOpen,
  writeStubLanguagePack,
  writeUserSettings,
} from './lib/common.mjs';

const TAG = '[runElectron]';
const { values: opts } = parseArgs({
  options: { ...COMMON_OPTIONS, 'vscode-version': { type: 'string' } },
  strict: true,
});
if (opts.help || !opts.extensionDevelopmentPath || !opts.extensionTestsPath) {
  console.log(usage(fileURLToPath(import.meta.url), 23));
  process.exit(opts.help ? 0 : 2);
}

function fail(msg) {
  console.error(`${TAG} ERROR: ${msg}`);
  process.exit(2);
}
const t0 = Date.now();
const info = (...a) => console.log(`${TAG} +${((Date.now() - t0) / 1000).toFixed(1)}s`, ...a);

const { devPath, testsPath, timeoutMs, locale, artifactsDir } = checkedOptions(opts, fail);
let extraEnv;
try {
  extraEnv = parseEnvPairs(opts.env);
} catch (e) {
  fail(e.message);
}

const require = createRequire(path.join(REPO_ROOT, 'package.json'));
let testElectron;
try {
  testElectron = require('@vscode/test-electron');
} catch (e) {
  fail(`cannot load @vscode/test-electron: ${e.message}`);
}
const { runTests, TestRunFailedError } = testElectron;

// ------------------------------------------------------------------ profile + workspace
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-el-'));
const userDataDir = path.join(tmpRoot, 'user-data');
const extensionsDir = path.join(tmpRoot, 'extensions');
const resultFile = path.join(tmpRoot, 'result.json');
fs.mkdirSync(extensionsDir, { recursive: true });
writeUserSettings(userDataDir);
writeStubLanguagePack(tmpRoot, userDataDir, locale);
const { folder: workspace, open: workspaceOpen } = workspaceToOpen(opts.workspace, tmpRoot, opts['multi-root']);

const launchArgs = [
  ...(workspaceOpen ? [workspaceOpen] : []), // first launch arg = folder (or .code-workspace file) to open
  '--new-window',
  `--user-data-dir=${userDataDir}`,
  `--extensions-dir=${extensionsDir}`,
  `--locale=${locale}`,
  '--disable-telemetry',
  '--disable-gpu',
];

const extensionTestsEnv = {
  GPUPLAN_REPO_ROOT: process.env.GPUPLAN_REPO_ROOT || REPO_ROOT,
  GPUPLAN_HARNESS: path.join(INTEGRATION_DIR, 'harness.cjs'),
  GPUPLAN_ARTIFACTS_DIR: artifactsDir,
  GPUPLAN_WORKSPACE: workspace ?? '',
  GPUPLAN_LOCALE: locale,
  GPUPLAN_RESULT_FILE: resultFile,
  GPUPLAN_SCREENSHOT_SUPPORTED: undefined,
  GPUPLAN_BROWSER_DRIVER: undefined,
  ...(opts['suite-glob'] ? { GPUPLAN_SUITE_GLOB: opts['suite-glob'] } : {}),
  ...extraEnv,
};

const testOptions = {
  extensionDevelopmentPath: devPath,
  extensionTestsPath: testsPath,
  launchArgs,
  extensionTestsEnv,
  cachePath: path.join(REPO_ROOT, '.vscode-test'),
};
if (process.env.VSCODE_EXECUTABLE) {
  testOptions.vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!fs.existsSync(testOptions.vscodeExecutablePath)) fail(`VSCODE_EXECUTABLE does not exist: ${testOptions.vscodeExecutablePath}`);
} else {
  testOptions.version = opts['vscode-version'] || process.env.VSCODE_VERSION || '1.100.3';
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn(`${TAG} WARNING: no DISPLAY; Electron needs one. Use: xvfb-run -a node ${path.relative(process.cwd(), fileURLToPath(import.meta.url))} ...`);
}

// ------------------------------------------------------------------ timeout + cleanup
function descendants(pid) {
  if (process.platform === 'win32') return [];
  let out;
  try {
    out = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const children = new Map();
  for (const line of out.trim().split('\n')) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    if (!children.has(pp)) children.set(pp, []);
    children.get(pp).push(p);
  }
  const res = [];
  const stack = [...(children.get(pid) || [])];
  while (stack.length) {
    const p = stack.pop();
    res.push(p);
    stack.push(...(children.get(p) || []));
  }
  return res;
}

function killChildren() {
  if (process.platform === 'win32') {
    try {
      execFileSync('taskkill', ['/F', '/T', '/PID', String(process.pid)], { stdio: 'ignore' });
    } catch {
      /* ignore */
    }
    return;
  }
  for (const p of descendants(process.pid)) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

function cleanupTemp() {
  if (opts['keep-temp']) info(`kept temp dir ${tmpRoot}`);
  else fs.rmSync(tmpRoot, { recursive: true, force: true, maxRetries: 3 });
}

const timer = setTimeout(() => {
  console.error(`${TAG} TIMEOUT: no test result after ${timeoutMs} ms (--timeout-ms); killing VS Code. ` + `Logs: ${path.join(userDataDir, 'logs')} (kept)`);
  killChildren();
  opts['keep-temp'] = true;
  cleanupTemp();
  process.exit(124);
}, timeoutMs);

// ------------------------------------------------------------------ run
info(`extensionDevelopmentPath=${devPath}`);
info(`extensionTestsPath=${testsPath}`);
info(
  `workspace=${workspace ?? '(none)'} locale=${locale} ` + `vscode=${testOptions.vscodeExecutablePath || `download ${testOptions.version}`} temp=${tmpRoot}`,
);

let code;
let harnessError = false;
try {
  code = await runTests(testOptions);
} catch (e) {
  if (e instanceof TestRunFailedError || (e && typeof e.code === 'number')) {
    code = typeof e.code === 'number' ? e.code : 1;
    if (e.signal) console.error(`${TAG} VS Code terminated by signal ${e.signal}`);
  } else {
    console.error(`${TAG} failed to run tests: ${(e && e.stack) || e}`);
    harnessError = true;
  }
}
clearTimeout(timer);
const [exitCode, msg] = harnessError ? [2, 'no result (harness error)'] : verdict(code, resultFile, opts['allow-missing-result']);
info(`VS Code reported ${msg}`);
cleanupTemp();
process.exit(exitCode);
