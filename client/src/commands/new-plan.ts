/**
 * "gpuplan: New Plan": an unsaved `*.gpuplan.json` editor with the form's skeleton.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import skeleton from '../../../examples/skeleton.gpuplan.json';
import { exists, LANGUAGE_ID } from '../documents';

/**
 * The text of a new plan: examples/skeleton.gpuplan.json, inlined by esbuild at build time.
 * Its `$schema` is a path relative to the repository, meaningless next to a user's file, so it
 * is dropped; the file is still validated (by language `gpuplan`, and by `jsonValidation` for
 * other JSON tools through the `*.gpuplan.json` name).
 */
export function skeletonText(): string {
  const { $schema: _relativeSchemaPath, ...plan } = skeleton as Record<string, unknown>;
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/**
 * An `untitled:` URI whose path is a free `*.gpuplan.json` name in the first workspace folder
 * (else the home folder): the editor shows that name, and Save writes there without asking.
 */
export async function freePlanUri(): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const base = vscode.l10n.t('New plan');
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.gpuplan.json` : `${base} ${n}.gpuplan.json`;
    const target = vscode.Uri.joinPath(folder, name);
    if (open.has(target.path) || (await exists(target))) continue;
    return target.with({ scheme: 'untitled' });
  }
}

/** "gpuplan: New Plan": an unsaved editor with the skeleton. Nothing is written until the user saves. */
export async function newPlanCommand(): Promise<vscode.TextEditor | undefined> {
  const uri = await freePlanUri();
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== LANGUAGE_ID) document = await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  const editor = await vscode.window.showTextDocument(document);
  const text = skeletonText();
  const ok = await editor.edit(
    (edit) => {
      edit.insert(new vscode.Position(0, 0), text);
    },
    { undoStopBefore: false, undoStopAfter: true },
  );
  if (!ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the new plan.'));
    return undefined;
  }
  // Start where a user starts: the project title, its placeholder selected so that typing replaces it.
  const offset = text.indexOf('"projectTitle": "');
  if (offset >= 0) {
    const start = offset + '"projectTitle": "'.length;
    const position = document.positionAt(start);
    const end = document.positionAt(Math.max(start, text.indexOf('"', start)));
    editor.selection = new vscode.Selection(end, position);
    editor.revealRange(new vscode.Range(position, end));
  }
  return editor;
}
