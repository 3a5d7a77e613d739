/**
 * Settings as users write them, in a real VS Code with a multi-root workspace (the runner opens
 * two folders, see scripts/test-integration.sh):
 *  - a mistyped value in a folder's .vscode/settings.json (a severity "warn", an allowlist that is
 *    not a list) or in the workspace file (a delay "fast") changes nothing but a line in the
 *    "gpuplan" output channel: the
 *    checks run with the defaults, Preview Document and Export (HTML, HWPX) still work;
 *  - settings are read per document (resource scope): a plan in the second folder follows that
 *    folder's `gpuplan.rules` and `gpuplan.validation.maxProblems`, a plan in the first does not,
 *    and a change of the folder's settings reaches its open plans at once.
 * The first folder (where the other suites keep their files) gets no settings of its own.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activate,
  closeAll,
  codeOf,
  EXAMPLES,
  gpuplanDiagnostics,
  harness,
  inView,
  isKorean,
  open,
  provokeAndRevert,
  screenshot,
  suiteFixtures,
  toastText,
  waitForDiagnostic,
  waitForNoDiagnostic,
} from './util';
import type { GpuplanApi } from '../../../client/src/extension';

const { copyExample } = suiteFixtures(__filename);

const unagreed = (text: string): string => {
  assert.ok(text.includes('"agreed": true'));
  return text.replace('"agreed": true', '"agreed": false');
};

/** The second folder of the multi-root workspace, or undefined in a single-folder window. */
const secondFolder = (): vscode.WorkspaceFolder | undefined => {
  const folder = vscode.workspace.workspaceFolders?.[1];
  return folder?.uri.scheme === 'file' ? folder : undefined;
};

/** A plan in the second folder (its own subfolder for this suite, emptied on first use). */
let planDir: string | undefined;
function planInSecondFolder(name: string, transform: (text: string) => string): vscode.Uri {
  if (!planDir) {
    planDir = path.join(secondFolder()!.uri.fsPath, 'folder-settings');
    fs.rmSync(planDir, { recursive: true, force: true });
    fs.mkdirSync(planDir, { recursive: true });
  }
  const file = path.join(planDir, name);
  assert.ok(!fs.existsSync(file), `${name} once`);
  fs.writeFileSync(file, transform(fs.readFileSync(path.join(EXAMPLES, 'complete.gpuplan.json'), 'utf8')));
  return vscode.Uri.file(file);
}

/** What the second folder's own settings file says for `gpuplan.<key>`, as VS Code read it. */
const folderValue = (key: string): unknown => vscode.workspace.getConfiguration('gpuplan', secondFolder()!.uri).inspect(key)?.workspaceFolderValue;

/** What the workspace file says for `gpuplan.<key>` (window-scoped settings live there, not in a folder). */
const workspaceValue = (key: string): unknown => vscode.workspace.getConfiguration('gpuplan').inspect(key)?.workspaceValue;

/** Sets the `settings` of the .code-workspace file, as a user edits it, and waits until VS Code read it. */
async function writeWorkspaceSettings(settings: Record<string, unknown>, arrived: () => boolean): Promise<void> {
  const file = vscode.workspace.workspaceFile;
  assert.ok(file?.scheme === 'file', 'a multi-root workspace saved in a file');
  const workspace = JSON.parse(fs.readFileSync(file.fsPath, 'utf8')) as { settings?: Record<string, unknown> };
  fs.writeFileSync(file.fsPath, `${JSON.stringify({ ...workspace, settings }, null, 2)}\n`);
  await harness.waitFor(arrived, { timeoutMs: 15000, message: `VS Code read ${file.fsPath}` });
}

/** Writes the second folder's .vscode/settings.json, as a user edits it, and waits until VS Code read it. */
async function writeFolderSettings(settings: Record<string, unknown> | undefined, arrived: () => boolean): Promise<void> {
  const file = path.join(secondFolder()!.uri.fsPath, '.vscode', 'settings.json');
  if (settings === undefined) fs.rmSync(file, { force: true });
  else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
  }
  await harness.waitFor(arrived, { timeoutMs: 15000, message: `VS Code read ${file}` });
}

