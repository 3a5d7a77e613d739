/**
 * `gpuplan import`: the filled form read back into a plan.
 *
 *  - Round trip: our own DOCX, HWPX and PDF exports of examples/complete.gpuplan.json come back as
 *    the same plan (≥ 97% of the leaf fields equal for DOCX and HWPX, ≥ 90% for PDF, every number
 *    and every flag equal).
 *  - The official form filled in as an applicant fills it (test/fixtures/import/make-filled-form.mjs
 *    writes it from the template, values typed into the form's cells; no gpuplan export involved),
 *    as HWPX and as DOCX, imports as filled-form.expected.gpuplan.json; its guide lines are dropped
 *    and listed, the note it has no place for is reported and kept for review.
 *  - The command: a document that is not the form, an encrypted HWP, a scan, an empty file exit 2
 *    with a message in Korean and English and write nothing; an existing output is replaced only
 *    with --overwrite; it reads offline (every network API blocked).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findPdfTools } from '../../server/src/export';
import { importDocument, REVIEW_TAG, type ImportResult } from '../../server/src/import';
import { ROOT } from '../support/fixtures';
import { encryptedHwp, otherDocx, scannedPdf } from '../support/import-inputs';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const COMPLETE = path.join(ROOT, 'examples', 'complete.gpuplan.json');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');
const PRELOAD = path.join(ROOT, 'out', 'test', 'support', 'no-network.js');

type Leaf = string | number | boolean | null;

/** The plan's leaves by path (`gpuPlan.stages[0].servers`), without $schema. */
function leaves(value: unknown, prefix = ''): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (v: unknown, p: string): void => {
    if (Array.isArray(v))
      v.forEach((x, i) => {
        walk(x, `${p}[${i}]`);
      });
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, p ? `${p}.${k}` : k);
    else out.set(p, v as Leaf);
  };
  walk(value, prefix);
  out.delete('$schema');
  return out;
}

interface Comparison {
  readonly total: number;
  readonly equal: number;
  readonly share: number;
  readonly different: string[];
  /** Numbers and flags of the expected plan that the import does not give back equal. */
  readonly figures: string[];
}

function compare(expected: unknown, actual: unknown): Comparison {
  const want = leaves(expected);
  const got = leaves(actual);
  const different: string[] = [];
  const figures: string[] = [];
  for (const [p, v] of want) {
    if (got.get(p) === v) continue;
    const line = `${p}: ${JSON.stringify(v)} ≠ ${JSON.stringify(got.get(p))}`;
    different.push(line);
    if (typeof v === 'number' || typeof v === 'boolean') figures.push(line);
  }
  const equal = want.size - different.length;
  return { total: want.size, equal, share: equal / want.size, different, figures };
}

