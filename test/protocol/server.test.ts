import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  DocumentFormattingRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CostChangedNotification, CostPreviewRequest, InsertionRequest, SectionsRequest, type CostPreview } from '../../shared/src/protocol';
import { readExample } from '../support/fixtures';
import { TestClient } from '../support/lsp-client';

const complete = readExample('complete.gpuplan.json');
const mistakes = readExample('mistakes.gpuplan.json');

const positionOf = (text: string, needle: string, delta = 0) => TextDocument.create('x', 'gpuplan', 0, text).positionAt(text.indexOf(needle) + delta);

describe('language server over stdio', function () {
  this.timeout(30_000);
  let client: TestClient;

  beforeEach(async () => {
    client = new TestClient();
    client.settings = { validation: { delayMs: 0 } };
    await client.initialize('ko');
  });
  afterEach(async () => client.dispose());

  it('open → no diagnostics for the complete example', async () => {
    client.open('file:///complete.gpuplan.json', complete);
    const diagnostics = await client.diagnostics('file:///complete.gpuplan.json');
    assert.deepEqual(diagnostics, []);
  });

  it('open → diagnostics with codes, ranges, Korean messages and related information', async () => {
    client.open('file:///mistakes.gpuplan.json', mistakes);
    const diagnostics = await client.diagnostics('file:///mistakes.gpuplan.json', (d) => d.length > 0);
    assert.equal(diagnostics.length, 36);
    const registration = diagnostics.find((d) => d.code === 'registration-number-checksum')!;
    const start = positionOf(mistakes, '"214-86-47313"');
    assert.deepEqual(registration.range, { start, end: { line: start.line, character: start.character + '"214-86-47313"'.length } });
    assert.equal(registration.severity, 1);
    assert.equal(registration.source, 'gpuplan');
    assert.match(registration.message, /검증번호가 맞지 않습니다/);
    const employees = diagnostics.find((d) => d.code === 'employees-total-mismatch')!;
    assert.equal(employees.relatedInformation?.length, 2);
  });

  it('change (incremental) → updated diagnostics for that version only', async () => {
    const uri = 'file:///edit.gpuplan.json';
    client.open(uri, complete);
    await client.diagnostics(uri);
    const at = positionOf(complete, '"servers": 4,', '"servers": '.length);
    const version = client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '40' }]);
    const diagnostics = await client.diagnostics(uri, (_d, p) => p.version === version);
    const range = diagnostics.find((d) => d.code === 'gpu-servers-range');
    assert.ok(range, diagnostics.map((d) => d.code).join());
    assert.equal(range.range.start.line, at.line);
  });

  it('never publishes diagnostics of a superseded version', async () => {
    await client.setSettings({ validation: { delayMs: 50 } });
    const uri = 'file:///typing.gpuplan.json';
    client.open(uri, complete);
    await client.diagnostics(uri);
    const at = positionOf(complete, '"servers": 4,', '"servers": '.length);
    let last = 0;
    for (const text of ['4', '40', '4']) {
      last = client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + (last === 0 ? 1 : text === '4' ? 2 : 1) } }, text }]);
    }
    const final = await client.diagnostics(uri, (_d, p) => p.version === last);
    assert.deepEqual(final, []);
    const versions = client.allPublished(uri).map((p) => p.version);
    assert.ok(!versions.includes(2) && !versions.includes(3), `published versions ${versions.join()}`);
  });

  it('completion at "type": | offers H200 and B200 with their Korean labels', async () => {
    const text = '{\n  "gpu": { "type": , "servers": 4, "months": 6 }\n}';
    client.open('file:///c.gpuplan.json', text);
    const result = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: 'file:///c.gpuplan.json' },
      position: positionOf(text, '"type": ', '"type": '.length),
    })) as CompletionList | CompletionItem[];
    const items = Array.isArray(result) ? result : result.items;
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('"H200"') && labels.includes('"B200"'), labels.join());
    const h200 = items.find((i) => i.label === '"H200"')!;
    assert.match(JSON.stringify(h200.documentation), /H200/);
    assert.equal(h200.labelDetails?.description, 'H200 (서버 2~32대, 서버 1대당 월 3,200,000원)');
  });

  it('hover on servers shows the Korean label, the allowed range and the amount', async () => {
    client.open('file:///h.gpuplan.json', complete);
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: 'file:///h.gpuplan.json' },
      position: positionOf(complete, '"servers": 4,', 3),
    });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /서버 수/);
    assert.match(value, /H200: 서버 2\\~32대/);
    assert.match(value, /76,800,000원/);
  });

  it('the code action for gpu-servers-range applies an edit that makes the finding disappear', async () => {
    const uri = 'file:///fix.gpuplan.json';
    const text = complete.replace('"servers": 4,\n    "months": 6', '"servers": 40,\n    "months": 6');
    client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'gpu-servers-range'));
    const target = diagnostics.find((d) => d.code === 'gpu-servers-range')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    assert.match(fix.title, /32/);
    assert.deepEqual(await client.execute(fix.command!), { applied: true });
    const change = client.appliedEdits[0].edit.documentChanges![0] as { textDocument: { version: number }; edits: TextEdit[] };
    assert.equal(change.textDocument.version, 1);
    const after = await client.diagnostics(uri, (_d, p) => p.version === client.version(uri));
    assert.ok(!after.some((d) => d.code === 'gpu-servers-range'), after.map((d) => d.code).join());
  });

  it("symbols mirror the form's chapters", async () => {
    client.open('file:///s.gpuplan.json', complete);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///s.gpuplan.json' } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      [
        '표지 (사업수행계획서)',
        '요약서',
        'I 과제 개요',
        'II 과제 주요 내용',
        'III GPU 자원 활용 계획',
        'IV 활용 확산 추진 방안',
        'V 추진 계획 및 기대효과',
        'VI 기관현황',
        '붙임0 투입 인력 현황',
      ],
    );
    const cover = symbols[0];
    assert.ok(cover.children!.some((c) => c.name === 'GPU 수요'));
    const gpuPlan = symbols[4].children!.find((c) => c.detail === 'stages')!;
    assert.match(gpuPlan.children![0].name, /^1단계 2026\.03\.~/);
  });

  it('folds and formats', async () => {
    const uri = 'file:///f.gpuplan.json';
    client.open(uri, '{"gpu":{"type":"H200","servers":4,"months":6}}');
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    assert.ok(edits.length > 0);
    client.open('file:///complete-fold.gpuplan.json', complete);
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: 'file:///complete-fold.gpuplan.json' } });
    assert.ok((folds?.length ?? 0) > 20);
  });

  it('applies settings without a restart: severity overrides, "off" and the allowlist', async () => {
    const uri = 'file:///settings.gpuplan.json';
    client.open(uri, mistakes);
    await client.diagnostics(uri, (d) => d.some((x) => x.code === 'vague-expression'));
    await client.setSettings({
      validation: { delayMs: 0 },
      rules: { 'vague-expression': 'off', 'employees-total-mismatch': 'error' },
      abbreviations: { allowlist: ['ORPO'] },
    });
    const after = await client.diagnostics(uri, (d) => !d.some((x) => x.code === 'vague-expression'));
    assert.equal(after.find((d) => d.code === 'employees-total-mismatch')?.severity, 1);
    assert.ok(!after.some((d) => d.code === 'abbreviation-undefined'));
  });

  it('answers gpuplan/sections and gpuplan/insertion', async () => {
    const uri = 'file:///sec.gpuplan.json';
    const text = complete.replace(/,\n {2}"staff": \[[\s\S]*\]\n\}\s*$/, '\n}\n');
    client.open(uri, text);
    const sections = await client.connection.sendRequest(SectionsRequest, { uri });
    assert.equal(sections.find((s) => s.key === 'staff')?.present, false);
    assert.equal(sections.find((s) => s.key === 'overview')?.present, true);
    const insertion = await client.connection.sendRequest(InsertionRequest, { uri, parentPath: [], key: 'staff' });
    assert.ok(insertion?.snippet?.startsWith(',\n  "staff": ['), insertion?.snippet);
    const existing = await client.connection.sendRequest(InsertionRequest, { uri, parentPath: [], key: 'gpu' });
    assert.ok(existing?.existing);
  });

  it('answers gpuplan/costPreview, also during a syntax error, and notifies changes', async () => {
    const uri = 'file:///cost.gpuplan.json';
    client.open(uri, complete);
    const preview = await client.connection.sendRequest(CostPreviewRequest, { uri });
    assert.equal(preview?.cost.baseWon, 76_800_000);
    assert.equal(preview?.table.row?.[5], '76,800,000원');
    const at = positionOf(complete, '"servers": 4,', '"servers": '.length);
    client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 2 } }, text: '2' }]);
    const changed = await client.notification<CostPreview>(CostChangedNotification.method, (p) => p.cost.baseWon === 38_400_000);
    assert.equal(changed.table.row?.[1], '서버 2대');
    // Break the syntax elsewhere: the figures still come.
    const end = positionOf(complete, '"projectTitle"');
    client.change(uri, [{ range: { start: end, end }, text: '"oops" ' }]);
    const broken = await client.connection.sendRequest(CostPreviewRequest, { uri });
    assert.equal(broken?.cost.baseWon, 38_400_000);
    assert.ok((broken?.counts.error ?? 0) > 0);
  });
});

export type { Diagnostic };
