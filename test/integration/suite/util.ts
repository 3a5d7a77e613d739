/** Shared helpers of the integration suites (not a suite itself: no `.test` in the name). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type * as Harness from '../harness.cjs';
import type { GpuplanApi } from '../../../client/src/extension';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const harness = require(process.env.GPUPLAN_HARNESS ?? path.resolve(__dirname, '../../../../test/integration/harness.cjs')) as typeof Harness;

export const REPO_ROOT = process.env.GPUPLAN_REPO_ROOT ?? path.resolve(__dirname, '../../../..');
export const EXAMPLES = path.join(REPO_ROOT, 'examples');
export const isKorean = () => vscode.env.language.toLowerCase().startsWith('ko');

let fixturesRoot: string | undefined;

/**
 * Where the suites' fixture folders live: the runner's fresh workspace when it is a temp folder
 * (so the files show in the explorer), else one new temp folder per run. Never the repository.
 */
function fixturesRootDir(): string {
  if (fixturesRoot) return fixturesRoot;
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  const tmp = fs.realpathSync(os.tmpdir());
  if (workspace?.scheme === 'file' && fs.realpathSync(workspace.fsPath).startsWith(tmp + path.sep)) {
    fixturesRoot = workspace.fsPath;
  } else {
    fixturesRoot = fs.mkdtempSync(path.join(tmp, 'gpuplan-it-'));
  }
  return fixturesRoot;
}

/** Suite name -> the suite file that claimed it, so two suites can never share a folder. */
const claimedSuites = new Map<string, string>();

export interface SuiteFixtures {
  /** The suite's own folder, `<workspace>/<suite>/`; empty when the suite first asks for it. */
  scratchDir: () => string;
  /**
   * Copies an example (optionally transformed) into the suite's folder under `name`. Each name
   * once per run: a test never opens a file (or its open document) that another test edited.
   */
  copyExample: (example: string, name: string, transform?: (text: string) => string) => vscode.Uri;
  /**
   * A file this suite copied in an earlier phase of the run (before the window reloaded, see
   * `reloadPhase`): the folder is not emptied, the file must be there.
   */
  existing: (name: string) => vscode.Uri;
}

/**
 * The fixture files of one suite file: call it with `__filename` at the top of the suite. Suites
 * edit, save and export their files, so each one gets its own folder named after the suite
 * (`restart.test.js` -> `<workspace>/restart/`): no suite sees another's files, documents or
 * diagnostics, and the order the suites run in does not matter.
 */
export function suiteFixtures(suiteFile: string): SuiteFixtures {
  const suite = path.basename(suiteFile).replace(/(\.test)?\.[cm]?[jt]s$/, '');
  const owner = claimedSuites.get(suite);
  assert.ok(owner === undefined || owner === suiteFile, `suites ${owner} and ${suiteFile} would share the fixture folder "${suite}"`);
  claimedSuites.set(suite, suiteFile);

  let dir: string | undefined;
  const used = new Set<string>();
  const scratchDir = (): string => {
    if (dir) return dir;
    dir = path.join(fixturesRootDir(), suite);
    fs.rmSync(dir, { recursive: true, force: true }); // left over from an earlier run in the same --workspace
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  };
  const copyExample = (example: string, name: string, transform: (text: string) => string = (t) => t): vscode.Uri => {
    assert.equal(path.basename(name), name, `fixture name ${name} is a plain file name`);
    assert.ok(!used.has(name), `suite ${suite} uses the fixture ${name} twice; give each test its own file`);
    used.add(name);
    const text = transform(fs.readFileSync(path.join(EXAMPLES, example), 'utf8'));
    const file = path.join(scratchDir(), name);
    fs.writeFileSync(file, text);
    return vscode.Uri.file(file);
  };
  const existing = (name: string): vscode.Uri => {
    const file = path.join(fixturesRootDir(), suite, name);
    assert.ok(fs.existsSync(file), `${file} from before the reload`);
    return vscode.Uri.file(file);
  };
  return { scratchDir, copyExample, existing };
}

