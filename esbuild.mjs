// Bundles the three entry points: the CLI, the language server and the VS Code client, and copies
// beside them the WebAssembly module of @rhwp/core (the HWP engine), which they load from disk.
// `--production` minifies; `--watch` rebuilds on change. Imported (by the bundle test), it only
// exports the options, so the test builds exactly what `npm run build:prod` builds.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';

/**
 * kordoc (the reader behind `gpuplan import`) can OCR scans and recognise formulas with models it
 * downloads on first use. gpuplan never asks it to (no `ocr`, no `formulaOcr`), and so that nothing
 * can ever be fetched, those parts are not bundled at all: their modules (kordoc's OCR, formula
 * and model-download chunks, and the optional image, ONNX, PDFium and browser packages) become a
 * stub that throws.
 */
const OFFLINE_ONLY =
  /^(?:onnxruntime-node|onnxruntime-web|@huggingface\/transformers|sharp|@hyzyla\/pdfium|puppeteer-core)$|^\.\/(?:image-ocr|pdf-ocr|formula|models|model-bundle|rasterize|setup|watch)-[A-Z0-9]+\.c?js$/;
const offlineOnly = {
  name: 'kordoc-offline-only',
  setup(build) {
    build.onResolve({ filter: OFFLINE_ONLY }, (args) =>
      args.path.startsWith('.') && !args.importer.includes(`${'node_modules'}/kordoc/`) ? undefined : { path: args.path, namespace: 'offline-only' },
    );
    build.onLoad({ filter: /.*/, namespace: 'offline-only' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`gpuplan reads documents offline: ${args.path} (OCR, formula recognition, model downloads) is not included.`)});`,
      loader: 'js',
    }));
    // kordoc loads cfb (the HWP container reader) through createRequire, which a bundle cannot
    // follow: make it a plain require so that cfb is bundled like everything else.
    build.onLoad({ filter: /[\\/]node_modules[\\/]kordoc[\\/]dist[\\/][^\\/]+\.js$/ }, async (args) => ({
      contents: (await fs.promises.readFile(args.path, 'utf8')).replace(/\brequire\d*\("cfb"\)/g, 'require("cfb")'),
      loader: 'js',
    }));
  },
};

/** The client's entry: it must stay thin (shared/src, vscode, vscode-languageclient; no engine). */
export const CLIENT_ENTRY = 'client/src/extension.ts';

/** @returns {import('esbuild').BuildOptions[]} the options of every bundle. */
/**
 * vscode-languageclient checks VS Code's version (`^1.82.0`) with the whole of semver (13 kB of
 * the client's 400 kB budget) for one caret range; VS Code already refuses the extension below
 * its `engines.vscode`. The client gets client/src/semver/{parse,satisfies}.js instead: the same
 * parse and caret check, in a few lines (test/unit/semver-lite.test.ts compares them with semver).
 */
const semverLite = {
  name: 'semver-lite',
  setup(build) {
    build.onResolve({ filter: /^semver\/functions\/(?:parse|satisfies)$/ }, (args) => ({
      path: path.resolve('client/src/semver', `${args.path.split('/').pop()}.js`),
    }));
  },
};

export function buildOptions({ production = false } = {}) {
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    sourcesContent: false,
    minify: production,
    logLevel: 'info',
    // @vscode/l10n and the LSP libraries are bundled; `vscode` is provided by the editor.
    external: ['vscode'],
    // Keep the ESM-only build of jsonc-parser out; its UMD build resolves fine in CJS bundles.
    mainFields: ['module', 'main'],
    // The server carries the generated gp- snippets (snippets/gpuplan.code-snippets) as text.
    loader: { '.code-snippets': 'text' },
    // Korean strings as UTF-8 (3 bytes a syllable) rather than \uXXXX escapes (6 bytes).
    charset: 'utf8',
  };
  /** The CLI and the server carry kordoc (gpuplan import); the client does not. */
  const reader = {
    plugins: [offlineOnly],
    // kordoc is an ES module that reads `import.meta.url`; in these CommonJS bundles it is the bundle's file.
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: ['server/src/import/import-meta-url.js', 'server/src/import/offline-globals.js'],
  };
  return [
    { ...common, ...reader, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
    { ...common, ...reader, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
    { ...common, plugins: [semverLite], entryPoints: [CLIENT_ENTRY], outfile: 'dist/extension.js' },
  ];
}

const invoked = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invoked) {
  const production = process.argv.includes('--production');
  const watch = process.argv.includes('--watch');
  // vscode-languageclient ends a server that does not stop in time with this script, which it
  // looks for next to the bundle (its __dirname): ship it there, executable.
  fs.mkdirSync('dist', { recursive: true });
  fs.copyFileSync('node_modules/vscode-languageclient/lib/node/terminateProcess.sh', 'dist/terminateProcess.sh');
  fs.chmodSync('dist/terminateProcess.sh', 0o755);
  // The CLI and the server read dist/rhwp_bg.wasm (server/src/export/hwp/rhwp.ts): nothing is fetched.
  fs.copyFileSync(createRequire(import.meta.url).resolve('@rhwp/core/rhwp_bg.wasm'), 'dist/rhwp_bg.wasm');
  const contexts = await Promise.all(buildOptions({ production }).map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
  } else {
    await Promise.all(contexts.map((context) => context.rebuild()));
    await Promise.all(contexts.map((context) => context.dispose()));
  }
}
