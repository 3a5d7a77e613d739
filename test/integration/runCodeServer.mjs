#!/usr/bin/env node
/**
 * Runs a mocha integration suite inside a real VS Code extension host, offline:
 * code-server (VS Code server + web workbench, installed by scripts/install-code-server.sh)
 * + headless Debian chromium driven by playwright-core.
 *
 *   node test/integration/runCodeServer.mjs \
 *     --extensionDevelopmentPath <dir> --extensionTestsPath <file> \
 *     [--workspace <folder>|none] [--multi-root] [--screenshot <png>] [--timeout-ms N] [--locale ko|en] \
 *     [--suite-glob <glob>] [--env KEY=VALUE ...] [--logs-dir <dir>] [--artifacts-dir <dir>] \
 *     [--verbose] [--keep-temp] [--headed] [--allow-missing-result]
 *
 * How results come back: the workbench (web) checks for `window.codeAutomationLog` and
 * `window.codeAutomationExit` (same contract as @vscode/test-web). With an
 * `extensionTestsPath` in the `payload` query parameter it logs every message (including
 * the extension host's console output) through codeAutomationLog, runs the tests in the
 * extension host that owns the test URI (vscode-remote:// => the remote Node extension
 * host of code-server) and finally calls codeAutomationExit(exitCode, logFiles).
 *
 * Exit code of this script: the one reported by the extension host (0 = all tests passed),
 * 124 on timeout, 2 on harness/setup errors.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  COMMON_OPTIONS,
  INTEGRATION_DIR as HERE,
  REPO_ROOT,
  checkedOptions,
  parseEnvPairs,
  usage,
  verdict,
  workspaceToOpen,
  writeStubLanguagePack,
  writeUserSettings,
} from './lib/common.mjs';

const TAG = '[runCodeServer]';
const SCREENSHOT_RE = /__SCREENSHOT__ (\{[^\n]*\}|\S+)/;
const HARNESS_RE = /__HARNESS__ (\{[^\n]*\})/;

// ------------------------------------------------------------------ arguments
const { values: opts } = parseArgs({
  options: {
    ...COMMON_OPTIONS,
    screenshot: { type: 'string' },
    'logs-dir': { type: 'string' },
    headed: { type: 'boolean', default: false },
  },
  strict: true,
});

if (opts.help || !opts.extensionDevelopmentPath || !opts.extensionTestsPath) {
  console.log(usage(fileURLToPath(import.meta.url), 21));
  process.exit(opts.help ? 0 : 2);
}

const { devPath, testsPath, timeoutMs, locale, artifactsDir } = checkedOptions(opts, fail);
const verbose = opts.verbose || process.env.GPUPLAN_VERBOSE === '1';

// ------------------------------------------------------------------ code-server + node
const csDir = path.resolve(process.env.CODE_SERVER_DIR || path.join(REPO_ROOT, '.vscode-test', 'code-server'));
const csEntry = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
if (!fs.existsSync(path.join(csDir, '.install-complete')) || !fs.existsSync(csEntry)) {
  fail(`code-server is not installed in ${csDir}; run: bash scripts/install-code-server.sh`);
}
const nodeBin = process.env.CODE_SERVER_NODE || process.execPath;
{
  const v = nodeBin === process.execPath ? process.versions.node : spawnSync(nodeBin, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim();
  if (!v || !v.startsWith('20.')) {
    console.error(
      `${TAG} WARNING: code-server 4.100.x needs Node 20 (native modules were built for it); ` +
        `${nodeBin} is ${v || 'unknown'}. Set CODE_SERVER_NODE=/path/to/node20.`,
    );
  }
}
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) fail(`chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const info = (...a) => console.log(`${TAG} +${elapsed()}`, ...a);

// ------------------------------------------------------------------ temp dirs
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-cs-'));
const userDataDir = path.join(tmpRoot, 'user-data');
const extensionsDir = path.join(tmpRoot, 'extensions');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.mkdirSync(extensionsDir, { recursive: true });
const replyDir = path.join(tmpRoot, 'harness-replies');
const resultFile = path.join(tmpRoot, 'result.json'); // written by index.cjs when mocha finishes
fs.mkdirSync(replyDir, { recursive: true });
const { folder: workspace, open: workspaceOpen, multiRoot } = workspaceToOpen(opts.workspace, tmpRoot, opts['multi-root']);

writeUserSettings(userDataDir);
// Display language: see writeStubLanguagePack() - VS Code UI stays English, but
// vscode.env.language and the extension's own l10n bundles follow --locale.
writeStubLanguagePack(tmpRoot, userDataDir, locale);

// ------------------------------------------------------------------ state + cleanup
let csProc = null;
let browser = null;
let finished = false;
let csOutputTail = [];

async function cleanup() {
  const t = Date.now();
  const closeBrowser = async () => {
    if (browser) {
      const b = browser;
      browser = null;
      await b.close().catch(() => {});
    }
  };
  const stopServer = async () => {
    if (!csProc || csProc.exitCode !== null || csProc.signalCode !== null) return;
    const pgid = csProc.pid; // detached => own process group (server, extension host, pty host, watcher)
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    // Poll for the whole process group to disappear; SIGKILL stragglers after 3 s.
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && groupAlive(pgid)) await delay(50);
    if (groupAlive(pgid)) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };
  await Promise.all([closeBrowser(), stopServer()]);
  if (verbose) info(`cleanup took ${Date.now() - t} ms`);
  if (opts['logs-dir']) {
    // Server-side logs: remoteagent.log, exthost*/remoteexthost.log, per-extension output channels.
    const dest = path.join(path.resolve(opts['logs-dir']), 'server');
    try {
      fs.cpSync(path.join(userDataDir, 'logs'), dest, { recursive: true });
      info(`server logs copied to ${dest}`);
    } catch (e) {
      console.error(`${TAG} could not copy server logs: ${e.message}`);
    }
  }
  if (!opts['keep-temp']) fs.rmSync(tmpRoot, { recursive: true, force: true, maxRetries: 3 });
  else info(`kept temp dir ${tmpRoot}`);
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function delay(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function fail(msg) {
  console.error(`${TAG} ERROR: ${msg}`);
  process.exit(2);
}

async function finish(code, reason) {
  if (finished) return;
  finished = true;
  clearTimeout(timeoutHandle);
  if (reason) (code === 0 ? info : (m) => console.error(`${TAG} +${elapsed()} ${m}`))(reason);
  if (opts.screenshot && page) {
    await takeScreenshot(path.resolve(opts.screenshot)).then(
      (p) => info(`screenshot saved: ${p}`),
      (e) => console.error(`${TAG} screenshot failed: ${e.message}`),
    );
  }
  await cleanup();
  info(`exit code ${code} (total ${elapsed()})`);
  process.exit(code);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    finish(130, `received ${sig}`);
  });
}
process.on('uncaughtException', (e) => {
  console.error(e);
  finish(2, `runner crashed: ${e.message}`);
});
process.on('unhandledRejection', (e) => {
  console.error(e);
  finish(2, `runner crashed: ${e && e.message}`);
});

