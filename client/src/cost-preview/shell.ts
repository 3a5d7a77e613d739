/**
 * The cost preview's page: strict CSP with a nonce, local resources only, the what-if controls
 * and the place of their result. Its content (the form's table, the chart, the milestones and
 * the what-if result) is HTML the server made (`gpuplan/costPreview` with `html`), placed by the
 * page's script (media/cost-preview.js).
 */
import { contentSecurityPolicy, escapeAttribute, escapeHtml } from '../webview/html';

const group = (n: number): string =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** An amount as the form writes it: 76,800,000원. */
export const won = (n: number | undefined): string => (n === undefined ? '—' : `${group(n)}원`);

export interface ShellOptions {
  readonly nonce: string;
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly lang: string;
  readonly title: string;
  readonly body: string;
  /** Labels of the what-if controls. */
  readonly labels: { whatIf: string; type: string; servers: string; months: string; apply: string; reset: string; hint: string };
  /** The largest numbers the what-if fields take (wider than the program allows, to show "outside"). */
  readonly tryMax: { readonly servers: number; readonly months: number };
}

/**
 * The panel's page. The what-if controls come first, with their result right below them (visible
 * without scrolling), then the figures. The GPU types of the select come with the first update
 * (the server's preview limits, not a copy here).
 */
export function renderShell(o: ShellOptions): string {
  const csp = contentSecurityPolicy({ nonce: o.nonce, cspSource: o.cspSource, styles: 'source' });
  const int = (n: number) => String(Math.max(1, Math.floor(n)));
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body data-gpuplan-view="cost">
<header><h1>${escapeHtml(o.title)}</h1></header>
<form id="whatif" class="whatif" autocomplete="off" hidden>
<h2>${escapeHtml(o.labels.whatIf)}</h2>
<p class="hint">${escapeHtml(o.labels.hint)}</p>
<label>${escapeHtml(o.labels.type)} <select name="type"></select></label>
<label>${escapeHtml(o.labels.servers)} <input name="servers" type="number" min="1" max="${int(o.tryMax.servers)}" step="1" required></label>
<label>${escapeHtml(o.labels.months)} <input name="months" type="number" min="1" max="${int(o.tryMax.months)}" step="1" required></label>
<button type="button" id="reset" class="secondary">${escapeHtml(o.labels.reset)}</button>
<button type="submit" id="apply">${escapeHtml(o.labels.apply)}</button>
<div id="whatif-result" class="whatif-slot" role="status" aria-live="polite"></div>
</form>
<main id="preview" aria-live="polite">${o.body}</main>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}
