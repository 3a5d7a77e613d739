/**
 * The plan as a document in the form's layout, inside VS Code:
 * - "gpuplan: Preview Document": a webview beside the editor that follows the plan as it changes
 *   (the export's HTML: its own CSP, no scripts, styles by nonce, every plan string escaped);
 * - "gpuplan: Export…": asks for the format and the place to save, and never replaces a file
 *   without asking.
 * Both build the document with the same core and writers as `gpuplan export`.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Severity } from '../../server/src/core';
import {
  EXPORT_EXTENSIONS,
  PdfToolFailedError,
  PdfToolMissingError,
  exportPlan,
  findPdfTools,
  previewHtml,
  type ExportFormat,
} from '../../server/src/export';
import { exists } from './util';

const t = vscode.l10n.t;
const isPlan = (document: vscode.TextDocument | undefined): document is vscode.TextDocument => document?.languageId === 'gpuplan';

/** The same severity settings the diagnostics use, so the document's list of open findings agrees. */
function analyzeSettings(): { severity: Record<string, Severity | 'off'>; abbreviationAllowlist: string[] } {
  const config = vscode.workspace.getConfiguration('gpuplan');
  const rules = config.get<Record<string, Severity | 'off'>>('rules') ?? {};
  const allowlist = (config.get<unknown[]>('abbreviations.allowlist') ?? []).filter((a): a is string => typeof a === 'string');
  return { severity: rules, abbreviationAllowlist: allowlist };
}

async function planDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  if (typeof arg === 'string') return vscode.workspace.openTextDocument(vscode.Uri.parse(arg));
  const active = vscode.window.activeTextEditor?.document;
  return isPlan(active) ? active : undefined;
}

class DocumentPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.target) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && isPlan(editor?.document) && editor.document !== this.target) {
          this.target = editor.document;
          this.render();
        }
      }),
    );
  }

  async show(arg: unknown): Promise<void> {
    const document = await planDocument(arg);
    if (!document) {
      void vscode.window.showInformationMessage(t('Open a *.gpuplan.json file to preview it as a document.'));
      return;
    }
    this.target = document;
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
      this.panel = vscode.window.createWebviewPanel('gpuplan.documentPreview', t('Document preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        localResourceRoots: [media],
      });
      this.panel.iconPath = { light: vscode.Uri.joinPath(media, 'gpuplan-file-light.svg'), dark: vscode.Uri.joinPath(media, 'gpuplan-file-dark.svg') };
      this.panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    }
    this.render();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(), 250);
  }

  private render(): void {
    if (!this.panel || !this.target) return;
    this.panel.title = t('Document: {0}', path.basename(this.target.uri.path));
    try {
      this.panel.webview.html = previewHtml(this.target.getText(), { nonce: randomBytes(16).toString('base64'), cspSource: this.panel.webview.cspSource }, { analyze: analyzeSettings() });
    } catch (error) {
      // A plan that cannot be laid out yet (e.g. not JSON at all) keeps the last good page.
      void vscode.window.setStatusBarMessage(t('gpuplan: the document preview could not be updated ({0}).', error instanceof Error ? error.message : String(error)), 5000);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

interface FormatPick extends vscode.QuickPickItem {
  readonly format: ExportFormat;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const tools = findPdfTools();
  const pdfTool = tools.chromium ?? tools.libreoffice;
  const items: FormatPick[] = [
    { format: 'docx', label: 'DOCX', description: t('Word document, recommended (opens in Hancom Office too)') },
    { format: 'hwpx', label: 'HWPX', description: t('Hancom Office (OWPML)') },
    {
      format: 'pdf',
      label: 'PDF',
      description: pdfTool ? t('printed with {0}', path.basename(pdfTool)) : t('needs Chromium or LibreOffice on this computer'),
    },
    { format: 'html', label: 'HTML', description: t('print-ready web page') },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: t('Export the plan as…'), placeHolder: t('Choose the format of the document') });
  return picked?.format;
}

/** `gpuplan.export [uri] [format] [target uri]`: without arguments it asks for each. */
async function exportCommand(arg?: unknown, formatArg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> {
  const document = await planDocument(arg);
  if (!document) {
    void vscode.window.showInformationMessage(t('Open a *.gpuplan.json file to export it.'));
    return undefined;
  }
  const format = typeof formatArg === 'string' && formatArg in EXPORT_EXTENSIONS ? (formatArg as ExportFormat) : await pickFormat();
  if (!format) return undefined;

  let target = targetArg instanceof vscode.Uri ? targetArg : typeof targetArg === 'string' ? vscode.Uri.parse(targetArg) : undefined;
  if (!target) {
    const base = document.uri.scheme === 'untitled' ? path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'plan') : document.uri.fsPath.replace(/(\.gpuplan)?\.json$/i, '');
    target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(base + EXPORT_EXTENSIONS[format]),
      filters: { [format.toUpperCase()]: [EXPORT_EXTENSIONS[format].slice(1)] },
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
    const answer = await Promise.resolve(vscode.window.showWarningMessage(t('{0} already exists. Replace it?', path.basename(target.fsPath)), { modal: true }, replace)).catch(() => undefined);
    if (answer !== replace) return undefined;
  }

  try {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Exporting {0}…', format.toUpperCase()) }, () =>
      exportPlan(document.getText(), format, { analyze: analyzeSettings() }),
    );
    await vscode.workspace.fs.writeFile(target, result.bytes);
    const open = t('Open');
    const message =
      result.errors > 0
        ? t('Exported {0}. The plan still has {1} error(s): they are listed at the end of the document.', path.basename(target.fsPath), result.errors)
        : t('Exported {0}.', path.basename(target.fsPath));
    void (result.errors > 0 ? vscode.window.showWarningMessage(message, open) : vscode.window.showInformationMessage(message, open)).then((choice) => {
      if (choice === open) void vscode.env.openExternal(target!);
    });
    return target;
  } catch (error) {
    const text =
      error instanceof PdfToolMissingError
        ? t('PDF needs Chromium or LibreOffice on this computer (for example: apt-get install chromium). Export DOCX or HWPX instead, or install one of them.')
        : error instanceof PdfToolFailedError
          ? t('The PDF tool failed: {0}', error.message)
          : t('The export failed: {0}', error instanceof Error ? error.message : String(error));
    void vscode.window.showErrorMessage(text);
    return undefined;
  }
}

export function registerDocumentCommands(context: vscode.ExtensionContext): void {
  const preview = new DocumentPreview(context);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('gpuplan.previewDocument', (arg?: unknown) => preview.show(arg)),
    vscode.commands.registerCommand('gpuplan.export', (arg?: unknown, format?: unknown, target?: unknown) => exportCommand(arg, format, target)),
  );
}
