/**
 * Security: no network at any point, no remote $ref, truthful workspace-trust capabilities, and
 * no markup or terminal control from plan text in anything gpuplan renders.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTree, type Node } from 'jsonc-parser';
import {
  CodeLensRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { renderPreviewBody, renderWhatIf } from '../../server/src/lsp/features/cost-preview-html';
import { localize } from '../../server/src/core';
import { CostPreviewRequest, type CostPreview } from '../../shared/src/protocol';
import { readExample, ROOT } from '../support/fixtures';
import { ServerProcess } from '../support/server-process';

const DIST = path.join(ROOT, 'dist');
const CLI = path.join(DIST, 'cli.js');
const PRELOAD = path.join(__dirname, '..', 'support', 'no-network.js');
const read = (file: string) => fs.readFileSync(file, 'utf8');
const complete = readExample('complete.gpuplan.json');
const packageJson = JSON.parse(read(path.join(ROOT, 'package.json'))) as Record<string, unknown>;
const schema = JSON.parse(read(path.join(ROOT, 'schemas', 'gpuplan.schema.json'))) as unknown;

/** Source files of a folder, recursively. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}

// ---------------------------------------------------------------------------------------------
describe('security: no network in the bundles', () => {
  before(() => {
    for (const name of ['server.js', 'cli.js', 'extension.js']) assert.ok(fs.existsSync(path.join(DIST, name)), 'run `npm run build` first');
  });

  /** Every module a bundle loads by name: require("x"), require('node:x'), import("x"). */
  const loads = (code: string, module: string): number[] => {
    const re = new RegExp(`(?:require|import)\\s*\\(\\s*["'](?:node:)?${module}["']\\s*\\)`, 'g');
    return [...code.matchAll(re)].map((m) => m.index);
  };
  const around = (code: string, index: number, radius = 4000) => code.slice(Math.max(0, index - radius), index + radius);
  /** Whether the `name(` at `index` defines a method (`fetch(ref) {`, `async fetch({ name }) {`) rather than calling it. */
  const isMethodDefinition = (code: string, index: number): boolean => {
    let depth = 0;
    for (let i = code.indexOf('(', index); i < code.length; i++) {
      if (code[i] === '(') depth++;
      else if (code[i] === ')' && --depth === 0) return /^\s*\{/.test(code.slice(i + 1, i + 20));
    }
    return false;
  };

  for (const name of ['server.js', 'cli.js', 'extension.js']) {
    describe(`dist/${name}`, () => {
      let code = '';
      before(() => {
        code = read(path.join(DIST, name));
      });

      it('loads no http, https, http2, tls, dgram, dns or undici', () => {
        for (const module of ['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'undici']) {
          assert.deepEqual(loads(code, module), [], `require("${module}") in dist/${name}`);
        }
      });

      it('uses no XMLHttpRequest, WebSocket, EventSource, sendBeacon or raw socket bindings', () => {
        for (const word of ['XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'tcp_wrap', 'pipe_wrap', 'process.binding(']) {
          assert.ok(!code.includes(word), `${word} in dist/${name}`);
        }
      });

      // vscode-jsonrpc's node entry (lib/node/main.js) does `require("net")` at load time for its
      // named-pipe and TCP transports (createServerPipeTransport, createClientSocketTransport, …),
      // which vscode-languageserver picks only for --pipe=/--socket= and vscode-languageclient only
      // for TransportKind.pipe/socket. gpuplan uses node IPC (VS Code) and --stdio (other editors,
      // tests), so `net` is loaded but never called; the preload test below proves it at run time.
      // That one module is the only place allowed to load `net`, and the CLI must not load it.
      it(name === 'cli.js' ? 'loads no net' : "loads net only inside vscode-jsonrpc's pipe/socket transports", () => {
        const at = loads(code, 'net');
        if (name === 'cli.js') {
          assert.deepEqual(at, [], 'require("net") in dist/cli.js');
          return;
        }
        assert.ok(at.length <= 1, `require("net") ${at.length} times in dist/${name}`);
        for (const index of at) {
          const module = around(code, index);
          assert.ok(
            module.includes('generateRandomPipeName') && module.includes('SocketMessageReader'),
            `require("net") at ${index} of dist/${name} is not vscode-jsonrpc's transport module`,
          );
        }
      });

      // @vscode/l10n's readFileFromUri can fetch an http(s) bundle when `l10n.config({ uri })` is
      // given an http URL. gpuplan only ever calls `l10n.config({ contents })` (checked below), so
      // that fetch is dead code; it is the only call of the global fetch allowed in a bundle.
      // pdf.js (in the CLI and the server, for `gpuplan import`) can fetch a PDF or its fonts by
      // URL; esbuild.mjs injects server/src/import/offline-globals.js there, so that every use of
      // the global fetch and XMLHttpRequest is a stub that refuses (in l10n's reader too). What is
      // left named fetch are methods: pdf.js's xref.fetch(ref) and its CMap factories' fetch({…}).
      it("calls the global fetch only in @vscode/l10n's bundle reader, which gpuplan never reaches", () => {
        const calls = [...code.matchAll(/(?<![.\w$])fetch\s*\(/g)].map((m) => m.index).filter((index) => !isMethodDefinition(code, index));
        for (const index of calls) {
          const context = around(code, index, 600);
          assert.ok(
            context.includes('Unsupported protocol') && /protocol\s*===\s*"https?:"/.test(context),
            `fetch( at ${index} of dist/${name}:\n${context.slice(400, 800)}`,
          );
        }
        assert.ok(calls.length <= 1, `${calls.length} fetch( calls in dist/${name}`);
      });
    });
  }

  it('gpuplan configures @vscode/l10n only with inline contents, never with a URI', () => {
    const calls = [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))].flatMap((file) =>
      [...read(file).matchAll(/l10n\.config\(([^)]*)\)/g)].map((m) => ({ file: path.relative(ROOT, file), args: m[1] })),
    );
    assert.ok(calls.length > 0);
    for (const call of calls) assert.match(call.args, /^\s*\{\s*contents\s*:/, `${call.file}: l10n.config(${call.args})`);
  });

  it('the preload really blocks: a request through it fails and is logged', () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-net-')), 'network.log');
    const result = spawnSync(process.execPath, ['-r', PRELOAD, '-e', "require('https').request('https://example.com/x.json')"], {
      encoding: 'utf8',
      env: { ...process.env, GPUPLAN_NETWORK_LOG: log },
    });
    assert.notEqual(result.status, 0);
    assert.match(read(log), /^blocked \d+ https\.request https:\/\/example\.com\/x\.json$/m);
  });

  describe('at run time, with every network and process API blocked (node -r no-network.js)', function () {
    this.timeout(60_000);
    let dir: string;
    let log: string;
    const env = () => ({ ...process.env, GPUPLAN_NETWORK_LOG: log, NO_COLOR: '1', GPUPLAN_LANG: 'en' });
    const logLines = () => (fs.existsSync(log) ? read(log).trim().split('\n') : []);

    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-offline-'));
      log = path.join(dir, 'network.log');
    });
    afterEach(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('the CLI checks, prices and exports the complete example', () => {
      const plan = path.join(dir, 'plan.gpuplan.json');
      fs.writeFileSync(plan, complete.replace('"$schema": "../schemas/gpuplan.schema.json"', '"$schema": "https://example.com/x.json"'));
      const runs = [
        ['check', plan],
        ['check', plan, '--format', 'sarif'],
        ['cost', plan],
        ['export', plan, '--format', 'html', '-o', path.join(dir, 'plan.html')],
        ['export', plan, '--format', 'docx', '-o', path.join(dir, 'plan.docx')],
        ['export', plan, '--format', 'hwpx', '-o', path.join(dir, 'plan.hwpx')],
      ];
      for (const args of runs) {
        const result = spawnSync(process.execPath, ['-r', PRELOAD, CLI, ...args], { encoding: 'utf8', env: env() });
        assert.equal(result.status, 0, `gpuplan ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`);
      }
      const lines = logLines();
      assert.equal(lines.filter((l) => l.startsWith('loaded ')).length, runs.length, 'the preload ran in every process');
      assert.deepEqual(
        lines.filter((l) => !l.startsWith('loaded ')),
        [],
        'no network or process call was attempted',
      );
    });

    it('the language server answers a plan whose "$schema" is https://example.com/x.json: diagnostics, hover, completion and the rest', async () => {
      const server = new ServerProcess({ nodeArgs: ['-r', PRELOAD], env: { GPUPLAN_NETWORK_LOG: log } });
      try {
        await server.initialize('ko');
        const uri = 'file:///remote-schema.gpuplan.json';
        const text = complete
          .replace('"$schema": "../schemas/gpuplan.schema.json"', '"$schema": "https://example.com/x.json"')
          .replace('"type": "H200"', '"type": ""');
        assert.ok(text.includes('"$schema": "https://example.com/x.json"'));
        const document = TextDocument.create(uri, 'gpuplan', 1, text);
        const published = await server.diagnosticsFor(uri, server.open(uri, text));
        assert.ok(
          published.diagnostics.some((d) => d.code === 'schema'),
          'the empty gpu.type is reported',
        );

        const hover = await server.request<Hover | null>(HoverRequest.method, {
          textDocument: { uri },
          position: document.positionAt(text.indexOf('"projectTitle"') + 2),
        });
        assert.match((hover?.contents as MarkupContent).value, /신청과제명/, 'hover from the bundled schema');
        const schemaHover = await server.request<Hover | null>(HoverRequest.method, {
          textDocument: { uri },
          position: document.positionAt(text.indexOf('"$schema"') + 2),
        });
        assert.ok(schemaHover === null || typeof (schemaHover.contents as MarkupContent).value === 'string');

        const completion = await server.request<CompletionList | CompletionItem[] | null>(CompletionRequest.method, {
          textDocument: { uri },
          position: document.positionAt(text.indexOf('"type": ""') + '"type": "'.length),
        });
        const labels = (Array.isArray(completion) ? completion : (completion?.items ?? [])).map((i) => i.label);
        assert.ok(labels.some((l) => l.includes('H200')) && labels.some((l) => l.includes('B200')), labels.join());

        for (const method of [DocumentSymbolRequest.method, FoldingRangeRequest.method, CodeLensRequest.method])
          await server.request(method, { textDocument: { uri } });
        await server.request(DocumentFormattingRequest.method, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
        await server.request(CostPreviewRequest.method, { uri });
        assert.ok(server.alive);
      } finally {
        await server.dispose();
      }
      const lines = logLines();
      assert.equal(lines.filter((l) => l.startsWith('loaded ')).length, 1, 'the preload ran in the server');
      assert.deepEqual(
        lines.filter((l) => !l.startsWith('loaded ')),
        [],
        'no network or process call was attempted',
      );
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe('security: the schema is self-contained', () => {
  it('every $ref is local (#/...)', () => {
    const refs: string[] = [];
    const stack: unknown[] = [schema];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...(node as unknown[]));
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref') refs.push(String(value));
          else stack.push(value);
        }
      }
    }
    assert.ok(refs.length > 0);
    assert.deepEqual(
      refs.filter((ref) => !ref.startsWith('#/')),
      [],
    );
  });

  it("the schema's $id is not a fetchable URL, and the editor gets the schema from the extension", () => {
    const { $id } = schema as { $id?: string };
    assert.ok($id && !/^https?:/i.test($id), `$id ${$id}`);
    const validation = (packageJson.contributes as { jsonValidation?: Array<{ url: string }> }).jsonValidation ?? [];
    assert.ok(validation.length > 0);
    for (const { url } of validation) assert.ok(url.startsWith('./'), `jsonValidation url ${url} is a file of the extension`);
  });
});

// ---------------------------------------------------------------------------------------------
describe('security: workspace trust and virtual workspaces', () => {
  const capabilities = packageJson.capabilities as { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown } | undefined;

  // Truthful because nothing is executed from the workspace: the only program gpuplan starts is
  // its own bundled dist/server.js (context.asAbsolutePath), no setting names a path, a command or
  // a URL, and the server reads nothing but the text the editor sends it.
  it('declares untrustedWorkspaces.supported === true, and nothing it runs comes from the workspace', () => {
    assert.equal(capabilities?.untrustedWorkspaces?.supported, true);
    const settings = Object.keys((packageJson.contributes as { configuration?: { properties?: Record<string, unknown> } }).configuration?.properties ?? {});
    assert.ok(settings.length > 0);
    assert.deepEqual(
      settings.filter((key) => /path|command|executable|program|args|url|script|cwd|env|shell/i.test(key)),
      [],
      'no setting that could point at something to run or fetch',
    );
    const client = read(path.join(ROOT, 'client', 'src', 'language-client.ts'));
    assert.match(client, /context\.asAbsolutePath\('dist\/server\.js'\)/);
  });

  // Truthful because documents reach the server as text over LSP, whatever their scheme, and the
  // client touches files only through vscode.workspace.fs (which virtual file systems implement),
  // never through node's fs or a process. The one exception, and the reason the support is
  // "limited": Import Plan has the server read the filled form the user picked, a file: URI, and
  // only read it (the client writes the plan with workspace.fs).
  it('declares virtualWorkspaces limited, and nothing but the import request reads a file itself', () => {
    const virtual = capabilities?.virtualWorkspaces as { supported?: unknown; description?: unknown } | undefined;
    assert.equal(virtual?.supported, 'limited');
    assert.equal(virtual.description, '%capabilities.virtualWorkspaces%');
    const forbidden = /from '(node:)?(fs|fs\/promises|child_process|net|http|https)'|require\('(node:)?(fs|child_process)'\)/;
    const importer = path.join(ROOT, 'server', 'src', 'lsp', 'features', 'import.ts');
    const offenders = [
      ...sources(path.join(ROOT, 'client', 'src')),
      path.join(ROOT, 'server', 'src', 'server.ts'),
      ...sources(path.join(ROOT, 'server', 'src', 'lsp')),
      ...sources(path.join(ROOT, 'server', 'src', 'core')),
    ].filter((file) => file !== importer && forbidden.test(read(file)));
    assert.deepEqual(
      offenders.map((f) => path.relative(ROOT, f)),
      [],
    );
    const reader = read(importer);
    assert.match(reader, /fileURLToPath\(uri\)/, 'the import request takes file: URIs only');
    assert.doesNotMatch(reader, /\b(?:writeFile|appendFile|rename|rm|unlink|mkdir|copyFile|open|createWriteStream)\b/, 'and only reads');
  });
});

// ---------------------------------------------------------------------------------------------
const MARKER = 'ZQXJ';
/** Hostile plan text: markdown links and images, command: URIs, HTML, script, codicons, terminal control. */
const HOSTILE = [
  `[${MARKER}link](command:workbench.action.quit)`,
  `![${MARKER}img](https://evil.example/x.png)`,
  `<img src=x onerror=alert(1)>${MARKER}`,
  `</script><script>alert(1)</script>${MARKER}`,
  `<a href="command:workbench.action.quit">${MARKER}</a>`,
  `[${MARKER}ref]: https://evil.example/ref`,
  `$(zap)${MARKER} *em* _u_ \`code\``,
].join(' ');

/** The parts of the complete example these tests overwrite (the rest is kept as it is). */
interface EditablePlan {
  [key: string]: unknown;
  projectTitle: string;
  applicant: Record<string, unknown>;
  projectInfo: Record<string, unknown>;
  overview: { necessity: string[] };
  schedule: { milestones: Array<Record<string, unknown>> };
  gpuPlan: { stages: Array<Record<string, unknown>>; copayment: Record<string, unknown> };
  gpu: Record<string, unknown>;
}

/** The complete plan with hostile text in values, enum values and keys. */
function hostilePlan(): string {
  const plan = JSON.parse(complete) as EditablePlan;
  plan.projectTitle = HOSTILE;
  plan.applicant.name = HOSTILE;
  plan.applicant.type = HOSTILE; // enum
  plan.applicant.homepage = HOSTILE; // uri format
  plan.applicant.registrationNumber = HOSTILE; // pattern
  plan.projectInfo.stage = HOSTILE; // enum
  plan.overview.necessity[0] = HOSTILE; // Text
  plan.schedule.milestones[0].task = HOSTILE; // shown in the preview
  plan.gpuPlan.stages[0].tasks = HOSTILE;
  plan.gpu[HOSTILE] = HOSTILE; // unknown key next to the money fields
  plan.gpuPlan.copayment[HOSTILE] = 1;
  plan[HOSTILE] = HOSTILE; // unknown top-level key
  return JSON.stringify(plan, null, 2);
}

/** The same with gpu.type hostile too (an enum value where the cost is computed). */
const hostileType = (): string => hostilePlan().replace('"type": "H200"', `"type": ${JSON.stringify(HOSTILE)}`);

/**
 * Markdown that renders without links, images or raw HTML built from plan text. Rendered with
 * markdown-it (html on, so raw HTML would show up as tags), as strict as any markdown renderer.
 */
function assertInertMarkdown(markdown: string, where: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const MarkdownIt = require('markdown-it') as new (options: object) => { render(source: string): string };
  const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
  const message = `${where}:\n${markdown}\n---\n${html}`;
  assert.ok(!/<img\b/i.test(html), `an image: ${message}`);
  assert.ok(!/<script\b/i.test(html), `a script: ${message}`);
  assert.ok(!/<[a-z][^>]*\son[a-z]+\s*=/i.test(html), `an event handler: ${message}`);
  for (const [, href] of html.matchAll(/<a\b[^>]*href="([^"]*)"/gi)) {
    assert.ok(!href.includes(MARKER) && !/^command:|evil\.example/i.test(href), `a link to ${href}: ${message}`);
  }
  for (const [, text] of html.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/gi)) assert.ok(!text.includes(MARKER), `a link made of plan text: ${message}`);
}

