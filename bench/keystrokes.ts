/**
 * The keystroke path, over the protocol: the bundled server (`dist/server.js --stdio`) with
 * incremental sync and `gpuplan.validation.delayMs` 0, the 1 MB plan open, and single-character
 * edits of each kind a user makes, each timed from `didChange` to the `publishDiagnostics` of its
 * version. Beside it, in the same run and on the same texts, vscode-json-languageservice's parse +
 * doValidation, in a thread of its own (json-ls-worker.ts).
 *
 * Every kind is a cycle of four single-character edits that ends where it began (type, delete,
 * replace, replace back), so the kinds do not disturb one another. A round runs one cycle of each
 * kind, in an order that rotates from round to round, and then times vscode-json-languageservice
 * once on one of the texts each kind produced: a busy machine slows them alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ExitNotification, ShutdownRequest } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { locate } from '../server/src/core/json/scan';
import { TestClient } from '../test/support/lsp-client';

/** A single-character edit in offsets of the text it applies to. */
export interface KeyEdit {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export interface EditKind {
  readonly name: string;
  /** Where, in words (for the table). */
  readonly where: string;
  /** The edits of one cycle, in order, each in offsets of the text the previous ones left. */
  readonly cycle: readonly KeyEdit[];
}

export interface KindResult {
  readonly name: string;
  readonly where: string;
  readonly latencies: number[];
  /** The same latencies by step of the cycle, with the diagnostics each step's text has. */
  readonly steps: Array<{ readonly edit: KeyEdit; latencies: number[]; diagnostics: number }>;
  /** vscode-json-languageservice parse + doValidation on the texts of this kind, ms per call. */
  readonly jsonLs: number[];
}

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** vscode-json-languageservice in its own thread (json-ls-worker.ts): `time(text)` is its parse + doValidation, in ms. */
class JsonLsThread {
  private readonly worker = new Worker(path.join(__dirname, 'json-ls-worker.js'));

