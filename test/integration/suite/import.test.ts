/**
 * "gpuplan: Import Plan from HWP/HWPX/DOCX/PDF…" in VS Code: the server reads the filled form,
 * the client writes the plan next to it (never over a file without asking) and opens it beside
 * its import report, in the display language. A document that cannot be imported says why and
 * writes nothing. Without a document the command asks for one (a file picker).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activate,
  clearNotifications,
  closeAll,
  harness,
  isKorean,
  REPO_ROOT,
  screenshot,
  suiteFixtures,
  waitForDiagnostic,
  waitForNotification,
} from './util';

const { scratchDir } = suiteFixtures(__filename);
const FORM = path.join(REPO_ROOT, 'test', 'fixtures', 'import', 'filled-form.hwpx');

describe('import a plan from the filled form', function () {
  this.timeout(120_000);
  before(activate);
  afterEach(clearNotifications);
  after(closeAll);

  it('writes the plan next to the document and opens it beside its report', async () => {
    const form = path.join(scratchDir(), '메디코어랩 계획서.hwpx');
    fs.copyFileSync(FORM, form);
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.importPlan', vscode.Uri.file(form));
    const target = path.join(scratchDir(), '메디코어랩 계획서.gpuplan.json');
    assert.equal(written?.fsPath, target);
    const plan = JSON.parse(fs.readFileSync(target, 'utf8')) as { projectTitle: string; gpu: { servers: number } };
    assert.equal(plan.projectTitle, '흉부 CT 영상 판독문 자동 생성 멀티모달 모델 개발 및 지역 병원 판독 지원 서비스 실증');
    assert.equal(plan.gpu.servers, 2);
    assert.deepEqual(
      fs.readdirSync(scratchDir()).sort(),
      ['메디코어랩 계획서.gpuplan.json', '메디코어랩 계획서.hwpx'],
      'the plan, and nothing else, is written',
    );

    // The plan in the first column, checked by the server; the report beside it.
    const editors = await harness.waitFor(() => (vscode.window.visibleTextEditors.length >= 2 ? vscode.window.visibleTextEditors : undefined), {
      message: 'plan and report',
    });
    const planEditor = editors.find((e) => e.document.uri.fsPath === target);
    const reportEditor = editors.find((e) => e.document.languageId === 'markdown');
    assert.equal(planEditor?.viewColumn, vscode.ViewColumn.One);
    assert.ok(reportEditor && reportEditor.viewColumn !== planEditor?.viewColumn, 'the report is beside the plan');
    assert.equal(planEditor?.document.languageId, 'gpuplan');
    const report = reportEditor.document.getText();
    if (isKorean()) {
      assert.match(report, /^# 가져오기 보고서: 메디코어랩 계획서\.hwpx$/m);
      assert.match(report, /계획서에 옮긴 값 154개, 옮기지 못한 부분 1개/);
      assert.match(report, /장 제목 아래, 첫 절 앞에 있는 글입니다/);
      assert.match(report, /## 서식의 작성요령 문구 \(★ 줄, 작성요령\) — 서식의 안내대로 삭제함 \(105\)/);
    } else {
      assert.match(report, /^# Import report: 메디코어랩 계획서\.hwpx$/m);
      assert.match(report, /154 value\(s\) mapped into the plan, 1 passage\(s\) not mapped/);
      assert.match(report, /text under the chapter heading, before its first section/);
      assert.match(report, /## The form's guide text \(★ lines, 작성요령\), dropped as the form asks \(105\)/);
    }
    assert.ok(report.includes('※ 본 계획서의 수치는 2025년 12월 기준이며 협력 병원 2곳의 확인을 받았음'));
    // The half-filled form: what it left to write is what the checks report.
    await waitForDiagnostic(vscode.Uri.file(target), 'schema');
    await screenshot('import-plan-beside-report');
  });

  it('does not replace an existing plan without asking', async () => {
    const form = path.join(scratchDir(), 'again.hwpx');
    fs.copyFileSync(FORM, form);
    const target = path.join(scratchDir(), 'again.gpuplan.json');
    fs.writeFileSync(target, 'keep me');
    // The question is modal; tests cannot answer it, which counts as "no".
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.importPlan', vscode.Uri.file(form));
    assert.equal(written, undefined);
    assert.equal(fs.readFileSync(target, 'utf8'), 'keep me');
    assert.deepEqual(
      fs.readdirSync(scratchDir()).filter((f) => f.startsWith('.')),
      [],
      'no temporary file left',
    );
  });

  it('says why a document cannot be imported, in the display language, and writes nothing', async () => {
    const empty = path.join(scratchDir(), 'empty.docx');
    fs.writeFileSync(empty, '');
    // VS Code shows three toasts at most and hides the rest: the earlier tests' must not hide this one.
    await clearNotifications();
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.importPlan', vscode.Uri.file(empty));
    assert.equal(written, undefined);
    assert.ok(!fs.existsSync(path.join(scratchDir(), 'empty.gpuplan.json')));
    if (!harness.browserSupported()) return;
    await waitForNotification(
      isKorean() ? /파일이 비어 있어 가져올 내용이 없습니다\./ : /The file is empty: there is nothing to import\./,
      'the reason shown as a notification in the display language',
    );
  });

  it('without a document, asks for one with a file picker', async function () {
    if (!harness.browserSupported()) this.skip();
    const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('gpuplan.importPlan'));
    await harness.waitFor(
      () =>
        harness.browser.evaluate<boolean>(
          "[...document.querySelectorAll('.quick-input-widget')].some((w) => w.offsetParent !== null || w.style.display !== 'none')",
        ),
      { message: 'the file picker' },
    );
    await screenshot('import-plan-picker');
    await harness.browser.press('Escape');
    assert.equal(await running, undefined);
  });
});
