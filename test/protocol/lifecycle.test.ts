/** The lifecycle of LSP 3.17, the command line, and diagnostics once per version, keyed by content. */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readExample } from '../support/fixtures';
import { FULL_CAPABILITIES, TestClient } from '../support/lsp-client';
import { SERVER } from '../support/server-process';

const complete = readExample('complete.gpuplan.json');
const mistakes = readExample('mistakes.gpuplan.json');

const errorCode = async (promise: Promise<unknown>): Promise<number | undefined> => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  }
};

const hover = (client: TestClient, params: unknown = { textDocument: { uri: 'file:///x.gpuplan.json' }, position: { line: 0, character: 0 } }) =>
  client.connection.sendRequest('textDocument/hover', params);

describe('lifecycle (LSP 3.17)', function () {
  this.timeout(30_000);
  const clients: TestClient[] = [];
  const make = () => {
    const client = new TestClient();
    client.settings = { validation: { delayMs: 0 } };
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });

  it('a request before initialize gets ServerNotInitialized (-32002); a notification is dropped', async () => {
    const client = make();
    assert.equal(await errorCode(hover(client)), -32002);
    client.open('file:///early.gpuplan.json', mistakes);
    await client.initialize('ko', { capabilities: FULL_CAPABILITIES });
    // The didOpen before initialize was dropped: the server does not know the document.
    assert.equal(await hover(client, { textDocument: { uri: 'file:///early.gpuplan.json' }, position: { line: 2, character: 4 } }), null);
    assert.equal(client.allPublished('file:///early.gpuplan.json').length, 0);
  });

  it('a second initialize gets InvalidRequest (-32600)', async () => {
    const client = make();
    await client.initialize('ko', { capabilities: FULL_CAPABILITIES });
    assert.equal(await errorCode(client.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })), -32600);
    // The first session goes on.
    client.open('file:///ok.gpuplan.json', complete);
    assert.deepEqual(await client.diagnostics('file:///ok.gpuplan.json'), []);
  });

  it('after shutdown, requests get InvalidRequest (-32600)', async () => {
    const client = make();
    await client.initialize('ko', { capabilities: FULL_CAPABILITIES });
    assert.equal(await client.connection.sendRequest('shutdown'), null);
    assert.equal(await errorCode(hover(client)), -32600);
    assert.equal(await errorCode(client.connection.sendRequest('shutdown')), -32600);
  });

  it('null or malformed params get InvalidParams (-32602), and the server goes on', async () => {
    const client = make();
    await client.initialize('ko', { capabilities: FULL_CAPABILITIES });
    for (const [method, params] of [
      ['textDocument/hover', null],
      ['textDocument/completion', null],
      ['textDocument/codeAction', null],
      ['textDocument/documentSymbol', null],
      ['textDocument/formatting', 42],
      ['textDocument/hover', { textDocument: { uri: 'file:///x' } }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///x' }, range: { start: { line: 0 } } }],
      ['gpuplan/sections', null],
      ['workspace/executeCommand', null],
    ] as const) {
      assert.equal(await errorCode(client.connection.sendRequest(method, params)), -32602, `${method} ${JSON.stringify(params)}`);
    }
    // A custom request that takes no params is answered.
    assert.ok(Array.isArray(await client.connection.sendRequest('gpuplan/exportFormats')));
    client.open('file:///after.gpuplan.json', complete);
    assert.deepEqual(await client.diagnostics('file:///after.gpuplan.json'), []);
  });

  it('a request cancelled while queued is answered RequestCancelled (-32800) without being computed', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const frame = (message: unknown) => {
      const body = Buffer.from(JSON.stringify(message), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    };
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    const responses = () =>
      output
        .split(/Content-Length: \d+\r\n\r\n/)
        .filter(Boolean)
        .map((m) => JSON.parse(m) as { id?: number; result?: unknown; error?: { code: number } });
    const waitFor = async (id: number) => {
      for (let i = 0; i < 200; i++) {
        const found = responses().find((r) => r.id === id);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no response ${id}`);
    };
    try {
      child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
      await waitFor(1);
      child.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
      child.stdin.write(
        frame({
          jsonrpc: '2.0',
          method: 'textDocument/didOpen',
          params: { textDocument: { uri: 'file:///c.gpuplan.json', languageId: 'gpuplan', version: 1, text: mistakes } },
        }),
      );
      // One write: the request and its cancellation arrive together, before the request runs.
      child.stdin.write(
        Buffer.concat([
          frame({
            jsonrpc: '2.0',
            id: 2,
            method: 'textDocument/codeAction',
            params: {
              textDocument: { uri: 'file:///c.gpuplan.json' },
              range: { start: { line: 0, character: 0 }, end: { line: 2000, character: 0 } },
              context: { diagnostics: [], only: ['source.fixAll'] },
            },
          }),
          frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 2 } }),
          frame({ jsonrpc: '2.0', id: 3, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///c.gpuplan.json' } } }),
        ]),
      );
      assert.equal((await waitFor(2)).error?.code, -32800);
      assert.ok(Array.isArray((await waitFor(3)).result), 'the next request is answered');
    } finally {
      child.kill();
    }
  });

  it('didOpen publishes once per version, even when the settings answer late', async () => {
    const client = make();
    client.settings = { validation: { delayMs: 100 } };
    // Answer workspace/configuration after the debounce would have fired.
    const slow = client.settings;
    client.connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
      await new Promise((r) => setTimeout(r, 300));
      return params.items.map(() => slow);
    });
    await client.initialize('ko', { capabilities: FULL_CAPABILITIES });
    const uri = 'file:///once.gpuplan.json';
    client.open(uri, mistakes);
    await client.diagnostics(uri, (d) => d.length > 0);
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(client.allPublished(uri).filter((p) => p.version === 1).length, 1);
  });

  it("analyses are keyed by content: a reused version number with another text publishes that text's findings", async () => {
    const client = make();
    await client.initialize('ko', { capabilities: FULL_CAPABILITIES });
    const uri = 'file:///reused.gpuplan.json';
    client.open(uri, mistakes);
    await client.diagnostics(uri, (d) => d.length > 0);
    client.close(uri);
    await client.diagnostics(uri, (d) => d.length === 0);
    const published = client.allPublished(uri).length;
    client.open(uri, complete); // version 1 again
    await client.diagnostics(uri, (d, p) => p.version === 1 && client.allPublished(uri).indexOf(p) >= published);
    const last = client.allPublished(uri).at(-1)!;
    assert.equal(last.version, 1);
    assert.deepEqual(last.diagnostics, []);
    // Hover and code actions read the new text too.
    const symbols = await client.connection.sendRequest<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 9);
  });
});

describe("the server's command line", () => {
  for (const [args, code, pattern, stream] of [
    [['--help'], 0, /Usage: node dist\/server\.js --stdio/, 'stdout'],
    [['--version'], 0, /^\d+\.\d+\.\d+\n$/, 'stdout'],
    [[], 2, /no transport given[\s\S]*Usage:/, 'stderr'],
    [['--bogus'], 2, /unknown arguments: --bogus/, 'stderr'],
  ] as const) {
    it(`${args.join(' ') || '(no arguments)'} → exit ${code}, no stack trace`, () => {
      const run = spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', timeout: 10_000 });
      assert.equal(run.status, code);
      assert.match(run[stream], pattern);
      assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /);
    });
  }
});
