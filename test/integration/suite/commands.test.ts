/**
 * Client commands: Insert Section (from a quick fix with arguments, and through the quick pick),
 * New Plan, and what the editor offers from the server (completion, hover).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { applyEdits, modify, parse as parseJsonc, type ParseError } from 'jsonc-parser';
import {
  activate,
  applyCodeAction,
  closeAll,
  codeActionsAt,
  codeOf,
  gpuplanDiagnostics,
  harness,
  isKorean,
  open,
  positionOf,
  provokeAndRevert,
  screenshot,
  suiteFixtures,
  waitForDiagnostic,
  waitForNoDiagnostic,
} from './util';

const { copyExample } = suiteFixtures(__filename);

const withoutKeys =
  (...keys: string[]) =>
  (text: string): string =>
    keys.reduce((t, key) => applyEdits(t, modify(t, [key], undefined, { formattingOptions: { insertSpaces: true, tabSize: 2 } })), text);

function parseStrict(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false }) as Record<string, unknown>;
  assert.deepEqual(errors, [], 'the plan is valid JSON');
  return value;
}

/** Runs a command that opens a quick pick, accepting the first (active) item as soon as the pick is there. */
async function runAcceptingFirstPick<T>(command: string, onOpen?: () => Promise<unknown>): Promise<T | undefined> {
  let settled = false;
  const running = Promise.resolve(vscode.commands.executeCommand<T>(command)).finally(() => {
    settled = true;
  });
  if (harness.browserSupported()) {
    await harness.waitFor(
      () =>
        harness.browser.evaluate<boolean>(
          "!!document.querySelector('.quick-input-widget') && document.querySelector('.quick-input-widget').style.display !== 'none' && document.querySelectorAll('.quick-input-list .monaco-list-row').length > 0",
        ),
      { message: 'quick pick visible' },
    );
    await onOpen?.();
  }
  await harness.waitFor(
    async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    },
    { message: `${command} finished after accepting the first pick` },
  );
  return running;
}

