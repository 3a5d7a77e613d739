/**
 * vscode-json-languageservice in a thread of its own, for the keystroke benchmark: it times
 * parse + doValidation of each text it is sent and answers with the milliseconds. In its own
 * isolate, its garbage (the tree of a 1 MB text, each call) is collected in its own heap, never
 * in the middle of a keystroke the main thread is timing; and the main thread's collections
 * between kinds (see keystrokes.ts) do not slow it: a full collection just before a call made
 * it 2.4 times as slow.
 */
import { parentPort } from 'node:worker_threads';
import { jsonLanguageService } from './json-ls';

const validate = jsonLanguageService();
const port = parentPort;
if (!port) throw new Error('json-ls-worker: run as a worker thread');
port.on('message', (text: string) => {
  const start = process.hrtime.bigint();
  void validate(text).then(
    () => {
      port.postMessage({ ms: Number(process.hrtime.bigint() - start) / 1e6 });
    },
    (error: unknown) => {
      port.postMessage({ error: error instanceof Error ? error.message : String(error) });
    },
  );
});
