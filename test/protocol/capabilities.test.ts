/**
 * Capability negotiation, each capability both ways: a full client (what VS Code declares) and a
 * minimal one (declares nothing, so it gets the LSP 3.17 defaults), plus a client per
 * capability where the two differ in more than one place.
 */
import * as assert from 'node:assert/strict';
import type {
  ClientCapabilities,
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  Hover,
  MarkupContent,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readExample } from '../support/fixtures';
import { FULL_CAPABILITIES, MINIMAL_CAPABILITIES, TestClient } from '../support/lsp-client';

const complete = readExample('complete.gpuplan.json');
const mistakes = readExample('mistakes.gpuplan.json');

const positionOf = (text: string, needle: string, delta = 0) => {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `${needle} not in the text`);
  return TextDocument.create('x', 'gpuplan', 0, text).positionAt(index + delta);
};

/** FULL_CAPABILITIES with some parts replaced (deeply). */
function capabilities(change: (c: ClientCapabilities) => void): ClientCapabilities {
  const copy = JSON.parse(JSON.stringify(FULL_CAPABILITIES)) as ClientCapabilities;
  change(copy);
  return copy;
}

async function started(caps: ClientCapabilities, locale = 'ko', initializationOptions?: unknown): Promise<TestClient> {
  const client = new TestClient();
  client.settings = { validation: { delayMs: 0 } };
  await client.initialize(locale, { capabilities: caps, initializationOptions: initializationOptions ?? { settings: { validation: { delayMs: 0 } } } });
  return client;
}

const itemsOf = (result: CompletionList | CompletionItem[] | null): CompletionItem[] => (Array.isArray(result) ? result : (result?.items ?? []));
const isCommand = (a: CodeAction | Command): a is Command => typeof (a as Command).command === 'string';