describe('security: plan text cannot inject markup (hover, completion, code lenses, diagnostics, preview, terminal)', function () {
  this.timeout(60_000);
  let server: ServerProcess;
  before(async () => {
    server = new ServerProcess();
    await server.initialize('en');
  });
  after(async () => server.dispose());

  /** Every key's start, every hostile value (start, middle) and the money fields. */
  function hoverOffsets(text: string): number[] {
    const offsets = new Set<number>();
    const stack: Node[] = [];
    const root = parseTree(text);
    if (root) stack.push(root);
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'property' && node.children?.[0]) offsets.add(node.children[0].offset + 1);
      if (node.type === 'string' && String(node.value).includes(MARKER))
        [1, 3, Math.floor(node.length / 2), node.length - 2].forEach((d) => offsets.add(node.offset + d));
      stack.push(...(node.children ?? []));
    }
    for (const needle of ['"servers": 4', '"months": 6', '"totalWon"', '"unitPriceWon"', '"gpus": 32']) {
      const at = text.indexOf(needle);
      if (at >= 0) [2, needle.length - 1].forEach((d) => offsets.add(at + d));
    }
    return [...offsets].sort((a, b) => a - b);
  }

  for (const [name, build] of [
    ['hostile values and keys', hostilePlan],
    ['hostile gpu.type as well', hostileType],
  ] as const) {
    it(`hover markdown has no link, image, HTML or command: URI from plan text (${name})`, async () => {
      const text = build();
      const uri = `file:///hover-${name.replace(/\W+/g, '-')}.gpuplan.json`;
      const document = TextDocument.create(uri, 'gpuplan', 1, text);
      await server.diagnosticsFor(uri, server.open(uri, text));
      let hovers = 0;
      for (const offset of hoverOffsets(text)) {
        const position = document.positionAt(offset);
        const hover = await server.request<Hover | null>(HoverRequest.method, { textDocument: { uri }, position });
        if (!hover) continue;
        hovers++;
        const contents = hover.contents as MarkupContent;
        assert.equal(contents.kind, 'markdown');
        assertInertMarkdown(contents.value, `hover at ${position.line}:${position.character} (${JSON.stringify(text.slice(offset - 1, offset + 20))})`);
      }
      assert.ok(hovers > 50, `${hovers} hovers answered`);
    });
  }

  it('completion documentation and code lens titles carry no plan text', async () => {
    const text = hostileType();
    const uri = 'file:///completion-hostile.gpuplan.json';
    const document = TextDocument.create(uri, 'gpuplan', 1, text);
    await server.diagnosticsFor(uri, server.open(uri, text));
    for (const needle of [
      `"type": ${JSON.stringify(HOSTILE)}`,
      `"stage": ${JSON.stringify(HOSTILE)}`,
      `${JSON.stringify(HOSTILE)}: ${JSON.stringify(HOSTILE)}`,
    ]) {
      const at = text.indexOf(needle);
      assert.ok(at >= 0, needle.slice(0, 30));
      for (const offset of [at + 1, at + needle.length - 2]) {
        const result = await server.request<CompletionList | CompletionItem[] | null>(CompletionRequest.method, {
          textDocument: { uri },
          position: document.positionAt(offset),
        });
        for (const item of Array.isArray(result) ? result : (result?.items ?? [])) {
          const documentation = typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
          assert.ok(!documentation.includes(MARKER), `completion "${item.label}" documents plan text: ${documentation}`);
          if (typeof item.documentation === 'object' && item.documentation.kind === 'markdown')
            assertInertMarkdown(item.documentation.value, `completion ${item.label}`);
        }
      }
    }
    const lenses = (await server.request<CodeLens[] | null>(CodeLensRequest.method, { textDocument: { uri } })) ?? [];
    for (const lens of lenses) assert.ok(!lens.command?.title.includes(MARKER), `code lens ${lens.command?.title}`);
  });

  it('diagnostics are plain-text messages', async () => {
    const text = hostilePlan();
    const uri = 'file:///diagnostics-hostile.gpuplan.json';
    const published = await server.diagnosticsFor(uri, server.open(uri, text));
    assert.ok(published.diagnostics.length > 3);
    for (const d of published.diagnostics) assert.equal(typeof d.message, 'string', 'LSP shows a string message as plain text');
  });

  it('the cost preview escapes plan text that comes through the server (milestones, GPU type, stages)', async () => {
    const t = (message: string, ...args: Array<string | number>) => localize('en', message, ...args);
    for (const [name, build] of [
      ['values', hostilePlan],
      ['gpu.type', hostileType],
    ] as const) {
      const uri = `file:///preview-${name}.gpuplan.json`;
      await server.diagnosticsFor(uri, server.open(uri, build()));
      const current = await server.request<CostPreview | null>(CostPreviewRequest.method, { uri });
      const alternative = await server.request<CostPreview | null>(CostPreviewRequest.method, { uri, override: { type: 'B200', servers: 2, months: 6 } });
      assert.ok(current && alternative);
      const html = renderPreviewBody(current, t) + renderWhatIf(current, alternative, t);
      assert.ok(!/<script|<img|<svg onload|<a\b/i.test(html), `markup from plan text in the preview (${name})`);
      assert.ok(!/<[^>]*\son(error|load)=/i.test(html), `an event handler in the preview (${name})`);
      if (name === 'values') assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the milestone task is shown, escaped');
    }
  });
});