let page = null;
const timeoutHandle = setTimeout(async () => {
  const where = [
    `  code-server logs: ${path.join(userDataDir, 'logs')} (use --keep-temp to keep them)`,
    '  last code-server output:',
    ...csOutputTail.map((l) => `    ${l}`),
  ].join('\n');
  if (!opts['keep-temp']) opts['keep-temp'] = true; // keep logs for post-mortem
  if (!opts.screenshot) opts.screenshot = path.join(artifactsDir, 'timeout.png');
  finish(124, `TIMEOUT: no test result after ${timeoutMs} ms (--timeout-ms). ` + `The extension host never called codeAutomationExit.\n${where}`);
}, timeoutMs);

// ------------------------------------------------------------------ start code-server
function startCodeServer() {
  const args = [
    csEntry,
    '--bind-addr',
    '127.0.0.1:0',
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--locale',
    locale,
    '--log',
    verbose ? 'debug' : 'info',
  ];
  const env = {
    ...process.env,
    CODE_SERVER_CONFIG: path.join(tmpRoot, 'config.yaml'), // never touch ~/.config/code-server
    GPUPLAN_SCREENSHOT_SUPPORTED: '1',
    GPUPLAN_BROWSER_DRIVER: '1',
    GPUPLAN_HARNESS_REPLY_DIR: replyDir,
    GPUPLAN_HARNESS: path.join(HERE, 'harness.cjs'),
    GPUPLAN_ARTIFACTS_DIR: artifactsDir,
    GPUPLAN_REPO_ROOT: process.env.GPUPLAN_REPO_ROOT || REPO_ROOT,
    GPUPLAN_WORKSPACE: workspace ?? '',
    GPUPLAN_LOCALE: locale,
    GPUPLAN_RESULT_FILE: resultFile,
  };
  // The extension host inherits this environment: that is how suite options reach index.cjs.
  if (opts['suite-glob']) env.GPUPLAN_SUITE_GLOB = opts['suite-glob'];
  try {
    Object.assign(env, parseEnvPairs(opts.env));
  } catch (e) {
    fail(e.message);
  }
  for (const k of ['PASSWORD', 'HASHED_PASSWORD', 'VSCODE_PROXY_URI', 'ELECTRON_RUN_AS_NODE', 'VSCODE_IPC_HOOK_CLI']) delete env[k];

  info(`starting code-server: ${nodeBin} ${csEntry}`);
  csProc = spawn(nodeBin, args, { env, cwd: tmpRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (chunk) => {
      buf += chunk.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trimEnd();
        buf = buf.slice(nl + 1);
        csOutputTail.push(line);
        if (csOutputTail.length > 40) csOutputTail.shift();
        if (finished && !verbose) continue; // shutdown chatter
        if (verbose || (/\b(error|ERR)\b/.test(line) && !isWorkbenchNoise(line))) console.log(`[code-server] ${line}`);
        const m = /HTTP server listening on (http:\/\/[^\s]+?)\/?$/.exec(line);
        if (m) resolve(m[1]);
      }
    };
    csProc.stdout.on('data', onData);
    csProc.stderr.on('data', onData);
    csProc.on('error', reject);
    csProc.on('exit', (code, signal) => {
      const msg = `code-server exited early (code ${code}, signal ${signal})\n${csOutputTail.join('\n')}`;
      reject(new Error(msg));
      if (!finished) finish(2, msg);
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

async function waitUntilServing(base) {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if ((await httpOk(`${base}/healthz`)) && (await httpOk(`${base}/`))) return;
    await delay(100);
  }
  throw new Error(`code-server at ${base} did not serve within 60 s`);
}

// ------------------------------------------------------------------ screenshots
// Every page interaction requested by tests runs strictly in order through this queue.
let pageQueue = Promise.resolve();
function enqueue(fn) {
  const job = pageQueue.then(fn);
  pageQueue = job.catch(() => {});
  return job;
}

/** A finite, positive rectangle inside the page, or undefined (the whole page). */
function clipOf(clip) {
  if (!clip || typeof clip !== 'object') return undefined;
  const { x, y, width, height } = clip;
  if (![x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n)) || width <= 0 || height <= 0) {
    throw new Error(`bad screenshot clip ${JSON.stringify(clip)}`);
  }
  return { x: Math.max(0, x), y: Math.max(0, y), width, height };
}

async function doScreenshot(file, clip) {
  if (!page) throw new Error('no page');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Let the workbench paint whatever the test just did.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))).catch(() => {});
  await page.screenshot({ path: file, timeout: 30000, ...(clip ? { clip: clipOf(clip) } : {}) });
  return file;
}

