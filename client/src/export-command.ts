/**
 * "gpuplan: Export…": asks for the format and the place to save, asks the server for the file
 * (`gpuplan/exportDocument`) and writes it with `workspace.fs`, never replacing a file without
 * asking.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportDocumentRequest, ExportFormatsRequest, type ExportFormatInfo } from '../../shared/src/protocol';
import { exists, planDocument } from './util';

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
    case 'hwp':
      return t('Hangul word processor (HWP 5), the format the form asks for');
    case 'pdf':
      return info.tool ? t('printed with {0}', info.tool.split(/[\\/]/).pop() ?? info.tool) : t('needs Chromium or LibreOffice on this computer');
    case 'html':
      return t('print-ready web page');
    default:
      return '';
  }
}

async function pickFormat(formats: readonly ExportFormatInfo[]): Promise<ExportFormatInfo | undefined> {
  const items: FormatPick[] = formats.map((info) => ({ info, label: info.format.toUpperCase(), description: description(info) }));
  const picked = await vscode.window.showQuickPick(items, { title: t('Export the plan as…'), placeHolder: t('Choose the format of the document') });
  return picked?.info;
}

/** `gpuplan.export [uri] [format] [target uri]`: without arguments it asks for each. */
export async function exportCommand(
  getClient: () => Promise<LanguageClient | undefined>,
  arg?: unknown,
  formatArg?: unknown,
  targetArg?: unknown,
): Promise<vscode.Uri | undefined> {
  const document = await planDocument(arg);
  if (!document) {
    void vscode.window.showInformationMessage(t('Open a *.gpuplan.json file to export it.'));
    return undefined;
  }
  const client = await getClient();
  if (!client) {
    void vscode.window.showErrorMessage(t('The gpuplan language server is not running. Run "gpuplan: Restart Language Server" and try again.'));
    return undefined;
  }
  const formats = await client.sendRequest(ExportFormatsRequest);
  const info = typeof formatArg === 'string' ? formats.find((f) => f.format === formatArg) : await pickFormat(formats);
  if (!info) return undefined;
  if (!info.available) {
    void vscode.window.showErrorMessage(
      t('PDF needs Chromium or LibreOffice on this computer (for example: apt-get install chromium). Export DOCX or HWPX instead, or install one of them.'),
    );
    return undefined;
  }

  let target = targetArg instanceof vscode.Uri ? targetArg : typeof targetArg === 'string' ? vscode.Uri.parse(targetArg) : undefined;
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const base =
      document.uri.scheme === 'untitled'
        ? folder
          ? vscode.Uri.joinPath(folder, 'plan')
          : undefined
        : document.uri.with({ path: document.uri.path.replace(/(\.gpuplan)?\.json$/i, '') });
    target = await vscode.window.showSaveDialog({
      defaultUri: base?.with({ path: base.path + info.extension }),
      filters: { [info.format.toUpperCase()]: [info.extension.slice(1)] },
      title: t('Export the plan'),
      saveLabel: t('Export'),
    });
    if (!target) return undefined;
  }
  if (target.toString() === document.uri.toString()) {
    void vscode.window.showErrorMessage(t('Choose another file: the export would replace the plan itself.'));
    return undefined;
  }
  // Never replace a file without asking (save dialogs ask too, but not every platform's does).
  if (await exists(target)) {
    const replace = t('Replace');
    // A dialog that cannot be shown (as in automated tests) counts as "no".
    const answer = await Promise.resolve(
      vscode.window.showWarningMessage(t('{0} already exists. Replace it?', target.path.split('/').pop() ?? ''), { modal: true }, replace),
    ).catch(() => undefined);
    if (answer !== replace) return undefined;
  }

  const name = target.path.split('/').pop() ?? '';
  try {
    const file = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Exporting {0}…', info.format.toUpperCase()) },
      () => client.sendRequest(ExportDocumentRequest, { uri: document.uri.toString(), format: info.format }),
    );
    await vscode.workspace.fs.writeFile(target, Buffer.from(file.data, 'base64'));
    const open = t('Open');
    const message =
      file.errors > 0 ? t('Exported {0}. The plan still has {1} error(s): run the checks before you submit it.', name, file.errors) : t('Exported {0}.', name);
    const saved = target;
    void (file.errors > 0 ? vscode.window.showWarningMessage(message, open) : vscode.window.showInformationMessage(message, open)).then((choice) => {
      if (choice === open) void vscode.env.openExternal(saved);
    });
    return target;
  } catch (error) {
    void vscode.window.showErrorMessage(t('The export failed: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}
