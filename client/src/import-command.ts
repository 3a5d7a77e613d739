/**
 * "gpuplan: Import Plan from HWP/HWPX/DOCX/PDF…": picks the filled form, asks the server to read
 * it back into a plan (`gpuplan/importDocument`), saves the plan next to it as *.gpuplan.json —
 * never replacing a file without asking — and opens it beside its import report.
 */
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImportDocumentRequest } from '../../shared/src/protocol';
import { exists } from './util';

const t = vscode.l10n.t;

/** Larger than any plan's document (the server refuses it too). */
const MAX_BYTES = 64 * 1024 * 1024;

const baseName = (uri: vscode.Uri): string => uri.path.split('/').pop() ?? '';

/** `plan.hwpx` → `plan.gpuplan.json` in the same folder. */
const planUriFor = (document: vscode.Uri): vscode.Uri => document.with({ path: document.path.replace(/(\.[^./]*)?$/, '').replace(/\.gpuplan$/i, '') + '.gpuplan.json' });

/** Writes the plan without replacing anything: exclusively on disk (flag "wx"); elsewhere after a check. */
async function writeNew(target: vscode.Uri, text: string): Promise<boolean> {
  if (target.scheme === 'file') {
    try {
      await fs.writeFile(target.fsPath, text, { encoding: 'utf8', flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }
  if (await exists(target)) return false;
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  return true;
}

/** Where to save: the given target, else next to the document; an existing file is replaced only when the user says so. */
async function save(text: string, document: vscode.Uri, targetArg: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  let target = targetArg ?? planUriFor(document);
  for (;;) {
    if (await writeNew(target, text)) return target;
    const replace = t('Replace');
    const other = t('Save As…');
    // A dialog that cannot be shown (as in automated tests) counts as "no".
    const answer = await Promise.resolve(vscode.window.showWarningMessage(t('{0} already exists. Replace it, or save the imported plan under another name?', baseName(target)), { modal: true }, replace, other)).catch(() => undefined);
    if (answer === replace) {
      await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
      return target;
    }
    if (answer !== other) return undefined;
    const chosen = await vscode.window.showSaveDialog({ defaultUri: target, filters: { 'gpuplan': ['gpuplan.json', 'json'] }, title: t('Save the imported plan'), saveLabel: t('Save') });
    if (!chosen) return undefined;
    if (chosen.toString() === target.toString()) {
      // The save dialog has asked about replacing already.
      await vscode.workspace.fs.writeFile(chosen, Buffer.from(text, 'utf8'));
      return chosen;
    }
    target = chosen;
  }
}

/** `gpuplan.importPlan [document uri] [target uri]`: without arguments it asks for the document. */
export async function importCommand(getClient: () => Promise<LanguageClient | undefined>, documentArg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> {
  let document = documentArg instanceof vscode.Uri ? documentArg : typeof documentArg === 'string' ? vscode.Uri.parse(documentArg) : undefined;
  if (!document) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      canSelectFolders: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      filters: { [t('Filled form (HWP, HWPX, DOCX, PDF)')]: ['hwp', 'hwpx', 'docx', 'pdf'] },
      title: t('Import a plan from the filled form'),
      openLabel: t('Import'),
    });
    document = picked?.[0];
    if (!document) return undefined;
  }
  const client = await getClient();
  if (!client) {
    void vscode.window.showErrorMessage(t('The gpuplan language server is not running. Run "gpuplan: Restart Language Server" and try again.'));
    return undefined;
  }
  const name = baseName(document);
  try {
    const stat = await vscode.workspace.fs.stat(document);
    if (stat.size > MAX_BYTES) {
      void vscode.window.showErrorMessage(t('{0} is larger than {1} MB, more than a plan can be.', name, MAX_BYTES / 1024 / 1024));
      return undefined;
    }
    const bytes = await vscode.workspace.fs.readFile(document);
    const imported = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Importing {0}…', name) }, () =>
      client.sendRequest(ImportDocumentRequest, { data: Buffer.from(bytes).toString('base64'), fileName: name }),
    );
    const target = await save(imported.text, document, targetArg instanceof vscode.Uri ? targetArg : typeof targetArg === 'string' ? vscode.Uri.parse(targetArg) : undefined);
    if (!target) return undefined;
    const plan = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(plan, { viewColumn: vscode.ViewColumn.One, preview: false });
    const report = await vscode.workspace.openTextDocument({ language: 'markdown', content: imported.report.markdown });
    await vscode.window.showTextDocument(report, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    const unmapped = imported.report.entries.filter((e) => e.kind === 'unmapped' || e.kind === 'conflict').length;
    void vscode.window.showInformationMessage(
      unmapped > 0
        ? t('Imported {0} into {1}. {2} passage(s) were not mapped: the report beside the plan lists them.', name, baseName(target), unmapped)
        : t('Imported {0} into {1}. The report beside the plan lists what was dropped and what is left to fill.', name, baseName(target)),
    );
    return target;
  } catch (error) {
    void vscode.window.showErrorMessage(t('The import failed: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}
