/** Completion that fits the place, and a hover that fits in a small window. */
import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readExample, ROOT } from '../support/fixtures';
import { FULL_CAPABILITIES, MINIMAL_CAPABILITIES, TestClient } from '../support/lsp-client';
import * as path from 'node:path';
import * as fs from 'node:fs';

const complete = readExample('complete.gpuplan.json');
const mistakes = readExample('mistakes.gpuplan.json');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'gpuplan.schema.json'), 'utf8')) as {
  properties: Record<string, { properties?: Record<string, { title?: string }> }>;
};

/** A text with `|` at the cursor → the text and the cursor's position. */
function cursor(marked: string): { text: string; position: { line: number; character: number } } {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  return { text, position: TextDocument.create('x', 'gpuplan', 0, text).positionAt(at) };
}

/** What an editor shows for a typed prefix: the items whose filter text starts with it, best (sortText) first. */
const matching = (items: CompletionItem[], typed: string) =>
  items.filter((i) => (i.filterText ?? i.label).startsWith(typed)).sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

describe('completion that fits the place', function () {
  this.timeout(30_000);
  let client: TestClient;
  let n = 0;
  beforeEach(async () => {
    client = new TestClient();
    client.settings = { validation: { delayMs: 0 } };
    await client.initialize('ko', { capabilities: FULL_CAPABILITIES });
  });
  afterEach(async () => client.dispose());

  async function complete_(marked: string): Promise<CompletionItem[]> {
    const { text, position } = cursor(marked);
    const uri = `file:///c${n++}.gpuplan.json`;
    client.open(uri, text);
    const result = await client.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position,
    });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  it('has no space trigger character', () => {
    assert.deepEqual(client.initializeResult!.capabilities.completionProvider?.triggerCharacters, ['"', ':']);
  });

  it('inside gpuPlan.stages: the stage snippet, and gp-st picks it, not gp-staff', async () => {
    const items = await complete_('{ "gpuPlan": { "stages": [ gp-st| ] } }');
    const gp = items.filter((i) => i.label.startsWith('gp-'));
    assert.deepEqual(
      gp.map((i) => i.label),
      ['gp-stage'],
    );
    const first = matching(items, 'gp-st')[0];
    assert.equal(first.label, 'gp-stage');
    assert.match(first.textEdit?.newText ?? first.insertText ?? '', /"period"/);
    assert.equal(first.labelDetails?.description, '단계 (Stage)');
  });

  it('inside a new stage object: its keys, and no gp- snippet at all', async () => {
    const items = await complete_('{ "gpuPlan": { "stages": [ { | } ] } }');
    assert.ok(items.length > 0);
    assert.ok(!items.some((i) => i.label.startsWith('gp-')), items.map((i) => i.label).join());
  });

  it("among the top-level keys: the sections' gp- snippets, and nothing of a table row", async () => {
    const items = await complete_('{\n  |\n}');
    const gp = items.filter((i) => i.label.startsWith('gp-')).map((i) => i.label);
    for (const prefix of ['gp-applicant', 'gp-gpu', 'gp-staff', 'gp-gpu-plan', 'gp-disclosure']) assert.ok(gp.includes(prefix), `${prefix} in ${gp.join()}`);
    for (const prefix of ['gp-stage', 'gp-staff-member', 'gp-milestone', 'gp-copayment']) assert.ok(!gp.includes(prefix), `${prefix} offered at the top level`);
    assert.equal(matching(items, 'gp-staf')[0].label, 'gp-staff');
  });

  it("keys come in the form's order, each with its Korean label", async () => {
    const items = await complete_('{ "applicant": { | } }');
    const keys = items.filter((i) => i.kind === 10).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    const order = Object.keys(SCHEMA.properties.applicant.properties!);
    assert.deepEqual(
      keys.map((k) => k.label),
      order,
    );
    for (const key of keys) assert.equal(key.labelDetails?.description, SCHEMA.properties.applicant.properties![key.label].title, key.label);
  });

  it('nothing inside prose strings: Latin letters, Korean or a space in a text value', async () => {
    for (const marked of [
      '{ "applicant": { "mainProducts": "AI so|" } }',
      '{ "overview": { "necessity": ["법률 문서 |"] } }',
      '{ "projectTitle": "한국어 LLM|" }',
      '{ "overview": { "necessity": ["|"] } }',
    ]) {
      assert.deepEqual(
        (await complete_(marked)).map((i) => i.label),
        [],
        marked,
      );
    }
  });

  it('inside the string of an enum field: its values, with their Korean labels', async () => {
    const items = await complete_('{ "applicant": { "type": "|" } }');
    assert.deepEqual(
      items.map((i) => i.label),
      ['"industry"', '"academia"', '"research"'],
    );
    assert.deepEqual(
      [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label),
      ['"industry"', '"academia"', '"research"'],
      "in the form's order",
    );
    assert.match(items[0].labelDetails?.description ?? '', /^산업계/);
  });
});