function takeScreenshot(file, clip) {
  return enqueue(() => doScreenshot(file, clip));
}

const seenScreenshotIds = new Set();
function handleScreenshotRequest(text) {
  const m = SCREENSHOT_RE.exec(text);
  if (!m) return;
  let req;
  try {
    req = m[1].startsWith('{') ? JSON.parse(m[1]) : { id: null, path: m[1] };
  } catch {
    return;
  }
  if (!req.path) return;
  const key = req.id || req.path;
  if (seenScreenshotIds.has(key)) return;
  seenScreenshotIds.add(key);
  const file = path.resolve(artifactsDir, req.path);
  const writeDone = (result) => {
    const tmp = `${file}.done.tmp`;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify({ id: req.id, ...result }));
    fs.renameSync(tmp, `${file}.done`);
  };
  takeScreenshot(file, req.clip).then(
    () => {
      info(`screenshot (requested by test): ${file}`);
      writeDone({ ok: true, path: file });
    },
    (e) => {
      console.error(`${TAG} requested screenshot failed: ${e.message}`);
      writeDone({ ok: false, error: e.message });
    },
  );
}

// Generic browser-driving requests from harness.cjs (keyboard input, DOM queries).
const seenHarnessIds = new Set();
function handleHarnessRequest(text) {
  const m = HARNESS_RE.exec(text);
  if (!m) return;
  let req;
  try {
    req = JSON.parse(m[1]);
  } catch {
    return;
  }
  if (!req.id || seenHarnessIds.has(req.id)) return;
  seenHarnessIds.add(req.id);
  const job = enqueue(async () => {
    if (!page) throw new Error('no page');
    switch (req.op) {
      case 'press':
        await page.keyboard.press(req.key);
        return null;
      case 'type':
        await page.keyboard.type(req.text);
        return null;
      case 'evaluate':
        return page.evaluate((expr) => {
          const v = (0, eval)(expr);
          return Promise.resolve(v).then((x) => (x === undefined ? null : JSON.parse(JSON.stringify(x))));
        }, req.expression);
      case 'screenshot':
        return doScreenshot(path.resolve(artifactsDir, req.path));
      default:
        throw new Error(`unknown op ${req.op}`);
    }
  });
  const reply = (obj) => {
    const f = path.join(replyDir, `${req.id}.json`);
    fs.writeFileSync(`${f}.tmp`, JSON.stringify({ id: req.id, ...obj }));
    fs.renameSync(`${f}.tmp`, f);
  };
  job.then(
    (result) => reply({ ok: true, result }),
    (e) => reply({ ok: false, error: String((e && e.message) || e) }),
  );
}

