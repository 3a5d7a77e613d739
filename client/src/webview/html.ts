/**
 * The markup rules both previews' pages follow, as pure functions (no `vscode` import, so they
 * are unit-tested directly): every string is escaped, and each page has a strict
 * Content-Security-Policy — nothing by default, scripts only with the page's nonce, resources
 * only from the extension's own webview source.
 */
import { randomBytes } from 'node:crypto';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (value: string | number | null | undefined): string => String(value ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]);

/** For a double-quoted attribute of our own making (the CSP): its single quotes stay readable. */
export const escapeAttribute = (value: string): string => value.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/** A fresh nonce for one page (base64 of 16 random bytes). */
export const newNonce = (): string => randomBytes(16).toString('base64');

export interface PolicyOptions {
  readonly nonce: string;
  /** `webview.cspSource`: the extension's resources (media/). */
  readonly cspSource: string;
  /**
   * Where the page's styles come from: `source` for stylesheets in media/, `nonce` for one
   * `<style nonce>` element whose content the page's script may replace (the document preview's
   * stylesheet is made by the server with the document).
   */
  readonly styles: 'source' | 'nonce';
}

/** The page's Content-Security-Policy: `default-src 'none'`, a nonce on scripts, no inline handlers, nothing remote. */
export function contentSecurityPolicy(o: PolicyOptions): string {
  if (!/^[A-Za-z0-9+/=]+$/.test(o.nonce)) throw new Error('The nonce must be base64.');
  // VS Code's own value (e.g. "'self' https://*.vscode-cdn.net"); it must not end the directive.
  if (/[;,"<>\n\r]/.test(o.cspSource)) throw new Error(`Unexpected webview source: ${o.cspSource}`);
  const styles = o.styles === 'nonce' ? `'nonce-${o.nonce}'` : o.cspSource;
  return [`default-src 'none'`, `style-src ${styles}`, `img-src ${o.cspSource} data:`, `font-src ${o.cspSource}`, `script-src 'nonce-${o.nonce}'`].join('; ');
}
