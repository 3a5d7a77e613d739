/**
 * "gpuplan: Export…": asks for the format (the server says which it can make now: PDF needs
 * Chromium or LibreOffice on the machine) and the place to save, asks the server for the file
 * (`gpuplan/exportDocument`) and writes it with `workspace.fs`. The file appears at once, whole
 * (written beside it under a temporary name, then renamed), and an existing file is replaced only
 * after the user said so.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportDocumentRequest, ExportFormatsRequest, type ExportedDocument, type ExportFormatInfo } from '../../../shared/src/protocol';
import { errorText, exists, fileName, planDocument } from '../documents';
import type { ServerAccess } from '../language-client';
import type { OverviewModel } from '../overview/model';
import { readyToExport } from '../overview/readiness';

const t = vscode.l10n.t;

interface FormatPick extends vscode.QuickPickItem {
  readonly info: ExportFormatInfo;
}

function description(info: ExportFormatInfo): string {
  switch (info.format) {
    case 'docx':
      return t('Word document, recommended (opens in Hancom Office too)');
    case 'hwpx':
      return t('Hancom Office (OWPML)');
    case 'pdf':
      return info.available
        ? t('printed with {0}', info.tool?.split(/[\\/]/).pop() ?? 'PDF')
        : t('not available: needs Chromium or LibreOffice on this computer');
    case 'html':
      return t('print-ready web page');
    default:
      return '';
  }
}

/** The order of the picker: the formats reviewers take (DOCX, HWPX), then PDF and HTML, then any other. */
const PREFERRED = ['docx', 'hwpx', 'pdf', 'html'];
const rank = (info: ExportFormatInfo): number =>
  (PREFERRED.includes(info.format) ? PREFERRED.indexOf(info.format) : PREFERRED.length) + (info.available ? 0 : 100);

/** The formats the server offers, those it can make now first; one it cannot make says why. */
function formatPicks(formats: readonly ExportFormatInfo[]): FormatPick[] {
  const ordered = [...formats].sort((a, b) => rank(a) - rank(b));
  return ordered.map((info) => ({
    info,
    label: info.available ? info.format.toUpperCase() : `$(circle-slash) ${info.format.toUpperCase()}`,
    description: description(info),
  }));
}

async function pickFormat(formats: readonly ExportFormatInfo[]): Promise<ExportFormatInfo | undefined> {
  const picked = await vscode.window.showQuickPick(formatPicks(formats), {
    title: t('Export the plan as…'),
    placeHolder: t('Choose the format of the document'),
  });
  return picked?.info;
}

function unavailable(info: ExportFormatInfo): string {
  return info.format === 'pdf'
    ? t('PDF needs Chromium or LibreOffice on this computer (for example: apt-get install chromium). Export DOCX or HWPX instead, or install one of them.')
    : t('The language server cannot export {0} right now.', info.format.toUpperCase());
}

/** Where to save: the given target, else the one chosen in the save dialog. */
async function chooseTarget(document: vscode.TextDocument, info: ExportFormatInfo, targetArg: unknown): Promise<vscode.Uri | undefined> {
  if (targetArg instanceof vscode.Uri) return targetArg;
  if (typeof targetArg === 'string') return vscode.Uri.parse(targetArg);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base =
    document.uri.scheme === 'untitled'
      ? folder && vscode.Uri.joinPath(folder, 'plan')
      : document.uri.with({ path: document.uri.path.replace(/(\.gpuplan)?\.json$/i, '') });
  return vscode.window.showSaveDialog({
    defaultUri: base?.with({ path: base.path + info.extension }),
    filters: { [info.format.toUpperCase()]: [info.extension.slice(1)] },
    title: t('Export the plan'),
    saveLabel: t('Export'),
  });
}

/** Asks the server for the file; undefined (with the error shown) when it cannot make it. */
async function requestFile(client: LanguageClient, document: vscode.TextDocument, info: ExportFormatInfo): Promise<ExportedDocument | undefined> {
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Exporting {0}…', info.format.toUpperCase()) }, () =>
      client.sendRequest(ExportDocumentRequest, { uri: document.uri.toString(), format: info.format }),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(t('The export failed: {0}', errorText(error)));
    return undefined;
  }
}

/**
 * `gpuplan.export [uri] [format] [target uri]`: without arguments it asks for each, after the
 * readiness list (what the plan still lacks, from the overview) when anything is left.
 */
