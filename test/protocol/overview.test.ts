/**
 * `gpuplan/overview`, blanks as hints and the rule pages of diagnostics, over stdio as VS Code's
 * client uses them (initializationOptions `blanks: "hint"` and `ruleDocs`), and as a client
 * that asks for neither gets them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { CostPreviewRequest, OverviewRequest, type OverviewChapter, type PlanOverview } from '../../shared/src/protocol';
import { readExample, ROOT } from '../support/fixtures';
import { FULL_CAPABILITIES, TestClient } from '../support/lsp-client';

const skeleton = readExample('skeleton.gpuplan.json');
const complete = readExample('complete.gpuplan.json');
const mistakes = readExample('mistakes.gpuplan.json');

const CAPABILITIES = {
  ...FULL_CAPABILITIES,
  textDocument: { ...FULL_CAPABILITIES.textDocument, publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true } },
};
const VSCODE_OPTIONS = { blanks: 'information', ruleDocs: 'vscode://gpuplan.gpuplan/rule/{code}' };

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
});