describe('security: the terminal gets no control sequences from plan text (gpuplan check)', () => {
  it('stylish output prints no raw escape or control character, whatever the plan contains', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-ansi-'));
    try {
      const CLEAR = '\u001b[2J\u001b[H';
      const plan = JSON.parse(complete) as EditablePlan;
      plan.gpu[`${CLEAR}servers`] = 4; // unknown key, quoted in the message
      plan.projectInfo.stage = `${CLEAR}fineTuning`; // enum value
      plan.applicant.registrationNumber = `214-86-4731\u001b[8m3`; // pattern
      plan.applicant.homepage = `\u009b2Jhttps://x`; // C1 CSI, uri format
      plan.overview.necessity.push(`${CLEAR}중동 진출도 추진할 수도 있다 \r덮어쓰기 ORPO`); // vague wording, acronym
      plan[`\u0007bell\bkey\r`] = 1;
      const file = path.join(dir, 'ansi.gpuplan.json');
      fs.writeFileSync(file, JSON.stringify(plan, null, 2));
      for (const lang of ['en', 'ko']) {
        const result = spawnSync(process.execPath, [CLI, 'check', file, '--lang', lang], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        assert.equal(result.status, 1, result.stderr);
        // eslint-disable-next-line no-control-regex -- the control characters are what this test proves absent
        const controls = [...result.stdout.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g)].map((m) => {
          const line = result.stdout.slice(result.stdout.lastIndexOf('\n', m.index) + 1, result.stdout.indexOf('\n', m.index));
          return `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} in: ${JSON.stringify(line)}`;
        });
        assert.deepEqual(controls, [], `raw control characters reach the terminal (--lang ${lang})`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
