/**
 * The live co-payment preview: a webview beside the editor, a status-bar item with the amount,
 * and the command that opens it. Figures come from the server (`gpuplan/costPreview`, and the
 * `gpuplan/costChanged` notification on every change), so nothing here polls or recomputes.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CostChangedNotification,
  CostPreviewRequest,
  GpuEditRequest,
  SHOW_COST_PREVIEW_COMMAND,
  type CostPreview,
  type GpuRequest,
} from '../../../shared/src/protocol';
import { isAllowedRequest, parsePreviewMessage } from './messages';
import { renderPreviewBody, renderShell, won, type Translate } from './render';

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

const isPlan = (document: vscode.TextDocument | undefined): document is vscode.TextDocument => document?.languageId === 'gpuplan';

function requestOf(preview: CostPreview): GpuRequest | undefined {
  const { gpuType, servers, months } = preview.cost;
  return gpuType && servers !== undefined && months !== undefined ? { type: gpuType, servers, months } : undefined;
}

class CostPreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: vscode.Uri | undefined;
  private latest: CostPreview | undefined;
  private whatIf: GpuRequest | null = null;
  private alternative: CostPreview | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly status: vscode.StatusBarItem;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.status = vscode.window.createStatusBarItem('gpuplan.cost', vscode.StatusBarAlignment.Right, 100);
    this.status.name = t('gpuplan co-payment');
    this.status.command = SHOW_COST_PREVIEW_COMMAND;
    this.disposables.push(
      this.status,
      vscode.commands.registerCommand(SHOW_COST_PREVIEW_COMMAND, (uri?: string | vscode.Uri) => this.show(uri)),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.follow(editor?.document)),
      this.client.onNotification(CostChangedNotification, (preview) => void this.onChanged(preview)),
    );
    void this.follow(vscode.window.activeTextEditor?.document);
  }

  /** Opens (or reveals) the panel for a plan: the given one, else the active editor's. */
  async show(uri?: string | vscode.Uri): Promise<void> {
    const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri ?? (isPlan(vscode.window.activeTextEditor?.document) ? vscode.window.activeTextEditor!.document.uri : undefined);
    if (!target) {
      void vscode.window.showInformationMessage(t('Open a *.gpuplan.json file to see what its GPUs cost.'));
      return;
    }
    this.target = target;
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
      this.panel = vscode.window.createWebviewPanel('gpuplan.costPreview', t('Cost preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [media],
        retainContextWhenHidden: false,
      });
      this.panel.iconPath = { light: vscode.Uri.joinPath(media, 'gpuplan-file-light.svg'), dark: vscode.Uri.joinPath(media, 'gpuplan-file-dark.svg') };
      this.panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
      this.panel.webview.onDidReceiveMessage((raw) => void this.onMessage(raw), undefined, this.disposables);
      this.panel.webview.html = this.shell(media);
    }
    this.whatIf = null;
    this.alternative = undefined;
    await this.refresh();
  }

  private shell(media: vscode.Uri): string {
    const webview = this.panel!.webview;
    return renderShell({
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      lang: vscode.env.language,
      title: t('gpuplan: what the GPUs will cost'),
      body: `<p class="empty">${t('Loading…')}</p>`,
      labels: {
        whatIf: t('What if…'),
        type: t('GPU type'),
        servers: t('Servers'),
        months: t('Months'),
        apply: t('Write into the plan'),
        reset: t('Back to the plan'),
        hint: t('Try another request: the file changes only when you press "Write into the plan" (one undoable edit).'),
      },
    });
  }

  /** The panel and the status bar follow the active plan editor. */
  private async follow(document: vscode.TextDocument | undefined): Promise<void> {
    if (!isPlan(document)) {
      if (!vscode.window.activeTextEditor || !isPlan(vscode.window.activeTextEditor.document)) this.status.hide();
      return;
    }
    if (this.target?.toString() !== document.uri.toString()) {
      this.target = document.uri;
      this.whatIf = null;
      this.alternative = undefined;
    }
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    if (!this.target) return;
    const uri = this.target.toString();
    const preview = await this.client.sendRequest(CostPreviewRequest, { uri });
    if (preview) await this.onChanged(preview);
  }

  private async onChanged(preview: CostPreview): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    if (isPlan(active) && active.uri.toString() === preview.uri) this.updateStatus(preview);
    if (preview.uri !== this.target?.toString()) return;
    this.latest = preview;
    if (this.whatIf) this.alternative = (await this.client.sendRequest(CostPreviewRequest, { uri: preview.uri, override: this.whatIf })) ?? undefined;
    this.post();
  }

  private updateStatus(preview: CostPreview): void {
    const amount = preview.cost.payer.applicableWon ?? preview.cost.baseWon;
    this.status.text = `$(credit-card) ${amount === undefined ? t('co-payment —') : won(amount)}`;
    this.status.tooltip = new vscode.MarkdownString(undefined, false);
    this.status.tooltip.appendText(`${preview.table.summary}\n\n${preview.table.policy}\n\n${t('Click to open the cost preview.')}`);
    this.status.show();
  }

  private post(): void {
    if (!this.panel || !this.latest) return;
    this.panel.title = t('Cost: {0}', decodeURIComponent(this.latest.uri.split('/').pop() ?? ''));
    void this.panel.webview.postMessage({ type: 'update', html: renderPreviewBody(this.latest, this.alternative, t), request: requestOf(this.latest) ?? null });
  }

  /** Messages from the webview are untrusted: parsed and validated before anything happens. */
  private async onMessage(raw: unknown): Promise<void> {
    if (!this.latest || !this.target) return;
    const message = parsePreviewMessage(raw, this.latest.limits);
    if (!message) return;
    if (message.type === 'ready') {
      this.post();
    } else if (message.type === 'whatIf') {
      this.whatIf = message.request;
      this.alternative = message.request ? ((await this.client.sendRequest(CostPreviewRequest, { uri: this.target.toString(), override: message.request })) ?? undefined) : undefined;
      this.post();
    } else if (message.type === 'apply') {
      await this.apply(message.request);
    }
  }

  private async apply(request: GpuRequest): Promise<void> {
    if (!this.latest || !isAllowedRequest(request, this.latest.limits)) {
      void vscode.window.showWarningMessage(t('{0} × {1} servers × {2} months is outside what the program allows; the plan was not changed.', request.type, request.servers, request.months));
      return;
    }
    const document = await vscode.workspace.openTextDocument(this.target!);
    const edit = await this.client.sendRequest(GpuEditRequest, { uri: document.uri.toString(), version: document.version, request });
    if (!edit) {
      void vscode.window.showWarningMessage(t('The plan could not be changed: fix its syntax errors first, or try again.'));
      return;
    }
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(document.uri, this.client.protocol2CodeConverter.asRange(edit.range), edit.newText);
    if (await vscode.workspace.applyEdit(workspaceEdit)) {
      this.whatIf = null;
      this.alternative = undefined;
    }
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Wires the cost preview; call once the language client is created. */
export function registerCostPreview(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  const preview = new CostPreviewPanel(context, client);
  context.subscriptions.push(preview);
  return preview;
}
