/**
 * What a new applicant meets in the first hour, in a real VS Code: New Plan opening 2-space
 * indented with the overview beside it and the blanks as "to write" rather than errors; the plan
 * overview (tree view, status-bar figure, readiness list before export); the language status
 * items; a squiggle's rule page; "Turn off this rule" at the scope the user picks; the what-if
 * result beside its controls.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activate,
  closeAll,
  codeActionsAt,
  codeOf,
  gpuplanDiagnostics,
  harness,
  isKorean,
  open,
  screenshot,
  suiteFixtures,
  waitForDiagnostic,
  waitForNoDiagnostic,
  webviewTabs,
} from './util';

const { copyExample } = suiteFixtures(__filename);
const ko = isKorean;

/** The workbench's text of the first element matching `selector` ('' when there is none). */
const textOf = (selector: string): Promise<string> =>
  harness.browser.evaluate<string>(
    `(() => { const e = document.querySelector(${JSON.stringify(selector)}); return e ? e.innerText || e.textContent || '' : ''; })()`,
  );

/** Clicks the first element matching `selector` whose text matches `pattern`; whether there was one. */
const click = (selector: string, pattern = '.*'): Promise<boolean> =>
  harness.browser.evaluate<boolean>(
    `(() => { const re = new RegExp(${JSON.stringify(pattern)}); const e = [...document.querySelectorAll(${JSON.stringify(selector)})].find((x) => re.test(x.innerText || x.textContent || '')); if (!e) return false; e.click(); return true; })()`,
  );

/** Waits for the quick pick to show its rows. */
const pickVisible = (): Promise<boolean> =>
  harness.waitFor(
    () =>
      harness.browser.evaluate<boolean>(
        "!!document.querySelector('.quick-input-widget') && document.querySelector('.quick-input-widget').style.display !== 'none' && document.querySelectorAll('.quick-input-list .monaco-list-row').length > 0",
      ),
    { message: 'quick pick visible' },
  );

/** Moves the quick pick's selection down until the focused row matches `pattern`. */
const selectRow = (pattern: RegExp): Promise<boolean> =>
  harness.waitFor(
    async () => {
      if (pattern.test(await textOf('.quick-input-list .monaco-list-row.focused'))) return true;
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      return undefined;
    },
    { message: `the row ${pattern.source} selected` },
  );

/** An attribute of a status-bar item by its id (extension id + item id). */
const statusAttribute = (id: string, attribute: string): Promise<string> =>
  harness.browser.evaluate<string>(
    `(() => { const e = document.getElementById(${JSON.stringify(id)}); const a = e && (e.querySelector('a') || e); return a ? a.getAttribute(${JSON.stringify(attribute)}) || '' : ''; })()`,
  );

