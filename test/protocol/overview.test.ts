/**
 * `gpuplan/overview`, blanks as hints and the rule pages of diagnostics, over stdio as VS Code's
 * client uses them (initializationOptions `blanks: "hint"` and `ruleDocs`), and as a client
 * that asks for neither gets them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import {
  CostChangedNotification,
  CostPreviewRequest,
  NewPlanRequest,
  OverviewRequest,
  type CostPreview,
  type OverviewChapter,
  type PlanOverview,
} from '../../shared/src/protocol';
import { readExample, ROOT } from '../support/fixtures';
import { FULL_CAPABILITIES, TestClient } from '../support/lsp-client';

const skeleton = readExample('skeleton.gpuplan.json');
const complete = readExample('complete.gpuplan.json');
const mistakes = readExample('mistakes.gpuplan.json');

const CAPABILITIES = {
  ...FULL_CAPABILITIES,
  textDocument: { ...FULL_CAPABILITIES.textDocument, publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true } },
};
const VSCODE_OPTIONS = {
  blanks: 'information',
  ruleDocs: 'vscode://gpuplan.gpuplan/rule/{code}',
  clientCommands: ['gpuplan.turnOffRule'],
  costPreviewHtml: true,
};

const INFO = 3;
const chapter = (overview: PlanOverview, part: string): OverviewChapter => {
  const found = overview.chapters.find((c) => c.part === part);
  assert.ok(found, `chapter ${part} in ${overview.chapters.map((c) => c.part).join()}`);
  return found;
};

describe('overview and blanks over stdio', function () {
  this.timeout(30_000);
  let client: TestClient;
  afterEach(async () => client.dispose());

  async function start(initializationOptions?: unknown, locale = 'ko'): Promise<void> {
    client = new TestClient();
    client.settings = { validation: { delayMs: 0 } };
    await client.initialize(locale, { capabilities: CAPABILITIES, ...(initializationOptions ? { initializationOptions } : {}) });
  }

  it('shows a new plan as blanks to write (information), keeping its real problems as they are', async () => {
    await start(VSCODE_OPTIONS);
    const uri = 'file:///skeleton.gpuplan.json';
    client.open(uri, skeleton);
    const diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
    const loud = diagnostics.filter((d) => d.severity === 1 || d.severity === 2);
    // What a new plan really has wrong: the pledge is not agreed yet, and the skeleton's staff row
    // against VI-2's total of 0. Everything else is a blank.
    assert.deepEqual(loud.map((d) => d.code).sort(), ['pledge-missing', 'staffing-mismatch'], loud.map((d) => `${d.code} ${d.message}`).join('\n'));
    assert.ok(diagnostics.length > 70, `${diagnostics.length} diagnostics`);
    const placeholder = diagnostics.find((d) => d.code === 'template-guide-left' && d.message.includes('〔연구개발과제 명칭〕'));
    assert.equal(placeholder?.severity, INFO);
    const emptyDate = diagnostics.find((d) => d.code === 'schema' && d.message.includes('"date"'));
    assert.equal(emptyDate?.severity, INFO);
  });

  it('keeps the level a user set for a rule, blanks included', async () => {
    await start(VSCODE_OPTIONS);
    client.settings = { validation: { delayMs: 0 }, rules: { 'template-guide-left': 'error' } };
    const uri = 'file:///skeleton-levels.gpuplan.json';
    client.open(uri, skeleton);
    const diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
    const guide = diagnostics.filter((d) => d.code === 'template-guide-left');
    assert.ok(guide.length > 30);
    assert.ok(guide.every((d) => d.severity === 1));
    assert.ok(diagnostics.filter((d) => d.code === 'schema').every((d) => d.severity === INFO));
  });

  it('gives a client that did not ask every finding at its own level', async () => {
    await start();
    const uri = 'file:///skeleton-plain.gpuplan.json';
    client.open(uri, skeleton);
    const diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
    const placeholder = diagnostics.find((d) => d.code === 'template-guide-left' && d.message.includes('〔연구개발과제 명칭〕'));
    assert.ok(placeholder && placeholder.severity !== INFO, `${placeholder?.severity}`);
    assert.ok(diagnostics.filter((d) => d.severity === 1).length > 20);
  });

  it('links every rule finding to its page: the client’s address, else the page shipped beside the server', async () => {
    await start(VSCODE_OPTIONS);
    const uri = 'file:///mistakes.gpuplan.json';
    client.open(uri, mistakes);
    const diagnostics: Diagnostic[] = await client.diagnostics(uri, (d) => d.length > 0);
    assert.ok(diagnostics.length > 30);
    for (const d of diagnostics) assert.equal(d.codeDescription?.href, `vscode://gpuplan.gpuplan/rule/${String(d.code)}`, `${d.code}`);
    await client.dispose();

    await start({ blanks: 'information' });
    client.open(uri, mistakes);
    const shipped = await client.diagnostics(uri, (d) => d.length > 0);
    for (const d of shipped) {
      const href = d.codeDescription?.href;
      assert.ok(href?.startsWith('file:'), `${d.code}: ${href}`);
      const file = fileURLToPath(href!);
      assert.equal(file, path.join(ROOT, 'docs', 'rules', `${String(d.code)}.md`));
      assert.ok(fs.existsSync(file), file);
    }
  });

  it('sends no codeDescription to a client that does not take it', async () => {
    client = new TestClient();
    client.settings = { validation: { delayMs: 0 } };
    await client.initialize('ko', { capabilities: FULL_CAPABILITIES, initializationOptions: VSCODE_OPTIONS });
    const uri = 'file:///mistakes-no-links.gpuplan.json';
    client.open(uri, mistakes);
    const diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
    assert.ok(diagnostics.every((d) => d.codeDescription === undefined));
  });

  it('answers the overview of a new plan: every section there, nothing written yet where the skeleton has blanks', async () => {
    await start(VSCODE_OPTIONS);
    const uri = 'file:///skeleton-overview.gpuplan.json';
    client.open(uri, skeleton);
    await client.diagnostics(uri, (d) => d.length > 0);
    const overview = (await client.connection.sendRequest(OverviewRequest, { uri }))!;
    assert.equal(overview.version, 1);
    assert.equal(overview.formVersion, '2025-12');
    assert.equal(overview.formVersionKnown, true);
    assert.deepEqual(
      overview.chapters.map((c) => c.part),
      ['표지', '요약서', 'I', 'II', 'III', 'IV', 'V', 'VI', '붙임0'],
    );
    assert.equal(overview.totals.sections, 17);
    assert.equal(overview.totals.errors, 1); // the pledge
    assert.equal(overview.totals.warnings, 1); // staffing
    assert.ok(overview.totals.toWrite > 50, `${overview.totals.toWrite} to write`);
    const cover = chapter(overview, '표지');
    assert.deepEqual(
      cover.entries.map((e) => e.path[0]),
      ['formVersion', 'projectTitle', 'applicant', 'contacts', 'gpu', 'projectInfo', 'targets', 'disclosure', 'pledge'],
    );
    const title = cover.entries.find((e) => e.path[0] === 'projectTitle')!;
    assert.equal(title.state, 'empty');
    assert.equal(title.counts.toWrite, 1);
    assert.deepEqual(
      title.blanks.map((b) => [b.label, b.kind, b.text]),
      [['신청과제명', 'placeholder', '〔연구개발과제 명칭〕']],
    );
    // The blank's range is the placeholder itself, inside its quotes.
    const line = skeleton.split('\n')[title.blanks[0].range.start.line];
    assert.equal(line.slice(title.blanks[0].range.start.character, title.blanks[0].range.end.character), '〔연구개발과제 명칭〕');
    assert.equal(cover.entries.find((e) => e.path[0] === 'formVersion')!.state, 'written');
    const applicant = cover.entries.find((e) => e.path[0] === 'applicant')!;
    assert.equal(applicant.state, 'partial'); // type "industry", youthCompany false, numbers
    assert.ok(applicant.blanks.some((b) => b.label === '기업(관)명' && b.kind === 'placeholder'));
    assert.ok(applicant.blanks.some((b) => b.kind === 'sample' && b.text === '123-45-67891'));
    const overviewChapter = chapter(overview, 'I');
    assert.equal(overviewChapter.key, 'overview');
    assert.equal(overviewChapter.label, 'I 과제 개요');
    assert.equal(overviewChapter.state, 'empty');
    assert.deepEqual(
      overviewChapter.entries.map((e) => [e.label, e.state]),
      [
        ['과제 목표', 'empty'],
        ['지원 필요성', 'empty'],
      ],
    );
    const staff = chapter(overview, '붙임0');
    assert.equal(staff.entries.length, 1);
    assert.equal(staff.entries[0].path.join('.'), 'staff.0');
    assert.equal(overview.totals.writtenSections < 5, true, `${overview.totals.writtenSections} written`);
  });

  it('answers the overview of the complete example: every section written, nothing to write', async () => {
    await start(VSCODE_OPTIONS, 'en');
    const uri = 'file:///complete-overview.gpuplan.json';
    client.open(uri, complete);
    await client.diagnostics(uri);
    const overview = (await client.connection.sendRequest(OverviewRequest, { uri }))!;
    assert.equal(overview.totals.toWrite, 0);
    assert.equal(overview.totals.errors, 0);
    assert.equal(overview.totals.writtenSections, 17);
    for (const c of overview.chapters) assert.equal(c.state, 'written', c.label);
    // Rows of 붙임0 by the person's name, as the outline names them.
    assert.match(chapter(overview, '붙임0').entries[0].label, /^1\. \S/);
  });

  it('names a missing section as missing, with the error that asks for it', async () => {
    await start(VSCODE_OPTIONS);
    const plan = JSON.parse(complete) as Record<string, unknown>;
    delete plan.staff;
    (plan.overview as Record<string, unknown>).necessity = '';
    const uri = 'file:///missing.gpuplan.json';
    client.open(uri, JSON.stringify(plan, null, 2));
    await client.diagnostics(uri, (d) => d.length > 0);
    const overview = (await client.connection.sendRequest(OverviewRequest, { uri }))!;
    const staff = chapter(overview, '붙임0');
    assert.equal(staff.state, 'missing');
    assert.equal(staff.range, undefined);
    assert.equal(staff.counts.errors, 1);
    const overviewChapter = chapter(overview, 'I');
    assert.equal(overviewChapter.state, 'partial');
    assert.deepEqual(
      overviewChapter.entries.map((e) => [e.label, e.state, e.counts.toWrite]),
      [
        ['과제 목표', 'written', 0],
        ['지원 필요성', 'empty', 1],
      ],
    );
    assert.equal(overview.totals.writtenSections, 15);
  });

  it('counts blanks apart in the cost preview of a client that lists them', async () => {
    await start(VSCODE_OPTIONS);
    const uri = 'file:///skeleton-cost.gpuplan.json';
    client.open(uri, skeleton);
    await client.diagnostics(uri, (d) => d.length > 0);
    const preview = (await client.connection.sendRequest(CostPreviewRequest, { uri }))!;
    assert.deepEqual(preview.counts, { error: 1, warning: 1, information: 0 });
    assert.ok((preview.toWrite ?? 0) > 50);
  });

  it("says each part in words, in the server's language", async () => {
    await start(VSCODE_OPTIONS);
    const uri = 'file:///skeleton-words.gpuplan.json';
    client.open(uri, skeleton);
    await client.diagnostics(uri, (d) => d.length > 0);
    const overview = (await client.connection.sendRequest(OverviewRequest, { uri }))!;
    const title = chapter(overview, '표지').entries.find((e) => e.path[0] === 'projectTitle')!;
    assert.deepEqual(title.text, { state: '아직 작성하지 않음', counts: '작성할 곳 1' });
    assert.equal(chapter(overview, '표지').entries.find((e) => e.path[0] === 'formVersion')!.text.state, '작성함');
    assert.match(overview.totalsText.counts, /^작성할 곳 \d+ · 오류 1건 · 경고 1건$/);
    assert.match(overview.totalsText.sections, /^섹션 17개 중 \d+개 작성$/);
  });

  it('gives New Plan its text: the skeleton, 2-space indented, with the title placeholder to start at', async () => {
    await start(VSCODE_OPTIONS);
    const plan = await client.connection.sendRequest(NewPlanRequest);
    const parsed = JSON.parse(plan.text) as Record<string, unknown>;
    assert.ok(!('$schema' in parsed));
    assert.equal(parsed.formVersion, '2025-12');
    assert.ok(plan.text.endsWith('}\n'));
    assert.ok(plan.text.startsWith('{\n' + ' '.repeat(2) + '"formVersion"'), '2-space indentation');
    const line = plan.text.split('\n')[plan.start.start.line];
    assert.equal(plan.start.start.line, plan.start.end.line);
    assert.equal(line.slice(plan.start.start.character, plan.start.end.character), '〔연구개발과제 명칭〕');
  });

  it('offers "Turn off this rule" once per rule of the diagnostics, to a client that implements the command', async () => {
    await start(VSCODE_OPTIONS);
    const uri = 'file:///mistakes-turn-off.gpuplan.json';
    client.open(uri, mistakes);
    const diagnostics: Diagnostic[] = await client.diagnostics(uri, (d) => d.length > 0);
    const first = diagnostics.find((d) => d.code !== 'schema' && d.code !== 'syntax')!;
    const same = diagnostics.filter((d) => d.code === first.code);
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [...same, first] },
    });
    const off = actions.filter((a) => a.command?.command === 'gpuplan.turnOffRule');
    assert.equal(off.length, 1, actions.map((a) => a.title).join('\n'));
    assert.equal(off[0].title, `이 규칙 끄기 (${String(first.code)})`);
    assert.deepEqual(off[0].command!.arguments, [first.code, uri]);
    assert.equal(off[0].kind, 'quickfix');
    assert.equal(actions[actions.length - 1], off[0], 'last in the light bulb');
    await client.dispose();

    await start({ blanks: 'information' });
    client.open(uri, mistakes);
    const plain = await client.diagnostics(uri, (d) => d.length > 0);
    const again = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: plain[0].range,
      context: { diagnostics: plain },
    });
    assert.ok(
      again.every((a) => a.command?.command !== 'gpuplan.turnOffRule'),
      'not for a client without the command',
    );
  });

  it("makes the cost preview's HTML: the body with the year on the chart's axis, and the what-if result against the plan", async () => {
    await start(VSCODE_OPTIONS);
    const uri = 'file:///complete-html.gpuplan.json';
    const changed = new Promise<CostPreview>((resolve) => client.connection.onNotification(CostChangedNotification, resolve));
    client.open(uri, complete);
    const notified = await changed;
    assert.match(notified.html?.body ?? '', /data-figure="applicable">76,800,000원</);
    assert.match(notified.html?.body ?? '', />&#39;26\.3</);
    const whatIf = (await client.connection.sendRequest(CostPreviewRequest, { uri, override: { type: 'H200', servers: 8, months: 6 }, html: true }))!;
    assert.match(whatIf.html?.whatIf ?? '', /153,600,000원/);
    assert.match(whatIf.html?.whatIf ?? '', /\+76,800,000원/);
    // The body stays the plan's own figures.
    assert.match(whatIf.html?.body ?? '', /data-figure="applicable">76,800,000원</);
    const bare = (await client.connection.sendRequest(CostPreviewRequest, { uri }))!;
    assert.equal(bare.html, undefined);
  });
});
