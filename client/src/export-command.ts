/**
 * "gpuplan: Export…": asks for the format, whether to add the open findings (a page that is not
 * part of the submission), and the place to save; asks the server for the file
 * (`gpuplan/exportDocument`) and writes it with `workspace.fs`, never replacing a file without
 * asking. A plan with errors is exported only when the user says so, as the CLI wants `--force`.
 *
 * After the export it offers what works in this window: Open on a desktop; Reveal in Explorer
 * and Download in a remote or web window, where `openExternal(file:)` would open nothing.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportDocumentRequest, ExportFormatsRequest, type ExportFormatInfo } from '../../shared/src/protocol';
import { exists, planDocument } from './util';

const t = vscode.l10n.t;

/** The machine-scoped setting that names the PDF tool. */
const PDF_BROWSER_SETTING = 'gpuplan.export.pdfBrowser';

interface FormatPick extends vscode.QuickPickItem {
  readonly info: ExportFormatInfo;
}

/** Options of `gpuplan.export` when called with arguments (tests, other extensions). */
export interface ExportCommandOptions {
  /** Add the page of open findings (default: no, the document is the submission). */
  readonly includeFindings?: boolean;
  /** Export a plan with errors without asking. */
  readonly force?: boolean;
}

/**
 * The PDF tool the user named. Machine-scoped: only the user's (or the remote machine's)
 * settings count — never a workspace's or a folder's, which a cloned repository could set to run
 * any program.
 */
