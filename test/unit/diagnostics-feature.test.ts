/**
 * The server's diagnostics feature in process, with the real store and service and a recording
 * connection: what a keystroke publishes, and when the cost preview is built and notified.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import { createPlanService, type PlanService } from '../../server/src/core';
import { NO_FEATURES } from '../../server/src/lsp/client-features';
import type { ServerContext } from '../../server/src/lsp/context';
import { Diagnostics, mostSevere } from '../../server/src/lsp/features/diagnostics';
import { SettingsProvider } from '../../server/src/lsp/settings';
import { PlanStore } from '../../server/src/lsp/store';
import { CostChangedNotification } from '../../shared/src/protocol';
import { readExample } from '../support/fixtures';

function setup(validation: Record<string, unknown> = {}) {
  const sent: Array<{ method: string; params: { version?: number } }> = [];
  const connection = {
    // As the real connection's: resolved once the message is written.
    sendDiagnostics: (params: { version?: number }) => (sent.push({ method: 'textDocument/publishDiagnostics', params }), Promise.resolve()),
    sendNotification: (type: { method: string }, params: { version?: number }) => void sent.push({ method: type.method, params }),
    console: { error: (line: string) => assert.fail(line), warn: () => undefined },
  } as unknown as Connection;
  const real = createPlanService();
  let previews = 0;
  const service: PlanService = { ...real, costPreview: (...args) => (previews++, real.costPreview(...args)) };
  const settings = new SettingsProvider(connection);
  settings.initialize(false, { validation: { delayMs: 0, ...validation } });
  const store = new PlanStore(service, settings, () => 'ko');
  const open = new Map<string, TextDocument>();
  const documents = { get: (uri: string) => open.get(uri) } as unknown as TextDocuments<TextDocument>;
  const context = { connection, documents, service, store, settings, locale: () => 'ko', client: () => NO_FEATURES } as unknown as ServerContext;
  const diagnostics = new Diagnostics(context);
  const uri = 'file:///plan.gpuplan.json';
  /** What follows a publication (the cost preview) is done once the diagnostics are written. */
  const settled = () => new Promise((resolve) => setImmediate(resolve));
  return {
    sent,
    previews: () => previews,
    async open(text: string) {
      open.set(uri, TextDocument.create(uri, 'gpuplan', 1, text));
      await diagnostics.validateNow(uri);
      await settled();
    },
    /** One keystroke, as the server's TextDocuments delivers it, and what follows it done. */
    async type(offset: number, length: number, text: string) {
      const version = this.typeNow(offset, length, text);
      await settled();
      return version;
    },
    /** One keystroke, and nothing that follows it yet (the next one comes in the same turn). */
    typeNow(offset: number, length: number, text: string) {
      const document = open.get(uri)!;
      const change = { range: { start: document.positionAt(offset), end: document.positionAt(offset + length) }, text };
      store.noteChange(document, [change], document.version + 1);
      const next = TextDocument.update(document, [change], document.version + 1);
      open.set(uri, next);
      diagnostics.schedule(next);
      return next.version;
    },
    settled,
  };
}

