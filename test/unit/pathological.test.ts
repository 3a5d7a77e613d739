/**
 * Pathological documents: each gets a clear diagnostic or a documented limit, never a crash or a
 * freeze (docs/reliability.md lists the limits and the measured times).
 *
 * Bounds (generous on purpose: they catch freezes and blow-ups, not small regressions; the fuzz
 * suite holds ordinary plans to 100 ms):
 *   - documents up to 100 KB: 500 ms;
 *   - 1 MB strings, 1,000,000-item arrays, 100,000 levels of nesting, 200,000 keys (1–4 MB): 5 s;
 *   - 10 MB plans: 5 s through `analyze`, 15 s through `gpuplan check` (process start, reading
 *     and printing included), 20 s for the diagnostics through the language server.
 * Big inputs run in a child process (node's default stack and heap, as in the CLI and the server)
 * with a deadline of bound + 5 s, so a freeze fails its test instead of hanging the suite.
 */
import * as assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SelectionRangeRequest,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_NESTING_DEPTH } from '../../server/src/core/json/parse';
import { readExample, ROOT } from '../support/fixtures';
import { analyzeReport, BIG_INPUTS, MB, warmUp, type AnalyzeReport, type FindingSummary } from '../support/pathological';
import { ServerProcess } from '../support/server-process';

const CHILD = path.join(__dirname, '..', 'support', 'analyze-child.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');

const SMALL_BOUND_MS = 500;
const BIG_BOUND_MS = 5_000;
const CLI_10MB_BOUND_MS = 15_000;
const SERVER_10MB_BOUND_MS = 20_000;

interface ChildResult {
  readonly report?: AnalyzeReport;
  readonly froze: boolean;
  readonly exit?: string;
  readonly stderr: string;
}

/** Runs BIG_INPUTS[id] through analyze in a child process, killing it after `deadlineMs`. */
function runInChild(id: string, deadlineMs: number): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = fork(CHILD, [id], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let report: AnalyzeReport | undefined;
    let stderr = '';
    let froze = false;
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('message', (message) => {
      report = message as AnalyzeReport;
    });
    const timer = setTimeout(() => {
      froze = true;
      child.kill('SIGKILL');
    }, deadlineMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ report, froze, exit: code === 0 ? undefined : `code ${code}, signal ${signal}`, stderr });
    });
  });
}

const describeFindings = (findings: readonly FindingSummary[]): string =>
  findings
    .slice(0, 8)
    .map((f) => `${f.code}@${f.offset}+${f.length} ${f.message.slice(0, 120)}`)
    .join('\n  ') || '(none)';

/** The common contract: finished, no exception, in range, no pollution, no internal error, in time. */
function assertSound(report: AnalyzeReport, boundMs: number): void {
  assert.equal(report.error, undefined, `analyze threw:\n${report.error}`);
  assert.deepEqual(report.outOfRange, [], 'every finding lies inside the document');
  assert.deepEqual(report.pollution, [], 'no prototype was changed');
  const internal = report.findings.filter((f) => f.code === 'internal-error');
  assert.deepEqual(
    internal.map((f) => f.message),
    [],
    'no check failed unexpectedly',
  );
  assert.ok(report.ms < boundMs, `took ${report.ms.toFixed(0)} ms, bound ${boundMs} ms (${report.length} chars)`);
}

async function big(id: string, boundMs = BIG_BOUND_MS): Promise<AnalyzeReport> {
  const deadline = boundMs + 5_000;
  const result = await runInChild(id, deadline);
  assert.ok(!result.froze, `${id}: analyze did not finish within ${deadline} ms (bound ${boundMs} ms): the process was killed`);
  assert.ok(result.report, `${id}: the analysing process died (${result.exit}) without a result:\n${result.stderr}`);
  assertSound(result.report, boundMs);
  return result.report;
}