function pdfBrowserSetting(): string | undefined {
  const value = vscode.workspace.getConfiguration('gpuplan').inspect<string>('export.pdfBrowser')?.globalValue;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function description(info: ExportFormatInfo): string {
  switch (info.format) {
    case 'docx':
      return t('Word document, recommended (opens in Hancom Office too)');
    case 'hwpx':
      return t('Hancom Office (OWPML)');
    case 'pdf':
      return info.tool
        ? t('printed with {0}', info.tool.split(/[\\/]/).pop() ?? info.tool)
        : info.problem === 'setting'
          ? t('the program in the setting {0} cannot be run', PDF_BROWSER_SETTING)
          : t('needs Chrome, Edge, Chromium or LibreOffice on this computer');
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

interface FindingsPick extends vscode.QuickPickItem {
  readonly include: boolean;
}

/** Whether to add the page of open findings: asked only when the plan has findings. */
async function pickIncludeFindings(findings: number): Promise<boolean | undefined> {
  const items: FindingsPick[] = [
    { include: false, label: t('Document only'), description: t('for submission'), detail: t('The form as it is, without the findings of the checks.') },
    { include: true, label: t('Document with the open findings'), description: t('not for submission'), detail: t('Adds a last page listing the {0} open finding(s), to review the plan with others.', findings) },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: t('Export the plan as…'), placeHolder: t('Add the open findings to the document?') });
  return picked?.include;
}

/** The plan's errors and all its findings, as the Problems panel shows them now. */
function findingCounts(uri: vscode.Uri): { errors: number; findings: number } {
  const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gpuplan');
  return { errors: ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, findings: ours.length };
}

/**
 * A plan with errors is not ready to submit: export it only when the user says so. A dialog that
 * cannot be shown (as in automated tests) counts as "no".
 */
async function confirmErrors(errors: number): Promise<boolean> {
  const exportAnyway = t('Export Anyway');
  const showProblems = t('Show Problems');
  const answer = await Promise.resolve(
    vscode.window.showWarningMessage(
      t('The plan has {0} error(s), so it is not ready to submit. Export it all the same?', errors),
      { modal: true, detail: t('The errors are listed in the Problems panel. The command line refuses such a plan unless --force is given.') },
      exportAnyway,
      showProblems,
    ),
  ).catch(() => undefined);
  if (answer === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
  return answer === exportAnyway;
}

/** Whether this window can open a file of the extension host's disk with the operating system. */
const opensLocalFiles = (uri: vscode.Uri): boolean => uri.scheme === 'file' && vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop;

/** What to offer after the export: Open where the OS can open the file, else Reveal in Explorer and Download. */
export function afterExportActions(uri: vscode.Uri): string[] {
  if (opensLocalFiles(uri)) return [t('Open'), t('Show in Folder')];
  // Remote and web windows: the file is on the other machine. The Explorer can show it and
  // download it to this computer — when it is inside the workspace.
  return vscode.workspace.getWorkspaceFolder(uri) ? [t('Reveal in Explorer'), t('Download')] : [t('Copy Path')];
}

async function runAfterExportAction(choice: string | undefined, uri: vscode.Uri): Promise<void> {
  if (choice === t('Open')) await vscode.env.openExternal(uri);
  else if (choice === t('Show in Folder')) await vscode.commands.executeCommand('revealFileInOS', uri);
  else if (choice === t('Reveal in Explorer')) await vscode.commands.executeCommand('revealInExplorer', uri);
  else if (choice === t('Download')) {
    // The Explorer downloads what is selected in it: select the file first.
    await vscode.commands.executeCommand('revealInExplorer', uri);
    await vscode.commands.executeCommand('explorer.download');
  } else if (choice === t('Copy Path')) await vscode.env.clipboard.writeText(uri.scheme === 'file' ? uri.fsPath : uri.toString());
}

function pdfUnavailable(info: ExportFormatInfo): void {
  const openSettings = t('Open Settings');
  const message =
    info.problem === 'setting'
      ? t('The PDF tool named in the setting {0} cannot be run. Correct the setting, or clear it to let gpuplan find Chrome, Edge, Chromium or LibreOffice.', PDF_BROWSER_SETTING)
      : t('PDF needs Chrome, Edge, Chromium or LibreOffice on this computer (for example: apt-get install chromium), or the setting {0} naming one. Export DOCX or HWPX instead, or install one of them.', PDF_BROWSER_SETTING);
  void vscode.window.showErrorMessage(message, openSettings).then((choice) => {
    if (choice === openSettings) void vscode.commands.executeCommand('workbench.action.openSettings', PDF_BROWSER_SETTING);
  });
}

/** `gpuplan.export [uri] [format] [target uri] [options]`: without arguments it asks for each. */
export async function exportCommand(
  getClient: () => Promise<LanguageClient | undefined>,
  arg?: unknown,
  formatArg?: unknown,
  targetArg?: unknown,
  optionsArg?: unknown,
): Promise<vscode.Uri | undefined> {
  const options: ExportCommandOptions = typeof optionsArg === 'object' && optionsArg !== null ? optionsArg : {};
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
  const pdfBrowser = pdfBrowserSetting();
  const formats = await client.sendRequest(ExportFormatsRequest, pdfBrowser ? { pdfBrowser } : {});
  const info = typeof formatArg === 'string' ? formats.find((f) => f.format === formatArg) : await pickFormat(formats);
  if (!info) return undefined;
  if (!info.available) {
    pdfUnavailable(info);
    return undefined;
  }

  // Errors first, before a file is chosen or a PDF made for nothing.
  const now = findingCounts(document.uri);
  let force = options.force === true;
  if (now.errors > 0 && !force) {
    if (!(await confirmErrors(now.errors))) return undefined;
    force = true;
  }
  let includeFindings = options.includeFindings === true;
  if (options.includeFindings === undefined && typeof formatArg !== 'string' && now.findings > 0) {
    const include = await pickIncludeFindings(now.findings);
    if (include === undefined) return undefined;
    includeFindings = include;
  }

  let target = targetArg instanceof vscode.Uri ? targetArg : typeof targetArg === 'string' ? vscode.Uri.parse(targetArg) : undefined;
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const base = document.uri.scheme === 'untitled' ? (folder ? vscode.Uri.joinPath(folder, 'plan') : undefined) : document.uri.with({ path: document.uri.path.replace(/(\.gpuplan)?\.json$/i, '') });
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
    const answer = await Promise.resolve(vscode.window.showWarningMessage(t('{0} already exists. Replace it?', target.path.split('/').pop() ?? ''), { modal: true }, replace)).catch(() => undefined);
    if (answer !== replace) return undefined;
  }

  const name = target.path.split('/').pop() ?? '';
  try {
    const file = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Exporting {0}…', info.format.toUpperCase()), cancellable: true }, (_progress, token) =>
      client.sendRequest(ExportDocumentRequest, { uri: document.uri.toString(), format: info.format, includeFindings, ...(pdfBrowser ? { pdfBrowser } : {}) }, token),
    );
    // The server's count is of the exact text exported: errors that appeared meanwhile are asked about too.
    if (file.errors > 0 && !force && !(await confirmErrors(file.errors))) return undefined;
    await vscode.workspace.fs.writeFile(target, Buffer.from(file.data, 'base64'));
    const message = file.errors > 0 ? t('Exported {0}. The plan still has {1} error(s): run the checks before you submit it.', name, file.errors) : t('Exported {0}.', name);
    const saved = target;
    const actions = afterExportActions(saved);
    void (file.errors > 0 ? vscode.window.showWarningMessage(message, ...actions) : vscode.window.showInformationMessage(message, ...actions)).then((choice) => runAfterExportAction(choice, saved));
    return target;
  } catch (error) {
    if (error instanceof vscode.CancellationError || (error as { code?: number } | undefined)?.code === -32800) return undefined;
    void vscode.window.showErrorMessage(t('The export failed: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}