function run(args: string[], cwd: string, node: string[] = []) {
  const result = spawnSync(process.execPath, [...node, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GPUPLAN_LANG: '', LANG: 'C' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('import: our exports of the complete example come back as the same plan', function () {
  this.timeout(180_000);
  const expected: unknown = JSON.parse(fs.readFileSync(COMPLETE, 'utf8'));
  let dir: string;
  const results = new Map<string, ImportResult>();

  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-import-rt-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function roundTrip(format: 'docx' | 'hwpx' | 'pdf'): Promise<Comparison> {
    const file = path.join(dir, `complete.${format}`);
    const exported = run(['export', COMPLETE, '--format', format, '-o', file, '--overwrite'], dir);
    assert.equal(exported.code, 0, exported.stderr);
    const result = await importDocument(fs.readFileSync(file), path.basename(file));
    results.set(format, result);
    assert.equal(result.format, format);
    return compare(expected, result.plan);
  }

  for (const [format, threshold] of [
    ['docx', 0.97],
    ['hwpx', 0.97],
    ['pdf', 0.9],
  ] as const) {
    it(`${format.toUpperCase()}: at least ${threshold * 100}% of the leaf fields equal, every number and flag equal`, async function () {
      if (format === 'pdf' && !findPdfTools().chromium && !findPdfTools().libreoffice) this.skip();
      const c = await roundTrip(format);
      assert.ok(c.total > 500, `the example has ${c.total} leaves`);
      assert.ok(c.share >= threshold, `${c.equal}/${c.total} = ${(c.share * 100).toFixed(1)}%:\n${c.different.join('\n')}`);
      assert.deepEqual(c.figures, []);
      const report = results.get(format)?.report;
      assert.deepEqual(
        report?.entries.filter((e) => e.kind === 'unmapped' || e.kind === 'conflict').map((e) => e.text),
        [],
        'our own export has nothing the import cannot place',
      );
    });
  }
});

describe('import: the official form, filled in as an applicant fills it', function () {
  this.timeout(60_000);
  const expected: unknown = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'filled-form.expected.gpuplan.json'), 'utf8'));

  for (const format of ['hwpx', 'docx'] as const) {
    it(`${format.toUpperCase()}: imports as the expected plan, guide dropped and listed, the stray note kept for review`, async () => {
      const result = await importDocument(fs.readFileSync(path.join(FIXTURES, `filled-form.${format}`)), `filled-form.${format}`);
      assert.deepEqual(result.plan, expected);
      const kinds = (kind: string) => result.report.entries.filter((e) => e.kind === kind);
      // The ★ lines and the 작성요령 boxes: dropped, each listed.
      const guide = kinds('guide').map((e) => e.text);
      assert.ok(guide.length >= 100, `${guide.length} guide lines`);
      assert.ok(guide.some((t) => t.startsWith('- ★ 국가 AI컴퓨팅 자원을 활용하는 연구과제에 대한 개괄적인 설명')));
      assert.ok(guide.some((t) => t.includes('작성 완료 후 요령은 삭제할 것')));
      assert.ok(!JSON.stringify(result.plan).includes('★'), 'no guide line in the plan');
      // The one passage the form has no place for: reported, and kept in its chapter's first section.
      const unmapped = kinds('unmapped');
      assert.deepEqual(
        unmapped.map((e) => [e.place, e.text, e.path]),
        [['I 과제 개요', '※ 본 계획서의 수치는 2025년 12월 기준이며 협력 병원 2곳의 확인을 받았음', 'overview.goal.content']],
      );
      assert.ok(JSON.stringify(result.plan).includes(`${REVIEW_TAG} ※ 본 계획서의 수치는`));
      // The 산출 내역 is gpuplan's own calculation: read, listed, not copied.
      assert.deepEqual(
        kinds('recomputed').map((e) => e.text),
        ['3,200,000원 x 2대 x 6개월'],
      );
    });
  }

  it("the fixture is the template filled in: its guide lines and table labels are the form's", () => {
    const markdown = fs.readFileSync(path.join(FIXTURES, 'filled-form.md'), 'utf8');
    for (const text of [
      '사업수행계획서 (Open Track, 산·학·연)',
      '★ GPU 요청 규모의 적정성',
      '작성 완료 후 요령은 삭제할 것',
      "수행일정('26년)",
      '대표자성명(국적)',
    ])
      assert.ok(markdown.includes(text), text);
  });
});

