/**
 * "gpuplan: Preview Document": the plan laid out as the form, in a webview beside the editor.
 * The server makes the page (`gpuplan/renderDocument`); this panel only asks and shows. Its page
 * is set once, and every change of the plan reaches it as a message, so the scroll position stays
 * while the user types. The panel follows the active plan editor, and it comes back after a
 * window reload (a webview panel serializer, with the plan and scroll position the page saved).
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { RenderDocumentRequest, type RenderedDocument } from '../../../shared/src/protocol';
import { activePlan, documentFor, errorText, fileName, isPlan, planDocument } from '../documents';
import type { ServerAccess } from '../language-client';
import { newNonce } from '../webview/html';
import { disposeAll, mediaUri, panelOptions, previewIcon, type Disposable } from '../webview/options';
import { setPageUntilReady } from '../webview/ready';
import { savedState } from '../webview/state';
import { parseDocumentPreviewMessage, renderDocumentShell, type DocumentPageMessage } from './page';

const t = vscode.l10n.t;
export const DOCUMENT_PREVIEW_VIEW = 'gpuplan.documentPreview';

/** Typing pauses shorter than this make one update. */
const UPDATE_DELAY_MS = 150;
/** A plan just opened reaches the server a moment after VS Code opened it: ask again this many times. */
const NOT_OPEN_RETRIES = 5;

type Rendered = { readonly page: RenderedDocument } | { readonly problem: string };

