/**
 * Settings over the protocol, as VS Code gives them: the server pulls `gpuplan` for each
 * document (workspace/configuration with the document as scopeUri, so two folders of a
 * multi-root workspace can differ), pulls again when told the settings changed, and drops a
 * mistyped value with one warning in the log (window/logMessage) — never a crash, never a
 * request that fails because of it.
 */
import * as assert from 'node:assert/strict';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  MessageType,
  type ConfigurationParams,
  type LogMessageParams,
} from 'vscode-languageserver-protocol';
import { ExportDocumentRequest, RenderDocumentRequest } from '../../shared/src/protocol';
import { readExample } from '../support/fixtures';
import { TestClient } from '../support/lsp-client';

const unagreed = readExample('complete.gpuplan.json').replace('"agreed": true', '"agreed": false');
const FIRST = 'file:///workspace/a/first.gpuplan.json';
const SECOND = 'file:///workspace/b/second.gpuplan.json';

describe('language server: settings per document', function () {
  this.timeout(30_000);
  let client: TestClient;
  let settingsOf: (scopeUri: string | undefined) => unknown;
  const asked: Array<string | undefined> = [];

  beforeEach(async () => {
    asked.length = 0;
    client = new TestClient();
    // As VS Code answers: each item for its own resource.
    client.connection.onRequest(ConfigurationRequest.type, (params: ConfigurationParams) =>
      params.items.map((item) => {
        asked.push(item.scopeUri);
        assert.equal(item.section, 'gpuplan');
        return settingsOf(item.scopeUri);
      }),
    );
    settingsOf = () => ({ validation: { delayMs: 0 } });
    await client.initialize('en');
  });
  afterEach(async () => client.dispose());

  const pledge = async (uri: string, accept: (severity: number | undefined) => boolean) =>
    (await client.diagnostics(uri, (d) => accept(d.find((x) => x.code === 'pledge-missing')?.severity))).find((x) => x.code === 'pledge-missing')?.severity;

  it("pulls each document's own settings: a folder that turns a rule off changes only its plans", async () => {
    settingsOf = (scope) => ({ validation: { delayMs: 0 }, rules: scope?.startsWith('file:///workspace/b/') ? { 'pledge-missing': 'off' } : {} });
    client.open(FIRST, unagreed);
    client.open(SECOND, unagreed);
    assert.equal(await pledge(FIRST, (s) => s !== undefined), 1, 'an error in folder a');
    // (A publication made before the first pull answered may still use the defaults.)
    assert.equal(await pledge(SECOND, (s) => s === undefined), undefined, 'off in folder b');
    assert.equal(
      client
        .allPublished(SECOND)
        .at(-1)
        ?.diagnostics.some((d) => d.code === 'pledge-missing'),
      false,
      'and it stays off',
    );
    assert.equal(
      client
        .allPublished(FIRST)
        .at(-1)
        ?.diagnostics.find((d) => d.code === 'pledge-missing')?.severity,
      1,
      'and an error in a',
    );
    assert.ok(asked.includes(FIRST) && asked.includes(SECOND), `asked for ${asked.join(', ')}`);
  });

  it("shows each folder's own number of problems, and follows a change of it", async () => {
    const mistakes = readExample('mistakes.gpuplan.json');
    settingsOf = (scope) => ({ validation: { delayMs: 0, maxProblems: scope?.startsWith('file:///workspace/b/') ? 5 : 1000 } });
    client.open(FIRST, mistakes);
    client.open(SECOND, mistakes);
    assert.equal((await client.diagnostics(FIRST, (d) => d.length === 36)).length, 36, 'all 36 in folder a');
    const few = await client.diagnostics(SECOND, (d) => d.length === 6);
    assert.deepEqual(
      few.map((d) => d.severity),
      [1, 1, 1, 1, 1, 3],
      'five errors and the line that counts the rest in folder b',
    );
    assert.match(few[5].message, /^31 more problems are not shown \(gpuplan\.validation\.maxProblems is 5\)\./);
    settingsOf = () => ({ validation: { delayMs: 0, maxProblems: 20 } });
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.equal((await client.diagnostics(SECOND, (d) => d.length === 21)).length, 21, 'twenty and one after the change');
  });

  it('pulls again after didChangeConfiguration, and the open plans follow', async () => {
    settingsOf = (scope) => ({ validation: { delayMs: 0 }, rules: scope === SECOND ? { 'pledge-missing': 'off' } : {} });
    client.open(SECOND, unagreed);
    assert.equal(await pledge(SECOND, (s) => s === undefined), undefined);
    settingsOf = (scope) => ({ validation: { delayMs: 0 }, rules: scope === SECOND ? { 'pledge-missing': 'warning' } : {} });
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.equal(await pledge(SECOND, (s) => s === 2), 2, 'now a warning');
  });

  it('drops mistyped values with one warning each in the log; checks, preview and export work with the defaults', async () => {
    settingsOf = () => ({ rules: { 'pledge-missing': 'warn' }, validation: { delayMs: 'fast' }, abbreviations: { allowlist: 'GPU' } });
    client.open(FIRST, unagreed);
    client.open(SECOND, unagreed);
    assert.equal(await pledge(FIRST, (s) => s !== undefined), 1, 'the default severity');
    assert.equal(await pledge(SECOND, (s) => s !== undefined), 1);
    const expected = [
      'gpuplan.rules.pledge-missing: expected one of error, warning, information, hint, off; got "warn". Ignored.',
      'gpuplan.validation.delayMs: expected a number of milliseconds; got "fast". Using 100.',
      'gpuplan.abbreviations.allowlist: expected a list of acronyms; got "GPU". Ignored.',
    ];
    const warnings = () =>
      client.notifications
        .filter((n) => n.method === 'window/logMessage')
        .map((n) => n.params as LogMessageParams)
        .filter((p) => p.type === MessageType.Warning)
        .map((p) => p.message);
    await client.notification<LogMessageParams>('window/logMessage', () => expected.every((line) => warnings().includes(line)));
    // Once per mistake, although two documents have the same settings.
    assert.deepEqual(
      warnings()
        .filter((w) => w.startsWith('gpuplan'))
        .sort(),
      [...expected].sort(),
    );

    const page = await client.connection.sendRequest(RenderDocumentRequest, { uri: FIRST });
    assert.ok(page && page.body.includes('한국어 법령·행정문서 특화'), 'the document preview');
    const html = await client.connection.sendRequest(ExportDocumentRequest, { uri: FIRST, format: 'html' });
    assert.match(Buffer.from(html.data, 'base64').toString('utf8'), /^<!DOCTYPE html>/);
    const hwpx = await client.connection.sendRequest(ExportDocumentRequest, { uri: FIRST, format: 'hwpx' });
    assert.equal(Buffer.from(hwpx.data, 'base64').subarray(0, 2).toString('latin1'), 'PK');

    // After a change of the settings, what is still wrong is said again (once).
    const before = warnings().length;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.notification<LogMessageParams>('window/logMessage', () => warnings().length >= before + expected.length);
    assert.equal(warnings().length, before + expected.length);
  });
});
