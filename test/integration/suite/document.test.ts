/**
 * The plan as a document inside VS Code: Export writes the form's layout and never replaces a
 * file without asking; Preview Document follows the plan as it is edited.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, closeAll, harness, open, replaceText, screenshot, suiteFixtures } from './util';

const { copyExample, scratchDir } = suiteFixtures(__filename);

describe('document export and preview', function () {
  this.timeout(120_000);
  before(async () => {
    await activate();
  });
  after(closeAll);

  it('exports DOCX and HWPX, and does not replace an existing file without asking', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'export.gpuplan.json'));
    for (const format of ['docx', 'hwpx']) {
      const target = vscode.Uri.file(path.join(scratchDir(), `export.${format}`));
      fs.rmSync(target.fsPath, { force: true });
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri, format, target);
      assert.equal(written?.fsPath, target.fsPath);
      const bytes = fs.readFileSync(target.fsPath);
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', `${format} is a zip package`);
    }
    // A second export to the same file asks first; unanswered (tests refuse dialogs), nothing is written.
    const target = vscode.Uri.file(path.join(scratchDir(), 'export.docx'));
    fs.writeFileSync(target.fsPath, 'keep me');
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri, 'docx', target);
    assert.equal(again, undefined);
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), 'keep me');
  });

  it('previews the plan as the form and follows edits', async function () {
    const editor = await open(copyExample('complete.gpuplan.json', 'document-preview.gpuplan.json'));
    await vscode.commands.executeCommand('gpuplan.previewDocument', editor.document.uri);
    await harness.waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview), { message: 'a webview tab with the document' });
    if (!harness.browserSupported()) return;
    const bodies = () => harness.browser.evaluateInWebviews<string>("document.body ? document.body.innerText : ''");
    await harness.waitFor(async () => (await bodies()).some((t) => /I\s*과제 개요/.test(t) && /76,800,000원/.test(t)), { timeoutMs: 20000, message: 'the document shows chapter I and the co-payment' });
    const [scripts] = await harness.browser.evaluateInWebviews<number>("document.querySelectorAll('main script, body > script:not([src])').length");
    assert.equal(scripts, 0);
    await screenshot('document-preview');
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await replaceText(editor, '"projectTitle": "', '"projectTitle": "미리보기 갱신 확인: ');
    await harness.waitFor(async () => (await bodies()).some((t) => t.includes('미리보기 갱신 확인')), { timeoutMs: 10000, message: 'the preview follows the edit' });
  });
});