describe('CLI: gpuplan import (bundled dist/cli.js)', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-import-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the plan next to the document, prints the report, exits 0; gpuplan check reads the plan', () => {
    fs.copyFileSync(path.join(FIXTURES, 'filled-form.hwpx'), path.join(dir, '계획서.hwpx'));
    const r = run(['import', '계획서.hwpx', '--lang', 'en'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Wrote 계획서\.gpuplan\.json\. Check it with "gpuplan check 계획서\.gpuplan\.json"\.$/m);
    assert.match(
      r.stdout,
      /Read 계획서\.hwpx \(HWPX\): 154 value\(s\) mapped into the plan, 1 passage\(s\) not mapped, 0 placeholder\(s\) left unfilled, 105 line\(s\) of the form's guide dropped\./,
    );
    assert.match(r.stdout, /text under the chapter heading, before its first section \[overview\.goal\.content\]/);
    const plan = JSON.parse(fs.readFileSync(path.join(dir, '계획서.gpuplan.json'), 'utf8')) as { projectTitle: string };
    assert.equal(plan.projectTitle, '흉부 CT 영상 판독문 자동 생성 멀티모달 모델 개발 및 지역 병원 판독 지원 서비스 실증');
    // gpuplan check understands it: what it finds is only what the half-filled form left to write.
    const check = run(['check', '계획서.gpuplan.json', '--format', 'json', '--lang', 'en'], dir);
    assert.equal(check.code, 1, check.stderr);
    const findings = JSON.parse(check.stdout) as Array<{ code: string; message: string }>;
    assert.ok(findings.length > 0);
    const other = findings.filter((f) => !(f.code === 'schema' && f.message.startsWith('Missing required')) && f.code !== 'acknowledgement-missing');
    assert.deepEqual(other, []);
  });

  it('speaks Korean: the summary and the report', () => {
    const r = run(['import', path.join(FIXTURES, 'filled-form.docx'), '-o', 'p.gpuplan.json', '--lang', 'ko'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /filled-form\.docx 파일을 읽었습니다\(DOCX\): 계획서에 옮긴 값 154개, 옮기지 못한 부분 1개/);
    assert.match(r.stdout, /장 제목 아래, 첫 절 앞에 있는 글입니다/);
  });

  it('--report json: the report on stdout, the message on stderr', () => {
    const r = run(['import', path.join(FIXTURES, 'filled-form.hwpx'), '-o', 'p.gpuplan.json', '--report', 'json', '--lang', 'en'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as {
      format: string;
      values: number;
      entries: Array<{ kind: string; where: string; text: string; reason: string; path?: string }>;
    };
    assert.equal(report.format, 'hwpx');
    assert.equal(report.values, 154);
    assert.equal(report.entries.filter((e) => e.kind === 'guide').length, 105);
    const note = report.entries.find((e) => e.kind === 'unmapped');
    assert.equal((note as { place?: string } | undefined)?.place, 'I 과제 개요');
    assert.match(note?.where ?? '', /^I 과제 개요/);
    assert.equal(note?.path, 'overview.goal.content');
    assert.match(r.stderr, /^Wrote p\.gpuplan\.json\./);
  });

  it('never replaces an existing output without --overwrite', () => {
    const target = path.join(dir, 'p.gpuplan.json');
    fs.writeFileSync(target, 'keep me');
    const form = path.join(FIXTURES, 'filled-form.hwpx');
    let r = run(['import', form, '-o', 'p.gpuplan.json', '--lang', 'en'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /p\.gpuplan\.json already exists\. Add --overwrite to replace it\./);
    assert.equal(fs.readFileSync(target, 'utf8'), 'keep me');
    r = run(['import', form, '-o', 'p.gpuplan.json', '--lang', 'ko'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /p\.gpuplan\.json 파일이 이미 있습니다/);
    r = run(['import', form, '-o', 'p.gpuplan.json', '--overwrite'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(fs.readFileSync(target, 'utf8')) as { applicant: { name: string } }).applicant.name, '주식회사 메디코어랩');
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f !== 'p.gpuplan.json'),
      [],
      'no temporary file is left',
    );
  });

  it('refuses to write over the document itself, or into a folder', () => {
    fs.copyFileSync(path.join(FIXTURES, 'filled-form.hwpx'), path.join(dir, 'f.hwpx'));
    let r = run(['import', 'f.hwpx', '-o', 'f.hwpx', '--overwrite', '--lang', 'en'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is the document itself/);
    fs.mkdirSync(path.join(dir, 'out.gpuplan.json'));
    r = run(['import', 'f.hwpx', '-o', 'out.gpuplan.json', '--lang', 'en'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is a folder/);
  });

  const hostile: Array<[string, () => Buffer | Promise<Buffer>, RegExp, RegExp]> = [
    ['minutes.docx', otherDocx, /does not look like the 사업수행계획서/, /사업수행계획서로 보이지 않습니다/],
    ['locked.hwp', encryptedHwp, /protected by a password/, /암호가 걸려 있습니다/],
    ['scan.pdf', scannedPdf, /no text, only images/, /글자 없이 이미지만 있습니다/],
    ['empty.hwpx', () => Buffer.alloc(0), /The file is empty/, /파일이 비어 있어/],
  ];
  for (const [name, make, en, ko] of hostile) {
    it(`${name}: a clear message in English and Korean, exit 2, nothing written`, async () => {
      fs.writeFileSync(path.join(dir, name), await make());
      for (const [lang, message] of [
        ['en', en],
        ['ko', ko],
      ] as const) {
        const r = run(['import', name, '--lang', lang], dir);
        assert.equal(r.code, 2, r.stdout);
        assert.match(r.stderr, message);
        assert.ok(r.stderr.startsWith(`gpuplan: ${name}: `), r.stderr);
        assert.deepEqual(fs.readdirSync(dir), [name], 'nothing written');
      }
    });
  }

  it('reads offline: with every network and process API blocked it imports all the same', () => {
    const log = path.join(dir, 'network.log');
    const result = spawnSync(process.execPath, ['-r', PRELOAD, CLI, 'import', path.join(FIXTURES, 'filled-form.hwpx'), '-o', 'p.gpuplan.json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GPUPLAN_NETWORK_LOG: log, LANG: 'C' },
    });
    assert.equal(result.status, 0, result.stderr);
    const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
    assert.ok(
      lines.some((l) => l.startsWith('loaded ')),
      'the preload ran',
    );
    assert.deepEqual(
      lines.filter((l) => l.startsWith('blocked ')),
      [],
    );
  });

  it('asks for exactly one document and a known report format', () => {
    assert.equal(run(['import', '--lang', 'en'], dir).code, 2);
    const r = run(['import', 'a.hwpx', '--report', 'xml', '--lang', 'en'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown report format "xml"/);
  });
});