/**
 * Suites named `*.reload.test.ts` run twice around a reload of the window (test/integration/
 * index.cjs): `before` (set things up; the reload follows the last such suite), then `after`
 * (in the reloaded window, with a new extension host). `none` where the runner cannot reload
 * the window (Electron): the suite then has nothing to check.
 */
export const reloadPhase = (): 'before' | 'after' | 'none' => {
  const phase = process.env.GPUPLAN_RELOAD_PHASE;
  return phase === 'before' || phase === 'after' ? phase : 'none';
};

/** Which of the extension's webviews: the document preview or the cost preview (their `<body data-gpuplan-view>`). */
export type GpuplanView = 'document' | 'cost';

/**
 * Evaluates `expression` in the loaded webviews of one of our previews (code-server runner only):
 * one result per such webview, none while it is not loaded.
 */
export async function inView<T>(view: GpuplanView, expression: string): Promise<T[]> {
  const results = await harness.browser.evaluateInWebviews<{ view: string | null; value: T }>(
    `({ view: document.body ? document.body.getAttribute('data-gpuplan-view') : null, value: document.body && document.body.getAttribute('data-gpuplan-view') === ${JSON.stringify(view)} ? (${expression}) : null })`,
  );
  return results.filter((r) => r.view === view).map((r) => r.value);
}

/** The tabs of our webview panels of a view type (`gpuplan.documentPreview`, `gpuplan.costPreview`). */
export const webviewTabs = (viewType: string): vscode.Tab[] =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));

/** The text of the notification toasts now shown (code-server runner only). */
export const toastText = (): Promise<string> => harness.browser.evaluate<string>("(document.querySelector('.notifications-toasts') || {}).innerText || ''");

/**
 * Waits until a notification says `pattern` (code-server runner only), and says what was shown
 * if none does. Looked for in the toasts first, then in the notification center: VS Code shows no
 * toast for a notification that comes after three others within 800 ms, nor while the center is
 * open, but the center lists every notification, as it does for users.
 */
export async function waitForNotification(pattern: RegExp, what: string): Promise<void> {
  const inToasts = await harness.waitFor(async () => pattern.test(await toastText()), { timeoutMs: 5000 }).catch(() => false);
  if (inToasts) return;
  const toasts = await toastText();
  await vscode.commands.executeCommand('notifications.showList');
  const centerText = () => harness.browser.evaluate<string>("(document.querySelector('.notifications-center') || {}).innerText || ''");
  try {
    const inCenter = await harness.waitFor(async () => pattern.test(await centerText()), { timeoutMs: 10000 }).catch(() => false);
    assert.ok(inCenter, `${what} (${String(pattern)}): the toasts say:\n${toasts}\nthe notification center says:\n${await centerText()}`);
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}

/** Toasts cover the previews in screenshots: clear them first. */
export async function clearNotifications(): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
}

export async function activate(): Promise<GpuplanApi> {
  const extension = vscode.extensions.getExtension<GpuplanApi>('gpuplan.gpuplan');
  assert.ok(extension, 'the extension under development is gpuplan.gpuplan');
  const api = await extension.activate();
  await api.ready();
  return api;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await harness.waitFor(() => vscode.window.activeTextEditor?.document === document, { message: `editor for ${uri.fsPath}` });
  return editor;
}

export const codeOf = (d: vscode.Diagnostic): string | number | undefined => (typeof d.code === 'object' ? d.code.value : d.code);

export const gpuplanDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gpuplan');

