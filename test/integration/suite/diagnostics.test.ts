/**
 * The language server seen from a real editor: language association, diagnostics while editing,
 * quick fixes (plain edits and snippets), and settings applied without a reload.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
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
  replaceText,
  setSetting,
  suiteFixtures,
  waitForDiagnostic,
  waitForNoDiagnostic,
} from './util';

const { copyExample } = suiteFixtures(__filename);

describe('gpuplan: language and diagnostics', () => {
  before(async () => {
    await activate();
  });
  afterEach(async () => {
    await closeAll();
  });

  it('opens *.gpuplan.json as language gpuplan, with the extension active', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'language.gpuplan.json'));
    assert.equal(editor.document.languageId, 'gpuplan');
    assert.ok(vscode.extensions.getExtension('gpuplan.gpuplan')?.isActive);
  });

  it('has no comment toggling (plain JSON) and auto-closes brackets and quotes', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'language-config.gpuplan.json'));
    const before = editor.document.getText();
    const line = positionOf(editor.document, '"servers": 4').line;
    editor.selection = new vscode.Selection(line, 4, line, 4);
    await vscode.commands.executeCommand('editor.action.commentLine');
    await vscode.commands.executeCommand('editor.action.blockComment');
    assert.equal(editor.document.getText(), before, 'Toggle Comment does not insert // or /* */');

    const end = editor.document.lineAt(line).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: ' ' });
    await vscode.commands.executeCommand('type', { text: '[' });
    assert.equal(editor.document.lineAt(line).text.slice(-3), ' []', 'auto-closed [');
  });

  it('shows no problems for examples/complete.gpuplan.json once the server has answered', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'clean.gpuplan.json'));
    await provokeAndRevert(editor);
    await waitForNoDiagnostic(editor.document.uri);
    assert.deepEqual(gpuplanDiagnostics(editor.document.uri), []);
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri), [], 'and nobody else reports problems in it (no duplicate JSON validation)');
  });

  it('raises gpu-servers-range on the line of gpu.servers after an edit, in the display language', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'servers.gpuplan.json'));
    const uri = editor.document.uri;
    const value = positionOf(editor.document, '"servers": 4', '"servers": '.length);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(value, value.translate(0, 1)), '40');
    assert.ok(await vscode.workspace.applyEdit(edit));

    const diagnostic = await waitForDiagnostic(uri, 'gpu-servers-range');
    assert.equal(diagnostic.range.start.line, value.line, 'on the servers line');
    assert.equal(editor.document.getText(diagnostic.range), '40', 'at the value');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    if (isKorean()) assert.match(diagnostic.message, /[가-힣]/, 'Korean message for a Korean display language');
    else assert.match(diagnostic.message, /server/i, 'English message');
  });

  it('applies the quick fix of gpu-servers-range and the problem disappears', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'fix.gpuplan.json', (t) => t.replace('"servers": 4', '"servers": 40')));
    const uri = editor.document.uri;
    const diagnostic = await waitForDiagnostic(uri, 'gpu-servers-range');

    const actions = await codeActionsAt(uri, diagnostic.range);
    // The editor's own API may drop `diagnostics` of returned actions: fall back to the preferred fix.
    const fix =
      actions.find((a) => a.diagnostics?.some((d) => codeOf(d) === 'gpu-servers-range')) ??
      actions.find((a) => a.isPreferred && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix, `a quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    await applyCodeAction(fix);

    await waitForNoDiagnostic(uri, 'gpu-servers-range');
    assert.match(editor.document.getText(), /"servers": 32,/, 'the nearest allowed value');
  });

  it('applies a snippet quick fix through gpuplan.applySnippet, and refuses one computed for an older version', async () => {
    const vague = '향후 해외 시장 진출도 추진할 수도 있다.';
    const editor = await open(
      copyExample('complete.gpuplan.json', 'vague.gpuplan.json', (t) => t.replace('"necessity": [\n', `"necessity": [\n      "${vague}",\n`)),
    );
    const uri = editor.document.uri;
    const diagnostic = await waitForDiagnostic(uri, 'vague-expression');
    assert.equal(editor.document.getText(diagnostic.range), '추진할 수도 있다');

    const actions = await codeActionsAt(uri, diagnostic.range);
    const fix = actions.find((a) => a.command?.command === 'gpuplan.applySnippet');
    assert.ok(fix?.command, `a snippet fix among: ${actions.map((a) => `${a.title} (${a.command?.command ?? 'edit'})`).join(' | ')}`);

    // The same fix for a version the document no longer has: refused, nothing changes.
    const [args] = fix.command.arguments as [{ version: number }];
    const stale = { ...args, version: args.version - 1 };
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('gpuplan.applySnippet', stale), false);
    assert.equal(editor.document.getText(), before);

    assert.equal(await applyCodeAction(fix), true);
    await vscode.commands.executeCommand('leaveSnippet');
    // The firm wording, with tab stops for the deadline and the quantity (vague-expression's snippet).
    assert.match(
      editor.document.getText(),
      /추진(한다|함)\([^)]*까지, [^)]*\)/,
      `the firm wording replaced the vague one: ${
        editor.document
          .getText()
          .split('\n')
          .find((l) => l.includes('해외 시장')) ?? '(no line)'
      }`,
    );
    assert.ok(!editor.document.getText().includes(vague));
    await waitForNoDiagnostic(uri, 'vague-expression');

    // One undoable edit: a single undo restores the vague sentence.
    await vscode.commands.executeCommand('undo');
    await harness.waitFor(() => editor.document.getText().includes(vague), { message: 'undo restores the original text' });
  });

  it('applies gpuplan.rules severity overrides ("off" included) without a reload', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'settings.gpuplan.json', (t) => t.replace('"servers": 4', '"servers": 40')));
    const uri = editor.document.uri;
    try {
      assert.equal((await waitForDiagnostic(uri, 'gpu-servers-range')).severity, vscode.DiagnosticSeverity.Error);

      await setSetting('rules', { 'gpu-servers-range': 'warning' });
      await harness.waitFor(() => gpuplanDiagnostics(uri).find((d) => codeOf(d) === 'gpu-servers-range' && d.severity === vscode.DiagnosticSeverity.Warning), {
        timeoutMs: 15000,
        message: 'severity override to warning',
      });

      await setSetting('rules', { 'gpu-servers-range': 'off' });
      await waitForNoDiagnostic(uri, 'gpu-servers-range');
    } finally {
      await setSetting('rules', undefined);
    }
    await waitForDiagnostic(uri, 'gpu-servers-range');
  });

  it('applies the abbreviation allowlist and validation delay without a reload', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'allowlist.gpuplan.json'));
    const uri = editor.document.uri;
    try {
      await setSetting('validation.delayMs', 0);
      await replaceText(editor, '"necessity": [\n', '"necessity": [\n      "QZX 기반 파이프라인을 구축한다.",\n');
      await waitForDiagnostic(uri, 'abbreviation-undefined');
      await setSetting('abbreviations.allowlist', ['QZX']);
      await waitForNoDiagnostic(uri, 'abbreviation-undefined');
    } finally {
      await setSetting('abbreviations.allowlist', undefined);
      await setSetting('validation.delayMs', undefined);
    }
  });
});

describe('gpuplan: server lifecycle', () => {
  afterEach(async () => {
    await closeAll();
  });

  it('restarts the server when it dies, and checks the plan again', async function () {
    const api = await activate();
    // The library keeps the child process private; reaching in is acceptable in a test.
    const pidOf = () => (api.client as unknown as { _serverProcess?: { pid?: number } })._serverProcess?.pid;
    const pid = pidOf();
    if (!pid) this.skip();
    const editor = await open(copyExample('complete.gpuplan.json', 'crash.gpuplan.json'));
    await provokeAndRevert(editor);

    process.kill(pid, 'SIGKILL');
    await harness.waitFor(() => pidOf() !== undefined && pidOf() !== pid, { timeoutMs: 20000, message: 'a new server process' });
    await harness.waitFor(() => api.client.isRunning(), { timeoutMs: 20000, message: 'client running again' });
    await provokeAndRevert(editor);
    await waitForNoDiagnostic(editor.document.uri);
  });

  it('gpuplan: Restart Language Server brings the server back', async () => {
    const api = await activate();
    const editor = await open(copyExample('complete.gpuplan.json', 'restart.gpuplan.json'));
    await vscode.commands.executeCommand('gpuplan.restartServer');
    assert.ok(api.client.isRunning());
    await provokeAndRevert(editor);
    await waitForNoDiagnostic(editor.document.uri);
  });
});
