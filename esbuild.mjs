// Bundles the three entry points: the CLI, the language server and the VS Code client, and copies
// beside them the WebAssembly module of @rhwp/core (the HWP engine), which they load from disk.
// `--production` minifies; `--watch` rebuilds on change. Imported (by the bundle test), it only
// exports the options, so the test builds exactly what `npm run build:prod` builds.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';

/** The client's entry: it must stay thin (shared/src, vscode, vscode-languageclient; no engine). */
export const CLIENT_ENTRY = 'client/src/extension.ts';

/** @returns {import('esbuild').BuildOptions[]} the options of every bundle. */
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
  return [
    { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
    { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
    { ...common, entryPoints: [CLIENT_ENTRY], outfile: 'dist/extension.js' },
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
