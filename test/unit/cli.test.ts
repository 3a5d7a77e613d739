import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXAMPLES, ROOT, readExample } from '../support/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GPUPLAN_LANG: '', LANG: 'C', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const complete = path.join('examples', 'complete.gpuplan.json');
const mistakes = path.join('examples', 'mistakes.gpuplan.json');

describe('CLI (bundled dist/cli.js)', () => {
  before(() => assert.ok(fs.existsSync(CLI), 'run `npm run build` first'));

  describe('check', () => {
    it('prints no findings and exits 0 for the complete example', () => {
      const { code, stdout } = run(['check', complete, '--lang', 'en']);
      assert.equal(code, 0);
      assert.match(stdout, /No problems found in 1 file\(s\)\./);
    });

    it('stylish: one line per finding with line:column, severity, message and code; exits 1', () => {
      const { code, stdout } = run(['check', mistakes, '--lang', 'en']);
      assert.equal(code, 1);
      assert.match(stdout, /^examples\/mistakes\.gpuplan\.json$/m);
      assert.match(stdout, /^\s+\d+:\d+\s+error\s+.+\s+registration-number-checksum$/m);
      assert.match(stdout, /✖ 36 problem\(s\): 11 error\(s\), 23 warning\(s\), 2 information\./);
    });

    it('speaks Korean with --lang ko, and by default', () => {
      const ko = run(['check', mistakes, '--lang', 'ko']).stdout;
      assert.match(ko, /사업자등록번호 214-86-47313의 검증번호가 맞지 않습니다/);
      assert.match(ko, /문제 36건: 오류 11건, 경고 23건, 정보 2건/);
      assert.equal(run(['check', mistakes]).stdout, ko);
      assert.match(run(['check', mistakes], { LANG: 'en_US.UTF-8' }).stdout, /fails its check digit/);
    });

    it('json: an array of findings with 0-based LSP ranges', () => {
      const { code, stdout } = run(['check', mistakes, '--format', 'json', '--lang', 'en']);
      assert.equal(code, 1);
      const findings = JSON.parse(stdout) as Array<{ file: string; code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
      assert.equal(findings.length, 36);
      const registration = findings.find((f) => f.code === 'registration-number-checksum')!;
      assert.deepEqual(Object.keys(registration).sort(), ['code', 'file', 'message', 'range', 'severity']);
      assert.equal(registration.file, mistakes);
      assert.equal(registration.severity, 'error');
      const lines = readExample('mistakes.gpuplan.json').split('\n');
      const { start, end } = registration.range;
      assert.equal(lines[start.line].slice(start.character, end.character), '"214-86-47313"');
    });

    it('sarif: a SARIF 2.1.0 log with rules, levels and 1-based regions', () => {
      const { code, stdout } = run(['check', mistakes, '--format', 'sarif', '--lang', 'en']);
      assert.equal(code, 1);
      const log = JSON.parse(stdout);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      const [runResult] = log.runs;
      assert.equal(runResult.tool.driver.name, 'gpuplan');
      const ruleIds = runResult.tool.driver.rules.map((r: { id: string }) => r.id);
      assert.ok(ruleIds.includes('page-budget') && ruleIds.includes('syntax'));
      assert.equal(runResult.results.length, 36);
      for (const result of runResult.results) {
        assert.equal(ruleIds[result.ruleIndex], result.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(result.level));
        assert.ok(result.message.text.length > 0);
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        assert.equal(artifactLocation.uri, 'examples/mistakes.gpuplan.json');
        assert.ok(region.startLine >= 1 && region.startColumn >= 1);
      }
      const info = runResult.results.find((r: { ruleId: string }) => r.ruleId === 'large-project-review');
      assert.equal(info.level, 'note');
    });

    it('checks several files and exits 1 when any has an error', () => {
      const { code, stdout } = run(['check', complete, mistakes, '--format', 'json']);
      assert.equal(code, 1);
      assert.deepEqual([...new Set(JSON.parse(stdout).map((f: { file: string }) => f.file))], [mistakes]);
    });

    it('explains a missing file, a file that is not a plan, and an unknown flag (exit 2)', () => {
      const missing = run(['check', 'nope.gpuplan.json', '--lang', 'en']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /File not found: nope\.gpuplan\.json/);

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-'));
      const notPlan = path.join(dir, 'package.json');
      fs.writeFileSync(notPlan, '{ "name": "x", "version": "1.0.0" }');
      const wrong = run(['check', notPlan, '--lang', 'en']);
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /is not a gpuplan plan/);
      fs.writeFileSync(notPlan, 'hello, world');
      assert.equal(run(['check', notPlan]).code, 2);

      const flag = run(['check', complete, '--frmat', 'json', '--lang', 'en']);
      assert.equal(flag.code, 2);
      assert.match(flag.stderr, /Unknown option: --frmat/);
      assert.match(flag.stderr, /gpuplan --help/);

      const format = run(['check', complete, '--format', 'xml', '--lang', 'en']);
      assert.equal(format.code, 2);
      assert.match(format.stderr, /Unknown format "xml"/);
    });

    it('has --help', () => {
      const { code, stdout } = run(['check', '--help', '--lang', 'en']);
      assert.equal(code, 0);
      assert.match(stdout, /--format stylish\|json\|sarif/);
      assert.match(run(['--help', '--lang', 'ko']).stdout, /사용법:/);
    });
  });

  describe('cost', () => {
    it('prints the form\'s table with amounts written like 38,400,000원', () => {
      const { code, stdout } = run(['cost', complete, '--lang', 'ko']);
      assert.equal(code, 0);
      for (const cell of ['신청상품', '기준단가(서버1대/월)', 'H200', '서버 4대', '3,200,000원 (400,000원 x 8장)', '6개월', '3,200,000원 x 4대 x 6개월', '76,800,000원']) {
        assert.ok(stdout.includes(cell), cell);
      }
      assert.match(stdout, /실제 부담액: 76,800,000원 \(산업계: 전액 부담\)/);
    });

    it('json: the cost model', () => {
      const model = JSON.parse(run(['cost', complete, '--format', 'json']).stdout);
      assert.equal(model.baseWon, 76_800_000);
      assert.equal(model.gpus, 32);
      assert.equal(model.payer.policy, 'full');
      assert.equal(model.stages.length, 3);
    });

    it('computes the youth discount from the file', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-'));
      const file = path.join(dir, 'youth.gpuplan.json');
      fs.writeFileSync(file, readExample('complete.gpuplan.json').replace('"youthCompany": false', '"youthCompany": true').replace('"birthDate": "1979-04-17"', '"birthDate": "1990-04-17"'));
      assert.match(run(['cost', file, '--lang', 'ko']).stdout, /실제 부담액: 38,400,000원 \(청년기업/);
    });

    it('applies the youth discount only when the form\'s definition is met, and says why not', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-'));
      const file = path.join(dir, 'not-youth.gpuplan.json');
      fs.writeFileSync(file, readExample('complete.gpuplan.json').replace('"youthCompany": false', '"youthCompany": true'));
      assert.match(run(['cost', file, '--lang', 'ko']).stdout, /실제 부담액: 76,800,000원 \(산업계: 전액 부담 \(청년기업 감면 미적용: 대표자가 1985\.12\.22\. 이전 출생\)\)/);
      const model = JSON.parse(run(['cost', file, '--format', 'json']).stdout);
      assert.equal(model.payer.policy, 'full');
      assert.equal(model.payer.youthCompanyDeclared, true);
      assert.equal(model.payer.youthCompanyRefusal, 'bornBefore');
      assert.equal(model.payer.applicableWon, 76_800_000);
      assert.ok(run(['check', file, '--format', 'json']).stdout.includes('youth-company-mismatch'));
    });

    it('has --help and rejects extra files', () => {
      assert.equal(run(['cost', '--help']).code, 0);
      assert.equal(run(['cost', complete, complete]).code, 2);
    });
  });

  it('the examples folder has the three plans', () => {
    for (const name of ['complete', 'skeleton', 'mistakes']) assert.ok(fs.existsSync(path.join(EXAMPLES, `${name}.gpuplan.json`)));
  });
});
