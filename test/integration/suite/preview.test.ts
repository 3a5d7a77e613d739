/**
 * The live co-payment preview in a real VS Code: it opens beside the editor, follows edits of the
 * GPU request within a fraction of a second, tries other requests without touching the file,
 * writes a chosen one as one undoable edit, escapes plan text, and follows the theme.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, closeAll, harness, inView, open, replaceText, screenshot, suiteFixtures } from './util';

const { copyExample } = suiteFixtures(__filename);

const figure = async (name: string): Promise<string[]> =>
  harness.browser.evaluateInWebviews<string>(`(document.querySelector('[data-figure="${name}"]') || {}).textContent || ''`);

async function waitForFigure(name: string, pattern: RegExp, message: string, timeoutMs = 15000): Promise<void> {
  await harness.waitFor(async () => (await figure(name)).some((text) => pattern.test(text)), { timeoutMs, message });
}

async function setTheme(theme: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  await harness.waitFor(() => vscode.workspace.getConfiguration('workbench').get('colorTheme') === theme, { message: `theme ${theme}` });
}

describe('cost preview', function () {
  this.timeout(120_000);
  before(async () => {
    await activate();
  });
  after(async () => {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await closeAll();
  });

  it("shows the form's table and follows an edit of gpu.servers within a fraction of a second", async function () {
    if (!harness.browserSupported()) this.skip();
    const editor = await open(
      copyExample('complete.gpuplan.json', 'preview-live.gpuplan.json', (t) => t.replace('"task": "', '"task": "<img src=x onerror=alert(1)></script> ')),
    );
    await vscode.commands.executeCommand('gpuplan.showCostPreview', editor.document.uri.toString());
    await waitForFigure('applicable', /76,800,000원/, 'the preview shows 76,800,000원 for H200 × 4 × 6');
    await screenshot('cost-preview-light-default');

    // Plan text is shown as text: the hostile milestone task is escaped, not an element.
    const [escaped] = await harness.browser.evaluateInWebviews<{ images: number; scripts: number; shown: boolean }>(
      `({ images: document.querySelectorAll('main img').length, scripts: document.querySelectorAll('main script').length, shown: document.body.innerText.includes('<img src=x onerror=alert(1)>') })`,
    );
    assert.deepEqual(escaped, { images: 0, scripts: 0, shown: true });

    // Scrolled down, and marked: an update that reloaded the page would lose both.
    const y = 300;
    await harness.waitFor(
      async () => {
        await inView('cost', `window.scrollTo(0, ${y})`);
        return (await inView<number>('cost', 'window.scrollY')).includes(y);
      },
      { message: `the cost preview scrolled to ${y}` },
    );
    await inView('cost', 'window.gpuplanTestMark = 7');

    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const started = Date.now();
    await replaceText(editor, '"servers": 4,\n    "months": 6', '"servers": 8,\n    "months": 6');
    await waitForFigure('applicable', /153,600,000원/, 'the preview shows 153,600,000원 after servers 4 → 8', 5000);
    const elapsed = Date.now() - started;
    assert.deepEqual(
      await inView('cost', '({ y: window.scrollY, mark: window.gpuplanTestMark })'),
      [{ y, mark: 7 }],
      'updated in place, at the same scroll position',
    );
    process.stdout.write(`preview updated ${elapsed} ms after the edit (includes the poll interval of the test)\n`);
    // The target is 200 ms from keystroke to panel; the poll and the remote browser round trip add
    // to what this measures, so the assertion allows for them.
    assert.ok(elapsed < 1500, `updated after ${elapsed} ms`);
    const texts = await harness.browser.evaluateInWebviews<string>('document.body.innerText');
    assert.ok(
      texts.some((t) => /적격성 심사|on-site eligibility review/.test(t)),
      'the on-site review notice for 8 servers',
    );
  });

  it('tries another request without touching the file, then writes it as one undoable edit', async function () {
    if (!harness.browserSupported()) this.skip();
    const editor = await open(copyExample('complete.gpuplan.json', 'preview-whatif.gpuplan.json'));
    await vscode.commands.executeCommand('gpuplan.showCostPreview', editor.document.uri.toString());
    await waitForFigure('applicable', /76,800,000원/, 'the preview of the what-if plan');
    const before = editor.document.getText();

    await harness.browser.evaluateInWebviews(
      `(() => { const f = document.getElementById('whatif'); if (!f) return false; f.elements.type.value = 'B200'; f.elements.servers.value = '3'; f.elements.months.value = '5'; f.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`,
    );
    await waitForFigure('whatif', /96,000,000원/, 'the what-if result for B200 × 3 × 5 = 96,000,000원');
    assert.equal(editor.document.getText(), before, 'trying a request does not touch the file');
    await screenshot('cost-preview-whatif');

    await harness.browser.evaluateInWebviews(`(() => { const b = document.getElementById('apply'); if (b) b.click(); return !!b; })()`);
    await harness.waitFor(() => /"type": "B200"/.test(editor.document.getText()), { message: 'the request is written into the plan' });
    const written = JSON.parse(editor.document.getText()) as { gpu?: unknown; gpuPlan?: { copayment?: { totalWon?: unknown } } };
    assert.deepEqual(written.gpu, { type: 'B200', servers: 3, months: 5 });
    assert.equal(written.gpuPlan?.copayment?.totalWon, 96_000_000, 'the declared co-payment follows');
    await waitForFigure('applicable', /96,000,000원/, 'the panel shows the new request');

    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('undo');
    await harness.waitFor(() => editor.document.getText() === before, { message: 'one undo restores the file' });
  });

  it('follows the theme (light, dark, high contrast)', async function () {
    if (!harness.browserSupported()) this.skip();
    const editor = await open(copyExample('complete.gpuplan.json', 'preview-theme.gpuplan.json'));
    await vscode.commands.executeCommand('gpuplan.showCostPreview', editor.document.uri.toString());
    await waitForFigure('applicable', /76,800,000원/, 'the preview of the theme plan');
    const background = async () => (await harness.browser.evaluateInWebviews<string>('getComputedStyle(document.body).backgroundColor'))[0];
    const shots: Record<string, string> = {};
    for (const [name, theme] of [
      ['light', 'Default Light Modern'],
      ['dark', 'Default Dark Modern'],
      ['hc', 'Default High Contrast'],
    ] as const) {
      await setTheme(theme);
      const previous = Object.values(shots);
      shots[name] = await harness.waitFor(
        async () => {
          const color = await background();
          return color && !previous.includes(color) ? color : undefined;
        },
        { message: `the webview background changes with ${theme}` },
      );
      await screenshot(`cost-preview-${name}`);
    }
    assert.equal(new Set(Object.values(shots)).size, 3, JSON.stringify(shots));
  });
});