describe('diagnostics feature: a keystroke publishes, the cost preview follows its figures', () => {
  const text = readExample('complete.gpuplan.json');
  const months = text.indexOf('"months": 6') + '"months": '.length;
  const prose = text.indexOf('"necessity": [') + 41;

  it('publishes every version, and builds the cost preview only when what it shows can have changed', async () => {
    const server = setup();
    await server.open(text);
    assert.equal(server.previews(), 1);
    assert.deepEqual(
      server.sent.map((m) => m.method),
      ['textDocument/publishDiagnostics', CostChangedNotification.method],
    );

    // Typing in prose: diagnostics for each version; the figures cannot change, so no preview is built.
    const versions = [await server.type(prose, 0, '가'), await server.type(prose, 1, ''), await server.type(prose, 0, ' '), await server.type(prose, 1, '')];
    assert.deepEqual(
      server.sent.slice(2).map((m) => [m.method, m.params.version]),
      versions.map((v) => ['textDocument/publishDiagnostics', v]),
    );
    assert.equal(server.previews(), 1);

    // A digit of gpu.months: the cost changes, so the preview is built and sent.
    const version = await server.type(months, 1, '7');
    assert.deepEqual(
      server.sent.slice(6).map((m) => [m.method, m.params.version]),
      [
        ['textDocument/publishDiagnostics', version],
        [CostChangedNotification.method, version],
      ],
    );
    assert.equal(server.previews(), 2);

    // A string outside prose that the preview does not read: diagnostics, no preview.
    await server.type(text.indexOf('"major": "전산학"') + 10, 0, '가');
    assert.deepEqual(
      server.sent.slice(8).map((m) => m.method),
      ['textDocument/publishDiagnostics'],
    );
    assert.equal(server.previews(), 2);

    // A key: a schema error, so the counts the preview shows change; built and sent.
    const key = await server.type(text.indexOf('"role": "') + 3, 0, 'x');
    assert.deepEqual(
      server.sent.slice(9).map((m) => [m.method, m.params.version]),
      [
        ['textDocument/publishDiagnostics', key],
        [CostChangedNotification.method, key],
      ],
    );
    assert.equal(server.previews(), 3);
  });

  it('sends no preview of a version that the next keystroke replaced before its diagnostics were written', async () => {
    const server = setup();
    await server.open(text);
    const first = server.typeNow(months, 1, '7');
    const second = server.typeNow(months, 1, '8');
    await server.settled();
    assert.deepEqual(
      server.sent.slice(2).map((m) => [m.method, m.params.version]),
      [
        ['textDocument/publishDiagnostics', first],
        ['textDocument/publishDiagnostics', second],
        [CostChangedNotification.method, second],
      ],
    );
    assert.equal(server.previews(), 2);
  });

  it('builds the preview again after a full analysis, but sends it only when its text changed', async () => {
    const server = setup();
    await server.open(text);
    // The GPU type written again over its quotes: an edit the incremental path does not take,
    // so a full analysis, with a new (equal) cost model.
    const at = text.indexOf('"H200"');
    await server.type(at, '"H200"'.length, '"H200"');
    assert.equal(server.previews(), 2);
    assert.deepEqual(
      server.sent.slice(2).map((m) => m.method),
      ['textDocument/publishDiagnostics'],
    );
  });
});

describe('diagnostics feature: at most gpuplan.validation.maxProblems, the most severe first', () => {
  const text = readExample('mistakes.gpuplan.json');
  type Published = { diagnostics: Array<{ severity: number; message: string; code?: string; range: { start: { line: number; character: number } } }> };
  const published = (server: ReturnType<typeof setup>) => (server.sent[0].params as unknown as Published).diagnostics;
  const position = (d: Published['diagnostics'][number]) => d.range.start.line * 1e6 + d.range.start.character;

  it('publishes every finding of the example with mistakes under the default', async () => {
    const server = setup();
    await server.open(text);
    const all = published(server);
    assert.equal(all.length, 36);
    assert.ok(all.every((d) => d.code !== undefined));
  });

  it('keeps every error before any warning, in the order of the plan, and counts the rest in Korean', async () => {
    const all = setup();
    await all.open(text);
    const every = published(all);
    const errors = every.filter((d) => d.severity === 1);
    assert.equal(errors.length, 11);
    // The last error comes after warnings in the plan: a cut by position alone would drop it.
    assert.ok(every.indexOf(errors[errors.length - 1]) >= 14);

    const server = setup({ maxProblems: 14 });
    await server.open(text);
    const shown = published(server);
    assert.equal(shown.length, 15);
    const kept = shown.slice(0, 14);
    assert.deepEqual(
      kept.map((d) => d.message),
      every
        .filter(
          (d) =>
            d.severity === 1 ||
            every
              .filter((w) => w.severity === 2)
              .slice(0, 3)
              .includes(d),
        )
        .map((d) => d.message),
    );
    assert.deepEqual(
      kept.map(position),
      [...kept.map(position)].sort((a, b) => a - b),
    );
    const more = shown[14];
    assert.equal(more.severity, 3);
    assert.equal(more.code, undefined);
    assert.equal(
      more.message,
      '문제 22건이 더 있으나 표시하지 않았습니다(gpuplan.validation.maxProblems: 14건). 위의 문제부터 고치거나 "gpuplan check"로 전체 목록을 보세요.',
    );

    const fewer = setup({ maxProblems: 8 });
    await fewer.open(text);
    assert.deepEqual(
      published(fewer)
        .slice(0, 8)
        .map((d) => d.message),
      errors.slice(0, 8).map((d) => d.message),
    );
  });

  it('chooses as sorting by severity, then position, and keeping the first would', () => {
    let seed = 11;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      const findings = Array.from({ length: random(40) }, (_, at) => ({ at, rank: random(4) }));
      const most = 1 + random(45);
      const expected = [...findings]
        .sort((a, b) => a.rank - b.rank || a.at - b.at)
        .slice(0, most)
        .sort((a, b) => a.at - b.at);
      assert.deepEqual(
        mostSevere(findings, most, (f) => f.rank),
        expected,
        JSON.stringify({ findings, most }),
      );
    }
  });
});