  time(text: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const failed = (error: Error) => {
        reject(error);
      };
      this.worker.once('error', failed);
      this.worker.once('message', (answer: { ms?: number; error?: string }) => {
        this.worker.off('error', failed);
        if (answer.ms === undefined) reject(new Error(`bench: json-ls failed: ${answer.error ?? 'no answer'}`));
        else resolve(answer.ms);
      });
      this.worker.postMessage(text);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** A full collection in this process, when Node runs with --expose-gc (as `npm run bench` does). */
const collectOwnGarbage = (): void => {
  global.gc?.();
};

const span = (text: string, path: ReadonlyArray<string | number>, part: 'key' | 'value' = 'value') => {
  const found = locate(text, path);
  const at = part === 'key' ? found?.key : found?.value;
  if (!at) throw new Error(`bench: nothing at ${path.join('.')} in the plan`);
  return at;
};

/** The four kinds of the issue, placed in the benchmark's plan. */
export function editKinds(text: string): EditKind[] {
  const plan = JSON.parse(text) as { overview: { necessity: unknown[] }; staff: unknown[] };
  // gpu.months: "6" → "7" → "6", then "60" (out of range) → "6".
  const months = span(text, ['gpu', 'months']);
  const digit = text.slice(months.offset, months.offset + months.length);
  if (!/^\d$/.test(digit)) throw new Error(`bench: gpu.months is ${digit}, expected one digit`);
  const other = digit === '7' ? '8' : '7';
  const m = months.offset;
  // schedule.period.start "2026-03-01": the last digit changes, then an extra digit (a malformed date).
  const date = span(text, ['schedule', 'period', 'start']);
  const d = date.offset + date.length - 2; // the last digit, before the closing quote
  // A key in the middle of the plan: "role" of the middle staff row.
  const row = plan.staff.length >> 1;
  const key = span(text, ['staff', row, 'role'], 'key');
  const k = key.offset + 1; // the r of "role"
  // A prose bullet in the middle of I-2 지원 필요성.
  // In the middle of its text.
  const bullet = span(text, ['overview', 'necessity', plan.overview.necessity.length >> 1]);
  const p = bullet.offset + 1 + ((bullet.length - 2) >> 1);
  return [
    {
      name: 'digit in gpu.months',
      where: `gpu.months ${digit}→${other}→${digit}, ${digit}0, back`,
      cycle: [
        { offset: m, length: 1, text: other },
        { offset: m, length: 1, text: digit },
        { offset: m + 1, length: 0, text: '0' },
        { offset: m + 1, length: 1, text: '' },
      ],
    },
    {
      name: 'character of a date',
      where: 'schedule.period.start: last digit changed and back, a digit typed and deleted',
      cycle: [
        { offset: d, length: 1, text: text[d] === '2' ? '3' : '2' },
        { offset: d, length: 1, text: text[d] },
        { offset: d + 1, length: 0, text: '0' },
        { offset: d + 1, length: 1, text: '' },
      ],
    },
    {
      name: 'character of a key',
      where: `"role" of staff row ${row + 1} of ${plan.staff.length}: a letter typed and deleted, r→R and back`,
      cycle: [
        { offset: k + 2, length: 0, text: 'x' },
        { offset: k + 2, length: 1, text: '' },
        { offset: k, length: 1, text: 'R' },
        { offset: k, length: 1, text: 'r' },
      ],
    },
    {
      name: 'character of a prose bullet',
      where: `overview.necessity bullet ${(plan.overview.necessity.length >> 1) + 1} of ${plan.overview.necessity.length}, in the middle: 가 typed and deleted, a space typed and deleted`,
      cycle: [
        { offset: p, length: 0, text: '가' },
        { offset: p, length: 1, text: '' },
        { offset: p, length: 0, text: ' ' },
        { offset: p, length: 1, text: '' },
      ],
    },
  ];
}

/** Shutdown and exit, then wait for the process to end by itself (up to 10 s). */
async function exitGracefully(client: TestClient): Promise<void> {
  await client.connection.sendRequest(ShutdownRequest.type);
  await client.connection.sendNotification(ExitNotification.type);
  for (
    let waited = 0;
    waited < 10_000 && fs.existsSync(`/proc/${client.pid}`) && !/State:\s+Z/.test(fs.readFileSync(`/proc/${client.pid}/status`, 'utf8'));
    waited += 50
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs `rounds` rounds over the protocol (after `warmup` unmeasured ones), timing every
 * keystroke, and vscode-json-languageservice on one text of each kind per round.
 */
export async function measureKeystrokes(text: string, rounds: number, warmup: number): Promise<KindResult[]> {
  const kinds = editKinds(text);
  const results: KindResult[] = kinds.map((kind) => ({
    name: kind.name,
    where: kind.where,
    latencies: [],
    steps: kind.cycle.map((edit) => ({ edit, latencies: [], diagnostics: 0 })),
    jsonLs: [],
  }));
  const client = new TestClient();
  const jsonLs = new JsonLsThread();
  try {
    await client.initialize('ko');
    await client.setSettings({ validation: { delayMs: 0 } });
    const uri = 'file:///bench-1mb.gpuplan.json';
    client.open(uri, text);
    await client.diagnostics(uri, () => true, 60_000);
    // Each kind's changes in positions, and the texts they leave, made once: the cycles end where
    // they began, so every round sends the same changes, and the client makes no 1 MB copy of the
    // text while it times.
    const planned = kinds.map((kind) => {
      let document = TextDocument.create(uri, 'gpuplan', 1, text);
      const steps = kind.cycle.map((edit) => {
        const change = { range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) }, text: edit.text };
        document = TextDocument.update(document, [change], document.version + 1);
        return { change, text: document.getText() };
      });
      if (document.getText() !== text) throw new Error(`bench: the cycle of "${kind.name}" does not end where it began`);
      return steps;
    });
    for (let round = 0; round < warmup + rounds; round++) {
      for (let n = 0; n < kinds.length; n++) {
        const index = (round + n) % kinds.length;
        for (const [step, { change }] of planned[index].entries()) {
          const start = process.hrtime.bigint();
          const version = client.change(uri, [change]);
          const diagnostics = await client.diagnostics(uri, (_d, p) => p.version === version, 60_000);
          const latency = ms(start);
          client.forget(uri);
          if (round >= warmup) {
            results[index].latencies.push(latency);
            results[index].steps[step].latencies.push(latency);
            results[index].steps[step].diagnostics = diagnostics.length;
          }
        }
        const jsonLsMs = await jsonLs.time(planned[index][round % planned[index].length].text);
        if (round >= warmup) results[index].jsonLs.push(jsonLsMs);
        // The benchmark's own garbage (the diagnostics it read, the messages) is collected here,
        // between kinds. When json-ls ran on this thread, its collector paused the client inside
        // the next kind's first timing, for up to 14 ms, after the server had published; json-ls
        // now runs in its own thread, with its own heap.
        collectOwnGarbage();
      }
    }
    if (process.env.GPUPLAN_SERVER_NODE_ARGS) await exitGracefully(client); // e.g. so that --cpu-prof writes its profile
    return results;
  } finally {
    await client.dispose();
    await jsonLs.close();
  }
}
