/**
 * The extension manifest and the files it points at: localized strings resolve in both
 * languages, every rule code has a setting, referenced files exist and are packaged, and the
 * editor support files say what the docs promise (no comments in gpuplan files).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { RULE_CODES } from '../../server/src/core';
import { DEFAULT_SETTINGS, MAX_PROBLEMS_LIMIT } from '../../shared/src/settings';
import { ROOT } from '../support/fixtures';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const readJsonc = (file: string): unknown => {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(read(file), errors);
  assert.deepEqual(errors, [], `${file} parses`);
  return value;
};

interface Manifest {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  main: string;
  icon: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean | { supported: string; description: string } };
  contributes: {
    languages: Array<{ id: string; filenamePatterns: string[]; configuration: string; icon: { light: string; dark: string } }>;
    grammars: Array<{ language: string; scopeName: string; path: string }>;
    jsonValidation: Array<{ fileMatch: string; url: string }>;
    snippets?: Array<{ language: string; path: string }>;
    commands: Array<{ command: string; title: string; category: string }>;
    keybindings: Array<{ command: string; key: string; mac?: string; when: string }>;
    walkthroughs: Array<{
      id: string;
      steps: Array<{
        id: string;
        description: string;
        media: { image: Record<'light' | 'dark' | 'hc' | 'hcLight', string>; altText: string };
        completionEvents: string[];
      }>;
    }>;
    configurationDefaults: Record<string, Record<string, unknown>>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    configuration: {
      properties: Record<
        string,
        {
          default?: unknown;
          minimum?: number;
          maximum?: number;
          scope?: string;
          enum?: string[];
          properties?: Record<string, { enum: string[] }>;
          additionalProperties?: { enum: string[] };
        }
      >;
    };
  };
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const nls = { en: JSON.parse(read('package.nls.json')) as Record<string, string>, ko: JSON.parse(read('package.nls.ko.json')) as Record<string, string> };
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

describe('extension manifest', () => {
  it('installs in VS Code 1.100 (engines and @types/vscode no newer)', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.100.0');
  });

  it('resolves every %placeholder% in English and Korean, with the same keys', () => {
    const used = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 20);
    for (const key of used) {
      assert.ok(nls.en[key], `package.nls.json: ${key}`);
      assert.ok(nls.ko[key], `package.nls.ko.json: ${key}`);
    }
    assert.deepEqual(Object.keys(nls.ko).sort(), Object.keys(nls.en).sort());
    for (const [key, value] of Object.entries(nls.ko)) {
      // Image paths are not prose: each language has its own screenshots (checked below).
      if (/[a-z]{4}/.test(nls.en[key]) && key !== 'config.title' && !/\.image\.(light|dark)$/.test(key))
        assert.match(value, /[가-힣]/, `Korean text for ${key}`);
    }
    assert.equal(nls.ko['command.insertSection'], '섹션 삽입…');
    assert.equal(nls.ko['command.newPlan'], '새 계획서');
  });

  it('has a severity setting for every rule code, "off" included', () => {
    const rules = manifest.contributes.configuration.properties['gpuplan.rules'];
    assert.deepEqual(Object.keys(rules.properties ?? {}).sort(), [...RULE_CODES].sort());
    for (const [code, property] of Object.entries(rules.properties ?? {})) assert.deepEqual(property.enum, SEVERITIES, code);
    assert.deepEqual(rules.additionalProperties?.enum, SEVERITIES);
    assert.deepEqual(rules.default, {});
    const delay = manifest.contributes.configuration.properties['gpuplan.validation.delayMs'];
    assert.ok(typeof delay.default === 'number' && delay.default <= 150 && delay.minimum === 0);
    const most = manifest.contributes.configuration.properties['gpuplan.validation.maxProblems'];
    assert.deepEqual([most.default, most.minimum, most.maximum, most.scope], [DEFAULT_SETTINGS.validation.maxProblems, 1, MAX_PROBLEMS_LIMIT, 'resource']);
    assert.deepEqual(manifest.contributes.configuration.properties['gpuplan.abbreviations.allowlist'].default, []);
    assert.deepEqual(manifest.contributes.configuration.properties['gpuplan.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  it('contributes language gpuplan for *.gpuplan.json with grammar, snippets and schema', () => {
    const [language] = manifest.contributes.languages;
    assert.equal(language.id, 'gpuplan');
    assert.deepEqual(language.filenamePatterns, ['*.gpuplan.json']);
    assert.deepEqual(manifest.contributes.grammars, [{ language: 'gpuplan', scopeName: 'source.gpuplan', path: './syntaxes/gpuplan.tmLanguage.json' }]);
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '*.gpuplan.json', url: './schemas/gpuplan.schema.json' }]);
    // The gp- snippets come from the language server, only where they fit (a stage row inside
    // gpuPlan.stages): a static snippets file would offer all of them everywhere.
    assert.equal(manifest.contributes.snippets, undefined);
    // A preview restored after a window reload activates the extension by itself (its panel serializer).
    assert.deepEqual(manifest.activationEvents, ['onLanguage:gpuplan', 'onWebviewPanel:gpuplan.documentPreview', 'onWebviewPanel:gpuplan.costPreview']);
    // Limited only because Import Plan reads the document from disk (the server reads a file: URI).
    assert.deepEqual(manifest.capabilities, {
      untrustedWorkspaces: { supported: true },
      virtualWorkspaces: { supported: 'limited', description: '%capabilities.virtualWorkspaces%' },
    });
  });

  it('keeps comments out of gpuplan files: no comment toggling, comments scoped as invalid', () => {
    const configuration = readJsonc('language-configuration.json') as Record<string, unknown>;
    assert.ok(!('comments' in configuration), 'no lineComment/blockComment');
    const grammar = JSON.parse(read('syntaxes/gpuplan.tmLanguage.json')) as { scopeName: string; repository: { comment: unknown } };
    assert.equal(grammar.scopeName, 'source.gpuplan');
    assert.match(JSON.stringify(grammar.repository.comment), /invalid\.illegal\.comment/);
  });

  it('puts its commands in the palette and menus, and hides the internal one', () => {
    const commands = manifest.contributes.commands.map((c) => c.command);
    for (const command of ['gpuplan.applySnippet', 'gpuplan.insertSection', 'gpuplan.newPlan', 'gpuplan.restartServer', 'gpuplan.showCostPreview'])
      assert.ok(commands.includes(command), command);
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'gpuplan');
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(commands.includes(item.command), `${menu}: ${item.command}`);
    }
    assert.ok(manifest.contributes.menus.commandPalette.some((m) => m.command === 'gpuplan.applySnippet' && m.when === 'false'));
    assert.ok(manifest.contributes.menus['editor/context'].some((m) => m.command === 'gpuplan.insertSection' && m.when === 'editorLangId == gpuplan'));
  });

  it('references files that exist, and packages exactly those (allowlist .vscodeignore)', () => {
    const c = manifest.contributes;
    const referenced = [
      manifest.icon,
      c.languages[0].configuration,
      c.languages[0].icon.light,
      c.languages[0].icon.dark,
      ...c.grammars.map((g) => g.path),
      ...c.jsonValidation.map((j) => j.url),
      ...(c.snippets ?? []).map((s) => s.path),
      'package.nls.json',
      'package.nls.ko.json',
      'l10n/bundle.l10n.ko.json',
      'LICENSE',
      'CHANGELOG.md',
      // Loaded by the previews' webviews at run time.
      'media/cost-preview.css',
      'media/cost-preview.js',
      'media/document-preview.js',
    ].map((p) => path.normalize(p));
    for (const file of referenced) assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} exists`);

    const ignore = read('.vscodeignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    assert.equal(ignore[0], '**', 'exclude everything first');
    const allowed = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    const glob = (pattern: string) =>
      new RegExp(
        `^${pattern
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*/g, '.+')
          .replace(/\*/g, '[^/]+')}$`,
      );
    const packaged = (file: string) => allowed.some((pattern) => glob(pattern).test(file.split(path.sep).join('/')));
    // The server loads the HWP engine's WebAssembly from beside its bundle.
    for (const file of [...referenced, path.normalize(manifest.main), 'dist/server.js', 'dist/rhwp_bg.wasm']) assert.ok(packaged(file), `${file} is packaged`);
    for (const file of [
      'node_modules/x/index.js',
      'dist/cli.js',
      'dist/extension.js.map',
      'server/src/server.ts',
      'test/unit/manifest.test.ts',
      'out/x.js',
      'examples/complete.gpuplan.json',
    ]) {
      assert.ok(!packaged(file), `${file} is not packaged`);
    }
  });

  it('walks a newcomer through five steps, each with its screenshot in both languages and themes and a way to be completed', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough.id, 'start');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['open', 'checks', 'insertSection', 'costPreview', 'export'],
    );
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id} can be completed`);
      for (const event of step.completionEvents) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command?.startsWith('gpuplan.')) assert.ok(commands.has(command), `${step.id}: ${event}`);
      }
      for (const lang of ['en', 'ko'] as const) {
        const description = nls[lang][step.description.slice(1, -1)];
        // The walkthrough renders bold and links, not code spans: a backtick would show as is.
        assert.ok(!description.includes('`'), `${lang} ${step.id}: no backticks`);
        // Each step's button runs a command; the step's own commands complete it.
        const linked = [...description.matchAll(/\]\(command:(?:toSide:)?([\w.]+)\)/g)].map((m) => m[1]);
        assert.ok(linked.length > 0, `${lang} ${step.id}: a button`);
        for (const command of linked.filter((c) => c.startsWith('gpuplan.'))) assert.ok(commands.has(command), `${lang} ${step.id}: ${command}`);
        for (const theme of ['light', 'dark', 'hc', 'hcLight'] as const) {
          const file = nls[lang][step.media.image[theme].slice(1, -1)];
          assert.match(file, new RegExp(`^media/screenshots/${lang}/(light|dark)/[a-z-]+\\.png$`), `${lang} ${step.id} ${theme}`);
          assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} exists (npm run screenshots)`);
          assert.ok(fs.statSync(path.join(ROOT, file)).size < 200 * 1024, `${file} < 200 KB`);
        }
      }
    }
  });

  it('binds its previews and Insert Section to Ctrl+K chords only in gpuplan editors (Markdown has Ctrl+K V for its preview to the side)', () => {
    const keys = Object.fromEntries(manifest.contributes.keybindings.map((k) => [k.command, k]));
    assert.deepEqual(Object.keys(keys).sort(), ['gpuplan.insertSection', 'gpuplan.previewDocument', 'gpuplan.showCostPreview']);
    for (const binding of manifest.contributes.keybindings) {
      assert.match(binding.key, /^ctrl\+k [a-z]$/);
      assert.equal(binding.mac, binding.key.replace('ctrl', 'cmd'));
      assert.match(binding.when, /editorLangId == gpuplan/);
    }
    assert.equal(keys['gpuplan.previewDocument'].key, 'ctrl+k v', 'the document preview to the side, as Markdown');
  });

  it('sets the editor defaults of gpuplan files: 2 spaces, always, word wrap, no Unicode boxes in Korean prose', () => {
    const defaults = manifest.contributes.configurationDefaults['[gpuplan]'];
    for (const [key, value] of Object.entries({
      'editor.tabSize': 2,
      'editor.insertSpaces': true,
      'editor.detectIndentation': false,
      'editor.wordWrap': 'on',
      'editor.unicodeHighlight.ambiguousCharacters': false,
      'editor.unicodeHighlight.nonBasicASCII': false,
    })) {
      assert.deepEqual(defaults[key], value, key);
    }
  });
});