/** The text of the "gpuplan" output channel, as the Output panel shows it (an `output:` document). */
const outputText = (): string =>
  vscode.workspace.textDocuments
    .filter((d) => d.uri.scheme === 'output' && /gpuplan/i.test(decodeURIComponent(d.uri.toString())))
    .map((d) => d.getText())
    .join('\n');

describe('settings as users write them: mistyped values, per-folder rules', function () {
  this.timeout(120_000);
  let api: GpuplanApi;
  before(async function () {
    if (!secondFolder()) this.skip(); // the runner opened one folder: run it with --multi-root
    api = await activate();
  });
  after(async () => {
    if (!secondFolder()) return;
    await vscode.commands.executeCommand('workbench.action.closePanel'); // the Output panel it opened
    await writeFolderSettings(
      undefined,
      () => folderValue('rules') === undefined && folderValue('abbreviations.allowlist') === undefined && folderValue('validation.maxProblems') === undefined,
    );
    await writeWorkspaceSettings({}, () => workspaceValue('validation.delayMs') === undefined);
    await closeAll();
  });

  it('a mistyped severity, delay and allowlist are dropped with a line each in the "gpuplan" output', async () => {
    // Resource-scoped settings in the folder, the window-scoped delay in the workspace file.
    await writeFolderSettings(
      { 'gpuplan.rules': { 'pledge-missing': 'warn' }, 'gpuplan.abbreviations.allowlist': 'GPU' },
      () => folderValue('abbreviations.allowlist') === 'GPU',
    );
    await writeWorkspaceSettings({ 'gpuplan.validation.delayMs': 'fast' }, () => workspaceValue('validation.delayMs') === 'fast');
    api.client.outputChannel.show(true);
    const editor = await open(planInSecondFolder('mistyped.gpuplan.json', unagreed));
    // The checks run with the defaults: pledge-missing is an error, as if nothing were set.
    const pledge = await waitForDiagnostic(editor.document.uri, 'pledge-missing');
    assert.equal(pledge.severity, vscode.DiagnosticSeverity.Error);
    const patterns = [
      /gpuplan\.rules\.pledge-missing: expected one of error, warning, information, hint, off; got "warn"\. Ignored\./,
      /gpuplan\.validation\.delayMs: expected a number of milliseconds; got "fast"\. Using 100\./,
      /gpuplan\.abbreviations\.allowlist: expected a list of acronyms; got "GPU"\. Ignored\./,
    ];
    const found = () =>
      patterns.map((pattern) =>
        outputText()
          .split('\n')
          .find((line) => pattern.test(line)),
      );
    const lines = await harness.waitFor(() => (found().every(Boolean) ? found() : undefined), { timeoutMs: 15000 }).catch(() => undefined);
    assert.ok(lines, `the three problems in the "gpuplan" output; it has:\n${outputText().slice(-3000)}`);
    for (const line of lines) assert.match(line!, /^\[Warn/, line);
    // The window did not crash or complain: no error notification about settings.
    if (harness.browserSupported()) {
      const toasts = await toastText();
      assert.doesNotMatch(toasts, /gpuplan/i, toasts);
    }
  });

  it('with those settings, Export writes HTML and HWPX and Preview Document shows the plan', async () => {
    assert.equal(workspaceValue('validation.delayMs'), 'fast', 'still mistyped');
    assert.deepEqual(folderValue('rules'), { 'pledge-missing': 'warn' }, 'still mistyped');
    const uri = planInSecondFolder('mistyped-export.gpuplan.json', unagreed);
    const editor = await open(uri);
    for (const format of ['html', 'hwpx']) {
      const target = vscode.Uri.file(path.join(path.dirname(uri.fsPath), `mistyped.${format}`));
      // The plan is not agreed (an error: the mistyped 'warn' is dropped): Export asks before it
      // writes such a plan, so say yes up front, as the CLI's --force does.
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri, format, target, { force: true });
      assert.equal(written?.fsPath, target.fsPath, `exported ${format}`);
      const bytes = fs.readFileSync(target.fsPath);
      if (format === 'html') assert.match(bytes.toString('utf8'), /^<!DOCTYPE html>[\s\S]*한국어 법령·행정문서 특화/);
      else assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    }
    await vscode.commands.executeCommand('gpuplan.previewDocument', editor.document.uri);
    await harness.waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview), {
      message: 'a webview tab with the document',
    });
    if (!harness.browserSupported()) return;
    await harness.waitFor(async () => (await inView<string>('document', 'document.body.innerText')).some((t) => /I\s*과제 개요/.test(t)), {
      timeoutMs: 20000,
      message: 'the document preview shows the plan',
    });
  });

  it("reads gpuplan.rules per document: the second folder's rules apply to its plans only, and a change applies at once", async () => {
    await writeFolderSettings({ 'gpuplan.rules': { 'pledge-missing': 'off' } }, () => JSON.stringify(folderValue('rules')) === '{"pledge-missing":"off"}');
    const first = await open(copyExample('complete.gpuplan.json', 'first-folder.gpuplan.json', unagreed));
    const second = await open(planInSecondFolder('second-folder.gpuplan.json', unagreed));
    assert.equal(vscode.workspace.getWorkspaceFolder(first.document.uri)?.index, 0);
    assert.equal(vscode.workspace.getWorkspaceFolder(second.document.uri)?.index, 1);
    // First folder: no settings of its own, the default error. Second: the rule is off there.
    const error = await waitForDiagnostic(first.document.uri, 'pledge-missing');
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    await provokeAndRevert(second); // the server has analysed it: no diagnostic means none
    await waitForNoDiagnostic(second.document.uri, 'pledge-missing');

    // The folder's setting changes: its open plan follows without being touched.
    await writeFolderSettings(
      { 'gpuplan.rules': { 'pledge-missing': 'warning' } },
      () => JSON.stringify(folderValue('rules')) === '{"pledge-missing":"warning"}',
    );
    const warning = await waitForDiagnostic(second.document.uri, 'pledge-missing');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(
      gpuplanDiagnostics(first.document.uri).find((d) => codeOf(d) === 'pledge-missing')?.severity,
      vscode.DiagnosticSeverity.Error,
      'the plan in the first folder keeps the default',
    );
  });
  it("shows at most the folder's gpuplan.validation.maxProblems, errors first, and counts the rest in the display language", async () => {
    const mistakes = fs.readFileSync(path.join(EXAMPLES, 'mistakes.gpuplan.json'), 'utf8');
    await writeFolderSettings({ 'gpuplan.validation.maxProblems': 5 }, () => folderValue('validation.maxProblems') === 5);
    const second = await open(planInSecondFolder('second-folder-mistakes.gpuplan.json', () => mistakes));
    const shown = await harness.waitFor(
      () => {
        const all = gpuplanDiagnostics(second.document.uri);
        return all.length === 6 ? all : undefined;
      },
      { timeoutMs: 15000, message: 'five problems and the line that counts the rest' },
    );
    assert.deepEqual(
      shown.map((d) => d.severity),
      [...Array<vscode.DiagnosticSeverity>(5).fill(vscode.DiagnosticSeverity.Error), vscode.DiagnosticSeverity.Information],
      'the five errors that come first in the plan, then the count',
    );
    assert.match(
      shown[5].message,
      isKorean()
        ? /^문제 31건이 더 있으나 표시하지 않았습니다\(gpuplan\.validation\.maxProblems: 5건\)\. 위의 문제부터 고치거나 "gpuplan check"로 전체 목록을 보세요\.$/
        : /^31 more problems are not shown \(gpuplan\.validation\.maxProblems is 5\)\. Fix the ones above, or run "gpuplan check" for the full list\.$/,
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');
    await screenshot('max-problems');
    await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');
    // The first folder has no such setting: every one of the same plan's 36 problems is shown.
    const first = await open(copyExample('mistakes.gpuplan.json', 'first-folder-mistakes.gpuplan.json'));
    await harness.waitFor(() => gpuplanDiagnostics(first.document.uri).length === 36, { timeoutMs: 15000, message: 'all 36 in the first folder' });
  });
});
