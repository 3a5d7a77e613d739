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
import { Diagnostics } from '../../server/src/lsp/features/diagnostics';
import { SettingsProvider } from '../../server/src/lsp/settings';
import { PlanStore } from '../../server/src/lsp/store';
import { CostChangedNotification } from '../../shared/src/protocol';
import { readExample } from '../support/fixtures';

function setup() {
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
  settings.initialize(false, { validation: { delayMs: 0 } });
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
