/**
 * The screenshots of the Marketplace page (README.marketplace.md) and of the walkthrough, made in a
 * real VS Code by `npm run screenshots` (scripts/screenshots.sh), never by hand. Not part of the
 * normal integration run (its glob is suite/**): it runs only when GPUPLAN_SCREENSHOTS_OUT names
 * the folder to write, once per display language, and writes there
 *   <lang>/<theme>/{open,checks,insert-section,cost-preview,export}.png   (theme: light, dark)
 *   <lang>/page.png                                                       (the exported PDF's first pages)
 * Each one is cropped to the editor area (plus the panel where the Problems list is the subject).
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ScreenshotClip } from '../harness.cjs';
import { activate, clearNotifications, closeAll, gpuplanDiagnostics, harness, inView, isKorean, open, suiteFixtures, waitForDiagnostic } from '../suite/util';

const OUT = process.env.GPUPLAN_SCREENSHOTS_OUT;
const { copyExample, scratchDir } = suiteFixtures(__filename);
const lang = () => (isKorean() ? 'ko' : 'en');
/** The example as a user's file: without the repository-relative `$schema` line. */
const asUsers =
  (transform: (text: string) => string = (t) => t) =>
  (text: string) =>
    transform(text.replace(/^\s*"\$schema": "[^"]*",\n/m, ''));

const THEMES = [
  { name: 'light', theme: 'Default Light Modern' },
  { name: 'dark', theme: 'Default Dark Modern' },
] as const;

/** The bounding box of some workbench parts (by element id), in CSS pixels of the page. */
async function partsClip(...ids: string[]): Promise<ScreenshotClip> {
  const clip = await harness.browser.evaluate<ScreenshotClip | null>(`(() => {
    const rects = ${JSON.stringify(ids)}.map((id) => document.getElementById(id)).filter((e) => e && e.offsetParent !== null).map((e) => e.getBoundingClientRect());
    if (!rects.length) return null;
    const x = Math.min(...rects.map((r) => r.left)), y = Math.min(...rects.map((r) => r.top));
    return { x, y, width: Math.max(...rects.map((r) => r.right)) - x, height: Math.max(...rects.map((r) => r.bottom)) - y };
  })()`);
  assert.ok(clip, `workbench parts ${ids.join(', ')} are visible`);
  return clip;
}

async function shoot(theme: string, name: string, ...parts: string[]): Promise<void> {
  await clearNotifications();
  const file = path.join(OUT!, lang(), theme, `${name}.png`);
  const clip = await partsClip(...(parts.length ? parts : ['workbench.parts.editor']));
  const written = await harness.screenshot(file, { clip });
  assert.equal(written, file);
}

async function setTheme(theme: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  await harness.waitFor(() => vscode.workspace.getConfiguration('workbench').get('colorTheme') === theme, { message: `theme ${theme}` });
  const dark = theme.includes('Dark');
  await harness.waitFor(
    () => harness.browser.evaluate<boolean>(`document.querySelector('.monaco-workbench').classList.contains(${JSON.stringify(dark ? 'vs-dark' : 'vs')})`),
    { message: `the workbench painted in ${theme}` },
  );
}

const quickPickRows = () =>
  harness.browser.evaluate<number>(
    "(() => { const w = document.querySelector('.quick-input-widget'); return w && w.style.display !== 'none' ? w.querySelectorAll('.quick-input-list .monaco-list-row').length : 0; })()",
  );

describe('Marketplace and walkthrough screenshots', function () {
  this.timeout(300_000);
  before(async function () {
    if (!OUT || !harness.browserSupported()) this.skip();
    await activate();
    // The editor area gets the whole width: no side bar, nothing from earlier runs.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });
  after(async () => {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await closeAll();
  });

  for (const { name: theme, theme: colorTheme } of THEMES) {
    describe(theme, () => {
      before(async () => setTheme(colorTheme));
      afterEach(async () => {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await closeAll();
      });

      it('open: New Plan, the skeleton of the form', async () => {
        const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('gpuplan.newPlan');
        assert.ok(editor?.document.languageId === 'gpuplan', 'New Plan opened a plan');
        await harness.waitFor(() => gpuplanDiagnostics(editor.document.uri).length > 0, { timeoutMs: 20000, message: 'the skeleton checked' });
        await shoot(theme, 'open');
      });

      it('checks: a squiggle with its hover, and the Problems panel', async () => {
        const editor = await open(
          copyExample(
            'complete.gpuplan.json',
            `checks-${theme}.gpuplan.json`,
            asUsers((t) => t.replace('"servers": 4,', '"servers": 40,')),
          ),
        );
        const finding = await waitForDiagnostic(editor.document.uri, 'gpu-servers-range');
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await harness.waitFor(() => harness.browser.evaluate<boolean>("!!document.querySelector('.markers-panel .monaco-list-row')"), {
          message: 'the Problems panel lists the finding',
        });
        await vscode.window.showTextDocument(editor.document);
        editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
        editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenter);
        await vscode.commands.executeCommand('editor.action.showHover');
        await harness.waitFor(
          () =>
            harness.browser.evaluate<boolean>(
              "[...document.querySelectorAll('.monaco-hover')].some((h) => h.offsetParent !== null && /gpu-servers-range/.test(h.innerText))",
            ),
          { message: 'the hover shows the finding with its rule code' },
        );
        await shoot(theme, 'checks', 'workbench.parts.editor', 'workbench.parts.panel');
      });

      it("insert-section: the list of the form's sections, missing ones first", async () => {
        const withoutSummary = (t: string) => {
          const plan = JSON.parse(t) as Record<string, unknown>;
          delete plan.summary;
          delete plan.staff;
          return JSON.stringify(plan, null, 2) + '\n';
        };
        const editor = await open(copyExample('complete.gpuplan.json', `insert-${theme}.gpuplan.json`, asUsers(withoutSummary)));
        await waitForDiagnostic(editor.document.uri, 'schema');
        void vscode.commands.executeCommand('gpuplan.insertSection');
        await harness.waitFor(async () => (await quickPickRows()) > 3, { message: 'the Insert Section list' });
        await shoot(theme, 'insert-section');
      });

      it('cost-preview: the III-3 table and the monthly chart beside the plan', async () => {
        const editor = await open(copyExample('complete.gpuplan.json', `cost-${theme}.gpuplan.json`, asUsers()));
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        await vscode.commands.executeCommand('gpuplan.showCostPreview', editor.document.uri.toString());
        await harness.waitFor(async () => (await inView<string>('cost', 'document.body.innerText')).some((t) => t.includes('76,800,000')), {
          timeoutMs: 20000,
          message: 'the cost preview shows 76,800,000',
        });
        const line = editor.document
          .getText()
          .split('\n')
          .findIndex((l) => l.includes('"gpu": {'));
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        await shoot(theme, 'cost-preview');
      });

      it("export: the document preview in the form's layout", async () => {
        const editor = await open(copyExample('complete.gpuplan.json', `document-${theme}.gpuplan.json`, asUsers()));
        await vscode.commands.executeCommand('gpuplan.previewDocument', editor.document.uri);
        await harness.waitFor(async () => (await inView<string>('document', 'document.body.innerText')).some((t) => /I\s*과제 개요/.test(t)), {
          timeoutMs: 20000,
          message: 'the document preview shows chapter I',
        });
        await shoot(theme, 'export');
      });
    });
  }

  describe('exported document', () => {
    after(closeAll);
    it('page: the exported PDF, first pages side by side', async function () {
      const editor = await open(copyExample('complete.gpuplan.json', 'page.gpuplan.json', asUsers()));
      const pdf = vscode.Uri.file(path.join(scratchDir(), 'page.pdf'));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri, 'pdf', pdf);
      if (!written) this.skip(); // no PDF engine on this machine: the script says so
      await harness.waitFor(() => fs.existsSync(pdf.fsPath), { message: 'the PDF written' });
      const prefix = path.join(scratchDir(), 'page');
      execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '3', '-png', pdf.fsPath, prefix]);
      const pages = fs
        .readdirSync(scratchDir())
        .filter((f) => /^page-\d+\.png$/.test(f))
        .sort()
        .map((f) => path.join(scratchDir(), f));
      assert.equal(pages.length, 3, pages.join(', '));
      const target = path.join(OUT!, lang(), 'page.png');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      execFileSync('convert', [...pages, '-bordercolor', '#d0d0d0', '-border', '1', '-bordercolor', 'white', '-border', '8', '+append', target]);
    });
  });
});