export class DocumentPreview implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: Disposable[] = [];
  /** The plan shown. */
  private target: vscode.Uri | undefined;
  /** The page has loaded and asked for its content: messages reach it. */
  private pageReady = false;
  /** Where a panel made again in place of a restored one scrolls on its first update. */
  private scrollTo: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts updates, so that an answer to an older one is dropped. */
  private generation = 0;
  private readonly disposables: Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ServerAccess,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(DOCUMENT_PREVIEW_VIEW, this),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.shows(event.document.uri) && event.contentChanges.length > 0) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && isPlan(editor?.document) && !this.shows(editor.document.uri)) {
          this.target = editor.document.uri;
          void this.update();
        }
      }),
      // After a crash and restart of the server, show what the new one makes.
      server.client.onDidChangeState(({ newState }) => {
        if (newState === State.Running && this.panel) this.schedule();
      }),
    );
  }

  /** Opens (or reveals) the panel for a plan: the given one, else the active editor's. */
  async show(arg?: unknown): Promise<void> {
    const document = await planDocument(arg);
    if (!document) {
      void vscode.window.showInformationMessage(t('Open a *.gpuplan.json file to preview it as a document.'));
      return;
    }
    this.target = document.uri;
    if (this.panel) {
      this.panel.reveal(undefined, true);
      await this.update();
    } else {
      this.adopt(this.newPanel(vscode.ViewColumn.Beside));
    }
  }

  /** A new panel for the preview, in `viewColumn`, leaving the focus where it is. */
  private newPanel(viewColumn: vscode.ViewColumn): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(DOCUMENT_PREVIEW_VIEW, t('Document preview'), { viewColumn, preserveFocus: true }, panelOptions(this.extensionUri));
  }

  /**
   * After a window reload: VS Code restored the panel, with the state its page saved (the plan and
   * where it was scrolled). The preview is made again in a new panel in its place, which shows that
   * plan there. The restored panel is not kept: in code-server its page sometimes never loaded
   * (no word from it in 20 s, where a page set later in the same panel loaded in 62 ms), and a page
   * set again while the first was still loading could say it was ready and yet show "Loading…"
   * for good, the updates posted to it never shown. A new panel loads as any other.
   */
  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { uri, scrollY } = savedState(state);
    const target = uri ? vscode.Uri.parse(uri) : activePlan()?.uri;
    const viewColumn = panel.viewColumn ?? vscode.ViewColumn.Beside;
    panel.dispose();
    // None to show, or already made again by a command meanwhile.
    if (!target || this.panel) return Promise.resolve();
    this.target = target;
    this.scrollTo = scrollY;
    this.adopt(this.newPanel(viewColumn));
    return Promise.resolve();
  }

  private shows(uri: vscode.Uri): boolean {
    return this.panel !== undefined && uri.toString() === this.target?.toString();
  }

  /** Takes a panel: sets its page (once) and listens to it. The page asks for its content when loaded. */
  private adopt(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    disposeAll(this.panelDisposables);
    this.panel = panel;
    this.pageReady = false;
    panel.iconPath = previewIcon(this.extensionUri);
    if (this.target) panel.title = t('Document: {0}', fileName(this.target));
    const webview = panel.webview;
    this.panelDisposables = [
      webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseDocumentPreviewMessage(raw);
        if (message?.type === 'ready' && panel === this.panel) {
          // Loaded, or loaded again after being hidden (its content is not kept meanwhile).
          this.pageReady = true;
          void this.update();
        }
      }),
      panel.onDidChangeViewState(() => {
        if (!panel.visible && panel === this.panel) this.pageReady = false;
      }),
      panel.onDidDispose(() => {
        if (panel !== this.panel) return;
        this.panel = undefined;
        this.target = undefined;
        disposeAll(this.panelDisposables);
        this.panelDisposables = [];
      }),
    ];
    const setPage = () => {
      webview.html = renderDocumentShell({
        nonce: newNonce(),
        cspSource: webview.cspSource,
        scriptUri: webview.asWebviewUri(mediaUri(this.extensionUri, 'document-preview.js')).toString(),
        lang: vscode.env.language,
        title: t('Document preview'),
        loading: t('Loading…'),
      });
    };
    this.panelDisposables.push(setPageUntilReady(panel, setPage, () => panel !== this.panel || this.pageReady));
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  /** Asks the server for the page of the plan shown and posts it; an older answer is dropped. */
  private async update(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const panel = this.panel;
    const target = this.target;
    if (!panel || !this.pageReady) return; // the page asks when it is ready
    const generation = ++this.generation;
    if (!target) {
      this.post(panel, { type: 'notice', text: t('Open a *.gpuplan.json file to preview it as a document.') });
      return;
    }
    panel.title = t('Document: {0}', fileName(target));
    const rendered = await this.render(target);
    // Meanwhile the user may have typed again, closed or hidden the panel.
    if (!this.stillWanted(panel, generation)) return;
    if ('problem' in rendered) {
      // The last good page stays; the line above it says why it is not updated.
      this.post(panel, { type: 'notice', text: rendered.problem });
      return;
    }
    const { page } = rendered;
    const scrollY = this.scrollTo;
    this.scrollTo = undefined;
    this.post(panel, { type: 'update', uri: page.uri, version: page.version, css: page.css, body: page.body, ...(scrollY !== undefined ? { scrollY } : {}) });
  }

  private stillWanted(panel: vscode.WebviewPanel, generation: number): boolean {
    return generation === this.generation && panel === this.panel && this.pageReady;
  }

  private post(panel: vscode.WebviewPanel, message: DocumentPageMessage): void {
    void panel.webview.postMessage(message);
  }

  private async render(target: vscode.Uri): Promise<Rendered> {
    const client: LanguageClient | undefined = await this.server.running();
    if (!client) return { problem: t('The gpuplan language server is not running. Run "gpuplan: Restart Language Server" and try again.') };
    // The server knows only open documents: a panel restored without its editor opens the plan.
    const document = await documentFor(target);
    if (!document) return { problem: t('{0} could not be opened. Open another plan to preview it.', fileName(target)) };
    for (let attempt = 0; ; attempt++) {
      let page: RenderedDocument | null;
      try {
        page = await client.sendRequest(RenderDocumentRequest, { uri: target.toString() });
      } catch (error) {
        return { problem: t('The document preview could not be updated: {0}', errorText(error)) };
      }
      if (page) return { page };
      if (attempt >= NOT_OPEN_RETRIES) return { problem: t('{0} could not be opened. Open another plan to preview it.', fileName(target)) };
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    disposeAll(this.panelDisposables);
    disposeAll(this.disposables);
  }
}
