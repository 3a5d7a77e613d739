/**
 * Fuzz suite: random edits of the example plans through `analyze` and through the language server
 * over stdio. See docs/reliability.md for the method, the limits and the results.
 *
 *   npm test                                   CI budget: 1,500 inputs through the core, 200 through one server
 *   npm run fuzz:long                          long campaign, another seed set, prints the counts
 *   GPUPLAN_FUZZ_SEED=<seed> npx mocha --no-config out/test/fuzz/fuzz.test.js   one input, to reproduce
 *   GPUPLAN_FUZZ_INPUTS / GPUPLAN_FUZZ_SERVER_INPUTS / GPUPLAN_FUZZ_SEED_BASE override the budget
 *
 * Pass criteria, per input:
 *  - analyze (and the fixes, the outline) never throws and reports no internal-error;
 *  - every finding (and related location) lies in the text: offset >= 0, offset + length <= length;
 *  - every offset converts to a position, the same in the core's LineIndex and in the LSP TextDocument;
 *  - documents up to 100 KB are analysed in under 100 ms. Timing rule (the machine is noisy, CI
 *    more so): an input over 100 ms is re-run 3 times and fails only if every re-run is over 100 ms
 *    too. The max and p99 of the first measurements are reported either way;
 *  - through the server: the diagnostics of each version arrive, their ranges lie in the document,
 *    hover and completion at a random position answer without an error, and the server is alive
 *    at the end (a final request answers).
 * A failing input is saved to test/artifacts/fuzz-failures/ with its seed and mutations.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc';
import { CompletionRequest, DocumentSymbolRequest, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { INTERNAL_ERROR, LineIndex, RULE_CODES, type Analysis, type Finding, type Locale, type OutlineItem } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/edit/fix';
import { service } from '../support/service';
import { readExample, ROOT } from '../support/fixtures';
import { DeadlineError, ServerDiedError, ServerProcess } from '../support/server-process';
import { makeInput, OPERATORS, Rng, type FuzzInput, type Operator } from './mutate';

const LONG = process.env.GPUPLAN_FUZZ_LONG === '1';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${raw}`);
  return value;
}

/** The CI budget stays well under a minute on a 2-core machine; the long campaign uses other seeds. */
const CONFIG = {
  analyzeInputs: envInt('GPUPLAN_FUZZ_INPUTS', LONG ? 60_000 : 1_500),
  serverInputs: envInt('GPUPLAN_FUZZ_SERVER_INPUTS', LONG ? 4_000 : 200),
  seedBase: envInt('GPUPLAN_FUZZ_SEED_BASE', LONG ? 0x4c4f4e47 : 0x67707531),
};
/** Server inputs use seeds seedBase + SERVER_SEEDS + i, so they differ from the core's. */
const SERVER_SEEDS = 10_000_000;
const ONE_SEED = process.env.GPUPLAN_FUZZ_SEED ? envInt('GPUPLAN_FUZZ_SEED', 0) : undefined;

const TIME_LIMIT_MS = 100;
const TIMED_MAX_LENGTH = 100 * 1024;
const RERUNS = 3;
const FAILURES_DIR = path.join(ROOT, 'test', 'artifacts', 'fuzz-failures');
const SUMMARY_FILE = path.join(ROOT, 'test', 'artifacts', LONG ? 'fuzz-summary-long.json' : 'fuzz-summary.json');
const PROGRESS_FILE = path.join(ROOT, 'test', 'artifacts', 'fuzz-in-progress.json');
const MAX_SAVED = 50;

const BASES: Readonly<Record<string, string>> = {
  complete: readExample('complete.gpuplan.json'),
  mistakes: readExample('mistakes.gpuplan.json'),
  skeleton: readExample('skeleton.gpuplan.json'),
};

type FailureKind =
  'throw' | 'internal-error' | 'range' | 'position' | 'slow' | 'fix' | 'outline' | 'server-died' | 'server-timeout' | 'server-range' | 'request-failed';

interface Failure {
  readonly seed: number;
  readonly kind: FailureKind;
  readonly message: string;
  readonly input: FuzzInput;
}

