/**
 * The document preview's page and the messages between it and the extension. Pure (no `vscode`
 * import), so it is unit-tested directly.
 *
 * The page is set once per panel: an empty `<style nonce>`, a notice line, the page's place and
 * media/document-preview.js. Every update afterwards is a message (`update`: the stylesheet and
 * the body the server made; `notice`: a line of text), so the page keeps its scroll position
 * while the user types and is never reloaded for a keystroke.
 */
import { contentSecurityPolicy, escapeAttribute, escapeHtml } from '../webview/html';

export interface DocumentShellOptions {
  readonly nonce: string;
  readonly cspSource: string;
  readonly scriptUri: string;
  /** The UI language (the notices); the document itself is Korean, as the form is. */
  readonly lang: string;
  /** The page's title (for screen readers). */
  readonly title: string;
  /** Shown until the first page arrives. */
  readonly loading: string;
}

export function renderDocumentShell(o: DocumentShellOptions): string {
  const csp = contentSecurityPolicy({ nonce: o.nonce, cspSource: o.cspSource, styles: 'nonce' });
  return [
    '<!DOCTYPE html>',
    '<html lang="ko">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(o.title)}</title>`,
    // The server's stylesheet goes here, by message: the nonce lets the page's script fill it.
    `<style nonce="${escapeHtml(o.nonce)}" id="document-style"></style>`,
    '</head>',
    '<body data-gpuplan-view="document">',
    `<p id="notice" role="status" lang="${escapeHtml(o.lang)}">${escapeHtml(o.loading)}</p>`,
    '<div id="page"></div>',
    `<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** Extension → page. */
export type DocumentPageMessage =
  | {
      readonly type: 'update';
      readonly uri: string;
      readonly version: number;
      /** The server's stylesheet for this document; the page sets it as the text of its `<style>`. */
      readonly css: string;
      /** The document's markup, made and escaped by the server's renderer; no scripts. */
      readonly body: string;
      /** Where to scroll on the first update when the page has no saved place (a panel made again after a reload). */
      readonly scrollY?: number;
    }
  /** A line above the page (the plan could not be opened, the server is not running), or none. */
  | { readonly type: 'notice'; readonly text: string | null };

/** Page → extension: the page has loaded (again, after being hidden) and wants its content. */
export type DocumentPreviewMessage = { readonly type: 'ready' };

/** Messages from the webview are untrusted: anything but a well-formed `ready` is dropped. */
export function parseDocumentPreviewMessage(raw: unknown): DocumentPreviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  return (raw as Record<string, unknown>).type === 'ready' ? { type: 'ready' } : undefined;
}
