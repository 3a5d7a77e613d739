// Shared by runCodeServer.mjs and runElectron.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const INTEGRATION_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(INTEGRATION_DIR, '..', '..');

/** Options understood by both runners (node:util parseArgs format). */
export const COMMON_OPTIONS = {
  extensionDevelopmentPath: { type: 'string' },
  extensionTestsPath: { type: 'string' },
  workspace: { type: 'string' },
  // Open a multi-root workspace: the folder (given or fresh) plus a second fresh one.
  'multi-root': { type: 'boolean', default: false },
  'timeout-ms': { type: 'string', default: String(10 * 60 * 1000) },
  locale: { type: 'string', default: 'en' },
  'suite-glob': { type: 'string' },
  env: { type: 'string', multiple: true, default: [] },
  'artifacts-dir': { type: 'string' },
  verbose: { type: 'boolean', default: false },
  'keep-temp': { type: 'boolean', default: false },
  'allow-missing-result': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};

export function parseEnvPairs(pairs) {
  const env = {};
  for (const kv of pairs) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new Error(`bad --env ${kv} (expected KEY=VALUE)`);
    env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return env;
}

/**
 * User settings that keep a test run quiet and deterministic (no network, no welcome pages, no
 * autosave). `files.autoSave` must be "off": code-server's web workbench defaults to "afterDelay"
 * (1 s after the last edit), which saves a suite's unsaved edits behind its back; the restart suite
 * then sees `isDirty` false and a changed file on disk. suite/settings.test.ts checks it arrives.
 */
export function writeUserSettings(userDataDir, extra = {}) {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'git.autoRepositoryDetection': false,
        'npm.autoDetect': 'off',
        'chat.commandCenter.enabled': false,
        'window.dialogStyle': 'custom',
        'files.autoSave': 'off',
        ...extra,
      },
      null,
      2,
    ),
  );
}

/**
 * Make VS Code run with display language `locale` without a marketplace language pack.
 *
 * VS Code (desktop and server alike) only honours --locale when <user-data-dir>/languagepacks.json
 * lists a pack for it (that file is normally written when a language-pack extension is installed,
 * impossible offline). We register a stub pack with no translations: VS Code's own UI stays English,
 * but vscode.env.language === locale in the extension host, so the extension's
 * package.nls.<locale>.json and l10n/bundle.l10n.<locale>.json are used.
 */
export function writeStubLanguagePack(tmpRoot, userDataDir, locale) {
  const lang = locale.toLowerCase();
  if (lang.startsWith('en')) return false;
  const packDir = path.join(tmpRoot, 'stub-language-pack');
  fs.mkdirSync(packDir, { recursive: true });
  const translations = path.join(packDir, 'main.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(
    path.join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [lang]: {
        hash: `gpuplan-stub-${lang}`,
        extensions: [{ extensionIdentifier: { id: `gpuplan-test.stub-language-pack-${lang}` }, version: '0.0.1' }],
        translations: { vscode: translations },
        label: locale,
      },
    }),
  );
  return true;
}

/**
 * Cross-check a reported exit code with the summary index.cjs writes to GPUPLAN_RESULT_FILE.
 * (code-server's workbench reports exit code 0 when the extension host process dies mid-run.)
 * Returns [exitCode, message].
 */
export function verdict(reportedCode, resultFile, allowMissing) {
  const reported = typeof reportedCode === 'number' ? reportedCode : 1;
  let summary = null;
  try {
    summary = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    /* missing */
  }
  if (!summary) {
    if (allowMissing) return [reported, `exit code ${reportedCode} (no result file; --allow-missing-result)`];
    return [
      reported || 1,
      `exit code ${reportedCode} but the test runner never wrote its result ` +
        '(extension host crashed/killed, or extensionTestsPath is not test/integration/index.cjs: pass --allow-missing-result)',
    ];
  }
  if (summary.failures > 0 && reported === 0) {
    return [1, `result file says ${summary.failures} failure(s) although the exit code was 0`];
  }
  return [reported, `exit code ${reportedCode} (${summary.passes} passing, ${summary.failures} failing, ${summary.pending} pending)`];
}

export function usage(file, lines) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(1, lines)
    .join('\n')
    .replace(/^ \*\/?/gm, '');
}

/**
 * The options both runners share, resolved and checked; `fail` prints the message and exits.
 * Returns the development and tests paths, the timeout, the locale and the artifacts folder.
 */
export function checkedOptions(opts, fail) {
  const devPath = path.resolve(opts.extensionDevelopmentPath);
  const testsPath = path.resolve(opts.extensionTestsPath);
  const timeoutMs = Number(opts['timeout-ms']);
  const locale = opts.locale;
  const artifactsDir = path.resolve(opts['artifacts-dir'] || process.env.GPUPLAN_ARTIFACTS_DIR || path.join(REPO_ROOT, 'test', 'artifacts'));
  if (!fs.existsSync(path.join(devPath, 'package.json'))) fail(`--extensionDevelopmentPath has no package.json: ${devPath}`);
  if (!fs.existsSync(testsPath)) fail(`--extensionTestsPath does not exist: ${testsPath}`);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) fail(`bad --timeout-ms ${opts['timeout-ms']}`);
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)*$/.test(locale)) fail(`bad --locale ${locale}`);
  if (opts.workspace !== undefined && opts.workspace !== 'none' && !fs.existsSync(opts.workspace)) {
    fail(`--workspace does not exist: ${path.resolve(opts.workspace)}`);
  }
  return { devPath, testsPath, timeoutMs, locale, artifactsDir };
}

/** The folder the window opens: a fresh empty one by default, the one given, or none ("none"). */
export function workspaceFolder(option, tmpRoot) {
  if (option === 'none') return null;
  if (option !== undefined) return path.resolve(option);
  const workspace = path.join(tmpRoot, 'workspace');
  fs.mkdirSync(workspace);
  return workspace;
}

/**
 * What the window opens. `folder`: its first workspace folder (null for an empty window);
 * `open`: the path VS Code is given, the folder itself or, with `multiRoot`, a .code-workspace
 * file listing that folder and a second fresh one (`<tmp>/workspace-b`), so that suites can give
 * two folders different resource-scoped settings.
 */
export function workspaceToOpen(option, tmpRoot, multiRoot) {
  const folder = workspaceFolder(option, tmpRoot);
  if (!folder || !multiRoot) return { folder, open: folder, multiRoot: false };
  const second = path.join(tmpRoot, 'workspace-b');
  fs.mkdirSync(second);
  const file = path.join(tmpRoot, 'gpuplan-it.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: folder }, { path: second }], settings: {} }, null, 2));
  return { folder, open: file, multiRoot: true };
}