describe('capability negotiation (full client vs minimal client)', function () {
  this.timeout(30_000);
  const clients: TestClient[] = [];
  const start = async (caps: ClientCapabilities, locale = 'ko', options?: unknown) => {
    const client = await started(caps, locale, options);
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });

  describe('hover content format', () => {
    for (const [name, caps] of [
      ['markdown', FULL_CAPABILITIES],
      ['plaintext', MINIMAL_CAPABILITIES],
    ] as const) {
      it(`${name}: the field's label, range and amount; ${name === 'markdown' ? 'escaped markdown' : 'no markdown syntax at all'}`, async () => {
        const client = await start(caps);
        const uri = 'file:///hover.gpuplan.json';
        client.open(uri, complete);
        const hover = await client.connection.sendRequest<Hover>('textDocument/hover', {
          textDocument: { uri },
          position: positionOf(complete, '"servers": 4,', 3),
        });
        const contents = hover.contents as MarkupContent;
        assert.equal(contents.kind, name);
        assert.match(contents.value, /서버 수/);
        assert.match(contents.value, /76,800,000원/);
        if (name === 'markdown') {
          assert.match(contents.value, /H200: 서버 2\\~32대/);
        } else {
          assert.match(contents.value, /H200: 서버 2~32대/);
          assert.doesNotMatch(contents.value, /\\|\*\*|`/, contents.value);
        }
        assert.doesNotMatch(contents.value, /EN:/);
      });
    }
  });

  describe('completion: snippets and label details', () => {
    const text = '{\n  "gpu": {  }\n}';
    const at = { line: 1, character: 11 };
    it('snippet support: snippet insert text; label details: the Korean label beside the key', async () => {
      const client = await start(FULL_CAPABILITIES);
      client.open('file:///c.gpuplan.json', text);
      const items = itemsOf(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///c.gpuplan.json' }, position: at }));
      const servers = items.find((i) => i.label === 'servers')!;
      assert.equal(servers.insertTextFormat, 2);
      assert.match(servers.textEdit?.newText ?? servers.insertText ?? '', /\$\{1/);
      assert.equal(servers.labelDetails?.description, '서버 수');
    });
    it('no snippet support: plain insert text; no label details: the label in detail', async () => {
      const client = await start(MINIMAL_CAPABILITIES);
      client.open('file:///c.gpuplan.json', text);
      const items = itemsOf(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///c.gpuplan.json' }, position: at }));
      assert.ok(items.length >= 3);
      for (const item of items) {
        assert.notEqual(item.insertTextFormat, 2, item.label);
        assert.doesNotMatch(item.textEdit?.newText ?? item.insertText ?? '', /\$\{?\d/, item.label);
        assert.equal(item.labelDetails, undefined);
      }
      const servers = items.find((i) => i.label === 'servers')!;
      assert.match(servers.detail ?? '', /서버 수/);
      assert.equal(servers.textEdit?.newText ?? servers.insertText, '"servers": 0');
      assert.equal(typeof servers.documentation, 'string');
    });
  });

  describe('code actions: literals and kinds, documentChanges or changes', () => {
    const uri = 'file:///fix.gpuplan.json';
    const text = complete.replace('"servers": 4,\n    "months": 6', '"servers": 40,\n    "months": 6');
    const at = () => ({ start: positionOf(text, '"servers": 40', 11), end: positionOf(text, '"servers": 40', 13) });

    it('literal support: CodeAction with kind, diagnostics and isPreferred; CodeActionOptions with kinds', async () => {
      const client = await start(FULL_CAPABILITIES);
      assert.deepEqual((client.initializeResult!.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
        'quickfix',
        'source.fixAll',
      ]);
      client.open(uri, text);
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: at(),
        context: { diagnostics: [] },
      });
      const fix = actions.find((a) => a.isPreferred)!;
      assert.equal(fix.kind, 'quickfix');
      assert.equal(fix.diagnostics?.[0].code, 'gpu-servers-range');
      assert.equal(fix.command?.command, 'gpuplan.applyFix');
      assert.ok(actions.some((a) => a.kind === 'source.fixAll'));
    });

    it('no literal support: Command[] that the server carries out; codeActionProvider is just true', async () => {
      const client = await start({ workspace: { applyEdit: true } });
      assert.equal(client.initializeResult!.capabilities.codeActionProvider, true);
      client.open(uri, text);
      const actions = await client.connection.sendRequest<Array<CodeAction | Command>>('textDocument/codeAction', {
        textDocument: { uri },
        range: at(),
        context: { diagnostics: [] },
      });
      assert.ok(actions.length > 0);
      assert.ok(actions.every(isCommand), JSON.stringify(actions));
      const fix = actions.find((a) => /32/.test(a.title)) as Command;
      assert.deepEqual(await client.execute(fix), { applied: true });
      // The minimal client takes `changes`, not documentChanges.
      const edit = client.appliedEdits[0].edit;
      assert.equal(edit.documentChanges, undefined);
      assert.equal(edit.changes?.[uri]?.[0].newText, '32');
      assert.match(client.text(uri), /"servers": 32,/);
    });

    for (const documentChanges of [true, false]) {
      it(`a client that does not apply edits for the server gets the edit in the action, as ${documentChanges ? 'versioned documentChanges' : 'changes'}`, async () => {
        const client = await start(
          capabilities((c) => {
            c.workspace!.applyEdit = false;
            c.workspace!.workspaceEdit = { documentChanges };
          }),
        );
        client.open(uri, text);
        const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: at(),
          context: { diagnostics: [] },
        });
        const fix = actions.find((a) => a.isPreferred)!;
        assert.equal(fix.command, undefined);
        const edit = fix.edit as WorkspaceEdit;
        if (documentChanges) {
          const change = edit.documentChanges![0] as { textDocument: { version: number }; edits: TextEdit[] };
          assert.equal(change.textDocument.version, 1);
          assert.equal(change.edits[0].newText, '32');
          assert.equal(edit.changes, undefined);
        } else {
          assert.equal(edit.documentChanges, undefined);
          assert.equal(edit.changes![uri][0].newText, '32');
        }
      });
    }

    it('applyEdit: the server sends versioned documentChanges to a client that takes them', async () => {
      const client = await start(FULL_CAPABILITIES);
      client.open(uri, text);
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: at(),
        context: { diagnostics: [] },
      });
      assert.deepEqual(await client.execute(actions.find((a) => a.isPreferred)!.command!), { applied: true });
      const change = client.appliedEdits[0].edit.documentChanges![0] as { textDocument: { version: number } };
      assert.equal(change.textDocument.version, 1);
    });
  });

  describe('fixes that use snippets', () => {
    const uri = 'file:///vague.gpuplan.json';
    it('a client with the gpuplan.applySnippet command gets the snippet', async () => {
      const client = await start(FULL_CAPABILITIES, 'ko', {
        clientCommands: ['gpuplan.applySnippet', 'gpuplan.insertSection'],
        settings: { validation: { delayMs: 0 } },
      });
      client.open(uri, mistakes);
      const vague = (await client.diagnostics(uri, (d) => d.some((x) => x.code === 'vague-expression'))).find((d) => d.code === 'vague-expression')!;
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: vague.range,
        context: { diagnostics: [vague] },
      });
      const snippet = actions.find((a) => a.command?.command === 'gpuplan.applySnippet');
      assert.ok(snippet, JSON.stringify(actions.map((a) => a.command?.command)));
      assert.match(JSON.stringify(snippet.command!.arguments), /\$\{1:/);
    });
    it('a client without it gets a plain edit with the placeholder text, applied by the server', async () => {
      const client = await start(FULL_CAPABILITIES);
      client.open(uri, mistakes);
      const vague = (await client.diagnostics(uri, (d) => d.some((x) => x.code === 'vague-expression'))).find((d) => d.code === 'vague-expression')!;
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: vague.range,
        context: { diagnostics: [vague] },
      });
      const fix = actions.find((a) => a.kind === 'quickfix')!;
      assert.equal(fix.command?.command, 'gpuplan.applyFix');
      assert.deepEqual(await client.execute(fix.command), { applied: true });
      const inserted = (client.appliedEdits[0].edit.documentChanges![0] as { edits: TextEdit[] }).edits[0].newText;
      assert.doesNotMatch(inserted, /\$\{|\$\d/);
      assert.ok(inserted.length > 0);
    });
  });

  describe('document symbols', () => {
    it("hierarchy support: DocumentSymbol[] by the form's chapters", async () => {
      const client = await start(FULL_CAPABILITIES);
      client.open('file:///s.gpuplan.json', complete);
      const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
        textDocument: { uri: 'file:///s.gpuplan.json' },
      });
      assert.ok(symbols[0].children && symbols[0].selectionRange);
      assert.equal(symbols[0].name, '표지 (사업수행계획서)');
    });
    it('no hierarchy support: SymbolInformation[] with locations and containers', async () => {
      const client = await start(MINIMAL_CAPABILITIES);
      client.open('file:///s.gpuplan.json', complete);
      const symbols = await client.connection.sendRequest<SymbolInformation[]>('textDocument/documentSymbol', {
        textDocument: { uri: 'file:///s.gpuplan.json' },
      });
      assert.ok(symbols.length > 20);
      for (const s of symbols) {
        assert.equal(s.location.uri, 'file:///s.gpuplan.json');
        assert.equal((s as unknown as DocumentSymbol).children, undefined);
      }
      assert.equal(symbols[0].name, '표지 (사업수행계획서)');
      assert.ok(symbols.some((s) => s.name === 'GPU 수요' && s.containerName === '표지 (사업수행계획서)'));
    });
  });

  describe('dynamic registration', () => {
    it('a client that offers it is asked to register didChangeConfiguration', async () => {
      const client = await start(FULL_CAPABILITIES);
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///none' }, position: { line: 0, character: 0 } });
      assert.deepEqual(client.registrations, ['workspace/didChangeConfiguration']);
    });
    it('a client that does not is never asked to register anything', async () => {
      const client = await start(capabilities((c) => (c.workspace!.didChangeConfiguration = { dynamicRegistration: false })));
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///none' }, position: { line: 0, character: 0 } });
      const minimal = await start(MINIMAL_CAPABILITIES);
      await minimal.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///none' }, position: { line: 0, character: 0 } });
      assert.deepEqual(client.registrations, []);
      assert.deepEqual(minimal.registrations, []);
    });
  });

  describe('position encodings', () => {
    // A finding after Hangul on the same line: 12 Hangul syllables before it (36 bytes, 12 UTF-16 units).
    const text = '{ "applicant": { "name": "주식회사 리걸브릿지 연구소", "registrationNumber": "214-86-47313" } }\n';
    const uri = 'file:///enc.gpuplan.json';
    const utf16 = text.indexOf('"214-86-47313"');
    const utf8 = Buffer.byteLength(text.slice(0, utf16));

    it('UTF-16 when the client names nothing or prefers it', async () => {
      for (const caps of [MINIMAL_CAPABILITIES, capabilities((c) => (c.general = { positionEncodings: ['utf-16', 'utf-8'] }))]) {
        const client = await start(caps);
        assert.equal(client.initializeResult!.capabilities.positionEncoding, 'utf-16');
        client.open(uri, text);
        const diagnostic = (await client.diagnostics(uri, (d) => d.length > 0)).find((d) => d.code === 'registration-number-checksum')!;
        assert.deepEqual(diagnostic.range, { start: { line: 0, character: utf16 }, end: { line: 0, character: utf16 + 14 } });
      }
    });

    it('UTF-8 when the client prefers it: diagnostics, hover, completion, edits and changes in bytes', async () => {
      const client = await start(capabilities((c) => (c.general = { positionEncodings: ['utf-8', 'utf-16'] })));
      assert.equal(client.initializeResult!.capabilities.positionEncoding, 'utf-8');
      client.open(uri, text);
      const diagnostic = (await client.diagnostics(uri, (d) => d.length > 0)).find((d) => d.code === 'registration-number-checksum')!;
      assert.deepEqual(diagnostic.range, { start: { line: 0, character: utf8 }, end: { line: 0, character: utf8 + 14 } });
      // Hover at a byte column answers with a byte range.
      const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: utf8 + 3 } });
      assert.match((hover.contents as MarkupContent).value, /사업자등록번호/);
      assert.deepEqual(hover.range, diagnostic.range);
      // A change at byte columns: replace the number by a valid one.
      const version = client.change(
        uri,
        [{ range: { start: { line: 0, character: utf8 + 1 }, end: { line: 0, character: utf8 + 13 } }, text: '124-81-00998' }],
        { text: text.replace('214-86-47313', '124-81-00998') },
      );
      const after = await client.diagnostics(uri, (_d, p) => p.version === version);
      assert.ok(!after.some((d) => d.code === 'registration-number-checksum'), JSON.stringify(after));
      // Formatting edits come in bytes too: the last edit ends at the end of the line.
      const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      });
      assert.ok(edits.length > 0);
      const lineBytes = Buffer.byteLength(text.replace('214-86-47313', '124-81-00998').split('\n')[0]);
      assert.ok(edits.every((e) => e.range.end.line > 0 || e.range.end.character <= lineBytes));
    });
  });

  it('UTF-8 by initializationOptions.positionEncoding, for a client that counts bytes but cannot declare it (ALE)', async () => {
    const text = '{ "applicant": { "name": "주식회사 리걸브릿지 연구소", "registrationNumber": "214-86-47313" } }\n';
    const uri = 'file:///ale.gpuplan.json';
    const client = await start(MINIMAL_CAPABILITIES, 'ko', { positionEncoding: 'utf-8', settings: { validation: { delayMs: 0 } } });
    assert.equal(client.initializeResult!.capabilities.positionEncoding, 'utf-8');
    client.open(uri, text);
    const diagnostic = (await client.diagnostics(uri, (d) => d.length > 0)).find((d) => d.code === 'registration-number-checksum')!;
    const bytes = Buffer.byteLength(text.slice(0, text.indexOf('"214-86-47313"')));
    assert.equal(diagnostic.range.start.character, bytes);
  });

  describe('settings, three ways', () => {
    const uri = 'file:///settings.gpuplan.json';
    const off = { validation: { delayMs: 0 }, rules: { 'vague-expression': 'off' } };
    const hasVague = (d: Array<{ code?: unknown }>) => d.some((x) => x.code === 'vague-expression');

    it('workspace/configuration: pulled for the document', async () => {
      const client = new TestClient();
      clients.push(client);
      client.settings = off;
      await client.initialize('ko', { capabilities: FULL_CAPABILITIES });
      client.open(uri, mistakes);
      const diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
      assert.ok(!hasVague(diagnostics));
    });
    it('didChangeConfiguration: pushed by a client that cannot be asked', async () => {
      const client = await start(MINIMAL_CAPABILITIES);
      client.open(uri, mistakes);
      await client.diagnostics(uri, (d) => hasVague(d));
      await client.setSettings(off);
      await client.diagnostics(uri, (d) => d.length > 0 && !hasVague(d));
    });
    it('initializationOptions.settings: given at the start', async () => {
      const client = await start(MINIMAL_CAPABILITIES, 'ko', { settings: off });
      client.open(uri, mistakes);
      const diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
      assert.ok(!hasVague(diagnostics));
    });
    it('a pull that answers null (no gpuplan section) keeps the pushed settings', async () => {
      const client = new TestClient();
      clients.push(client);
      client.settings = null as unknown as Record<string, unknown>;
      await client.initialize('ko', { capabilities: FULL_CAPABILITIES, initializationOptions: { settings: off } });
      client.open(uri, mistakes);
      const diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
      assert.ok(!hasVague(diagnostics));
    });
  });
});
