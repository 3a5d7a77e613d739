/**
 * `gpuplan/newPlan`: the text of a new plan, examples/skeleton.gpuplan.json (inlined into the
 * server bundle by esbuild), and where a user starts writing. The client asks for it instead of
 * bundling the skeleton itself.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import skeleton from '../../../../examples/skeleton.gpuplan.json';
import { NewPlanRequest, type NewPlan } from '../../../../shared/src/protocol';
import type { ServerContext } from '../context';

/**
 * The skeleton without its `$schema` (a path relative to the repository, meaningless next to a
 * user's file; the file is still validated by language `gpuplan` and by `jsonValidation`).
 */
export function newPlan(): NewPlan {
  const { $schema: _relativeSchemaPath, ...plan } = skeleton as Record<string, unknown>;
  const text = `${JSON.stringify(plan, null, 2)}\n`;
  const document = TextDocument.create('untitled:new', 'gpuplan', 0, text);
  const key = '"projectTitle": "';
  const at = text.indexOf(key);
  const start = at < 0 ? 0 : at + key.length;
  const end = at < 0 ? 0 : Math.max(start, text.indexOf('"', start));
  return { text, start: { start: document.positionAt(start), end: document.positionAt(end) } };
}

export function registerNewPlan(context: ServerContext): void {
  context.connection.onRequest(NewPlanRequest, () => newPlan());
}