describe('a hover that fits', function () {
  this.timeout(30_000);
  const clients: TestClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  async function hoverAt(
    locale: string,
    caps = FULL_CAPABILITIES,
    options: Record<string, unknown> = {},
    text = mistakes,
    needle = '"servers": 20',
    delta = 12,
  ): Promise<string> {
    const client = new TestClient();
    clients.push(client);
    client.settings = { validation: { delayMs: 0 } };
    await client.initialize(locale, { capabilities: caps, initializationOptions: { settings: { validation: { delayMs: 0 } }, ...options } });
    const uri = 'file:///hover.gpuplan.json';
    client.open(uri, text);
    const position = TextDocument.create('x', 'gpuplan', 0, text).positionAt(text.indexOf(needle) + delta);
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position });
    return (hover.contents as MarkupContent).value;
  }

  for (const locale of ['ko', 'en']) {
    for (const [format, caps] of [
      ['markdown', FULL_CAPABILITIES],
      ['plaintext', MINIMAL_CAPABILITIES],
    ] as const) {
      it(`${locale}, ${format}: the problem, the label, the range and the amount within 12 lines`, async () => {
        const value = await hoverAt(locale, caps);
        const lines = value.split('\n');
        assert.ok(lines.length <= 12, `${lines.length} lines:\n${value}`);
        assert.match(value, /서버 수/);
        assert.match(value, /gpu-servers-range/);
        assert.match(value, locale === 'ko' ? /허용 범위/ : /Allowed/);
        assert.match(value, locale === 'ko' ? /민간부담금 [\d,]+원 \/ 기준 1,664,000,000원/ : /Co\\?-payment [\d,]+원 of 1,664,000,000원/);
        assert.doesNotMatch(value, /EN:/);
        // The UI language first: the description is in it.
        if (locale === 'en') assert.match(value, /Servers requested \(8 GPUs each\)|Servers requested \\\(8 GPUs each\\\)/);
        else assert.doesNotMatch(value, /Servers requested/);
        // One amount line, not three.
        assert.equal(value.split('\n').filter((l) => /GPU시간|GPU-hours|실제 부담액|Applicable amount/.test(l)).length, 0, value);
      });
    }
  }

  it('an editor that shows diagnostics in its hover itself (hover.diagnostics: false) gets no repeat of them', async () => {
    const value = await hoverAt('ko', FULL_CAPABILITIES, { hover: { diagnostics: false } });
    assert.doesNotMatch(value, /gpu-servers-range/);
    assert.match(value, /서버 수/);
  });

  it("a key hovers its whole property: the value's problem is shown on the key too", async () => {
    const value = await hoverAt('ko', FULL_CAPABILITIES, {}, mistakes, '"servers": 20', 3);
    assert.match(value, /gpu-servers-range/);
  });

  it('an enum value hovers its own description', async () => {
    const value = await hoverAt('ko', FULL_CAPABILITIES, {}, complete, '"type": "industry"', '"type": "'.length + 2);
    assert.match(value, /산업계/);
  });
});
