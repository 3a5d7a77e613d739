/**
 * The core's service in process: the one door the language server, the CLI and these tests go
 * through. The stdio protocol tests drive the same service through the server.
 */
import * as assert from 'node:assert/strict';
import { RULE_CODES, createPlanService, type Analysis, type Finding } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/edit/fix';
import { readExample } from '../support/fixtures';
import { service } from '../support/service';

const complete = readExample('complete.gpuplan.json');
const mistakes = readExample('mistakes.gpuplan.json');
const signature = (f: Finding): string => `${f.code} ${(f.path ?? []).join('.')}`;
const offsetOf = (text: string, needle: string): number => {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the text`);
  return at;
};

describe('service: analysis', () => {
  it('analyses a text in the requested language, with the options it was made with', () => {
    const ko = service.analyze(mistakes, { locale: 'ko' });
    const en = service.analyze(mistakes, { locale: 'en' });
    assert.equal(ko.findings.length, en.findings.length);
    assert.ok(ko.findings.every((f) => RULE_CODES.includes(f.code as (typeof RULE_CODES)[number])));
    assert.deepEqual(en.options, { locale: 'en' });
    assert.ok(ko.findings.some((f) => /[가-힣]/.test(f.message)));
  });

  it('updates after one edit exactly as a full analysis would, inside prose and elsewhere', () => {
    const before = service.analyze(complete, { locale: 'en' });
    const cases = [
      { needle: '"servers": 4,', delta: '"servers": '.length, length: 1, text: '40' },
      { needle: '현재 보유 자원의 한계', delta: 0, length: 0, text: '확장이 가능하다 ' },
    ];
    for (const { needle, delta, length, text: inserted } of cases) {
      const offset = offsetOf(complete, needle) + delta;
      const text = complete.slice(0, offset) + inserted + complete.slice(offset + length);
      const updated = service.update(before, { offset, length, text: inserted }, text);
      const full = service.analyze(text, { locale: 'en' });
      assert.deepEqual(updated.findings, full.findings, needle);
      assert.equal(updated.document.text, text);
    }
  });
});

describe('service: fixes', () => {
  it('finds the fixes of the findings that overlap a range, and narrows them by code', () => {
    const text = complete.replace('"servers": 4,', '"servers": 40,');
    const analysis = service.analyze(text, { locale: 'en' });
    const at = offsetOf(text, '"servers": 40') + '"servers": '.length;
    const fixes = service.fixesAt(analysis, { offset: at + 1, length: 0 });
    const range = fixes.find((f) => f.finding.code === 'gpu-servers-range');
    assert.ok(range, fixes.map((f) => f.finding.code).join());
    assert.match(range.fix.title, /32/);
    assert.equal(applyEdits(text, range.fix.edits ?? []).includes('"servers": 32,'), true);
    assert.deepEqual(service.fixesAt(analysis, { offset: at, length: 2 }, ['copayment-mismatch']), []);
    assert.deepEqual(service.fixesAt(analysis, { offset: 0, length: 0 }), []);
  });

  it('fix-all applies fixes in dependency order and leaves no new finding', () => {
    const analysis = service.analyze(mistakes, { locale: 'en' });
    const result = service.fixAll(analysis);
    assert.ok(result.applied > 0);
    assert.equal(result.edits.length, 1);
    assert.equal(applyEdits(mistakes, result.edits), result.text);
    const before = new Set(analysis.findings.map(signature));
    const after = service.analyze(result.text, { locale: 'en' });
    const fresh = after.findings.filter((f) => !before.has(signature(f)));
    assert.deepEqual(
      fresh.map((f) => `${signature(f)}: ${f.message}`),
      [],
    );
    // The declared total follows the fixed request (servers and months), not the broken one.
    const plan = after.plan as { gpu?: { servers?: number; months?: number }; gpuPlan?: { copayment?: { totalWon?: number } } };
    const total = plan.gpuPlan?.copayment?.totalWon;
    if (total !== undefined) assert.equal(total, after.cost.baseWon);
    assert.ok(!after.findings.some((f) => f.code === 'copayment-mismatch'), 'the co-payment agrees with the fixed request');
  });

  it('offers one "fix all of this kind" only when a code has two or more combinable fixes', () => {
    const one = service.analyze(complete.replace('"total": 21', '"total": 22'), { locale: 'en' });
    assert.equal(service.fixAllOfCode(one, 'employees-total-mismatch'), undefined);
    const two = service.analyze(complete.replace(/"gpus": 32/g, '"gpus": 30'), { locale: 'en' });
    const all = service.fixAllOfCode(two, 'stage-gpu-server-mismatch');
    assert.ok(all && (all.edits?.length ?? 0) >= 2);
  });
});

describe('service: figures for editors', () => {
  const analysis: Analysis = service.analyze(complete, { locale: 'ko' });

  it('gives the cost preview with the program limits, so clients keep no copy of the figures', () => {
    const preview = service.costPreview(analysis, 'ko');
    assert.equal(preview.cost.baseWon, 76_800_000);
    assert.match(preview.table.summary, /76,800,000원/);
    assert.deepEqual(preview.limits.types.map((t) => t.type).sort(), ['B200', 'H200']);
    assert.ok(preview.limits.months.min < preview.limits.months.max);
    assert.ok(preview.limits.gpusPerServer > 0);
    assert.deepEqual(preview.counts, { error: 0, warning: 0, information: 0 });
    const whatIf = service.costPreview(analysis, 'en', { type: 'B200', servers: 3, months: 5 });
    assert.equal(whatIf.cost.baseWon, 96_000_000);
  });

  it('puts CodeLenses on the request and the declared co-payment', () => {
    const lenses = service.codeLenses(analysis, 'ko');
    assert.deepEqual(
      lenses.map((l) => complete.slice(l.offset, l.offset + l.length)),
      ['"gpu"', '"copayment"'],
    );
    assert.ok(lenses.every((l) => /민간부담금 76,800,000원/.test(l.title)));
  });

  it('adds the label, the allowed range and the amount to a hover on the request', () => {
    const facts = service.hover(analysis, ['gpu', 'servers'], 'en');
    assert.equal(facts.label, '서버 수');
    assert.match(facts.allowed ?? '', /H200: 2–32 servers/);
    assert.match(facts.amount ?? '', /76,800,000원/);
    assert.match(facts.description ?? '', /^Servers requested/);
    const title = service.hover(analysis, ['projectTitle'], 'en');
    assert.equal(title.allowed, undefined);
    assert.equal(title.amount, undefined);
  });

  it("labels enum values with the form's Korean words", () => {
    assert.match(service.enumLabel(['applicant', 'type'], 'industry') ?? '', /산업계/);
    assert.match(service.enumLabel(['projectInfo', 'fields', 0], 'language') ?? '', /언어/);
    assert.equal(service.enumLabel(['applicant', 'type'], 'nope'), undefined);
  });

  it("outlines the plan by the form's parts, and lists the sections with what is written", () => {
    const names = service.outline(analysis).map((o) => o.name);
    assert.equal(names[0], '표지 (사업수행계획서)');
    assert.ok(names.includes('I 과제 개요') && names.includes('붙임0 투입 인력 현황'));
    const sections = service.sections(service.analyze('{ "projectTitle": "x" }'));
    assert.equal(sections.find((s) => s.key === 'projectTitle')?.present, true);
    assert.equal(sections.find((s) => s.key === 'gpu')?.present, false);
  });

  it('says where a missing section goes, and writes a GPU request as one edit', () => {
    const partial = service.analyze('{\n  "projectTitle": "x",\n  "pledge": { "agreed": true }\n}\n');
    const insertion = service.insertion(partial, [], 'gpu');
    assert.ok(insertion?.kind === 'insert');
    assert.ok(insertion.offset < partial.document.text.indexOf('"pledge"'), 'before the pledge, as in the form');
    const edit = service.gpuEdit(analysis, { type: 'H200', servers: 8, months: 6 });
    assert.ok(edit);
    assert.match(applyEdits(complete, [edit]), /"servers": 8/);
  });
});

describe('service: document and export', () => {
  it('builds the document model and exports through the writers it was given (injected I/O)', async () => {
    const written: string[] = [];
    const fake = createPlanService({
      exporters: {
        txt: (document, options) => {
          written.push(`${document.meta.title} ${String(options?.includeFindings)}`);
          return Promise.resolve({ bytes: new TextEncoder().encode('ok'), tool: 'fake' });
        },
      },
    });
    const analysis = fake.analyze(complete);
    assert.deepEqual(fake.exportFormats, ['txt']);
    const file = await fake.exportDocument(analysis, 'txt', { includeFindings: false });
    assert.equal(new TextDecoder().decode(file.bytes), 'ok');
    assert.equal(file.tool, 'fake');
    assert.equal(written.length, 1);
    await assert.rejects(fake.exportDocument(analysis, 'docx'), /No writer/);
    assert.ok(fake.documentModel(analysis).blocks.length > 50);
  });

  it('lists the open findings in an export only when asked', async () => {
    const analysis = service.analyze(mistakes, { locale: 'ko' });
    const text = async (includeFindings: boolean) => new TextDecoder().decode((await service.exportDocument(analysis, 'html', { includeFindings })).bytes);
    assert.ok(!(await text(false)).includes('registration-number-checksum'));
    assert.ok((await text(true)).includes('registration-number-checksum'));
  });
});