// ------------------------------------------------------------------ main
async function main() {
  info(`extensionDevelopmentPath=${devPath}`);
  info(`extensionTestsPath=${testsPath}`);
  info(`workspace=${workspaceOpen ?? '(none)'} locale=${locale} timeout=${timeoutMs}ms temp=${tmpRoot}`);

  const base = await startCodeServer();
  await waitUntilServing(base);
  info(`code-server serving at ${base}`);

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    fail(`cannot load playwright-core from ${REPO_ROOT}/node_modules: ${e.message}`);
  }
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: !opts.headed,
    // Our own signal handlers close the browser in cleanup(); playwright's would process.exit(130)
    // as soon as the browser is gone, before code-server is stopped and the temp dir removed.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--lang=${locale}`,
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale,
    // vscode.env.clipboard is navigator.clipboard in the web workbench.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  info(`chromium ${browser.version()} started`);

  let resolveExit;
  const exitPromise = new Promise((r) => {
    resolveExit = r;
  });

  await page.exposeFunction('codeAutomationLog', (type, args) => {
    if (finished && !verbose) return; // reconnect chatter while shutting down
    const text = Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : String(args);
    handleScreenshotRequest(text);
    handleHarnessRequest(text);
    if (!verbose && /__(HARNESS|SCREENSHOT)__ /.test(text)) return;
    const level = ['error', 'warn'].includes(type) ? type : 'log';
    if (!verbose && isWorkbenchNoise(text)) return;
    console[level](text);
  });
  await page.exposeFunction('codeAutomationExit', async (code, logs) => {
    if (opts['logs-dir'] && Array.isArray(logs)) {
      for (const l of logs) {
        const f = path.join(path.resolve(opts['logs-dir']), l.relativePath);
        fs.mkdirSync(path.dirname(f), { recursive: true });
        fs.writeFileSync(f, l.contents);
      }
      info(`workbench logs written to ${path.resolve(opts['logs-dir'])}`);
    }
    resolveExit(code);
  });
  page.on('pageerror', (e) => {
    if (!finished) console.error(`[browser pageerror] ${e.message}`);
  });
  page.on('crash', () => finish(2, 'browser page crashed'));
  if (verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));

  const authority = new URL(base).host; // code-server uses location.host as remoteAuthority
  const remote = (p) => `vscode-remote://${authority}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  const url = new URL(base + '/');
  if (workspaceOpen) url.searchParams.set(multiRoot ? 'workspace' : 'folder', workspaceOpen);
  else url.searchParams.set('ew', 'true'); // empty window
  url.searchParams.set('payload', JSON.stringify(payload));
  info(`opening ${url.href}`);
  await page.goto(url.href, { waitUntil: 'domcontentloaded', timeout: 120000 });
  info('workbench page loaded; waiting for the extension host to run the tests');

  const code = await exitPromise;
  const [exitCode, msg] = verdict(code, resultFile, opts['allow-missing-result']);
  await finish(exitCode, `extension host reported ${msg}`);
}

// The workbench logs its own info messages through the same channel; these carry no test
// signal offline (marketplace/network failures etc.). --verbose shows everything.
function isWorkbenchNoise(text) {
  return /open-vsx\.org|marketplace|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|getaddrinfo (ENOTFOUND|EAI_AGAIN)|update\.code\.visualstudio|vscode-cdn\.net|^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\] registered|ChatSessionStore: Migrating 0)/i.test(
    text,
  );
}

main().catch((e) => finish(2, `harness error: ${(e && e.stack) || e}`));