const failures: Failure[] = [];
let saved = 0;

function record(kind: FailureKind, input: FuzzInput, message: string, via: 'analyze' | 'server'): Failure {
  const failure = { seed: input.seed, kind, message, input };
  failures.push(failure);
  if (saved < MAX_SAVED) {
    saved++;
    fs.mkdirSync(FAILURES_DIR, { recursive: true });
    const name = `seed-${input.seed}-${kind}`;
    fs.writeFileSync(path.join(FAILURES_DIR, `${name}.gpuplan.json`), input.text);
    fs.writeFileSync(
      path.join(FAILURES_DIR, `${name}.json`),
      JSON.stringify(
        {
          seed: input.seed,
          via,
          kind,
          message,
          base: input.base,
          mutations: input.mutations,
          length: input.text.length,
          reproduce: `npm run pretest && GPUPLAN_FUZZ_SEED=${input.seed} npx mocha --no-config out/test/fuzz/fuzz.test.js`,
        },
        null,
        2,
      ),
    );
  }
  return failure;
}

/** The message and the top of the stack (a stack overflow has thousands of identical frames). */
const errorText = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 12).join('\n') : String(error));

const describeFailures = (list: readonly Failure[]): string =>
  list
    .slice(0, 15)
    .map(
      (f) =>
        `  seed ${f.seed} [${f.kind}] ${f.message.split('\n')[0].slice(0, 300)}\n    ${f.input.base}: ${f.input.mutations.map((m) => `${m.operator}(${m.detail.slice(0, 80)})`).join(' → ')}`,
    )
    .join('\n') +
  (list.length > 15 ? `\n  … and ${list.length - 15} more` : '') +
  `\n  inputs saved in ${path.relative(ROOT, FAILURES_DIR)}/; reproduce one with GPUPLAN_FUZZ_SEED=<seed> npx mocha --no-config out/test/fuzz/fuzz.test.js`;

// ---------------------------------------------------------------------------------------------
// Invariants on one analysis

const KNOWN_CODES = new Set<string>([...RULE_CODES, INTERNAL_ERROR.code]);
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

function spanProblem(text: string, offset: number, length: number): string | undefined {
  if (!Number.isInteger(offset) || !Number.isInteger(length)) return `non-integer span ${offset}+${length}`;
  if (offset < 0 || length < 0 || offset + length > text.length) return `span ${offset}+${length} outside the text of ${text.length}`;
  return undefined;
}

function findingProblems(text: string, findings: readonly Finding[]): Array<{ kind: FailureKind; message: string }> {
  const problems: Array<{ kind: FailureKind; message: string }> = [];
  const lines = new LineIndex(text);
  const document = TextDocument.create('file:///x.gpuplan.json', 'gpuplan', 1, text);
  const checkPosition = (offset: number, what: string): void => {
    const core = lines.positionAt(offset);
    const lsp = document.positionAt(offset);
    if (core.line !== lsp.line || core.character !== lsp.character) {
      problems.push({
        kind: 'position',
        message: `${what}: offset ${offset} is ${core.line}:${core.character} in LineIndex but ${lsp.line}:${lsp.character} in TextDocument`,
      });
    } else if (lsp.line >= document.lineCount) {
      problems.push({ kind: 'position', message: `${what}: line ${lsp.line} of ${document.lineCount}` });
    } else if (document.offsetAt(lsp) !== offset && !(text[offset - 1] === '\r' && text[offset] === '\n')) {
      problems.push({ kind: 'position', message: `${what}: offset ${offset} → ${lsp.line}:${lsp.character} → ${document.offsetAt(lsp)}` });
    }
  };
  for (const f of findings) {
    const what = `${f.code} "${f.message.slice(0, 80)}"`;
    if (f.code === 'internal-error') problems.push({ kind: 'internal-error', message: f.message });
    else if (!KNOWN_CODES.has(f.code)) problems.push({ kind: 'range', message: `unknown code ${f.code}` });
    if (!SEVERITIES.has(f.severity)) problems.push({ kind: 'range', message: `${what}: severity ${f.severity}` });
    if (typeof f.message !== 'string' || f.message.length === 0) problems.push({ kind: 'range', message: `${f.code}: empty message` });
    const span = spanProblem(text, f.offset, f.length);
    if (span) {
      problems.push({ kind: 'range', message: `${what}: ${span}` });
      continue;
    }
    checkPosition(f.offset, what);
    checkPosition(f.offset + f.length, what);
    for (const r of f.related ?? []) {
      const related = spanProblem(text, r.offset, r.length);
      if (related) problems.push({ kind: 'range', message: `${what}, related "${r.message.slice(0, 60)}": ${related}` });
    }
  }
  return problems;
}

