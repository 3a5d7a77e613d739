/**
 * The plan as a document inside VS Code. Export asks the server for the file and writes it whole
 * (never a half-written or replaced file without asking); its format picker says what the server
 * can make now (PDF needs Chromium or LibreOffice); its errors are in the display language.
 * Preview Document shows the form's layout, escapes plan text, and keeps its place while the plan
 * is edited: the page is never reloaded for a keystroke, its scroll position stays.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
// By method: this test's copy of vscode-jsonrpc is not the bundle's, so a typed request's parameter structure would not match.
import { ExportFormatsRequest, type ExportFormatInfo } from '../../../shared/src/protocol';
import type { GpuplanApi } from '../../../client/src/extension';
import { activate, clearNotifications, closeAll, harness, inView, isKorean, open, replaceText, screenshot, suiteFixtures, waitForNotification } from './util';

const { copyExample, scratchDir } = suiteFixtures(__filename);

/** Files of the scratch folder that an export left behind under a temporary name. */
const leftovers = (): string[] => fs.readdirSync(scratchDir()).filter((f) => f.endsWith('.gpuplan-export'));

/** The document preview's text, one entry per loaded document preview. */
const previewTexts = (): Promise<string[]> => inView<string>('document', 'document.body.innerText');

describe('document export and preview', function () {
  this.timeout(120_000);
  let api: GpuplanApi;
  before(async () => {
    api = await activate();
  });
  afterEach(clearNotifications);
  after(closeAll);

  it('exports DOCX, HWPX, HWP and HTML, and does not replace an existing file without asking', async () => {
    const editor = await open(copyExample('complete.gpuplan.json', 'export.gpuplan.json'));
    for (const format of ['docx', 'hwpx', 'hwp', 'html']) {
      const target = vscode.Uri.file(path.join(scratchDir(), `export.${format}`));
      fs.rmSync(target.fsPath, { force: true });
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri, format, target);
      assert.equal(written?.fsPath, target.fsPath);
      const bytes = fs.readFileSync(target.fsPath);
      if (format === 'html') {
        const html = bytes.toString('utf8');
        assert.match(html, /^<!DOCTYPE html>/);
        assert.ok(html.includes('한국어 법령·행정문서 특화 대규모 언어모델'), "the plan's title");
        assert.match(html, /Content-Security-Policy/);
      } else if (format === 'hwp') {
        assert.equal(bytes.subarray(0, 4).toString('hex'), 'd0cf11e0', 'HWP 5 is a compound file');
      } else {
        assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', `${format} is a zip package`);
      }
    }
    assert.deepEqual(leftovers(), [], 'no temporary file left behind');
    // A second export to the same file asks first; unanswered (tests refuse dialogs), nothing is written.
    const target = vscode.Uri.file(path.join(scratchDir(), 'export.docx'));
    fs.writeFileSync(target.fsPath, 'keep me');
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri, 'docx', target);
    assert.equal(again, undefined);
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), 'keep me');
    assert.deepEqual(leftovers(), []);
  });

  it('the format picker offers what the server can export, PDF with its availability', async function () {
    const formats = await api.client.sendRequest<ExportFormatInfo[]>(ExportFormatsRequest.method, {});
    assert.deepEqual(formats.map((f) => f.format).sort(), ['docx', 'html', 'hwp', 'hwpx', 'pdf']);
    const pdf = formats.find((f) => f.format === 'pdf')!;
    assert.equal(pdf.available, pdf.tool !== undefined, JSON.stringify(pdf));
    if (!harness.browserSupported()) this.skip();
    const editor = await open(copyExample('complete.gpuplan.json', 'export-pick.gpuplan.json'));
    const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri));
    // Each row as "LABEL description", read from its parts: innerText runs them together
    // ("HWPHangul …") or not, depending on the layout of the moment.
    let seen: string[] = [];
    const rows = await harness
      .waitFor(
        async () => {
          const texts = await harness.browser.evaluate<string[]>(
            "[...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')].filter((r) => r.offsetParent !== null).map((r) => [r.querySelector('.label-name'), r.querySelector('.label-description')].map((e) => (e ? e.textContent : '').replace(/\\s+/g, ' ').trim()).join(' '))",
          );
          seen = texts;
          // Every format's row drawn whole (label and description), not a list still being filled.
          const drawn = ['DOCX', 'HWP', 'HWPX', 'PDF', 'HTML'].every((format) => texts.some((text) => new RegExp(`^${format} \\S`).test(text)));
          return drawn ? texts : undefined;
        },
        { message: 'the format picker with five formats' },
      )
      .catch((error: unknown) => {
        throw new Error(`${String(error)}; rows: ${seen.join(' | ')}`);
      });
    const pdfRow = rows.find((r) => r.startsWith('PDF'));
    assert.ok(pdfRow, rows.join(' | '));
    if (pdf.available) assert.match(pdfRow, isKorean() ? /인쇄 도구: \S+/ : /printed with \S+/, pdfRow);
    else assert.match(pdfRow, isKorean() ? /필요함|실행할 수 없음/ : /needs Chrome, Edge, Chromium or LibreOffice|cannot be run/, pdfRow);
    assert.match(rows[0], /^DOCX/, 'DOCX, the recommended format, first');
    assert.match(rows.find((r) => /HWPX/.test(r)) ?? '', isKorean() ? /한컴오피스/ : /Hancom Office/);
    assert.match(rows.find((r) => /^HWP\b(?!X)/.test(r)) ?? rows.join(' | '), isKorean() ? /한글 문서 \(HWP 5\)/ : /Hangul word processor \(HWP 5\)/);
    await screenshot('export-format-picker');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await running, undefined, 'cancelled: nothing exported');
  });

  it('exports a PDF through the server when it has a tool for it', async function () {
    const formats = await api.client.sendRequest<ExportFormatInfo[]>(ExportFormatsRequest.method, {});
    if (!formats.find((f) => f.format === 'pdf')?.available) this.skip();
    const editor = await open(copyExample('complete.gpuplan.json', 'export-pdf.gpuplan.json'));
    const target = vscode.Uri.file(path.join(scratchDir(), 'export.pdf'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.export', editor.document.uri, 'pdf', target);
    assert.equal(written?.fsPath, target.fsPath);
    assert.equal(fs.readFileSync(target.fsPath).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('says why an export failed, in the display language, and leaves nothing behind', async function () {
    const editor = await open(copyExample('complete.gpuplan.json', 'export-error.gpuplan.json'));
    const browser = harness.browserSupported();
    const expected = isKorean()
      ? [/gpuplan은 "odt" 형식으로 내보낼 수 없습니다\. 내보낼 수 있는 형식: DOCX, HTML, HWPX, HWP, PDF\./, /export\.docx 파일을 쓰지 못했습니다: /]
      : [/gpuplan cannot export "odt"\. It can export: DOCX, HTML, HWPX, HWP, PDF\./, /Could not write export\.docx: /];
    // Each error's toast is looked for before the next export: VS Code shows three toasts at most
    // and drops some of those that come within a fraction of a second of each other.
    const toastSaying = async (pattern: RegExp) => {
      if (!browser) return;
      await waitForNotification(pattern, 'the error shown as a notification in the display language');
    };
    await clearNotifications();
    // A format the server does not make.
    assert.equal(
      await vscode.commands.executeCommand('gpuplan.export', editor.document.uri, 'odt', vscode.Uri.file(path.join(scratchDir(), 'x.odt'))),
      undefined,
    );
    await toastSaying(expected[0]);
    // A place that cannot hold a file: its "folder" is a file.
    const blocker = path.join(scratchDir(), 'not-a-folder');
    fs.writeFileSync(blocker, 'a file');
    const target = vscode.Uri.file(path.join(blocker, 'export.docx'));
    assert.equal(await vscode.commands.executeCommand('gpuplan.export', editor.document.uri, 'docx', target), undefined);
    assert.equal(fs.readFileSync(blocker, 'utf8'), 'a file');
    assert.deepEqual(leftovers(), []);
    await toastSaying(expected[1]);
    if (browser) await screenshot('export-errors', { notifications: true });
  });

  it('previews the plan as the form, plan text escaped, and follows edits', async function () {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const editor = await open(
      copyExample('complete.gpuplan.json', 'document-preview.gpuplan.json', (t) =>
        t.replace('"projectTitle": "', `"projectTitle": "${hostile.replace(/"/g, '\\"')} `),
      ),
    );
    await vscode.commands.executeCommand('gpuplan.previewDocument', editor.document.uri);
    await harness.waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview), {
      message: 'a webview tab with the document',
    });
    if (!harness.browserSupported()) return;
    await harness.waitFor(async () => (await previewTexts()).some((t) => /I\s*과제 개요/.test(t) && /76,800,000원/.test(t)), {
      timeoutMs: 20000,
      message: 'the document shows chapter I and the co-payment',
    });
    const [page] = await inView<{ scripts: number; images: number; shown: boolean; rules: number; csp: string }>(
      'document',
      `({
      scripts: document.querySelectorAll('#page script, body > script:not([src])').length,
      images: document.querySelectorAll('#page img').length,
      shown: document.body.innerText.includes(${JSON.stringify(hostile)}),
      rules: document.getElementById('document-style').sheet ? document.getElementById('document-style').sheet.cssRules.length : 0,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
    })`,
    );
    assert.equal(page.scripts, 0, 'no script from the plan, no inline script');
    assert.equal(page.images, 0, "the plan's markup is text");
    assert.ok(page.shown, 'the hostile title is shown as text');
    assert.ok(page.rules > 20, `the server's stylesheet applies under the nonce (${page.rules} rules)`);
    assert.match(page.csp, /^default-src 'none'; style-src 'nonce-[^']+'; img-src [^;]+; font-src [^;]+; script-src 'nonce-[^']+'$/);
    await screenshot('document-preview');
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await replaceText(editor, '"projectTitle": "', '"projectTitle": "미리보기 갱신 확인: ');
    await harness.waitFor(async () => (await previewTexts()).some((t) => t.includes('미리보기 갱신 확인')), {
      timeoutMs: 10000,
      message: 'the preview follows the edit',
    });
  });

  it('keeps its place while the plan is typed in: same page, same scroll position, new text shown', async function () {
    if (!harness.browserSupported()) this.skip();
    const editor = await open(copyExample('complete.gpuplan.json', 'document-scroll.gpuplan.json'));
    await vscode.commands.executeCommand('gpuplan.previewDocument', editor.document.uri);
    await harness.waitFor(async () => (await previewTexts()).some((t) => t.includes('한국어 법령·행정문서 특화')), {
      timeoutMs: 20000,
      message: 'the preview of the scroll plan',
    });
    const y = 1500;
    await harness.waitFor(
      async () => {
        await inView('document', `window.scrollTo(0, ${y})`);
        return (await inView<number>('document', 'window.scrollY')).includes(y);
      },
      { message: `the preview scrolled to ${y}` },
    );
    // A mark on the page's window: a page loaded again (html set anew) would not have it.
    await inView('document', 'window.gpuplanTestMark = 42');

    // Type into the title, one character at a time, as a user does.
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const at = editor.document.positionAt(editor.document.getText().indexOf('"projectTitle": "') + '"projectTitle": "'.length);
    const typed = '스크롤유지';
    for (let i = 0; i < typed.length; i++) {
      const inserted = await editor.edit((edit) => {
        edit.insert(at.translate(0, i), typed[i]);
      });
      assert.ok(inserted, `typed ${typed[i]}`);
    }
    await harness.waitFor(async () => (await previewTexts()).some((t) => t.includes(`${typed}한국어 법령`)), {
      timeoutMs: 10000,
      message: 'the preview shows what was typed',
    });
    const [after] = await inView<{ y: number; mark: unknown }>('document', '({ y: window.scrollY, mark: window.gpuplanTestMark })');
    assert.equal(after.mark, 42, 'the same page: updated by message, not loaded again');
    assert.equal(after.y, y, 'the scroll position stayed');
  });
});
