/**
 * "gpuplan: Preview Document": the plan laid out as the form, in a webview beside the editor. The
 * server makes the page (`gpuplan/renderDocument`); the panel sets its stylesheet once and then
 * updates the page by message, so the scroll position stays while the user types. The panel
 * comes back after a window reload (a webview panel serializer).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RenderDocumentRequest, type RenderedDocument } from '../../shared/src/protocol';
import { isPlan, planDocument } from './util';

const t = vscode.l10n.t;
export const DOCUMENT_PREVIEW_VIEW = 'gpuplan.documentPreview';

/** The state the webview keeps (vscode.setState) and the serializer gets back after a reload. */
interface PreviewState {
  readonly uri?: string;
  readonly scrollY?: number;
}

const isState = (value: unknown): value is PreviewState =>
  typeof value === 'object' && value !== null && (typeof (value as PreviewState).uri === 'string' || (value as PreviewState).uri === undefined);

export class DocumentPreview implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private target: vscode.Uri | undefined;
  private css: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => Promise<LanguageClient | undefined>,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(DOCUMENT_PREVIEW_VIEW, this),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && event.document.uri.toString() === this.target?.toString()) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && isPlan(editor?.document) && editor.document.uri.toString() !== this.target?.toString()) {
          this.target = editor.document.uri;
          void this.update();
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
    this.target = document.uri;
    if (this.panel) this.panel.reveal(vscode.ViewColumn.Beside, true);
    else this.adopt(vscode.window.createWebviewPanel(DOCUMENT_PREVIEW_VIEW, t('Document preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.options()));
    await this.update();
  }

  /** After a window reload: the panel VS Code restored, with the state its page saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const uri = isState(state) && state.uri ? vscode.Uri.parse(state.uri) : undefined;
    this.target = uri;
    panel.webview.options = this.options();
    this.adopt(panel);
    await this.update(isState(state) ? state.scrollY : undefined);
  }

  private options(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')] };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    this.css = undefined;
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    panel.iconPath = { light: vscode.Uri.joinPath(media, 'gpuplan-file-light.svg'), dark: vscode.Uri.joinPath(media, 'gpuplan-file-dark.svg') };
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    }, undefined, this.disposables);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 250);
  }

  private async update(scrollY?: number): Promise<void> {
    const panel = this.panel;
    const target = this.target;
    if (!panel || !target) return;
    const client = await this.client();
    let page: RenderedDocument | null = null;
    try {
      page = client ? await client.sendRequest(RenderDocumentRequest, { uri: target.toString() }) : null;
    } catch (error) {
      // A plan that cannot be laid out yet keeps the last good page.
      void vscode.window.setStatusBarMessage(t('gpuplan: the document preview could not be updated ({0}).', error instanceof Error ? error.message : String(error)), 5000);
      return;
    }
    if (!page || panel !== this.panel) return;
    panel.title = t('Document: {0}', decodeURIComponent(target.path.split('/').pop() ?? ''));
    // The stylesheet depends on the document (its wide bullet levels): a new one needs a new shell.
    if (this.css !== page.css) {
      this.css = page.css;
      panel.webview.html = this.shell(panel.webview, page.css);
    }
    void panel.webview.postMessage({ type: 'update', uri: page.uri, body: page.body, ...(scrollY !== undefined ? { scrollY } : {}) });
  }

  private shell(webview: vscode.Webview, css: string): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'document-preview.js'));
    const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `img-src ${webview.cspSource} data:`, `script-src 'nonce-${nonce}'`].join('; ');
    // The stylesheet comes from our own renderer; "</" cannot end the element early.
    const style = css.replace(/<\//g, '<\\/');
    return [
      '<!DOCTYPE html>',
      `<html lang="ko">`,
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<style nonce="${nonce}">${style}</style>`,
      '</head>',
      `<body><div id="page" aria-live="off"><p>${escapeText(t('Loading…'))}</p></div>`,
      `<script nonce="${nonce}" src="${script.toString()}"></script>`,
      '</body>',
      '</html>',
    ].join('\n');
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

const escapeText = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