export const describeDiagnostics = (uri: vscode.Uri): string =>
  gpuplanDiagnostics(uri)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`)
    .join('\n') || '(none)';

/** Waits for a gpuplan diagnostic with `code` (and optionally on `line`), returns it. */
export function waitForDiagnostic(uri: vscode.Uri, code: string, line?: number, timeoutMs = 15000): Promise<vscode.Diagnostic> {
  return harness.waitFor(() => gpuplanDiagnostics(uri).find((d) => codeOf(d) === code && (line === undefined || d.range.start.line === line)), {
    timeoutMs,
    message: `diagnostic ${code}${line === undefined ? '' : ` on line ${line + 1}`}; have:\n${describeDiagnostics(uri)}`,
  });
}

export function waitForNoDiagnostic(uri: vscode.Uri, code?: string, timeoutMs = 15000): Promise<boolean> {
  return harness.waitFor(() => !gpuplanDiagnostics(uri).some((d) => code === undefined || codeOf(d) === code), {
    timeoutMs,
    message: `no ${code ?? 'gpuplan'} diagnostics; have:\n${describeDiagnostics(uri)}`,
  });
}

/**
 * Proves the server is analysing this document: a stray token at the end must produce a
 * `syntax` diagnostic at that token; then the token is removed again. After this, an empty
 * diagnostics list means "the server found nothing", not "the server has not answered yet".
 * Only a diagnostic at the probe counts: a syntax error elsewhere in the text, or the probe of an
 * earlier call whose removal the server has not analysed yet, says nothing about this edit.
 */
export async function provokeAndRevert(editor: vscode.TextEditor): Promise<void> {
  const document = editor.document;
  const end = document.lineAt(document.lineCount - 1).range.end;
  const atProbe = (d: vscode.Diagnostic) => codeOf(d) === 'syntax' && d.range.start.line === end.line && d.range.start.character >= end.character;
  await harness.waitFor(() => !gpuplanDiagnostics(document.uri).some(atProbe), {
    timeoutMs: 15000,
    message: `an earlier probe's diagnostic gone; have:\n${describeDiagnostics(document.uri)}`,
  });
  assert.ok(
    await editor.edit((edit) => {
      edit.insert(end, ' @@');
    }),
    'inserted the probe',
  );
  await harness.waitFor(() => gpuplanDiagnostics(document.uri).some(atProbe), {
    timeoutMs: 15000,
    message: `syntax diagnostic at the probe on line ${end.line + 1}; have:\n${describeDiagnostics(document.uri)}`,
  });
  const probe = new vscode.Range(end, end.translate(0, 3));
  assert.equal(document.getText(probe), ' @@');
  assert.ok(
    await editor.edit((edit) => {
      edit.delete(probe);
    }),
    'removed the probe',
  );
}

/** Position of the `nth` occurrence of `needle` in the document, plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0, nth = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = document.getText().indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `"${needle}" (#${i}) in ${document.uri.toString()}`);
  }
  return document.positionAt(offset + delta);
}

export async function replaceText(editor: vscode.TextEditor, needle: string, replacement: string): Promise<vscode.Range> {
  const start = positionOf(editor.document, needle);
  const range = new vscode.Range(start, start.translate(0, needle.length));
  assert.ok(
    await editor.edit((edit) => {
      edit.replace(range, replacement);
    }),
    `replaced ${needle}`,
  );
  return new vscode.Range(start, start.translate(0, replacement.length));
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('gpuplan').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Applies a code action the way the editor does: its edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<unknown> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applied edit of "${action.title}"`);
  if (action.command) return vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
  return undefined;
}

export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // The generic type is only our claim: the command may resolve to undefined.
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command> | undefined>('vscode.executeCodeActionProvider', uri, range);
  return (actions ?? []).filter((a): a is vscode.CodeAction => a instanceof vscode.CodeAction);
}

/** A PNG of the workbench under test/artifacts/integration/<lang>/; toasts cleared first unless they are the subject. */
export async function screenshot(name: string, options: { notifications?: boolean } = {}): Promise<string | false> {
  if (!options.notifications) await clearNotifications();
  return harness.screenshot(`integration/${isKorean() ? 'ko' : 'en'}/${name}.png`);
}
