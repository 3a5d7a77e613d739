import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CostModel } from '../../server/src/core';
import { EXAMPLES, ROOT, readExample } from '../support/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GPUPLAN_LANG: '', LANG: 'C', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What `check --format json` prints: one entry per finding. */
interface JsonFinding {
  readonly file: string;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly range: {
    readonly start: { readonly line: number; readonly character: number };
    readonly end: { readonly line: number; readonly character: number };
  };
}

/** The part of a SARIF 2.1.0 log that `check --format sarif` writes and these tests read. */
interface SarifLog {
  readonly version: string;
  readonly $schema: string;
  readonly runs: ReadonlyArray<{
    readonly tool: { readonly driver: { readonly name: string; readonly rules: ReadonlyArray<{ readonly id: string }> } };
    readonly results: ReadonlyArray<{
      readonly ruleId: string;
      readonly ruleIndex: number;
      readonly level: string;
      readonly message: { readonly text: string };
      readonly locations: ReadonlyArray<{
        readonly physicalLocation: {
          readonly artifactLocation: { readonly uri: string };
          readonly region: { readonly startLine: number; readonly startColumn: number };
        };
      }>;
    }>;
  }>;
}

/** What `cost --format json` prints: the cost model with the file it was read from. */
type CostJson = CostModel & { readonly file: string };

// The CLI's JSON output read as the shape each command promises; the assertions check the values.
const findingsOf = (stdout: string) => JSON.parse(stdout) as JsonFinding[];
const sarifOf = (stdout: string) => JSON.parse(stdout) as SarifLog;
const costOf = (stdout: string) => JSON.parse(stdout) as CostJson;

const complete = path.join('examples', 'complete.gpuplan.json');
const mistakes = path.join('examples', 'mistakes.gpuplan.json');