describe('gpuplan: commands', () => {
  before(async () => {
    await activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('leaveSnippet');
    await closeAll();
  });

  it('contributes its commands; Apply Snippet stays internal', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['gpuplan.insertSection', 'gpuplan.newPlan', 'gpuplan.applySnippet', 'gpuplan.restartServer', 'gpuplan.showCostPreview']) {
      assert.ok(commands.includes(command), command);
    }
    const manifest = vscode.extensions.getExtension('gpuplan.gpuplan')!.packageJSON as {
      contributes: { menus: { commandPalette: Array<{ command: string; when: string }> } };
    };
    assert.deepEqual(
      manifest.contributes.menus.commandPalette.find((m) => m.command === 'gpuplan.applySnippet'),
      { command: 'gpuplan.applySnippet', when: 'false' },
    );
  });

  it("Insert Section from the quick fix of a missing section inserts valid JSON at the form's place", async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'insert-fix.gpuplan.json', withoutKeys('overview')));
    const uri = editor.document.uri;
    const missing = await harness.waitFor(() => gpuplanDiagnostics(uri).find((d) => codeOf(d) === 'schema' && d.message.includes('overview')), {
      timeoutMs: 15000,
      message: 'a schema diagnostic for the missing overview',
    });
    const actions = await codeActionsAt(uri, missing.range);
    const insert = actions.find((a) => a.command?.command === 'gpuplan.insertSection');
    assert.ok(insert?.command, `an Insert quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.deepEqual(insert.command.arguments, [uri.toString(), [], 'overview']);

    assert.equal(await applyCodeAction(insert), true);
    await vscode.commands.executeCommand('leaveSnippet');

    const plan = parseStrict(editor.document.getText());
    const keys = Object.keys(plan);
    assert.ok(keys.includes('overview'), 'overview inserted');
    assert.equal(keys.indexOf('overview'), keys.indexOf('summary') + 1, `after 요약서 and before II: ${keys.join(', ')}`);
    assert.equal(keys.indexOf('mainContent'), keys.indexOf('overview') + 1);
    // The inserted lines use the file's own 2-space indentation.
    assert.match(editor.document.getText(), /\n {2}"overview": \{\n {4}"goal": \{\n {6}"content": /);
    await waitForNoDiagnostic(uri, 'syntax');
    await harness.waitFor(() => !gpuplanDiagnostics(uri).some((d) => d.message.includes('"overview"')), { message: 'the missing-section diagnostic is gone' });
  });

  it('Insert Section with arguments reveals a section that exists instead of inserting it twice', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'insert-existing.gpuplan.json'));
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('gpuplan.insertSection', editor.document.uri.toString(), [], 'schedule'), true);
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.selection.active.line, positionOf(editor.document, '"schedule":').line);
  });

  it('Insert Section… offers the missing sections first in a quick pick and inserts the chosen one', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'insert-pick.gpuplan.json', withoutKeys('summary', 'staff')));
    const uri = editor.document.uri;
    await waitForDiagnostic(uri, 'schema');

    // Missing ones come first, in the form's order: 요약서 (summary) before 붙임0 (staff).
    const inserted = await runAcceptingFirstPick<boolean>('gpuplan.insertSection', () => screenshot('insert-section-pick'));
    assert.equal(inserted, true);
    await vscode.commands.executeCommand('leaveSnippet');

    const keys = Object.keys(parseStrict(editor.document.getText()));
    assert.ok(keys.includes('summary') && !keys.includes('staff'), keys.join(', '));
    assert.equal(keys.indexOf('summary'), keys.indexOf('pledge') + 1, 'summary right after the cover sheet');
    await waitForNoDiagnostic(uri, 'syntax');
  });

  it('New Plan opens an unsaved *.gpuplan.json with the skeleton, and saving keeps that name', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('gpuplan.newPlan');
    assert.ok(editor);
    const document = editor.document;
    assert.equal(vscode.window.activeTextEditor?.document, document);
    assert.equal(document.languageId, 'gpuplan');
    assert.equal(document.uri.scheme, 'untitled');
    assert.ok(document.isDirty && document.isUntitled);
    assert.match(path.basename(document.uri.path), isKorean() ? /^새 계획서( \d+)?\.gpuplan\.json$/ : /^New plan( \d+)?\.gpuplan\.json$/);
    const plan = parseStrict(document.getText());
    assert.equal(plan.formVersion, '2025-12');
    assert.ok(!('$schema' in plan), "no repository-relative $schema in a user's file");
    assert.ok(editor.selection.active.isEqual(positionOf(document, '"projectTitle": "', '"projectTitle": "'.length)), 'cursor in the title');
    // Nothing on disk until the user saves.
    const target = vscode.Uri.file(document.uri.path);
    assert.ok(!fs.existsSync(target.fsPath), `${target.fsPath} not written yet`);

    const saved = await vscode.workspace.save(document.uri);
    assert.ok(saved, 'saved without a dialog');
    try {
      assert.equal(saved.scheme, 'file');
      assert.equal(saved.path, document.uri.path, 'saved under the suggested name');
      assert.ok(fs.existsSync(saved.fsPath));
      parseStrict(fs.readFileSync(saved.fsPath, 'utf8'));
      const reopened = await vscode.workspace.openTextDocument(saved);
      assert.equal(reopened.languageId, 'gpuplan');
    } finally {
      await closeAll();
      fs.rmSync(saved.fsPath, { force: true });
    }
  });

  it('the co-payment CodeLens runs a registered command that opens the cost preview', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'preview.gpuplan.json'));
    const lenses = await harness.waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[] | undefined>('vscode.executeCodeLensProvider', editor.document.uri);
        return found?.length ? found : undefined;
      },
      { timeoutMs: 15000, message: 'a CodeLens from the server' },
    );
    const command = lenses.find((l) => l.command?.command === 'gpuplan.showCostPreview')?.command;
    assert.ok(command, `lenses: ${lenses.map((l) => l.command?.command).join(', ')}`);
    assert.ok((await vscode.commands.getCommands(true)).includes(command.command), 'the client registered it');
    await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
    await harness.waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview), {
      message: 'a webview tab with the preview',
    });
    if (harness.browserSupported()) {
      await harness.waitFor(
        async () => {
          const texts = await harness.browser.evaluateInWebviews<string>("document.body ? document.body.innerText : ''");
          return texts.some((text) => /76,800,000/.test(text));
        },
        { timeoutMs: 15000, message: 'the preview shows the co-payment of the example (76,800,000원)' },
      );
    }
    await screenshot('cost-preview');
  });

  it('completes the values of gpu.type and hovers gpu.servers', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'complete-hover.gpuplan.json', (t) => t.replace('"type": "H200"', '"type": "GPU"')));
    const uri = editor.document.uri;
    // Inside the value of gpu.type (applicant.type comes first in the file).
    const at = positionOf(editor.document, '"type": "GPU"', '"type": "'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.some((l) => l.includes('H200')) && labels.some((l) => l.includes('B200')), `H200 and B200 among ${labels.join(', ')}`);

    const servers = positionOf(editor.document, '"servers"', 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, servers);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- reads the { language, value } form still in the API's type; writes none
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /서버 수/, `hover names the form's field: ${text}`);
  });

  it('screenshots: squiggles with a hover, then the completion list', async function () {
    this.timeout(120000);
    const editor = await open(
      copyExample('complete.gpuplan.json', 'screenshot.gpuplan.json', (t) =>
        t.replace('"servers": 4', '"servers": 40').replace('"necessity": [\n', '"necessity": [\n      "향후 해외 시장 진출도 추진할 수도 있다.",\n'),
      ),
    );
    const uri = editor.document.uri;
    await waitForDiagnostic(uri, 'gpu-servers-range');
    await waitForDiagnostic(uri, 'vague-expression');

    const servers = positionOf(editor.document, '"servers": 40', '"servers": '.length + 1);
    editor.selection = new vscode.Selection(servers, servers);
    editor.revealRange(new vscode.Range(servers, servers), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    if (harness.browserSupported()) {
      await harness.waitFor(
        () =>
          harness.browser.evaluate<boolean>(
            "[...document.querySelectorAll('.monaco-hover')].some((h) => h.offsetParent !== null && h.textContent.length > 20)",
          ),
        { message: 'hover visible' },
      );
    }
    const hoverShot = await screenshot('hover-and-squiggles');

    if (harness.browserSupported()) await harness.browser.press('Escape');
    const type = positionOf(editor.document, '"type": "H200"', '"type": '.length);
    await editor.edit((edit) => {
      edit.replace(new vscode.Range(type, type.translate(0, '"H200"'.length)), '');
    });
    editor.selection = new vscode.Selection(type, type);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    if (harness.browserSupported()) {
      await harness.waitFor(
        () =>
          harness.browser.evaluate<boolean>("[...document.querySelectorAll('.suggest-widget .monaco-list-row')].some((r) => r.textContent.includes('H200'))"),
        { message: 'suggest widget with H200' },
      );
    }
    const suggestShot = await screenshot('completion');
    await vscode.commands.executeCommand('hideSuggestWidget');
    if (hoverShot === false || suggestShot === false) this.skip();
    // Keep the probe honest: the server still answers after all this.
    await provokeAndRevert(editor);
  });
});