function small(text: string, boundMs = SMALL_BOUND_MS): AnalyzeReport {
  const report = analyzeReport(text);
  assertSound(report, boundMs);
  return report;
}

const only = (report: AnalyzeReport, code: string): FindingSummary[] => report.findings.filter((f) => f.code === code);
const complete = readExample('complete.gpuplan.json');
const mistakes = readExample('mistakes.gpuplan.json');
const TOO_DEEP = new RegExp(`Nesting deeper than ${MAX_NESTING_DEPTH} levels is not supported`);

describe('pathological documents through analyze', function () {
  this.timeout(60_000);
  before(() => {
    assert.ok(fs.existsSync(CHILD), 'compile the tests first (npm run compile-tests)');
    warmUp();
  });

  describe('size', () => {
    it('a 10 MB plan (bullets in a Text field): analysed in < 5 s, with the page-budget warning', async () => {
      const report = await big('plan-10mb-bullets');
      assert.ok(report.length >= 10 * MB);
      assert.equal(report.byCode['page-budget'], 1, describeFindings(report.findings));
    });

    it('a 10 MB plan (one 10 MB string): analysed in < 5 s', async () => {
      const report = await big('plan-10mb-string');
      assert.ok(report.length >= 10 * MB);
    });

    it('a 1 MB string as the project title: analysed in < 5 s', async () => {
      await big('string-1mb-title');
    });

    it('a 1 MB string of prose with vague wording and guide marks: every phrase reported, in < 5 s', async () => {
      const report = await big('string-1mb-in-text');
      assert.ok((report.byCode['vague-expression'] ?? 0) > 1000, JSON.stringify(report.byCode));
      assert.ok((report.byCode['template-guide-left'] ?? 0) > 1000, JSON.stringify(report.byCode));
    });
  });

  describe('nesting (limit: MAX_NESTING_DEPTH levels; the plan itself needs about 8)', () => {
    it(`reads ${MAX_NESTING_DEPTH} levels and refuses ${MAX_NESTING_DEPTH + 1}, at the bracket that goes too deep`, () => {
      const ok = small('['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH));
      assert.ok(!ok.findings.some((f) => TOO_DEEP.test(f.message)), describeFindings(ok.findings));
      const deep = small('['.repeat(MAX_NESTING_DEPTH + 1) + ']'.repeat(MAX_NESTING_DEPTH + 1));
      assert.deepEqual(
        deep.findings.map((f) => [f.code, f.offset, f.length]),
        [['syntax', MAX_NESTING_DEPTH, 1]],
      );
      assert.match(deep.findings[0].message, TOO_DEEP);
    });

    for (const id of ['nesting-100k-arrays', 'nesting-100k-objects', 'nesting-100k-in-plan']) {
      it(`${id.replace(/-/g, ' ')}: one syntax finding, no stack overflow, < 5 s`, async () => {
        const report = await big(id);
        assert.equal(report.findingCount, 1, describeFindings(report.findings));
        assert.equal(report.findings[0].code, 'syntax');
        assert.match(report.findings[0].message, TOO_DEEP);
      });
    }

    // The guard in document.ts counts brackets outside strings, but it ends a string only at the
    // next quote, while jsonc-parser ends an unterminated string at the line break and knows
    // comments: brackets the guard thinks are in a string reach the recursive parser.
    it('nesting 100,000 levels after an unterminated string: still refused, no stack overflow', async () => {
      const report = await big('nesting-100k-after-unterminated-string');
      assert.ok(
        report.findings.some((f) => f.code === 'syntax' && TOO_DEEP.test(f.message)),
        describeFindings(report.findings),
      );
    });

    it('nesting 100,000 levels after a quote inside a comment: still refused, no stack overflow', async () => {
      const report = await big('nesting-100k-after-quote-in-comment');
      assert.ok(
        report.findings.some((f) => f.code === 'syntax' && TOO_DEEP.test(f.message)),
        describeFindings(report.findings),
      );
    });
  });

  describe('long arrays', () => {
    it('an array of 1,000,000 numbers as the plan: "must be an object", < 5 s', async () => {
      const report = await big('array-1m-numbers-as-plan');
      assert.equal(report.findingCount, 1, describeFindings(report.findings));
      assert.equal(report.findings[0].code, 'schema');
      assert.equal(report.findings[0].offset, 0);
    });

    it('1,000,000 staff entries of the wrong type: schema findings, no internal error, < 5 s', async () => {
      const report = await big('array-1m-wrong-staff');
      assert.ok((report.byCode.schema ?? 0) >= 1, describeFindings(report.findings));
    });

    it('1,000,000 bullets in a Text field: analysed in < 5 s', async () => {
      const report = await big('array-1m-strings-in-text');
      assert.equal(report.byCode['page-budget'], 1, JSON.stringify(report.byCode));
    });

    it('1,000,000 numbers in a Text field: schema findings in < 5 s (no quadratic blow-up)', async () => {
      const report = await big('array-1m-numbers-in-text');
      assert.ok((report.byCode.schema ?? 0) >= 1, describeFindings(report.findings));
    });

    it('200,000 bullets with vague wording: 200,000 warnings, no exception, < 5 s', async () => {
      const report = await big('findings-200k-vague');
      assert.equal(report.byCode['vague-expression'], 200_000, JSON.stringify(report.byCode));
    });

    it('10,000 numbers in a Text field (a 20 KB file): analysed in < 500 ms', async () => {
      await big('array-10k-numbers-in-text', SMALL_BOUND_MS);
    });
  });

  describe('characters and encodings', () => {
    it('lone surrogates in strings, keys and between tokens: no crash, ranges intact', () => {
      const texts = [
        complete.replace('"projectTitle": "', '"projectTitle": "\ud800 \udc00 x\udbff'),
        complete.replace('"projectTitle"', '"\ud800projectTitle"'),
        complete.replace('"projectTitle"', '\udc00 "projectTitle"'),
        complete.replace('"projectTitle": "', '"projectTitle": "\\ud800 \\udc00 \\udbffx'),
        '"\ud800',
        '\udfff',
      ];
      for (const text of texts) small(text);
      const between = small(texts[2]);
      assert.ok(only(between, 'syntax').length >= 1, 'a surrogate between tokens is a syntax error');
    });

    it('a BOM: not a finding; the findings are those of the text without it, one character later', () => {
      assert.deepEqual(small('\ufeff' + complete).findings, [], 'the complete example with a BOM is clean');
      const withBom = small('\ufeff' + mistakes);
      const without = small(mistakes);
      assert.ok(!withBom.findings.some((f) => f.offset === 0), describeFindings(withBom.findings));
      assert.deepEqual(
        withBom.findings.map((f) => [f.code, f.offset, f.length]),
        without.findings.map((f) => [f.code, f.offset + 1, f.length]),
      );
    });

    it('CRLF line ends: the same lines and columns as with LF', () => {
      const lf = complete.replace('"servers": 4,', '"servers": 40,');
      const crlf = lf.replace(/\n/g, '\r\n');
      const a = only(small(lf), 'gpu-servers-range');
      const b = only(small(crlf), 'gpu-servers-range');
      assert.equal(a.length, 1);
      assert.deepEqual(
        b.map((f) => [f.start, f.end]),
        a.map((f) => [f.start, f.end]),
      );
      const line = lf.slice(0, lf.indexOf('"servers": 40')).split('\n').length - 1;
      assert.equal(b[0].start.line, line);
    });

    it('CR-only line ends count as line breaks too', () => {
      const cr = complete.replace('"servers": 4,', '"servers": 40,').replace(/\n/g, '\r');
      const [finding] = only(small(cr), 'gpu-servers-range');
      const line = complete.slice(0, complete.indexOf('"servers": 4,')).split('\n').length - 1;
      assert.equal(finding.start.line, line);
    });

    it('an unterminated block comment at the end of a CRLF file: every range inside the document', () => {
      // jsonc-parser 3.3.1 reports this comment one character longer than the text.
      small('{"projectTitle": "x" /* note\r\n');
      small(complete.replace(/\n/g, '\r\n').replace(/\}\r\n$/, '/* the end\r\n'));
    });

    it("a string cut by a backslash before CRLF: the core's lines and columns are the editor's", () => {
      // jsonc-parser ends this unterminated string between the \r and the \n. The CLI (LineIndex)
      // and the editor (vscode-languageserver-textdocument) must still agree on where that is.
      for (const text of ['{\r\n  "projectTitle": "abc\\\r\n"\r\n}', complete.replace(/\n/g, '\r\n').replace('"projectTitle": "', '"projectTitle": "\\\r\n')]) {
        const report = small(text);
        const editor = TextDocument.create('file:///crlf.gpuplan.json', 'gpuplan', 1, text);
        for (const f of report.findings) {
          assert.deepEqual(
            [f.start, f.end],
            [editor.positionAt(f.offset), editor.positionAt(f.offset + f.length)],
            `${f.code} ${f.offset}+${f.length} ${JSON.stringify(text.slice(f.offset, f.offset + f.length))}`,
          );
        }
      }
    });

    it('NUL inside a string: a syntax finding (control character) at that string, and the rest is still analysed', () => {
      const text = complete.replace('"projectTitle": "', '"projectTitle": "\u0000').replace('"servers": 4,', '"servers": 40,');
      const report = small(text);
      const syntax = only(report, 'syntax');
      assert.equal(syntax.length, 1, describeFindings(report.findings));
      assert.match(syntax[0].message, /control character/i);
      const title = text.indexOf('"projectTitle": "') + '"projectTitle": '.length;
      assert.equal(syntax[0].offset, title);
      assert.equal(only(report, 'gpu-servers-range').length, 1, 'the other rules still ran');
    });

    it('NUL between tokens, and a file of NUL bytes: syntax findings, no crash', () => {
      const between = small(complete.replace('"projectTitle":', '\u0000"projectTitle":').replace('"servers": 4,', '"servers": 40,'));
      assert.ok(only(between, 'syntax').length >= 1);
      assert.equal(only(between, 'gpu-servers-range').length, 1, 'the other rules still ran');
      assert.ok(only(small('\u0000'.repeat(1000)), 'syntax').length >= 1);
    });
  });

  describe('keys', () => {
    it('"__proto__" and "constructor" keys: Object.prototype untouched, each reported as not allowed', () => {
      const text = complete
        .replace('"gpu": {', '"gpu": {\n    "__proto__": { "servers": 99 },')
        .replace(
          '"projectTitle":',
          '"__proto__": { "polluted": true, "gpu": { "servers": 99 } },\n  "constructor": { "prototype": { "polluted": true } },\n  "projectTitle":',
        );
      const report = small(text);
      const notAllowed = report.findings.filter((f) => f.code === 'schema' && /is not allowed/.test(f.message));
      const keys = notAllowed.map((f) => text.slice(f.offset, f.offset + f.length));
      assert.deepEqual(keys.sort(), ['"__proto__"', '"__proto__"', '"constructor"'], describeFindings(report.findings));
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      // The plan's own gpu.servers (4) is what the rules read, not a prototype's 99.
      assert.equal(only(report, 'gpu-servers-range').length, 0, describeFindings(report.findings));
    });

    it('a "__proto__" key whose value is the only "servers": read as an ordinary (unknown) key, nothing inherited', () => {
      const text = complete.replace(/"servers": 4,\n\s*"months": 6/, '"__proto__": { "servers": 40 },\n    "months": 6');
      const report = small(text);
      assert.ok(
        report.findings.some((f) => f.code === 'schema' && /servers/.test(f.message) && /Missing|required/i.test(f.message)),
        describeFindings(report.findings),
      );
      assert.equal(only(report, 'gpu-servers-range').length, 0);
    });

    it('duplicate keys: a schema finding on the earlier key, pointing at the later one', () => {
      const text = complete.replace('"projectTitle":', '"projectTitle": "첫 제목",\n  "projectTitle":');
      const report = small(text);
      const duplicates = report.findings.filter((f) => f.keyword === 'duplicateKey');
      assert.equal(duplicates.length, 1, describeFindings(report.findings));
      const [finding] = duplicates;
      assert.equal(finding.code, 'schema');
      assert.equal(finding.offset, text.indexOf('"projectTitle"'));
      assert.equal(finding.related?.[0]?.offset, text.indexOf('"projectTitle"', finding.offset + 1));
    });

    it('200,000 duplicate keys: no exception, < 5 s', async () => {
      const report = await big('duplicate-keys-200k');
      assert.ok(report.findingCount >= 1);
    });
  });

  describe('numbers', () => {
    it('numbers beyond 2^53, 1e400, -0 and 4.9e-324: no crash, each out-of-range value reported at the value', () => {
      const text = complete
        .replace('"servers": 4,', '"servers": 9007199254740993,')
        .replace('"months": 6', '"months": 1e400')
        .replace('"revenue2024ThousandWon": 1240000', '"revenue2024ThousandWon": 123456789012345678901234567890')
        .replace('"regular": 18', '"regular": -0')
        .replace('"nonRegular": 3', '"nonRegular": 4.9e-324');
      const report = small(text);
      const at = (needle: string) => report.findings.filter((f) => text.slice(f.offset, f.offset + f.length) === needle);
      assert.ok(at('9007199254740993').length >= 1, `servers: ${describeFindings(report.findings)}`);
      assert.ok(at('1e400').length >= 1, `months: ${describeFindings(report.findings)}`);
      assert.ok(at('4.9e-324').length >= 1, `nonRegular must be a whole number: ${describeFindings(report.findings)}`);
    });
  });

  describe('empty and not JSON', () => {
    it('an empty file: exactly one syntax finding, at the start', () => {
      for (const text of ['', '   \n\t\r\n', '\ufeff']) {
        const report = small(text);
        assert.deepEqual(
          report.findings.map((f) => [f.code, f.offset]),
          [['syntax', 0]],
          JSON.stringify(text),
        );
        assert.match(report.findings[0].message, /empty/i);
      }
    });

    it('a file that is not JSON: syntax findings, nothing else breaks', () => {
      const texts = [
        '첨단 GPU 활용 지원 사업 사업수행계획서\n\n1. 과제 개요',
        'projectTitle: 한국어 LLM\ngpu:\n  type: H200\n  servers: 4\n',
        '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>',
        '# Plan\n\n- [x](command:workbench.action.quit)\n',
        'PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000',
        Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
        "{'projectTitle': 'x'}",
        '{"projectTitle": "x"} {"projectTitle": "y"}',
        'null',
        '"just a string"',
        '12345',
      ];
      for (const text of texts) {
        const report = small(text);
        assert.ok(report.findingCount >= 1, JSON.stringify(text.slice(0, 40)));
      }
    });
  });
});

