/**
 * Code actions from the server's own analysis: the request's range selects, the client's echo
 * only narrows; fix-all leaves no new findings; a fix for a stale version is refused by the
 * server.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readExample } from '../support/fixtures';
import { service } from '../support/service';
import { FULL_CAPABILITIES, TestClient } from '../support/lsp-client';

const complete = readExample('complete.gpuplan.json');
const mistakes = readExample('mistakes.gpuplan.json');
const positionOf = (text: string, needle: string, delta = 0) => TextDocument.create('x', 'gpuplan', 0, text).positionAt(text.indexOf(needle) + delta);

const countByCode = (codes: readonly string[]) => codes.reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());

describe('code actions from the analysis', function () {
  this.timeout(30_000);
  let client: TestClient;
  beforeEach(async () => {
    client = new TestClient();
    client.settings = { validation: { delayMs: 0 } };
    await client.initialize('ko', { capabilities: FULL_CAPABILITIES });
  });
  afterEach(async () => client.dispose());

  const actionsAt = (uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[] = [], only?: string[]) =>
    client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });

  it('the request range selects: a cursor on one finding gets its fixes only', async () => {
    const uri = 'file:///range.gpuplan.json';
    client.open(uri, mistakes);
    await client.diagnostics(uri, (d) => d.length > 0);
    const at = positionOf(mistakes, '"youthCompany": true', '"youthCompany": '.length + 1);
    const actions = await actionsAt(uri, { start: at, end: at });
    const quickfixes = actions.filter((a) => a.kind === 'quickfix');
    assert.ok(quickfixes.length > 0);
    assert.ok(
      quickfixes.every((a) => a.diagnostics?.every((d) => d.code === 'youth-company-mismatch')),
      quickfixes.map((a) => a.title).join(' | '),
    );
    const elsewhere = positionOf(mistakes, '"formVersion"', 2);
    assert.equal((await actionsAt(uri, { start: elsewhere, end: elsewhere })).length, 0);
  });

  it('an echo that does not match exactly (byte columns, other range, no data) still gets its fix', async () => {
    const uri = 'file:///echo.gpuplan.json';
    client.open(uri, mistakes);
    const diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
    const real = diagnostics.find((d) => d.code === 'template-guide-left')!;
    const line = mistakes.split('\n')[real.range.start.line];
    const bytes = (character: number) => Buffer.byteLength(line.slice(0, character));
    // What Neovim 0.7 echoes on a line with Hangul: byte columns, and no `data`.
    const echo: Diagnostic = {
      ...real,
      range: {
        start: { line: real.range.start.line, character: bytes(real.range.start.character) },
        end: { line: real.range.end.line, character: bytes(real.range.end.character) },
      },
      data: undefined,
    };
    assert.notDeepEqual(echo.range, real.range);
    const actions = await actionsAt(uri, { start: real.range.start, end: real.range.start }, [echo]);
    assert.ok(actions.some((a) => a.diagnostics?.[0]?.code === 'template-guide-left' && a.command?.command === 'gpuplan.applyFix'));
  });

  it('no diagnostics in the request (ALE): the fixes of the range', async () => {
    const uri = 'file:///noecho.gpuplan.json';
    client.open(uri, mistakes);
    await client.diagnostics(uri, (d) => d.length > 0);
    const at = positionOf(mistakes, '"servers": 20', 12);
    const actions = await actionsAt(uri, { start: at, end: at });
    assert.ok(
      actions.some((a) => a.diagnostics?.[0]?.code === 'gpu-servers-range' && a.isPreferred),
      actions.map((a) => a.title).join(' | '),
    );
  });

  it('the echo narrows to its codes when a finding in the range has one', async () => {
    const uri = 'file:///narrow.gpuplan.json';
    client.open(uri, mistakes);
    const diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
    const servers = diagnostics.filter((d) => d.range.start.line === positionOf(mistakes, '"servers": 20').line);
    assert.ok(servers.length >= 2, servers.map((d) => d.code).join());
    const echo = servers.find((d) => d.code === 'gpu-servers-range')!;
    const actions = await actionsAt(uri, echo.range, [echo]);
    const quick = actions.filter((a) => a.kind === 'quickfix');
    assert.ok(quick.length > 0 && quick.every((a) => a.diagnostics?.every((d) => d.code === 'gpu-servers-range') ?? true));
  });

  it('fix-all on the mistakes example: servers and months fixed, the total recomputed, no new findings', async () => {
    const uri = 'file:///mistakes.gpuplan.json';
    client.open(uri, mistakes);
    const before = await client.diagnostics(uri, (d) => d.length > 0);
    const actions = await actionsAt(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    const fixAll = actions.find((a) => a.kind === 'source.fixAll')!;
    assert.ok(fixAll, actions.map((a) => a.title).join());
    assert.deepEqual(await client.execute(fixAll.command!), { applied: true });
    const fixed = client.text(uri);
    assert.match(fixed, /"servers": 16,\n\s*"months": 12/);
    const plan = JSON.parse(fixed.replace(/,(\s*[\]}])/, '$1')) as {
      gpuPlan: { copayment: { totalWon: number; servers: number; months: number; unitPriceWon: number } };
    };
    const copayment = plan.gpuPlan.copayment;
    assert.equal(copayment.totalWon, copayment.unitPriceWon * copayment.servers * copayment.months);
    const after = await client.diagnostics(uri, (_d, p) => p.version === client.version(uri));
    const was = countByCode(before.map((d) => String(d.code)));
    for (const [code, count] of countByCode(after.map((d) => String(d.code))))
      assert.ok(count <= (was.get(code) ?? 0), `fix-all made ${count} ${code} (was ${was.get(code) ?? 0})`);
    assert.ok(!after.some((d) => d.code === 'copayment-mismatch'), 'the total is computed from the fixed servers and months');
    assert.ok(after.length < before.length);
    // The same through the service: its text analyses to no finding that was not there before.
    const result = service.fixAll(service.analyze(mistakes, { locale: 'ko' }));
    assert.equal(result.text, fixed);
  });

  it('a fix for a stale version is refused by the server, with a message, and nothing is changed', async () => {
    const uri = 'file:///stale.gpuplan.json';
    const text = complete.replace('"servers": 4,\n    "months": 6', '"servers": 40,\n    "months": 6');
    // Version 0, as Neovim numbers a buffer it has just opened (and then skips its own check).
    client.open(uri, text, 0);
    const diagnostic = (await client.diagnostics(uri, (d) => d.some((x) => x.code === 'gpu-servers-range'))).find((d) => d.code === 'gpu-servers-range')!;
    const fix = (await actionsAt(uri, diagnostic.range, [diagnostic])).find((a) => a.isPreferred)!;
    const title = positionOf(text, '"projectTitle": "', '"projectTitle": "'.length);
    client.change(uri, [{ range: { start: title, end: title }, text: '(수정) ' }]);
    const before = client.text(uri);
    const result = (await client.execute(fix.command!)) as { applied: boolean; reason?: string };
    assert.equal(result.applied, false);
    assert.match(result.reason ?? '', /바뀌어/);
    assert.equal(client.text(uri), before);
    assert.equal(client.appliedEdits.length, 0);
    await client.notification<{ type: number; message: string }>('window/showMessage', (m) => m.type === 2 && /바뀌어/.test(m.message));
    // Asked again, the fix applies to the new version.
    const fresh = (await actionsAt(uri, diagnostic.range, [])).find((a) => a.isPreferred)!;
    assert.deepEqual(await client.execute(fresh.command!), { applied: true });
    assert.match(client.text(uri), /"servers": 32,/);
  });

  it('offers "fix all" of one code when it has several fixable findings, and applies it', async () => {
    const uri = 'file:///all.gpuplan.json';
    client.open(uri, complete.replace(/"gpus": 32/g, '"gpus": 30'));
    const diagnostics = await client.diagnostics(uri, (d) => d.filter((x) => x.code === 'stage-gpu-server-mismatch').length === 3);
    const first = diagnostics.find((d) => d.code === 'stage-gpu-server-mismatch')!;
    const all = (await actionsAt(uri, first.range, [first])).find((a) => /\(3/.test(a.title))!;
    assert.ok(all);
    assert.deepEqual(await client.execute(all.command!), { applied: true });
    assert.equal((client.text(uri).match(/"gpus": 32/g) ?? []).length, 3);
  });
});
