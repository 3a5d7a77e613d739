// Injected by esbuild.mjs into the CommonJS bundles: kordoc (an ES module) asks
// `createRequire(import.meta.url)` for pdfjs-dist's font and CMap folders; in a bundle that is the
// bundle's own file.
// eslint-disable-next-line no-undef -- a CommonJS bundle has __filename
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