export async function exportCommand(
  server: ServerAccess,
  arg?: unknown,
  formatArg?: unknown,
  targetArg?: unknown,
  overview?: OverviewModel,
): Promise<vscode.Uri | undefined> {
  const document = await planDocument(arg);
  if (!document) {
    void vscode.window.showInformationMessage(t('Open a *.gpuplan.json file to export it.'));
    return undefined;
  }
  const client = await server.running();
  if (!client) {
    void vscode.window.showErrorMessage(t('The gpuplan language server is not running. Run "gpuplan: Restart Language Server" and try again.'));
    return undefined;
  }
  let formats: ExportFormatInfo[];
  try {
    formats = await client.sendRequest(ExportFormatsRequest);
  } catch (error) {
    void vscode.window.showErrorMessage(t('The export failed: {0}', errorText(error)));
    return undefined;
  }
  let info: ExportFormatInfo | undefined;
  if (typeof formatArg === 'string') {
    info = formats.find((f) => f.format === formatArg.toLowerCase());
    if (!info) {
      void vscode.window.showErrorMessage(
        t('gpuplan cannot export "{0}". It can export: {1}.', formatArg, formats.map((f) => f.format.toUpperCase()).join(', ')),
      );
      return undefined;
    }
  } else {
    if (!(await readyToExport(overview, document))) return undefined;
    info = await pickFormat(formats);
    if (!info) return undefined;
  }
  if (!info.available) {
    void vscode.window.showErrorMessage(unavailable(info));
    return undefined;
  }

  const target = await chooseTarget(document, info, targetArg);
  if (!target) return undefined;
  if (target.toString() === document.uri.toString()) {
    void vscode.window.showErrorMessage(t('Choose another file: the export would replace the plan itself.'));
    return undefined;
  }
  // Never replace a file without asking (save dialogs ask too, but not every platform's does).
  let replace = false;
  if (await exists(target)) {
    const answer = t('Replace');
    // A dialog that cannot be shown (as in automated tests) counts as "no".
    const choice = await Promise.resolve(
      vscode.window.showWarningMessage(t('{0} already exists. Replace it?', fileName(target)), { modal: true }, answer),
    ).catch(() => undefined);
    if (choice !== answer) return undefined;
    replace = true;
  }

  const file = await requestFile(client, document, info);
  if (!file) return undefined;
  const failure = await writeWhole(target, Buffer.from(file.data, 'base64'), replace);
  if (failure) {
    const message = failure.appeared
      ? t('{0} was created by something else while the plan was being exported; it was left as it is. Export again to replace it.', fileName(target))
      : t('Could not write {0}: {1}', fileName(target), errorText(failure.error));
    void vscode.window.showErrorMessage(message);
    return undefined;
  }

  const open = t('Open');
  const name = fileName(target);
  const message =
    file.errors > 0 ? t('Exported {0}. The plan still has {1} error(s): run the checks before you submit it.', name, file.errors) : t('Exported {0}.', name);
  void (file.errors > 0 ? vscode.window.showWarningMessage(message, open) : vscode.window.showInformationMessage(message, open)).then((choice) => {
    if (choice === open) void vscode.env.openExternal(target);
  });
  return target;
}

/**
 * Writes `bytes` to `target` so that nobody ever sees half a file: into a temporary file beside
 * it, then renamed over it. Without `replace` the rename refuses a file that appeared meanwhile
 * (`appeared`). The temporary file never outlives a failure. Undefined when the file is written.
 */
async function writeWhole(target: vscode.Uri, bytes: Uint8Array, replace: boolean): Promise<{ error: unknown; appeared: boolean } | undefined> {
  const temporary = vscode.Uri.joinPath(target, '..', `.${fileName(target)}.${randomBytes(4).toString('hex')}.gpuplan-export`);
  let stage: 'write' | 'rename' = 'write';
  try {
    await vscode.workspace.fs.writeFile(temporary, bytes);
    stage = 'rename';
    await vscode.workspace.fs.rename(temporary, target, { overwrite: replace });
    return undefined;
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary, { useTrash: false })).catch(() => undefined);
    return { error, appeared: stage === 'rename' && !replace && error instanceof vscode.FileSystemError && error.code === 'FileExists' };
  }
}
