/**
 * "gpuplan: New Plan": an unsaved `*.gpuplan.json` editor with the form's skeleton, which the
 * language server gives (`gpuplan/newPlan`: the text, and where a user starts). The editor is
 * 2-space indented whatever the user's defaults, the project title's placeholder is selected so
 * that typing replaces it, and the plan overview opens beside it: what is left to write, in the
 * form's order, instead of a wall of errors (the server shows the skeleton's blanks as
 * information, "to write"; its real problems keep their level).
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { NewPlanRequest, type NewPlan } from '../../../shared/src/protocol';
import { exists, LANGUAGE_ID, toRange } from '../documents';
import type { ServerAccess } from '../language-client';

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
export async function newPlanCommand(server: ServerAccess, showOverview?: () => Promise<void>): Promise<vscode.TextEditor | undefined> {
  const client = await server.running();
  const plan: NewPlan | undefined = await client?.sendRequest(NewPlanRequest).catch(() => undefined);
  if (!plan) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the new plan.'));
    return undefined;
  }
  const uri = await freePlanUri();
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== LANGUAGE_ID) document = await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  const editor = await vscode.window.showTextDocument(document);
  // An empty untitled editor has nothing to detect its indentation from: say it.
  editor.options = { tabSize: 2, insertSpaces: true };
  const ok = await editor.edit(
    (edit) => {
      edit.insert(new vscode.Position(0, 0), plan.text);
    },
    { undoStopBefore: false, undoStopAfter: true },
  );
  if (!ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the new plan.'));
    return undefined;
  }
  // Start where a user starts: the project title, its placeholder selected so that typing replaces it.
  const start = toRange(plan.start);
  editor.selection = new vscode.Selection(start.end, start.start);
  editor.revealRange(start);
  if (showOverview) {
    await showOverview();
    await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn, preserveFocus: false });
  }
  return editor;
}
