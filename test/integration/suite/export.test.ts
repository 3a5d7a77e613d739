/**
 * Export in VS Code as a user meets it: the findings page only when chosen, a plan with errors
 * exported only when confirmed, the PDF tool from the machine-scoped setting (never a
 * workspace's), and after the export the actions that work in this window — code-server is a
 * remote and web window, where Open (openExternal of a file: URI) would open nothing, so it
 * offers Reveal in Explorer and Download.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import JSZip from 'jszip';
import { activate, closeAll, harness, isKorean, open, screenshot, suiteFixtures, waitForDiagnostic } from './util';

const fixtures = suiteFixtures(__filename);
const copyExample = fixtures.copyExample.bind(fixtures);
const scratchDir = fixtures.scratchDir.bind(fixtures);

const label = (en: string, ko: string) => (isKorean() ? ko : en);

/** The text of a DOCX's main part. */
/** The text of a DOCX's body: its runs joined (the DOCX cuts text into runs by language). */
async function documentText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
}

/** The buttons of the notification toast that mentions `text` (other suites' toasts may still be shown). */
const toastButtons = (text: string): Promise<string[]> =>
  harness.browser.evaluate<string[]>(
    `[...document.querySelectorAll('.notifications-toasts .notification-toast')].filter((t) => t.textContent.includes(${JSON.stringify(text)})).flatMap((t) => [...t.querySelectorAll('.monaco-button')].map((b) => b.textContent.trim()))`,
  );

/** The quick input now shown: its placeholder or title, and its items. */
const quickInput = (): Promise<{ visible: boolean; text: string; items: string[] }> =>
  harness.browser.evaluate(
    "(() => { const w = document.querySelector('.quick-input-widget'); const visible = !!w && w.style.display !== 'none' && w.offsetParent !== null; const input = w && w.querySelector('input'); return { visible, text: (w && w.querySelector('.quick-input-title') ? w.querySelector('.quick-input-title').textContent : '') + ' ' + (input ? input.getAttribute('placeholder') || '' : ''), items: w ? [...w.querySelectorAll('.monaco-list-row')].map((r) => (r.querySelector('.label-name') || {}).textContent) : [] }; })()",
  );

/** A browser that prints instantly: it writes a minimal PDF where --print-to-pdf says. */
function fakePrinter(): string {
  const file = path.join(scratchDir(), 'fake-chromium');
  fs.writeFileSync(
    file,
    '#!/bin/sh\nfor a in "$@"; do case "$a" in --print-to-pdf=*) printf \'%%PDF-1.4\\n%% fake printer\\n%%%%EOF\\n\' > "${a#--print-to-pdf=}";; esac; done\n',
    { mode: 0o755 },
  );
  return file;
}