describe('CLI (bundled dist/cli.js)', () => {
  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  });

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
      const findings = findingsOf(stdout);
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
      const log = sarifOf(stdout);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      const [runResult] = log.runs;
      assert.equal(runResult.tool.driver.name, 'gpuplan');
      const ruleIds = runResult.tool.driver.rules.map((r) => r.id);
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
      const info = runResult.results.find((r) => r.ruleId === 'large-project-review');
      assert.equal(info?.level, 'note');
    });

    it('checks several files and exits 1 when any has an error', () => {
      const { code, stdout } = run(['check', complete, mistakes, '--format', 'json']);
      assert.equal(code, 1);
      assert.deepEqual([...new Set(findingsOf(stdout).map((f) => f.file))], [mistakes]);
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
      const notJson = run(['check', notPlan, '--lang', 'en']);
      assert.equal(notJson.code, 1, 'a file that is not JSON is reported, as the editor shows it');
      assert.match(notJson.stdout, /syntax$/m);

      const flag = run(['check', complete, '--frmat', 'json', '--lang', 'en']);
      assert.equal(flag.code, 2);
      assert.match(flag.stderr, /Unknown option: --frmat/);
      assert.match(flag.stderr, /gpuplan --help/);

      const format = run(['check', complete, '--format', 'xml', '--lang', 'en']);
      assert.equal(format.code, 2);
      assert.match(format.stderr, /Unknown format "xml"/);
    });

    describe('what the editor shows, in every output format, with exit 1', () => {
      let dir: string;
      const files: Array<[string, string, string]> = [
        ['empty.gpuplan.json', '', 'syntax'],
        ['blank.gpuplan.json', '  \n\n', 'syntax'],
        ['hello.json', 'hello, world', 'syntax'],
        ['array.json', '[1, 2, 3]', 'schema'],
        ['string.json', '"a plan"', 'schema'],
        ['null.json', 'null', 'schema'],
      ];
      before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-check-'));
        for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
      });
      after(() => {
        fs.rmSync(dir, { recursive: true, force: true });
      });
      const paths = () => files.map(([name]) => path.join(dir, name));

      it('json: a finding for every file (syntax for an empty file or one that is not JSON, schema for JSON that is not an object)', () => {
        const { code, stdout, stderr } = run(['check', ...paths(), '--format', 'json', '--lang', 'en']);
        assert.equal(code, 1, stderr);
        assert.equal(stderr, '');
        const findings = findingsOf(stdout);
        for (const [name, , expected] of files) {
          const own = findings.filter((f) => f.file === path.join(dir, name));
          assert.ok(own.length >= 1, name);
          assert.ok(
            own.every((f) => f.code === expected && f.severity === 'error'),
            `${name}: ${JSON.stringify(own)}`,
          );
        }
      });

      it('sarif: a result for every file', () => {
        const { code, stdout } = run(['check', ...paths(), '--format', 'sarif', '--lang', 'en']);
        assert.equal(code, 1);
        const { results } = sarifOf(stdout).runs[0];
        for (const [name, , expected] of files) {
          assert.ok(
            results.some((r) => r.ruleId === expected && r.locations[0].physicalLocation.artifactLocation.uri.endsWith('/' + name)),
            name,
          );
        }
      });

      it('stylish: each file with its finding', () => {
        const { code, stdout } = run(['check', ...paths(), '--lang', 'en']);
        assert.equal(code, 1);
        for (const [name, , expected] of files)
          assert.match(stdout, new RegExp(`${name.replace('.', '\\.')}\\n\\s+\\d+:\\d+\\s+error\\s+.+\\s+${expected}`), name);
        assert.match(stdout, /The file is empty\./);
      });
    });

    describe('files that cannot be read: exit 2, a sentence on stderr, the other files still reported', () => {
      let dir: string;
      beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-check-'));
      });
      afterEach(() => {
        fs.rmSync(dir, { recursive: true, force: true });
      });

      it('a missing file does not hide the findings of the others', () => {
        const { code, stdout, stderr } = run(['check', mistakes, path.join(dir, 'missing.gpuplan.json'), '--format', 'json', '--lang', 'en']);
        assert.equal(code, 2);
        assert.equal(findingsOf(stdout).length, 36);
        assert.match(stderr, /^gpuplan: File not found: .*missing\.gpuplan\.json$/m);
      });

      it('a FIFO and a device are refused at once (no waiting for a writer, no reading /dev/zero for ever)', function () {
        if (process.platform === 'win32') this.skip();
        const fifo = path.join(dir, 'fifo.gpuplan.json');
        assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
        const started = Date.now();
        const result = spawnSync(process.execPath, [CLI, 'check', fifo, '/dev/zero', complete, '--lang', 'en'], {
          encoding: 'utf8',
          timeout: 20_000,
          env: { ...process.env, LANG: 'C', GPUPLAN_LANG: '' },
        });
        assert.equal(result.signal, null, 'it did not hang');
        assert.ok(Date.now() - started < 15_000);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /fifo\.gpuplan\.json is a named pipe \(FIFO\), not a regular file: gpuplan reads only regular files\./);
        assert.match(result.stderr, /\/dev\/zero is a device, not a regular file/);
        assert.match(result.stdout, /No problems found in 1 file\(s\)\./);
      });

      it('a file beyond the size limit is refused before it is read', () => {
        const big = path.join(dir, 'big.gpuplan.json');
        fs.writeFileSync(big, '');
        fs.truncateSync(big, 33 * 1024 * 1024); // sparse
        const { code, stderr } = run(['check', big, '--lang', 'en']);
        assert.equal(code, 2);
        assert.match(stderr, /big\.gpuplan\.json is larger than 32 MB, the most gpuplan reads/);
      });

      it('UTF-16 with a BOM is read; invalid UTF-8 is reported with its place, not replaced', () => {
        const utf16 = path.join(dir, 'utf16.gpuplan.json');
        fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readExample('complete.gpuplan.json'), 'utf16le')]));
        const ok = run(['check', utf16, '--lang', 'en']);
        assert.equal(ok.code, 0, ok.stderr);
        assert.match(ok.stdout, /No problems found in 1 file\(s\)\./);
        const broken = path.join(dir, 'broken.gpuplan.json');
        fs.writeFileSync(broken, Buffer.concat([Buffer.from('{"projectTitle": "'), Buffer.from([0xb0, 0xfa]), Buffer.from('"}')]));
        const bad = run(['check', broken, '--lang', 'en']);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /broken\.gpuplan\.json is not valid UTF-8: byte 18 \(line 1, column 19\) is not part of any character\./);
        assert.doesNotMatch(bad.stdout + bad.stderr, /\ufffd/);
      });
    });

    it('has --help', () => {
      const { code, stdout } = run(['check', '--help', '--lang', 'en']);
      assert.equal(code, 0);
      assert.match(stdout, /--format stylish\|json\|sarif/);
      assert.match(run(['--help', '--lang', 'ko']).stdout, /사용법:/);
    });
  });

  describe('cost', () => {
    it("prints the form's table with amounts written like 38,400,000원", () => {
      const { code, stdout } = run(['cost', complete, '--lang', 'ko']);
      assert.equal(code, 0);
      for (const cell of [
        '신청상품',
        '기준단가(서버1대/월)',
        'H200',
        '서버 4대',
        '3,200,000원 (400,000원 x 8장)',
        '6개월',
        '3,200,000원 x 4대 x 6개월',
        '76,800,000원',
      ]) {
        assert.ok(stdout.includes(cell), cell);
      }
      assert.match(stdout, /실제 부담액: 76,800,000원 \(산업계: 전액 부담\)/);
    });

    it('json: the cost model', () => {
      const model = costOf(run(['cost', complete, '--format', 'json']).stdout);
      assert.equal(model.baseWon, 76_800_000);
      assert.equal(model.gpus, 32);
      assert.equal(model.payer.policy, 'full');
      assert.equal(model.stages.length, 3);
    });

    it('computes the youth discount from the file', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-'));
      const file = path.join(dir, 'youth.gpuplan.json');
      fs.writeFileSync(
        file,
        readExample('complete.gpuplan.json')
          .replace('"youthCompany": false', '"youthCompany": true')
          .replace('"birthDate": "1979-04-17"', '"birthDate": "1990-04-17"'),
      );
      assert.match(run(['cost', file, '--lang', 'ko']).stdout, /실제 부담액: 38,400,000원 \(청년기업/);
    });

    it("applies the youth discount only when the form's definition is met, and says why not", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-'));
      const file = path.join(dir, 'not-youth.gpuplan.json');
      fs.writeFileSync(file, readExample('complete.gpuplan.json').replace('"youthCompany": false', '"youthCompany": true'));
      assert.match(
        run(['cost', file, '--lang', 'ko']).stdout,
        /실제 부담액: 76,800,000원 \(산업계: 전액 부담 \(청년기업 감면 미적용: 대표자가 1985\.12\.22\. 이전 출생\)\)/,
      );
      const model = costOf(run(['cost', file, '--format', 'json']).stdout);
      assert.equal(model.payer.policy, 'full');
      assert.equal(model.payer.youthCompanyDeclared, true);
      assert.equal(model.payer.youthCompanyRefusal, 'bornBefore');
      assert.equal(model.payer.applicableWon, 76_800_000);
      assert.ok(run(['check', file, '--format', 'json']).stdout.includes('youth-company-mismatch'));
    });

    it('escapes terminal control and bidirectional characters of the plan, as check does (table and json)', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-'));
      const file = path.join(dir, 'evil.gpuplan.json');
      fs.writeFileSync(file, readExample('complete.gpuplan.json').replace('"start": "2026-03"', '"start": "\\u001b[2J\\u202e\\u0085evil"'));
      const table = run(['cost', file, '--lang', 'en']);
      assert.equal(table.code, 0, table.stderr);
      assert.ok(table.stdout.includes('\\u001b[2J\\u202e\\u0085evil'), table.stdout);
      const json = run(['cost', file, '--format', 'json']);
      assert.ok(json.stdout.includes('"start": "\\u001b[2J\\u202e\\u0085evil"'), 'escaped in the JSON text');
      assert.equal(costOf(json.stdout).stages[0].start, '\u001b[2J\u202e\u0085evil', 'and the same value for a JSON reader');
      // eslint-disable-next-line no-control-regex -- the control characters are what this test proves absent
      for (const out of [table.stdout, json.stdout]) assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      fs.rmSync(dir, { recursive: true, force: true });
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
