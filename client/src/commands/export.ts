/**
 * "gpuplan: Export…": asks for the format (the server says which it can make now: PDF needs
 * Chrome, Edge, Chromium or LibreOffice on the machine), whether to add the open findings (a page
 * that is not part of the submission) and the place to save; asks the server for the file
 * (`gpuplan/exportDocument`) and writes it with `workspace.fs`. The file appears at once, whole
 * (written beside it under a temporary name, then renamed), and an existing file is replaced only
 * after the user said so. A plan with errors is exported only when the user says so, as the CLI
 * wants `--force`.
 *
 * After the export it offers what works in this window: Open on a desktop; Reveal in Explorer
 * and Download in a remote or web window, where `openExternal(file:)` would open nothing.
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

/** The machine-scoped setting that names the PDF tool. */
const PDF_BROWSER_SETTING = 'gpuplan.export.pdfBrowser';

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

interface FormatPick extends vscode.QuickPickItem {
  readonly info: ExportFormatInfo;
}

function description(info: ExportFormatInfo): string {
  switch (info.format) {
    case 'docx':
      return t('Word document, recommended (opens in Hancom Office too)');
    case 'hwp':
      return t('Hangul word processor (HWP 5), the format the form asks for');
    case 'hwpx':
      return t('Hancom Office (OWPML)');
    case 'pdf':
      return info.available
        ? t('printed with {0}', info.tool?.split(/[\\/]/).pop() ?? 'PDF')
        : info.problem === 'setting'
          ? t('the program in the setting {0} cannot be run', PDF_BROWSER_SETTING)
          : t('needs Chrome, Edge, Chromium or LibreOffice on this computer');
    case 'html':
      return t('print-ready web page');
    default:
      return '';
  }
}

/** The order of the picker: the formats reviewers take (DOCX, HWP, HWPX), then PDF and HTML, then any other. */
const PREFERRED = ['docx', 'hwp', 'hwpx', 'pdf', 'html'];
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

function unavailable(info: ExportFormatInfo): void {
  if (info.format !== 'pdf') {
    void vscode.window.showErrorMessage(t('The language server cannot export {0} right now.', info.format.toUpperCase()));
    return;
  }
  const openSettings = t('Open Settings');
  const message =
    info.problem === 'setting'
      ? t(
          'The PDF tool named in the setting {0} cannot be run. Correct the setting, or clear it to let gpuplan find Chrome, Edge, Chromium or LibreOffice.',
          PDF_BROWSER_SETTING,
        )
      : t(
          'PDF needs Chrome, Edge, Chromium or LibreOffice on this computer (for example: apt-get install chromium), or the setting {0} naming one. Export DOCX or HWPX instead, or install one of them.',
          PDF_BROWSER_SETTING,
        );
  void vscode.window.showErrorMessage(message, openSettings).then((choice) => {
    if (choice === openSettings) void vscode.commands.executeCommand('workbench.action.openSettings', PDF_BROWSER_SETTING);
  });
}

interface FindingsPick extends vscode.QuickPickItem {
  readonly include: boolean;
}

/** Whether to add the page of open findings: asked only when the plan has findings. */
async function pickIncludeFindings(findings: number): Promise<boolean | undefined> {
  const items: FindingsPick[] = [
    { include: false, label: t('Document only'), description: t('for submission'), detail: t('The form as it is, without the findings of the checks.') },
    {
      include: true,
      label: t('Document with the open findings'),
      description: t('not for submission'),
      detail: t('Adds a last page listing the {0} open finding(s), to review the plan with others.', findings),
    },
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
const opensLocalFiles = (uri: vscode.Uri): boolean =>
  uri.scheme === 'file' && vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop;

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

interface FileRequest {
  readonly info: ExportFormatInfo;
  readonly includeFindings: boolean;
  readonly pdfBrowser: string | undefined;
}

/** Asks the server for the file; undefined (with the error shown) when it cannot make it or the user cancelled. */
async function requestFile(client: LanguageClient, document: vscode.TextDocument, request: FileRequest): Promise<ExportedDocument | undefined> {
  const { info, includeFindings, pdfBrowser } = request;
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Exporting {0}…', info.format.toUpperCase()), cancellable: true },
      (_progress, token) =>
        client.sendRequest(
          ExportDocumentRequest,
          { uri: document.uri.toString(), format: info.format, includeFindings, ...(pdfBrowser ? { pdfBrowser } : {}) },
          token,
        ),
    );
  } catch (error) {
    if (error instanceof vscode.CancellationError || (error as { code?: number } | undefined)?.code === -32800) return undefined;
    void vscode.window.showErrorMessage(t('The export failed: {0}', errorText(error)));
    return undefined;
  }
}

/**
 * `gpuplan.export [uri] [format] [target uri] [options]`: without arguments it asks for each,
 * after the readiness list (what the plan still lacks, from the overview) when anything is left.
 */
export async function exportCommand(
  server: ServerAccess,
  arg?: unknown,
  formatArg?: unknown,
  targetArg?: unknown,
  optionsArg?: unknown,
  overview?: OverviewModel,
): Promise<vscode.Uri | undefined> {
  const options: ExportCommandOptions = typeof optionsArg === 'object' && optionsArg !== null ? optionsArg : {};
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
  const pdfBrowser = pdfBrowserSetting();
  let formats: ExportFormatInfo[];
  try {
    formats = await client.sendRequest(ExportFormatsRequest, pdfBrowser ? { pdfBrowser } : {});
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
    unavailable(info);
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

  const file = await requestFile(client, document, { info, includeFindings, pdfBrowser });
  if (!file) return undefined;
  // The server's count is of the exact text exported: errors that appeared meanwhile are asked about too.
  if (file.errors > 0 && !force && !(await confirmErrors(file.errors))) return undefined;
  const failure = await writeWhole(target, Buffer.from(file.data, 'base64'), replace);
  if (failure) {
    const message = failure.appeared
      ? t('{0} was created by something else while the plan was being exported; it was left as it is. Export again to replace it.', fileName(target))
      : t('Could not write {0}: {1}', fileName(target), errorText(failure.error));
    void vscode.window.showErrorMessage(message);
    return undefined;
  }

  const name = fileName(target);
  const message =
    file.errors > 0 ? t('Exported {0}. The plan still has {1} error(s): run the checks before you submit it.', name, file.errors) : t('Exported {0}.', name);
  const actions = afterExportActions(target);
  void (file.errors > 0 ? vscode.window.showWarningMessage(message, ...actions) : vscode.window.showInformationMessage(message, ...actions)).then((choice) =>
    runAfterExportAction(choice, target),
  );
  return target;
}

/**
 * Writes `bytes` to `target` so that nobody ever sees half a file: into a temporary file beside
 * it, then renamed over it. Without `replace` the rename refuses a file that appeared meanwhile
 * (`appeared`). The temporary file never outlives a failure. Undefined when the file is written.
 */
export async function writeWhole(target: vscode.Uri, bytes: Uint8Array, replace: boolean): Promise<{ error: unknown; appeared: boolean } | undefined> {
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