describe('export', function () {
  this.timeout(180_000);
  before(async () => {
    await activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  after(closeAll);

  it('in a remote or web window offers Reveal in Explorer and Download after Export, not Open', async function () {
    assert.ok(
      vscode.env.remoteName !== undefined || vscode.env.uiKind === vscode.UIKind.Web,
      `code-server is a remote web window (remoteName ${vscode.env.remoteName}, uiKind ${vscode.env.uiKind})`,
    );
    if (!harness.browserSupported()) this.skip();
    await vscode.commands.executeCommand('notifications.clearAll');
    const editor = await open(copyExample('complete.gpuplan.json', 'remote.gpuplan.json'));
    const target = vscode.Uri.file(path.join(scratchDir(), 'remote.docx'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri, 'docx', target);
    assert.equal(written?.fsPath, target.fsPath);
    const buttons = await harness.waitFor(
      async () => {
        const shown = await toastButtons('remote.docx');
        return shown.length > 0 ? shown : undefined;
      },
      { message: 'the notification after the export' },
    );
    assert.deepEqual(buttons, [label('Reveal in Explorer', '탐색기에서 보기'), label('Download', '내려받기')]);
    await screenshot('export-remote-actions', { notifications: true }); // the toast is the subject, and is clicked next
    // Reveal in Explorer selects the file in the Explorer.
    await harness.browser.evaluate(
      `[...document.querySelectorAll('.notifications-toasts .notification-toast')].find((t) => t.textContent.includes('remote.docx')).querySelector('.monaco-button').click()`,
    );
    await harness.waitFor(
      async () =>
        (
          await harness.browser.evaluate<string[]>(
            "[...document.querySelectorAll('.explorer-folders-view .monaco-list-row.selected, .explorer-folders-view .monaco-list-row.focused')].map((r) => r.textContent)",
          )
        ).some((t) => t.includes('remote.docx')),
      { message: 'remote.docx selected in the Explorer' },
    );
    await screenshot('export-revealed');
  });

  it('a plan with errors is exported only when confirmed (a dialog that cannot be shown is a no)', async () => {
    const editor = await open(copyExample('mistakes.gpuplan.json', 'errors.gpuplan.json'));
    await waitForDiagnostic(editor.document.uri, 'registration-number-checksum');
    const target = vscode.Uri.file(path.join(scratchDir(), 'errors.docx'));
    assert.equal(await vscode.commands.executeCommand('gpuplan.export', editor.document.uri, 'docx', target), undefined);
    assert.equal(fs.existsSync(target.fsPath), false, 'nothing written');
    const forced = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri, 'docx', target, { force: true });
    assert.equal(forced?.fsPath, target.fsPath);
    assert.doesNotMatch(await documentText(target.fsPath), /점검 결과 \(양식 외/, 'no findings page unless asked for');
    const review = vscode.Uri.file(path.join(scratchDir(), 'errors-review.docx'));
    await vscode.commands.executeCommand('gpuplan.export', editor.document.uri, 'docx', review, { force: true, includeFindings: true });
    assert.match(await documentText(review.fsPath), /점검 결과 \(양식 외, gpuplan\) \d+건/);
  });

  it('asks whether to add the findings page, and adds it only when chosen', async function () {
    if (!harness.browserSupported()) this.skip();
    const editor = await open(
      copyExample('complete.gpuplan.json', 'picks.gpuplan.json', (t) => t.replace('"necessity": [', '"necessity": ["다국어 지원 검토 중", ')),
    );
    await waitForDiagnostic(editor.document.uri, 'vague-expression');
    const target = path.join(scratchDir(), 'picks.docx');
    const exported = vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri);
    const accept = async (want: RegExp, next = 0) => {
      const shown = await harness.waitFor(
        async () => {
          const q = await quickInput();
          return q.visible && want.test(q.text) ? q : undefined;
        },
        { message: `the quick pick ${want}` },
      );
      for (let i = 0; i < next; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      return shown;
    };
    const formats = await accept(new RegExp(label('Choose the format of the document', '문서 형식')));
    assert.ok(formats.items.includes('DOCX') && formats.items.includes('PDF'), formats.items.join());
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const findings = await accept(new RegExp(label('Add the open findings to the document', '남은 점검 결과를 문서에 붙일까요')), 1);
    assert.deepEqual(findings.items, [label('Document only', '문서만'), label('Document with the open findings', '남은 점검 결과를 붙인 문서')]);
    await screenshot('export-findings-pick');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    // The save dialog (code-server's simple file dialog) proposes the plan's name: accept it.
    await harness.waitFor(
      async () => {
        const q = await quickInput();
        return q.visible && !/DOCX|문서만/.test(q.items.join()) ? true : undefined;
      },
      { message: 'the save dialog' },
    );
    await harness.browser.press('Enter');
    const written = await exported;
    assert.equal(written?.fsPath, target);
    assert.match(await documentText(target), /점검 결과 \(양식 외, gpuplan\) 1건/);
  });

  it("uses the PDF tool of the user's settings, never one a workspace names", async function () {
    if (process.platform === 'win32') this.skip();
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!workspace || workspace.scheme !== 'file') this.skip();
    const editor = await open(copyExample('complete.gpuplan.json', 'pdf.gpuplan.json'));
    const printer = fakePrinter();
    const settingsFile = path.join(workspace.fsPath, '.vscode', 'settings.json');
    const config = () => vscode.workspace.getConfiguration('gpuplan');
    // The folder's own value of a resource-scoped setting: in a multi-root window (as the runner
    // opens) a folder's settings file is a folder value, and window-scoped settings there are ignored.
    const folderMarker = (): string | undefined => {
      const seen = vscode.workspace.getConfiguration('gpuplan', workspace).inspect<string[]>('abbreviations.allowlist');
      const value = seen?.workspaceFolderValue ?? seen?.workspaceValue;
      return value === undefined ? undefined : JSON.stringify(value);
    };
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    // A workspace (a cloned repository) names a program; a resource-scoped value tells when VS Code has read the file.
    fs.writeFileSync(settingsFile, JSON.stringify({ 'gpuplan.export.pdfBrowser': printer, 'gpuplan.abbreviations.allowlist': ['ZQXW'] }));
    try {
      await harness.waitFor(() => folderMarker() === '["ZQXW"]', { message: 'the workspace settings were read' });
      const fromWorkspace = vscode.Uri.file(path.join(scratchDir(), 'workspace.pdf'));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri, 'pdf', fromWorkspace);
      assert.equal(written?.fsPath, fromWorkspace.fsPath, 'exported with a tool found on the machine');
      const bytes = fs.readFileSync(fromWorkspace.fsPath, 'latin1');
      assert.match(bytes, /^%PDF-/);
      assert.doesNotMatch(bytes, /fake printer/, "the workspace's program was not run");
      // The user's own setting is used.
      await config().update('export.pdfBrowser', printer, vscode.ConfigurationTarget.Global);
      await harness.waitFor(() => config().inspect('export.pdfBrowser')?.globalValue === printer, { message: 'the user setting' });
      const fromUser = vscode.Uri.file(path.join(scratchDir(), 'user.pdf'));
      await vscode.commands.executeCommand('gpuplan.export', editor.document.uri, 'pdf', fromUser);
      assert.match(fs.readFileSync(fromUser.fsPath, 'latin1'), /fake printer/, "the user's program made the PDF");
    } finally {
      await config().update('export.pdfBrowser', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
      await harness.waitFor(() => folderMarker() === undefined, { message: 'the workspace settings are gone' });
    }
  });
});
