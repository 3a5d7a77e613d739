// Bundles the three entry points: the CLI, the language server and the VS Code client.
// `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';

const production = process.argv.includes('--production');

/**
 * kordoc (the reader behind `gpuplan import`) can OCR scans and recognise formulas with models it
 * downloads on first use. gpuplan never asks it to (no `ocr`, no `formulaOcr`), and so that nothing
 * can ever be fetched, those parts are not bundled at all: their modules (kordoc's OCR, formula
 * and model-download chunks, and the optional image, ONNX, PDFium and browser packages) become a
 * stub that throws.
 */
const OFFLINE_ONLY = /^(?:onnxruntime-node|onnxruntime-web|@huggingface\/transformers|sharp|@hyzyla\/pdfium|puppeteer-core)$|^\.\/(?:image-ocr|pdf-ocr|formula|models|model-bundle|rasterize|setup|watch)-[A-Z0-9]+\.c?js$/;
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
      contents: (await readFile(args.path, 'utf8')).replace(/\brequire\d*\("cfb"\)/g, 'require("cfb")'),
      loader: 'js',
    }));
  },
};
const watch = process.argv.includes('--watch');

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
  plugins: [offlineOnly],
  // kordoc is an ES module that reads `import.meta.url`; in these CommonJS bundles it is the bundle's file.
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: ['server/src/import/import-meta-url.js'],
};

const entries = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' },
];

const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
