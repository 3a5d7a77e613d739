/**
 * "gpuplan: Import Plan from HWP/HWPX/DOCX/PDF…": picks the filled form, asks the server to read
 * it back into a plan (`gpuplan/importDocument`: the server reads the file), writes the plan next
 * to it as *.gpuplan.json with `workspace.fs` — whole, and replacing a file only after the user
 * said so — and opens it beside its import report.
 */
import * as vscode from 'vscode';
import { ImportDocumentRequest } from '../../../shared/src/protocol';
import { errorText, exists, fileName } from '../documents';
import type { ServerAccess } from '../language-client';
import { writeWhole } from './export';

const t = vscode.l10n.t;
const asUri = (arg: unknown): vscode.Uri | undefined => (arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined);

/** `gpuplan.importPlan [document uri] [target uri]`: without a document it asks for one. */
export async function importCommand(server: ServerAccess, documentArg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> {
  const document =
    asUri(documentArg) ??
    (await vscode.window.showOpenDialog({ filters: { 'HWP, HWPX, DOCX, PDF': ['hwp', 'hwpx', 'docx', 'pdf'] }, openLabel: t('Import') }))?.[0];
  if (!document) return undefined;
  const client = await server.running();
  if (!client) {
    void vscode.window.showErrorMessage(t('The gpuplan language server is not running. Run "gpuplan: Restart Language Server" and try again.'));
    return undefined;
  }
  const target = asUri(targetArg) ?? document.with({ path: document.path.replace(/(\.[^./]*)?$/, '.gpuplan.json') });
  const name = fileName(target);
  try {
    const imported = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Importing {0}…', fileName(document)) }, () =>
      client.sendRequest(ImportDocumentRequest, { uri: document.toString() }),
    );
    const replace = await exists(target);
    // A dialog that cannot be shown (as in automated tests) counts as "no".
    const answer =
      replace &&
      (await Promise.resolve(vscode.window.showWarningMessage(t('{0} already exists. Replace it?', name), { modal: true }, t('Replace'))).catch(
        () => undefined,
      ));
    if (answer === undefined) return undefined;
    const failure = await writeWhole(target, Buffer.from(imported.text), replace);
    if (failure) throw failure.error;
    await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.One });
    const report = await vscode.workspace.openTextDocument({ language: 'markdown', content: imported.report.markdown });
    await vscode.window.showTextDocument(report, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    void vscode.window.showInformationMessage(imported.report.summary);
    return target;
  } catch (error) {
    void vscode.window.showErrorMessage(t('The import failed: {0}', errorText(error)));
    return undefined;
  }
}
