// Bundles the three entry points: the CLI, the language server and the VS Code client, and copies
// beside them the WebAssembly module of @rhwp/core (the HWP engine), which they load from disk.
// `--production` minifies; `--watch` rebuilds on change.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
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
};

const entries = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' },
];

// The CLI and the server read dist/rhwp_bg.wasm (server/src/export/hwp/rhwp.ts): nothing is fetched.
fs.mkdirSync('dist', { recursive: true });
fs.copyFileSync(createRequire(import.meta.url).resolve('@rhwp/core/rhwp_bg.wasm'), 'dist/rhwp_bg.wasm');

const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
