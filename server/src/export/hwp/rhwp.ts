/**
 * @rhwp/core (Rust + WebAssembly, MIT): the HWP/HWPX engine the HWP export and the pagination of
 * the 목차 use. It lays an HWPX out into pages and writes HWP 5 (`exportHwp`).
 *
 * Offline: the WebAssembly module is read from disk and compiled here (`initSync`), never fetched.
 * The bundles (`dist/cli.js`, `dist/server.js`) find `rhwp_bg.wasm` beside them — `esbuild.mjs`
 * copies it from the package into `dist/` — and the tests find it in `node_modules/@rhwp/core`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HwpDocument, initSync, version as rhwpVersion } from '@rhwp/core';

export const RHWP_WASM = 'rhwp_bg.wasm';

/** @rhwp/core cannot be used: its WebAssembly module is missing or does not load. */
export class RhwpUnavailableError extends Error {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`The HWP engine (@rhwp/core) could not be loaded: ${detail}`, options);
    this.name = 'RhwpUnavailableError';
  }
}

/** Where the WebAssembly module is: beside the bundle, else in the installed package. */
function wasmFile(): string {
  const candidates = [path.join(__dirname, RHWP_WASM)];
  try {
    candidates.push(require.resolve(`@rhwp/core/${RHWP_WASM}`));
  } catch {
    // not installed as a package (the bundles): beside the bundle only
  }
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new RhwpUnavailableError(`${RHWP_WASM} is not in ${candidates.map((c) => path.dirname(c)).join(' or ')}.`);
  return found;
}

let loaded = false;

function load(): void {
  if (loaded) return;
  const file = wasmFile();
  try {
    initSync({ module: fs.readFileSync(file) });
  } catch (error) {
    throw new RhwpUnavailableError(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  loaded = true;
}

/** The engine's version (`0.8.6`), loading it if need be. */
export function engineVersion(): string {
  load();
  return rhwpVersion();
}

/** rhwp's answers are JSON strings; a string that is not JSON is an error. */
export const rhwpJson = (text: string): unknown => JSON.parse(text);

/** Opens an HWP or HWPX document with rhwp for `work`, and frees it afterwards. */
export function withRhwpDocument<T>(bytes: Uint8Array, work: (document: HwpDocument) => T): T {
  load();
  let document: HwpDocument;
  try {
    document = new HwpDocument(bytes);
  } catch (error) {
    throw new Error(`rhwp could not open the document: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    return work(document);
  } finally {
    document.free();
  }
}
