/**
 * The live co-payment preview: a webview beside the editor, a status-bar item with the amount,
 * and the command that opens it. Figures come from the server (`gpuplan/costPreview`, and the
 * `gpuplan/costChanged` notification on every change), so nothing here polls or recomputes. The
 * panel follows the active plan editor and comes back after a window reload (a webview panel
 * serializer, with the plan and scroll position its page saved).
 */
import * as vscode from 'vscode';
import {
  CostChangedNotification,
  CostPreviewPageRequest,
  CostPreviewRequest,
  GpuEditRequest,
  SHOW_COST_PREVIEW_COMMAND,
  type CostPreview,
  type GpuRequest,
} from '../../../shared/src/protocol';
import { activePlan, documentFor, fileName, isPlan } from '../documents';
import type { ServerAccess } from '../language-client';
import { contentSecurityPolicy, newNonce } from '../webview/html';
import { disposeAll, mediaUri, panelOptions, previewIcon, webviewOptions, type Disposable } from '../webview/options';
import { setPageUntilReady } from '../webview/ready';
import { savedState } from '../webview/state';
import { isAllowedRequest, parsePreviewMessage, TRY_MAX } from './messages';
import { won } from './shell';

const t = (message: string, ...args: Array<string | number>): string => vscode.l10n.t(message, ...args);
export const COST_PREVIEW_VIEW = 'gpuplan.costPreview';

function requestOf(preview: CostPreview): GpuRequest | undefined {
  const { gpuType, servers, months } = preview.cost;
  return gpuType && servers !== undefined && months !== undefined ? { type: gpuType, servers, months } : undefined;
}

class CostPreviewPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: Disposable[] = [];
  /** The plan the panel shows. */
  private target: vscode.Uri | undefined;
  /** The page has loaded and asked for its content: messages reach it. */
  private pageReady = false;
  private latest: CostPreview | undefined;
  private whatIf: GpuRequest | null = null;
  private alternative: CostPreview | undefined;
  private readonly disposables: Disposable[] = [];
  private readonly status: vscode.StatusBarItem;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ServerAccess,
  ) {
    this.status = vscode.window.createStatusBarItem('gpuplan.cost', vscode.StatusBarAlignment.Right, 100);
    this.status.name = t('gpuplan co-payment');
    this.status.command = SHOW_COST_PREVIEW_COMMAND;
    this.disposables.push(
      this.status,
      vscode.window.registerWebviewPanelSerializer(COST_PREVIEW_VIEW, this),
      vscode.commands.registerCommand(SHOW_COST_PREVIEW_COMMAND, (uri?: string | vscode.Uri) => this.show(uri)),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.follow(editor?.document)),
      server.client.onNotification(CostChangedNotification, (preview) => void this.onChanged(preview)),
    );
    void this.follow(vscode.window.activeTextEditor?.document);
  }

  /** Opens (or reveals) the panel for a plan: the given one, else the active editor's. */
  async show(uri?: string | vscode.Uri): Promise<void> {
    const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : (uri ?? activePlan()?.uri);
    if (!target) {
      void vscode.window.showInformationMessage(t('Open a *.gpuplan.json file to see what its GPUs cost.'));
      return;
    }
    this.retarget(target);
    if (this.panel) this.panel.reveal(undefined, true);
    else
      this.adopt(
        vscode.window.createWebviewPanel(
          COST_PREVIEW_VIEW,
          t('Cost preview'),
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          panelOptions(this.extensionUri),
        ),
      );
    await this.refresh();
  }

  /** After a window reload: the panel VS Code restored, with the state its page saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { uri } = savedState(state);
    this.retarget(uri ? vscode.Uri.parse(uri) : activePlan()?.uri);
    panel.webview.options = webviewOptions(this.extensionUri);
    this.adopt(panel);
    await this.refresh();
  }

  private retarget(target: vscode.Uri | undefined): void {
    if (target?.toString() === this.target?.toString()) return;
    this.target = target;
    this.latest = undefined;
    this.whatIf = null;
    this.alternative = undefined;
  }

  /** Takes a panel: sets its page (once) and listens to it. The page asks for its content when loaded. */
  private adopt(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    disposeAll(this.panelDisposables);
    this.panel = panel;
    this.pageReady = false;
    panel.iconPath = previewIcon(this.extensionUri);
    if (this.target) panel.title = t('Cost: {0}', fileName(this.target));
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.onMessage(panel, raw)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible && panel === this.panel) this.pageReady = false;
      }),
      panel.onDidDispose(() => {
        if (panel !== this.panel) return;
        this.panel = undefined;
        disposeAll(this.panelDisposables);
        this.panelDisposables = [];
      }),
      // Set again while the page has not said it is ready, as the document preview's (webview/ready.ts).
      setPageUntilReady(
        panel,
        () => void this.page(panel),
        () => panel !== this.panel || this.pageReady,
      ),
    ];
  }

  /** The panel's page, which the server makes; the content follows by message once it is loaded. */
  private async page(panel: vscode.WebviewPanel): Promise<void> {
    const webview = panel.webview;
    const nonce = newNonce();
    const client = await this.server.running();
    const html = await client
      ?.sendRequest(CostPreviewPageRequest, {
        nonce,
        csp: contentSecurityPolicy({ nonce, cspSource: webview.cspSource, styles: 'source' }),
        scriptUri: webview.asWebviewUri(mediaUri(this.extensionUri, 'cost-preview.js')).toString(),
        styleUri: webview.asWebviewUri(mediaUri(this.extensionUri, 'cost-preview.css')).toString(),
        lang: vscode.env.language,
        tryMax: TRY_MAX,
      })
      .catch(() => undefined);
    if (html && panel === this.panel) webview.html = html;
  }

  /** The panel and the status bar follow the active plan editor. */
  private async follow(document: vscode.TextDocument | undefined): Promise<void> {
    if (!isPlan(document)) {
      if (!activePlan()) this.status.hide();
      return;
    }
    this.retarget(document.uri);
    await this.refresh();
  }

  /** Asks the server for the figures of the plan shown. */
  private async refresh(): Promise<void> {
    const target = this.target;
    if (!target) return;
    const client = await this.server.running();
    if (!client) return;
    // The server knows only open documents: a panel restored without its editor opens the plan.
    if (!(await documentFor(target))) return;
    for (let attempt = 0; attempt < 5; attempt++) {
      let preview: CostPreview | null;
      try {
        preview = await client.sendRequest(CostPreviewRequest, { uri: target.toString(), html: true });
      } catch {
        return; // the server is restarting: its costChanged notification brings the figures
      }
      if (target.toString() !== this.target?.toString()) return;
      if (preview) return this.onChanged(preview);
      // Just opened: the server learns of it a moment later.
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }

  private async onChanged(preview: CostPreview): Promise<void> {
    const active = activePlan();
    if (active && active.uri.toString() === preview.uri) this.updateStatus(preview);
    if (preview.uri !== this.target?.toString()) return;
    this.latest = preview;
    if (this.whatIf) this.alternative = (await this.ask(preview.uri, this.whatIf)) ?? undefined;
    this.post();
  }

  private async ask(uri: string, override: GpuRequest): Promise<CostPreview | null> {
    const client = await this.server.running();
    try {
      return client ? await client.sendRequest(CostPreviewRequest, { uri, override, html: true }) : null;
    } catch {
      return null;
    }
  }

  private updateStatus(preview: CostPreview): void {
    const amount = preview.cost.payer.applicableWon ?? preview.cost.baseWon;
    this.status.text = `$(credit-card) ${amount === undefined ? t('co-payment —') : won(amount)}`;
    this.status.tooltip = new vscode.MarkdownString(undefined, false);
    this.status.tooltip.appendText(`${preview.table.summary}\n\n${preview.table.policy}\n\n${t('Click to open the cost preview.')}`);
    // What a screen reader says: plain words, not the icon's name or the tooltip's markdown.
    this.status.accessibilityInformation = {
      label: amount === undefined ? t('Co-payment not computed yet. Open the cost preview.') : t('Co-payment {0}. Open the cost preview.', won(amount)),
      role: 'button',
    };
    this.status.show();
  }

  private post(): void {
    const panel = this.panel;
    const latest = this.latest;
    if (!panel || !latest) return;
    panel.title = t('Cost: {0}', fileName(vscode.Uri.parse(latest.uri)));
    if (!this.pageReady) return; // the page asks when it is ready
    void panel.webview.postMessage({
      type: 'update',
      uri: latest.uri,
      html: latest.html?.body ?? '',
      whatIf: this.alternative?.html?.whatIf ?? '',
      request: requestOf(latest) ?? null,
      types: latest.limits.types.map((figures) => figures.type),
    });
  }

  /** Messages from the webview are untrusted: parsed and validated before anything happens. */
  private async onMessage(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    if (panel !== this.panel) return;
    const message = parsePreviewMessage(raw, this.latest?.limits);
    if (message?.type === 'ready') {
      // Loaded, or loaded again after being hidden (its content is not kept meanwhile).
      this.pageReady = true;
      if (this.latest) this.post();
      else await this.refresh();
    } else if (!this.target) {
      return;
    } else if (message?.type === 'whatIf') {
      this.whatIf = message.request;
      this.alternative = message.request ? ((await this.ask(this.target.toString(), message.request)) ?? undefined) : undefined;
      this.post();
    } else if (message?.type === 'apply') {
      await this.apply(message.request);
    }
  }

  private async apply(request: GpuRequest): Promise<void> {
    if (!this.latest || !this.target || !isAllowedRequest(request, this.latest.limits)) {
      void vscode.window.showWarningMessage(
        t('{0} × {1} servers × {2} months is outside what the program allows; the plan was not changed.', request.type, request.servers, request.months),
      );
      return;
    }
    const client = await this.server.running();
    const document = await documentFor(this.target);
    const edit =
      client && document
        ? await client.sendRequest(GpuEditRequest, { uri: document.uri.toString(), version: document.version, request }).catch(() => null)
        : null;
    if (!client || !document || !edit) {
      void vscode.window.showWarningMessage(t('The plan could not be changed: fix its syntax errors first, or try again.'));
      return;
    }
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(document.uri, client.protocol2CodeConverter.asRange(edit.range), edit.newText);
    if (await vscode.workspace.applyEdit(workspaceEdit)) {
      this.whatIf = null;
      this.alternative = undefined;
    }
  }

  dispose(): void {
    this.panel?.dispose();
    disposeAll(this.panelDisposables);
    disposeAll(this.disposables);
  }
}

/** Wires the cost preview; call once the language client is created. */
export function registerCostPreview(context: vscode.ExtensionContext, server: ServerAccess): Disposable {
  const preview = new CostPreviewPanel(context.extensionUri, server);
  context.subscriptions.push(preview);
  return preview;
}
