/**
 * The VS Code client stays thin: it asks the language server for everything about a plan, so its
 * production bundle holds no engine (no core, no export writers, no ajv, docx, jszip or
 * jsonc-parser) and stays under 400 KB. Built here exactly as `npm run build:prod` builds
 * dist/extension.js (the options come from esbuild.mjs), in memory.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ROOT } from '../support/fixtures';

/** At most 400 KB (400 × 1000 bytes: the smaller reading of "KB"). */
const MAX_BYTES = 400 * 1000;
/** Packages that are the engine or only the engine needs. */
const ENGINE_PACKAGES = ['ajv', 'ajv-formats', 'docx', 'jszip', 'jsonc-parser', 'vscode-json-languageservice', '@ssabrojs/hwpxjs'];

interface BuildConfig {
  CLIENT_ENTRY: string;
  buildOptions(options: { production: boolean }): esbuild.BuildOptions[];
}

// esbuild.mjs is an ES module; tsc compiles this test to CommonJS, which would turn `import()`
// into `require()`. A Function keeps it a real dynamic import.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the one way to keep import() through tsc's CommonJS output
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<BuildConfig>;

describe('the VS Code client bundle', function () {
  this.timeout(60_000);
  let inputs: string[];
  let bytes: number;

  before(async () => {
    const config = await importModule(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href);
    const options = config.buildOptions({ production: true }).find((o) => Array.isArray(o.entryPoints) && o.entryPoints[0] === config.CLIENT_ENTRY);
    assert.ok(options, `esbuild.mjs builds ${config.CLIENT_ENTRY}`);
    assert.equal(options.minify, true, 'production options');
    const result = await esbuild.build({ ...options, absWorkingDir: ROOT, metafile: true, write: false, logLevel: 'silent' });
    const outputs = Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .map(([, output]) => output);
    assert.equal(outputs.length, 1, 'one bundle');
    bytes = outputs[0].bytes;
    inputs = Object.keys(outputs[0].inputs);
    process.stdout.write(`      dist/extension.js (production): ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB), ${inputs.length} inputs\n`);
  });

  it(`is at most 400 KB (${MAX_BYTES} bytes)`, () => {
    assert.ok(bytes <= MAX_BYTES, `${bytes} bytes`);
  });

  it('bundles nothing of the engine: no server/src, no writers, no ajv, docx, jszip or jsonc-parser', () => {
    const engine = inputs.filter((file) => {
      const normal = file.split(path.sep).join('/');
      if (normal.startsWith('server/')) return true;
      const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(normal);
      return match !== null && ENGINE_PACKAGES.includes(match[1]);
    });
    assert.deepEqual(engine, []);
  });

  it('takes its own code only from client/src and shared/src (and the New Plan skeleton)', () => {
    const own = inputs.filter((file) => !/(^|\/)node_modules\//.test(file.split(path.sep).join('/')));
    const outside = own.filter((file) => !/^(client|shared)\/src\//.test(file) && file !== 'examples/skeleton.gpuplan.json');
    assert.deepEqual(outside, []);
    assert.ok(own.includes('client/src/extension.ts'), own.join(', '));
  });

  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  /** Every module specifier a source file imports, exports from or requires. */
  const specifiers = (file: string): string[] =>
    [
      ...fs
        .readFileSync(file, 'utf8')
        .matchAll(
          /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm,
        ),
    ].flatMap((m) => m.slice(1).filter(Boolean)); // the one group that matched
  const inRepo = (file: string, specifier: string): string =>
    path
      .relative(ROOT, path.resolve(path.dirname(file), specifier))
      .split(path.sep)
      .join('/');

  it('imports, in client/src, only shared/src, vscode, vscode-languageclient, node builtins and the skeleton', () => {
    const allowed = (specifier: string, file: string): boolean => {
      if (specifier === 'vscode' || specifier === 'vscode-languageclient' || specifier.startsWith('vscode-languageclient/') || specifier.startsWith('node:'))
        return true;
      if (!specifier.startsWith('.')) return false;
      const target = inRepo(file, specifier);
      return /^(client|shared)\/src\//.test(target) || target === 'examples/skeleton.gpuplan.json';
    };
    const checked = files(path.join(ROOT, 'client', 'src'));
    assert.ok(checked.length >= 10, `${checked.length} files`);
    const bad = checked.flatMap((file) =>
      specifiers(file)
        .filter((s) => !allowed(s, file))
        .map((s) => `${path.relative(ROOT, file)}: ${s}`),
    );
    assert.deepEqual(bad, []);
  });

  it('imports, in shared/src, only the LSP protocol types and itself', () => {
    const bad = files(path.join(ROOT, 'shared', 'src')).flatMap((file) =>
      specifiers(file)
        .filter((s) => s !== 'vscode-languageserver-protocol' && !(s.startsWith('.') && inRepo(file, s).startsWith('shared/src/')))
        .map((s) => `${path.relative(ROOT, file)}: ${s}`),
    );
    assert.deepEqual(bad, []);
  });
});
