/**
 * Both previews come back after a window reload (Developer: Reload Window, or the browser
 * reloading code-server): VS Code restores their panels, activates the extension for them
 * (`onWebviewPanel:*`), and the panel serializers show the plan each page saved, scrolled where
 * it was, even with the plan's own editor closed.
 *
 * Two phases (see reloadPhase in util.ts and test/integration/index.cjs): before the reload the
 * previews are opened and scrolled, the plan's editor is closed; the window reloads; after it,
 * a new extension host checks what VS Code brought back.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, harness, inView, isKorean, open, reloadPhase, replaceText, screenshot, suiteFixtures, webviewTabs } from './util';

const { copyExample, existing } = suiteFixtures(__filename);
const PLAN = 'restored.gpuplan.json';
/** Where the document preview is scrolled before the reload. */
const SCROLL_Y = 900;

const phase = reloadPhase();

describe('previews after a window reload', function () {
  this.timeout(120_000);

  if (phase !== 'after') {
    it("before the reload: the document preview scrolled down and the cost preview, the plan's editor closed", async function () {
      if (phase === 'none') this.skip(); // this runner cannot reload the window
      await activate();
      const uri = copyExample('complete.gpuplan.json', PLAN);
      const editor = await open(uri);
      await vscode.commands.executeCommand('gpuplan.previewDocument', uri);
      await harness.waitFor(async () => (await inView<string>('document', 'document.body.innerText')).some((t) => /I\s*과제 개요/.test(t)), {
        timeoutMs: 20000,
        message: 'the document preview shows the plan',
      });
      // The cost preview in a third column, so that both are visible (and restored at once).
      await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
      await vscode.commands.executeCommand('gpuplan.showCostPreview', uri.toString());
      await harness.waitFor(
        async () =>
          (await inView<string>('cost', "(document.querySelector('[data-figure=\"applicable\"]') || {}).textContent || ''")).some((t) =>
            /76,800,000원/.test(t),
          ),
        { timeoutMs: 20000, message: 'the cost preview shows 76,800,000원' },
      );
      assert.equal(webviewTabs('gpuplan.documentPreview').length, 1);
      assert.equal(webviewTabs('gpuplan.costPreview').length, 1);

      // The plan's editor closes: after the reload only the previews can bring the plan back.
      await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await harness.waitFor(() => !vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()), {
        message: "the plan's editor closed",
      });
      // Scrolled once the columns are laid out (a narrower column would move the page's anchor).
      await harness.waitFor(() => vscode.window.tabGroups.all.length === 2, { message: 'two columns left: the previews' });
      await harness.waitFor(
        async () => {
          await inView('document', `window.scrollTo(0, ${SCROLL_Y})`);
          return (await inView<number>('document', 'window.scrollY')).includes(SCROLL_Y);
        },
        { message: `the document preview scrolled to ${SCROLL_Y}` },
      );
      await screenshot('previews-before-reload');
    });
    return;
  }

  const uri = existing(PLAN);

  it('VS Code restores both panels and activates the extension for them', async () => {
    const extension = vscode.extensions.getExtension('gpuplan.gpuplan');
    assert.ok(extension);
    // No editor of a plan came back, so only the panels' activation events can start us.
    await harness.waitFor(() => extension.isActive, { timeoutMs: 30000, message: 'the extension activated by the restored panels' });
    await harness.waitFor(() => webviewTabs('gpuplan.documentPreview').length === 1 && webviewTabs('gpuplan.costPreview').length === 1, {
      timeoutMs: 30000,
      message: 'both preview tabs restored',
    });
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()), "the plan's editor stayed closed");
  });

  it('the document preview shows the plan again, where it was scrolled, under its title', async function () {
    if (!harness.browserSupported()) this.skip();
    await harness.waitFor(
      async () => (await inView<string>('document', 'document.body.innerText')).some((t) => /I\s*과제 개요/.test(t) && /76,800,000원/.test(t)),
      { timeoutMs: 30000, message: 'the restored document preview shows the plan' },
    );
    const scrolled = await harness
      .waitFor(async () => (await inView<number>('document', 'window.scrollY')).includes(SCROLL_Y), { timeoutMs: 10000 })
      .catch(() => false);
    if (!scrolled) assert.deepEqual(await inView<number>('document', 'window.scrollY'), [SCROLL_Y], 'scrolled as before the reload');
    const [tab] = webviewTabs('gpuplan.documentPreview');
    assert.equal(tab.label, `${isKorean() ? '문서' : 'Document'}: ${PLAN}`);
  });

  it("the cost preview shows the plan's figures again", async function () {
    if (!harness.browserSupported()) this.skip();
    await harness.waitFor(
      async () =>
        (await inView<string>('cost', "(document.querySelector('[data-figure=\"applicable\"]') || {}).textContent || ''")).some((t) => /76,800,000원/.test(t)),
      { timeoutMs: 30000, message: 'the restored cost preview shows 76,800,000원' },
    );
    const [tab] = webviewTabs('gpuplan.costPreview');
    assert.equal(tab.label, `${isKorean() ? '비용' : 'Cost'}: ${PLAN}`);
    await screenshot('previews-after-reload');
  });

  it('the restored previews follow the plan again when it is edited', async function () {
    if (!harness.browserSupported()) this.skip();
    await activate();
    // Beside both previews, so that they stay visible.
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.Three, preview: false });
    await replaceText(editor, '"projectTitle": "', '"projectTitle": "다시 열린 뒤 고침: ');
    await replaceText(editor, '"servers": 4,\n    "months": 6', '"servers": 8,\n    "months": 6');
    await harness.waitFor(async () => (await inView<string>('document', 'document.body.innerText')).some((t) => t.includes('다시 열린 뒤 고침')), {
      timeoutMs: 15000,
      message: 'the restored document preview follows the edit',
    });
    await harness.waitFor(
      async () =>
        (await inView<string>('cost', "(document.querySelector('[data-figure=\"applicable\"]') || {}).textContent || ''")).some((t) => /153,600,000원/.test(t)),
      { timeoutMs: 15000, message: 'the restored cost preview follows the edit' },
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