describe('pathological documents through the CLI', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-pathological-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`gpuplan check on a 10 MB plan: exit 0 with the page-budget warning, in < ${CLI_10MB_BOUND_MS / 1000} s`, () => {
    const file = path.join(dir, 'big.gpuplan.json');
    fs.writeFileSync(file, BIG_INPUTS['plan-10mb-bullets']());
    const started = Date.now();
    const result = spawnSync(process.execPath, [CLI, 'check', file, '--format', 'json', '--lang', 'en'], {
      encoding: 'utf8',
      timeout: CLI_10MB_BOUND_MS + 10_000,
      maxBuffer: 64 * MB,
    });
    const elapsed = Date.now() - started;
    assert.equal(result.signal, null, `killed (${result.signal}) after ${elapsed} ms`);
    assert.equal(result.status, 0, result.stderr);
    const findings = JSON.parse(result.stdout) as Array<{ code: string }>;
    assert.deepEqual(
      findings.map((f) => f.code),
      ['page-budget'],
    );
    assert.ok(elapsed < CLI_10MB_BOUND_MS, `took ${elapsed} ms`);
  });
});

describe('pathological documents through the language server', function () {
  this.timeout(90_000);
  let server: ServerProcess | undefined;
  const uri = 'file:///pathological.gpuplan.json';

  /**
   * A fresh server per case, so one crash cannot hide the next. The heap is capped at 1.5 GB so
   * a runaway allocation fails in seconds instead of thrashing for minutes (VS Code's own
   * extension host would let it grow further, and then kill it the same way).
   */
  async function open(text: string, boundMs = 10_000): Promise<ServerProcess> {
    server = new ServerProcess({ nodeArgs: ['--max-old-space-size=1536'] });
    await server.initialize('en');
    await server.diagnosticsFor(uri, server.open(uri, text), boundMs);
    return server;
  }

  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it(`a 10 MB plan: diagnostics within ${SERVER_10MB_BOUND_MS / 1000} s, then hover answers`, async () => {
    const text = BIG_INPUTS['plan-10mb-bullets']();
    const s = await open(text, SERVER_10MB_BOUND_MS);
    const hover = await s.request<unknown>(HoverRequest.method, { textDocument: { uri }, position: { line: 3, character: 6 } }, 20_000);
    assert.ok(hover !== undefined);
    assert.ok(s.alive);
  });

  it('200,000 duplicate keys: diagnostics arrive and the server stays alive', async () => {
    const s = await open(BIG_INPUTS['duplicate-keys-200k']());
    assert.ok(s.alive);
  });

  it('1,000,000 numbers in a Text field: diagnostics within 10 s (the server is not frozen)', async () => {
    const s = await open(BIG_INPUTS['array-1m-numbers-in-text'](), 10_000);
    assert.ok(s.alive);
  });

  it('"__proto__" keys, an empty file and a file that is not JSON: diagnostics, server alive', async () => {
    const s = await open('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}');
    for (const text of ['', 'not json at all', '\u0000\ud800']) {
      const published = await s.diagnosticsFor(uri, s.replace(uri, text));
      assert.ok(published.diagnostics.length >= 1, JSON.stringify(text));
    }
    assert.ok(s.alive);
  });

  describe('nesting 100,000 levels deep: every request answers (null is fine), no error, no crash', () => {
    const deep = BIG_INPUTS['nesting-100k-objects']();
    const middle = { line: 0, character: 250_000 };
    const requests: ReadonlyArray<[string, string, unknown]> = [
      ['hover', HoverRequest.method, { textDocument: { uri }, position: middle }],
      ['completion', CompletionRequest.method, { textDocument: { uri }, position: middle }],
      ['selection ranges', SelectionRangeRequest.method, { textDocument: { uri }, positions: [middle] }],
      ['folding ranges', FoldingRangeRequest.method, { textDocument: { uri } }],
      ['document symbols', DocumentSymbolRequest.method, { textDocument: { uri } }],
      ['code lenses', CodeLensRequest.method, { textDocument: { uri } }],
      [
        'code actions',
        CodeActionRequest.method,
        { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } }, context: { diagnostics: [] } },
      ],
      ['formatting', DocumentFormattingRequest.method, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }],
    ];
    for (const [name, method, params] of requests) {
      it(name, async () => {
        const s = await open(deep);
        const started = Date.now();
        await s.request(method, params, 15_000);
        assert.ok(Date.now() - started < 15_000);
        assert.ok(s.alive, 'the server is alive');
      });
    }
  });
});