function outlineProblem(text: string, items: readonly OutlineItem[]): string | undefined {
  const stack = [...items];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const span = spanProblem(text, item.offset, item.length) ?? spanProblem(text, item.selectionOffset, item.selectionLength);
    if (span) return `outline item "${item.name}": ${span}`;
    stack.push(...item.children);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Statistics for the report

const stats = {
  config: CONFIG,
  long: LONG,
  analyze: {
    inputs: 0,
    perOperator: Object.fromEntries(OPERATORS.map((o) => [o, 0])) as Record<Operator, number>,
    perBase: {} as Record<string, number>,
    withSyntaxErrors: 0,
    over100KB: 0,
    maxLength: 0,
    findings: 0,
    timed: [] as number[],
    reruns: 0,
    slowAfterRerun: 0,
    maxUntimedMs: 0,
  },
  server: { inputs: 0, roundTrips: [] as number[], requests: 0, restarts: 0 },
  failures: 0,
};

const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const round = (n: number): number => Math.round(n * 100) / 100;

function summary(): Record<string, unknown> {
  const timed = stats.analyze.timed;
  const trips = stats.server.roundTrips;
  return {
    long: LONG,
    config: CONFIG,
    analyze: {
      inputs: stats.analyze.inputs,
      perOperator: stats.analyze.perOperator,
      perBase: stats.analyze.perBase,
      withSyntaxErrors: stats.analyze.withSyntaxErrors,
      over100KB: stats.analyze.over100KB,
      maxLength: stats.analyze.maxLength,
      findings: stats.analyze.findings,
      timedInputs: timed.length,
      ms: { max: round(Math.max(0, ...timed)), p99: round(percentile(timed, 99)), p50: round(percentile(timed, 50)) },
      rerunsOver100ms: stats.analyze.reruns,
      slowAfterRerun: stats.analyze.slowAfterRerun,
      maxMsOver100KB: round(stats.analyze.maxUntimedMs),
    },
    server: {
      inputs: stats.server.inputs,
      hoverAndCompletionRequests: stats.server.requests,
      restartsAfterFailure: stats.server.restarts,
      roundTripMs: { max: round(Math.max(0, ...trips)), p99: round(percentile(trips, 99)), p50: round(percentile(trips, 50)) },
    },
    failures: failures.length,
    failuresByKind: failures.reduce<Record<string, number>>((acc, f) => ((acc[f.kind] = (acc[f.kind] ?? 0) + 1), acc), {}),
  };
}

const seedsFor = (count: number, offset: number): number[] =>
  ONE_SEED !== undefined ? [ONE_SEED] : Array.from({ length: count }, (_, i) => CONFIG.seedBase + offset + i);

function timeAnalysis(text: string, locale: Locale): number {
  const start = process.hrtime.bigint();
  service.analyze(text, { locale });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe(`fuzz${LONG ? ' (long campaign)' : ''}: random edits of the example plans`, function () {
  this.timeout(LONG ? 0 : 180_000);

  before(() => {
    fs.mkdirSync(path.dirname(PROGRESS_FILE), { recursive: true });
  });

  after(() => {
    const report = summary();
    fs.mkdirSync(path.dirname(SUMMARY_FILE), { recursive: true });
    fs.writeFileSync(SUMMARY_FILE, JSON.stringify(report, null, 2));
    console.log(`\n  fuzz summary (${path.relative(ROOT, SUMMARY_FILE)}):\n${JSON.stringify(report, null, 2).replace(/^/gm, '    ')}\n`);
  });

  it(`analyze: ${ONE_SEED !== undefined ? `seed ${ONE_SEED}` : `${CONFIG.analyzeInputs} inputs`} never throw, stay in range, and take < ${TIME_LIMIT_MS} ms up to 100 KB`, () => {
    // Warm up: compile the schema validator and let the JIT settle before anything is timed.
    for (let i = 0; i < 15; i++) for (const text of Object.values(BASES)) service.analyze(text, { locale: i % 2 ? 'en' : 'ko' });

    const mine: Failure[] = [];
    for (const seed of seedsFor(CONFIG.analyzeInputs, 0)) {
      const input = makeInput(seed, BASES);
      const { text } = input;
      const locale: Locale = seed % 2 ? 'en' : 'ko';
      stats.analyze.inputs++;
      stats.analyze.perBase[input.base] = (stats.analyze.perBase[input.base] ?? 0) + 1;
      for (const m of input.mutations) stats.analyze.perOperator[m.operator]++;
      stats.analyze.maxLength = Math.max(stats.analyze.maxLength, text.length);
      // If an input ever hangs the process, this names it.
      fs.writeFileSync(PROGRESS_FILE, JSON.stringify({ seed, base: input.base, mutations: input.mutations }));

      let findings: Finding[];
      let analysis: Analysis;
      let ms: number;
      try {
        const start = process.hrtime.bigint();
        analysis = service.analyze(text, { locale });
        findings = analysis.findings;
        ms = Number(process.hrtime.bigint() - start) / 1e6;
      } catch (error) {
        mine.push(record('throw', input, errorText(error), 'analyze'));
        continue;
      }
      stats.analyze.findings += findings.length;
      if (findings.some((f) => f.code === 'syntax')) stats.analyze.withSyntaxErrors++;

      if (text.length <= TIMED_MAX_LENGTH) {
        stats.analyze.timed.push(ms);
        if (ms > TIME_LIMIT_MS) {
          stats.analyze.reruns++;
          const reruns = Array.from({ length: RERUNS }, () => timeAnalysis(text, locale));
          if (reruns.every((r) => r > TIME_LIMIT_MS)) {
            stats.analyze.slowAfterRerun++;
            mine.push(
              record(
                'slow',
                input,
                `${text.length} chars took ${ms.toFixed(1)} ms, re-runs ${reruns.map((r) => r.toFixed(1)).join(', ')} ms (limit ${TIME_LIMIT_MS} ms)`,
                'analyze',
              ),
            );
          }
        }
      } else {
        stats.analyze.over100KB++;
        stats.analyze.maxUntimedMs = Math.max(stats.analyze.maxUntimedMs, ms);
      }

      for (const problem of findingProblems(text, findings)) mine.push(record(problem.kind, input, problem.message, 'analyze'));

      // What the server does with the same analysis: quick fixes and the outline.
      try {
        for (const finding of findings.slice(0, 100)) {
          for (const fix of service.fixesOf(analysis, finding)) {
            for (const edit of fix.edits ?? []) {
              const span = spanProblem(text, edit.offset, edit.length);
              if (span) throw new Error(`fix "${fix.title}" of ${finding.code}: edit ${span}`);
            }
            if (fix.snippet) {
              const span = spanProblem(text, fix.snippet.offset, fix.snippet.length);
              if (span) throw new Error(`fix "${fix.title}" of ${finding.code}: snippet ${span}`);
            }
            if (fix.edits) applyEdits(text, fix.edits);
          }
        }
      } catch (error) {
        mine.push(record('fix', input, errorText(error), 'analyze'));
      }
      try {
        const problem = outlineProblem(text, service.outline(analysis));
        if (problem) mine.push(record('outline', input, problem, 'analyze'));
      } catch (error) {
        mine.push(record('outline', input, errorText(error), 'analyze'));
      }
    }
    fs.rmSync(PROGRESS_FILE, { force: true });
    stats.failures = failures.length;
    assert.equal(mine.length, 0, `${mine.length} failing input(s) through analyze:\n${describeFailures(mine)}`);
  });

  it(`server over stdio: ${ONE_SEED !== undefined ? `seed ${ONE_SEED}` : `${CONFIG.serverInputs} inputs`} get their diagnostics, in range, and the server stays alive`, async () => {
    const uri = 'file:///fuzz.gpuplan.json';
    const mine: Failure[] = [];
    const start = async (): Promise<ServerProcess> => {
      const server = new ServerProcess({ settings: { validation: { delayMs: 0 } } });
      await server.initialize('en');
      // Warm up on the examples.
      for (const [name, text] of Object.entries(BASES)) {
        const warm = `file:///warm-${name}.gpuplan.json`;
        await server.diagnosticsFor(warm, server.open(warm, text), 20_000);
      }
      await server.diagnosticsFor(uri, server.open(uri, BASES.complete), 20_000);
      return server;
    };
    let server = await start();
    try {
      let n = 0;
      for (const seed of seedsFor(CONFIG.serverInputs, SERVER_SEEDS)) {
        const input = makeInput(seed, BASES);
        const { text } = input;
        const rng = new Rng(seed ^ 0x5eed);
        const document = TextDocument.create(uri, 'gpuplan', 1, text);
        stats.server.inputs++;
        if (++n % 200 === 0) server.forget(uri);
        try {
          const sent = process.hrtime.bigint();
          const version = server.replace(uri, text);
          const published = await server.diagnosticsFor(uri, version, 15_000);
          stats.server.roundTrips.push(Number(process.hrtime.bigint() - sent) / 1e6);
          const bad = published.diagnostics.map((d: Diagnostic) => rangeProblem(document, d)).find((p) => p !== undefined);
          if (bad) mine.push(record('server-range', input, bad, 'server'));

          const position = document.positionAt(rng.int(text.length + 1));
          for (const method of [HoverRequest.method, CompletionRequest.method]) {
            stats.server.requests++;
            try {
              await server.request(method, { textDocument: { uri }, position }, 10_000);
            } catch (error) {
              if (!(error instanceof ResponseError)) throw error;
              mine.push(record('request-failed', input, `${method} at ${position.line}:${position.character}: ${error.message}`, 'server'));
            }
          }
        } catch (error) {
          if (error instanceof ServerDiedError || error instanceof DeadlineError) {
            mine.push(record(error instanceof ServerDiedError ? 'server-died' : 'server-timeout', input, error.message, 'server'));
            // Keep fuzzing with a fresh server, so one crash does not hide the others.
            await server.dispose();
            stats.server.restarts++;
            server = await start();
          } else {
            throw error;
          }
        }
      }
      // Still alive and answering.
      const symbols = await server.request<unknown[] | null>(DocumentSymbolRequest.method, { textDocument: { uri } }, 15_000);
      assert.ok(symbols === null || Array.isArray(symbols), 'documentSymbol answers');
      assert.ok(server.alive, 'the server is alive at the end');
    } finally {
      await server.dispose();
    }
    stats.failures = failures.length;
    assert.equal(mine.length, 0, `${mine.length} failing input(s) through the server:\n${describeFailures(mine)}`);
  });
});

/** A diagnostic range that does not lie inside the document, or undefined. */
function rangeProblem(document: TextDocument, d: Diagnostic): string | undefined {
  for (const [name, p] of [
    ['start', d.range.start],
    ['end', d.range.end],
  ] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= document.lineCount) {
      return `${d.code} ${name} ${p.line}:${p.character} outside ${document.lineCount} lines`;
    }
    const back = document.positionAt(document.offsetAt(p));
    if (back.line !== p.line || back.character !== p.character) {
      // Only the middle of a CRLF is a valid position that does not survive the round trip.
      const offset = document.offsetAt({ line: p.line, character: 0 }) + p.character;
      const text = document.getText();
      if (!(text[offset - 1] === '\r' && text[offset] === '\n')) return `${d.code} ${name} ${p.line}:${p.character} is past the end of its line`;
    }
  }
  if (d.range.start.line > d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character > d.range.end.character)) {
    return `${d.code} range ends before it starts`;
  }
  return undefined;
}