describe('the first hour: overview, status, rule pages, turning a rule off', function () {
  this.timeout(120_000);
  before(async () => {
    await activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('hideSuggestWidget');
    await closeAll();
  });

  it('New Plan opens 2-space indented, the title selected, the overview beside it, and blanks as "to write" instead of errors', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('gpuplan.newPlan');
    assert.ok(editor);
    assert.equal(editor.options.tabSize, 2);
    assert.equal(editor.options.insertSpaces, true);
    assert.equal(editor.document.getText(editor.selection), '〔연구개발과제 명칭〕', 'typing replaces the title placeholder');
    const uri = editor.document.uri;
    await waitForDiagnostic(uri, 'pledge-missing');
    const diagnostics = gpuplanDiagnostics(uri);
    const loud = diagnostics
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning)
      .map((d) => String(codeOf(d)));
    assert.deepEqual(loud.sort(), ['pledge-missing', 'staffing-mismatch'], 'only the real problems are errors and warnings');
    assert.ok(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Information).length > 50, 'the blanks are still listed, as information');
    if (harness.browserSupported()) {
      const view = ko() ? '계획서 작성 현황' : 'Plan Overview';
      await harness.waitFor(async () => (await textOf('.part.sidebar')).toLowerCase().includes(view.toLowerCase()) || undefined, {
        message: `the ${view} view is open`,
      });
      await harness.waitFor(async () => /I 과제 개요/.test(await textOf('.part.sidebar')) || undefined, { message: 'the overview lists the chapters' });
      await screenshot('new-plan-overview');
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the overview lists each chapter and its blanks; choosing a blank selects it; the status bar says the figure in words', async function () {
    if (!harness.browserSupported()) this.skip();
    const editor = await open(copyExample('skeleton.gpuplan.json', 'overview.gpuplan.json'));
    await waitForDiagnostic(editor.document.uri, 'pledge-missing');
    await vscode.commands.executeCommand('gpuplan.showOverview');
    const sidebar = '.part.sidebar';
    const toWrite = ko() ? /작성할 곳 \d+/ : /\d+ to write/;
    await harness
      .waitFor(async () => (/붙임0/.test(await textOf(sidebar)) && toWrite.test(await textOf(sidebar))) || undefined, { message: 'chapters in the overview' })
      .catch(async (error: unknown) => {
        await screenshot('overview-failed');
        throw new Error(`${String(error)}\nsidebar:\n${await textOf(sidebar)}`);
      });
    const text = await textOf(sidebar);
    for (const label of ['표지', 'I 과제 개요', 'VI']) assert.ok(text.includes(label), `${label} in:\n${text}`);
    assert.match(text, ko() ? /작성할 곳 \d+/ : /\d+ to write/);
    // 표지 → 신청과제명 (the project title): choosing it selects its blank.
    // With the keyboard, as a user of a screen reader would: focus the view, move down to the row, Enter.
    await vscode.commands.executeCommand('gpuplan.overview.focus');
    await harness.waitFor(
      async () => {
        const focused = await textOf('.part.sidebar .monaco-list-row.focused');
        if (/^\s*신청과제명/.test(focused)) return true;
        // 표지 opens where it is unwritten; should a user have closed it, open it again.
        await vscode.commands.executeCommand(/^\s*표지/.test(focused) ? 'list.expand' : 'list.focusDown');
        if (/^\s*표지/.test(focused)) await vscode.commands.executeCommand('list.focusDown');
        return undefined;
      },
      { message: 'the project title row focused' },
    );
    await vscode.commands.executeCommand('list.select');
    await harness.waitFor(
      () => vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection) === '〔연구개발과제 명칭〕' || undefined,
      {
        message: 'the placeholder is selected in the plan',
      },
    );
    // The status-bar figure: sections written of the form's, in plain words for a screen reader.
    const label = await harness.waitFor(async () => (await statusAttribute('gpuplan.gpuplan.gpuplan.overview', 'aria-label')) || undefined, {
      message: 'the overview status item',
    });
    assert.match(label, ko() ? /계획서 작성 현황: 섹션 17개 중 \d+개 작성, 작성할 곳 \d+/ : /Plan overview: \d+ of 17 sections written, \d+ to write/);
    assert.ok(!/\$\(|&nbsp;|\*\*/.test(label), label);
    await screenshot('overview-tree');
    // And in a dark theme.
    const workbench = vscode.workspace.getConfiguration('workbench');
    try {
      await workbench.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
      await harness.waitFor(() => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Dark || undefined, { message: 'the dark theme' });
      await screenshot('overview-tree-dark');
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('the language status shows the server, the form version and the findings, with Restart and Output', async function () {
    if (!harness.browserSupported()) this.skip();
    const editor = await open(copyExample('mistakes.gpuplan.json', 'status.gpuplan.json'));
    await waitForDiagnostic(editor.document.uri, 'schema');
    const hover = '.workbench-hover';
    await harness.waitFor(
      async () => {
        const shown = await textOf(hover);
        if (/2025-12/.test(shown)) return true;
        await click('[id="status.languageStatus"] a');
        return undefined;
      },
      { timeoutMs: 20000, message: 'the language status hover' },
    );
    const shown = await textOf(hover);
    assert.match(shown, ko() ? /gpuplan: 실행 중/ : /gpuplan: running/);
    assert.match(shown, ko() ? /양식 2025-12/ : /Form 2025-12/);
    assert.match(shown, ko() ? /점검 결과 \d+건/ : /\d+ findings/);
    assert.match(shown, ko() ? /다시 시작/ : /Restart/);
    assert.match(shown, ko() ? /출력 보기/ : /Show Output/);
    await screenshot('language-status');
    assert.ok(await click(`${hover} a`, ko() ? '출력 보기' : 'Show Output'), 'the Output link');
    await harness.waitFor(async () => /\[client\]|gpuplan/.test(await textOf('.panel .output-view, .panel')) || undefined, {
      message: 'the gpuplan output shows',
    });
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it("a squiggle's code links to the rule's page, which opens inside VS Code as a Markdown preview", async function () {
    const editor = await open(copyExample('mistakes.gpuplan.json', 'rule-link.gpuplan.json'));
    const uri = editor.document.uri;
    const diagnostic = await waitForDiagnostic(uri, 'gpu-servers-range');
    const code = diagnostic.code;
    assert.ok(typeof code === 'object', 'a code with a target');
    assert.equal(code.target.scheme, vscode.env.uriScheme, code.target.toString());
    assert.equal(code.target.authority, 'gpuplan.gpuplan');
    assert.equal(code.target.path, '/rule/gpu-servers-range');
    for (const d of gpuplanDiagnostics(uri))
      assert.ok(typeof d.code === 'object' && d.code.target.path === `/rule/${String(d.code.value)}`, `${codeOf(d)} links its page`);
    if (!harness.browserSupported()) return;
    // Click a rule's link as a user does: in the Problems panel (the first one shown).
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const clicked = await harness.waitFor(
      () =>
        harness.browser.evaluate<string>(
          `(() => { const a = document.querySelector('.markers-panel a.monaco-link[href*="/rule/"]'); if (!a) return ''; const code = a.innerText.trim(); a.click(); return code; })()`,
        ),
      { timeoutMs: 20000, message: 'a rule link in the Problems panel' },
    );
    assert.ok(
      gpuplanDiagnostics(uri).some((d) => codeOf(d) === clicked),
      `${clicked} is one of the plan's codes`,
    );
    await harness.waitFor(
      async () => {
        if (webviewTabs('markdown.preview').length > 0) return true;
        const dialog = await textOf('.monaco-dialog-box');
        assert.equal(dialog, '', 'no confirmation dialog before the page opens');
        return undefined;
      },
      { timeoutMs: 20000, message: 'a Markdown preview tab' },
    );
    const tab = webviewTabs('markdown.preview')[0];
    assert.ok(tab.label.includes(clicked), tab.label);
    await harness.waitFor(
      async () =>
        (await harness.browser.evaluateInWebviews<string>("document.body ? document.body.innerText : ''")).some(
          (t) => t.includes(clicked) && /한국어/.test(t),
        ) || undefined,
      { timeoutMs: 20000, message: 'the rule page rendered' },
    );
    await screenshot('rule-page');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('"Turn off this rule" asks where, writes gpuplan.rules there, and the squiggles go', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'turn-off.gpuplan.json', (t) => t.replace('"servers": 4', '"servers": 40')));
    const uri = editor.document.uri;
    const diagnostic = await waitForDiagnostic(uri, 'gpu-servers-range');
    const actions = await codeActionsAt(uri, diagnostic.range);
    const off = actions.find((a) => a.command?.command === 'gpuplan.turnOffRule');
    assert.ok(off, actions.map((a) => a.title).join('\n'));
    assert.equal(off.title, ko() ? '이 규칙 끄기 (gpu-servers-range)' : 'Turn off this rule (gpu-servers-range)');
    const config = () => vscode.workspace.getConfiguration('gpuplan', uri).inspect<Record<string, string>>('rules');
    const userBefore = config()?.globalValue;
    try {
      if (harness.browserSupported()) {
        await screenshotLightBulb(editor, diagnostic.range);
        // The scope picker: user, workspace, folder (a multi-root window). Choose "workspace".
        const args = (off.command!.arguments ?? []) as unknown[];
        const running = vscode.commands.executeCommand<string | undefined>(off.command!.command, ...args);
        await pickVisible();
        const picker = await textOf('.quick-input-widget');
        assert.match(picker, ko() ? /사용자 설정[\s\S]*작업 영역 설정/ : /User settings[\s\S]*Workspace settings/);
        if (vscode.workspace.workspaceFile) assert.match(picker, ko() ? /폴더 설정/ : /Folder settings/);
        await screenshot('turn-off-scope');
        await selectRow(/작업 영역 설정|Workspace settings/);
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        assert.equal(await running, 'workspace');
      } else {
        assert.equal(await vscode.commands.executeCommand(off.command!.command, ...((off.command!.arguments ?? []) as unknown[]), 'workspace'), 'workspace');
      }
      assert.equal(config()?.workspaceValue?.['gpu-servers-range'], 'off');
      assert.deepEqual(config()?.globalValue, userBefore, 'the user settings are untouched');
      await waitForNoDiagnostic(uri, 'gpu-servers-range');
    } finally {
      await vscode.workspace.getConfiguration('gpuplan').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostic(uri, 'gpu-servers-range');

    // The user scope, given as the command's argument: the other rules' levels are kept.
    try {
      await vscode.workspace.getConfiguration('gpuplan').update('rules', { 'pledge-missing': 'warning' }, vscode.ConfigurationTarget.Global);
      assert.equal(await vscode.commands.executeCommand('gpuplan.turnOffRule', 'gpu-servers-range', uri.toString(), 'user'), 'user');
      assert.deepEqual(config()?.globalValue, { 'pledge-missing': 'warning', 'gpu-servers-range': 'off' });
      await waitForNoDiagnostic(uri, 'gpu-servers-range');
    } finally {
      await vscode.workspace.getConfiguration('gpuplan').update('rules', userBefore, vscode.ConfigurationTarget.Global);
    }
    // Not a rule: nothing is written.
    assert.equal(await vscode.commands.executeCommand('gpuplan.turnOffRule', 'no-such-rule', uri.toString(), 'user'), undefined);
    assert.deepEqual(config()?.globalValue, userBefore);
  });

  it('Export first lists what the plan still lacks; choosing a part goes there instead of exporting', async function () {
    if (!harness.browserSupported()) this.skip();
    const editor = await open(copyExample('skeleton.gpuplan.json', 'readiness.gpuplan.json'));
    await waitForDiagnostic(editor.document.uri, 'pledge-missing');
    const running = vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export');
    await pickVisible();
    await harness.waitFor(async () => /신청과제명/.test(await textOf('.quick-input-widget')) || undefined, { timeoutMs: 15000, message: 'the readiness list' });
    const list = await textOf('.quick-input-widget');
    assert.match(list, ko() ? /그대로 내보내기/ : /Export anyway/);
    assert.match(list, ko() ? /내보내기 전에: 작성할 곳 \d+/ : /Before you export: \d+ to write/);
    await screenshot('export-readiness');
    // The project title's row: go to it.
    await selectRow(/신청과제명/);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await running, undefined, 'nothing exported');
    await harness.waitFor(
      () => vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection) === '〔연구개발과제 명칭〕' || undefined,
      {
        message: 'the title placeholder selected',
      },
    );
  });

  it('the what-if result sits right below its controls, visible without scrolling', async function () {
    if (!harness.browserSupported()) this.skip();
    const editor = await open(copyExample('complete.gpuplan.json', 'whatif-place.gpuplan.json'));
    await vscode.commands.executeCommand('gpuplan.showCostPreview', editor.document.uri.toString());
    await harness.waitFor(
      async () => (await harness.browser.evaluateInWebviews<boolean>("!!document.querySelector('#whatif:not([hidden])')")).some(Boolean) || undefined,
      {
        timeoutMs: 20000,
        message: 'the what-if controls',
      },
    );
    await harness.browser.evaluateInWebviews(
      `(() => { const f = document.getElementById('whatif'); if (!f) return false; f.elements.servers.value = '8'; f.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`,
    );
    const [place] = await harness.waitFor(
      async () => {
        const found = await harness.browser.evaluateInWebviews<{ gap: number; bottom: number; height: number; text: string } | null>(
          `(() => { const r = document.querySelector('#whatif-result [data-figure="whatif"]'); const b = document.getElementById('apply'); if (!r || !b) return null; const rr = r.getBoundingClientRect(); return { gap: rr.top - b.getBoundingClientRect().bottom, bottom: rr.bottom, height: window.innerHeight, text: r.textContent }; })()`,
        );
        const shown = found.filter((f) => f !== null);
        return shown.length ? shown : undefined;
      },
      { timeoutMs: 15000, message: 'the what-if result' },
    );
    assert.match(place.text, /153,600,000원/);
    assert.ok(place.gap >= 0 && place.gap < 60, `right below the controls (gap ${place.gap}px)`);
    assert.ok(place.bottom <= place.height, `visible without scrolling (${place.bottom} of ${place.height}px)`);
    // The status item's accessible label is plain words.
    const label = await statusAttribute('gpuplan.gpuplan.gpuplan.cost', 'aria-label');
    assert.match(label, ko() ? /^민간부담금 76,800,000원\. 민간부담금 미리보기 열기$/ : /^Co-payment 76,800,000원\. Open the cost preview\.$/);
    await screenshot('cost-preview-whatif-beside');
  });
});

/** The light bulb's menu at a diagnostic, for the screenshot (best effort: the test does not depend on it). */
async function screenshotLightBulb(editor: vscode.TextEditor, range: vscode.Range): Promise<void> {
  editor.selection = new vscode.Selection(range.start, range.start);
  await vscode.commands.executeCommand('editor.action.quickFix');
  const shown = await harness
    .waitFor(async () => /이 규칙 끄기|Turn off this rule/.test(await textOf('.action-widget')) || undefined, { timeoutMs: 5000 })
    .catch(() => undefined);
  if (shown) await screenshot('turn-off-light-bulb');
  await vscode.commands.executeCommand('hideCodeActionWidget');
}
