/**
 * HTML and SVG of the cost preview, made by the server (as `gpuplan/renderDocument` makes the
 * document preview) so that the VS Code client bundles none of it: pure functions of a
 * `CostPreview`, in the UI language. Every string that can come from the plan is escaped here;
 * the webview script only places this HTML, it never builds markup from data itself.
 */
import type { CostPreview, CostPreviewPageParams } from '../../../../shared/src/protocol';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML content and attribute values (the webview pages' rule). */
export const escapeHtml = (value: string | number | null | undefined): string => String(value ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]);

export type Translate = (message: string, ...args: Array<string | number>) => string;

const group = (n: number): string =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export const won = (n: number | undefined): string => (n === undefined ? '—' : `${group(n)}원`);

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthIndex = (value: string | undefined): number | undefined => {
  const m = value ? MONTH.exec(value.slice(0, 7)) : null;
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
};
const monthLabel = (index: number, withYear: boolean): string =>
  withYear ? `'${String(Math.floor(index / 12)).slice(2)}.${String((index % 12) + 1).padStart(2, '0')}` : String((index % 12) + 1);
/** A month on the chart's axis: with its year where the axis starts and where a year begins ('26.3 4 5 … '27.1), else the month alone. */
const axisLabel = (index: number, first: boolean): string =>
  first || index % 12 === 0 ? `'${String(Math.floor(index / 12)).slice(2)}.${(index % 12) + 1}` : String((index % 12) + 1);

/** The form's III-3 table with the base amount, and the applicable amount under the payer policy. */
export function renderCostTable(preview: CostPreview, t: Translate): string {
  const { table, cost } = preview;
  if (!table.row) {
    return `<p class="notice">${escapeHtml(table.summary)}</p>`;
  }
  const head = table.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  // data-label repeats the header so that a narrow panel can show the row as label: value pairs.
  const cells = table.row;
  const row = cells
    .map((cell, i) => `<td data-label="${escapeHtml(table.headers[i])}"${i === cells.length - 1 ? ' class="amount"' : ''}>${escapeHtml(cell)}</td>`)
    .join('');
  const applicableLabel = escapeHtml(t('Applicable amount'));
  const applicable =
    cost.payer.applicableWon === undefined
      ? `<td colspan="5" class="policy">${escapeHtml(table.policy)}</td><td class="amount" data-label="${applicableLabel}">—</td>`
      : `<td colspan="5" class="policy">${escapeHtml(table.policy)}</td><td class="amount strong" data-label="${applicableLabel}" data-figure="applicable">${escapeHtml(won(cost.payer.applicableWon))}</td>`;
  return `<div class="scroll"><table class="cost" aria-label="${escapeHtml(t('Co-payment table (III-3)'))}">
<thead><tr>${head}</tr></thead>
<tbody><tr data-figure="base">${row}</tr>
<tr class="applicable"><th scope="row">${escapeHtml(t('Applicable amount'))}</th>${applicable}</tr></tbody>
</table></div>`;
}

/** GPUs, GPU-hours, the on-site review notice and the page budget. */
export function renderFigures(preview: CostPreview, t: Translate): string {
  const { cost, pages } = preview;
  const items: string[] = [];
  if (cost.gpus !== undefined)
    items.push(
      `<div class="figure"><span class="label">${escapeHtml(t('GPUs'))}</span><span class="value" data-figure="gpus">${escapeHtml(t('{0} GPUs ({1} servers × {2})', cost.gpus, cost.servers ?? 0, preview.limits.gpusPerServer))}</span></div>`,
    );
  if (cost.gpuHours !== undefined)
    items.push(
      `<div class="figure"><span class="label">${escapeHtml(t('GPU-hours'))}</span><span class="value" data-figure="gpuHours">${escapeHtml(t('{0} h ({1} GPUs × {2} months × {3} h)', group(cost.gpuHours), cost.gpus ?? 0, cost.months ?? 0, cost.hoursPerMonth))}</span></div>`,
    );
  items.push(
    `<div class="figure"><span class="label">${escapeHtml(t('Page budget'))}</span><span class="value" data-figure="pages">${escapeHtml(t('body about {0} of about {1} pages; summary about {2} of 2 pages', pages.body, pages.budget, pages.summary))}</span></div>`,
  );
  const review = cost.onsiteReview
    ? `<p class="notice warning" role="status">${escapeHtml(t('Large project: the on-site eligibility review (적격성 심사, 현장발표) is required, and the body may run to about {0} pages.', cost.pageBudget))}</p>`
    : '';
  const publish = cost.payer.mustPublish
    ? `<p class="notice" role="status">${escapeHtml(t('Academia and research pay no co-payment but must publish their results.'))}</p>`
    : '';
  return `<div class="figures">${items.join('')}</div>${review}${publish}`;
}

/** Bars of GPUs in use per month (from the stages), against the requested capacity. */
export function renderChart(preview: CostPreview, t: Translate): string {
  const stages = preview.cost.stages.filter((s) => s.start && s.end);
  const starts = stages.map((s) => monthIndex(s.start)).filter((m): m is number => m !== undefined);
  const ends = stages.map((s) => monthIndex(s.end)).filter((m): m is number => m !== undefined);
  const first = monthIndex(preview.schedule.start) ?? (starts.length ? starts.reduce((a, b) => Math.min(a, b)) : undefined);
  const last = monthIndex(preview.schedule.end) ?? (ends.length ? ends.reduce((a, b) => Math.max(a, b)) : undefined);
  if (first === undefined || last === undefined || last < first || stages.length === 0) {
    return `<p class="empty">${escapeHtml(t('Add stages with periods (gpuPlan.stages) to see GPUs per month.'))}</p>`;
  }
  const months = Array.from({ length: Math.min(last - first + 1, 24) }, (_, i) => first + i);
  const used = months.map((m) =>
    stages.reduce((sum, s) => {
      const a = monthIndex(s.start);
      const b = monthIndex(s.end);
      return a !== undefined && b !== undefined && m >= a && m <= b ? sum + (s.gpus ?? (s.servers ?? 0) * preview.limits.gpusPerServer) : sum;
    }, 0),
  );
  const capacity = preview.cost.gpus ?? 0;
  const top = Math.max(capacity, ...used, preview.limits.gpusPerServer);
  const [width, height, left, bottom, topPad] = [640, 244, 44, 42, 22];
  const plotH = height - bottom - topPad;
  const slot = (width - left - 8) / months.length;
  const y = (v: number) => topPad + plotH - (v / top) * plotH;
  const bars = months
    .map((m, i) => {
      const x = left + i * slot + slot * 0.15;
      const h = (used[i] / top) * plotH;
      const over = used[i] > capacity;
      return (
        `<g><rect class="bar${over ? ' over' : ''}" x="${x.toFixed(1)}" y="${(topPad + plotH - h).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}"><title>${escapeHtml(t('{0}: {1} GPUs in use', monthLabel(m, true), used[i]))}</title></rect>` +
        `<text class="axis" x="${(left + i * slot + slot / 2).toFixed(1)}" y="${height - 24}" text-anchor="middle">${escapeHtml(axisLabel(m, i === 0))}</text></g>`
      );
    })
    .join('');
  const capacityLine =
    capacity > 0
      ? `<line class="capacity" x1="${left}" x2="${width - 8}" y1="${y(capacity).toFixed(1)}" y2="${y(capacity).toFixed(1)}"/><text class="axis capacity-label" x="${width - 10}" y="${(y(capacity) - 6).toFixed(1)}" text-anchor="end">${escapeHtml(t('requested {0} GPUs', capacity))}</text>`
      : '';
  const ticks = [0, Math.round(top / 2), top]
    .map(
      (v) =>
        `<text class="axis" x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v}</text><line class="grid" x1="${left}" x2="${width - 8}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/>`,
    )
    .join('');
  // The units: GPUs up the side, months (with the year where it starts or changes) along the bottom.
  const units =
    `<text class="axis unit" x="${left - 6}" y="${topPad - 8}" text-anchor="end">${escapeHtml(t('GPUs'))}</text>` +
    `<text class="axis unit" x="${(left + (width - 8)) / 2}" y="${height - 6}" text-anchor="middle">${escapeHtml(t("Month ('yy.m)"))}</text>`;
  const label = t(
    'GPUs in use per month from {0} to {1}, against the {2} GPUs requested',
    monthLabel(months[0], true),
    monthLabel(months[months.length - 1], true),
    capacity,
  );
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}" preserveAspectRatio="xMidYMid meet"><title>${escapeHtml(label)}</title>${ticks}${bars}${capacityLine}${units}</svg>`;
}

/** The form's milestone grid: 12 month columns, the scheduled months marked. */
export function renderMilestones(preview: CostPreview, t: Translate): string {
  const { milestones } = preview.schedule;
  if (milestones.length === 0) return `<p class="empty">${escapeHtml(t('No milestones yet (schedule.milestones).'))}</p>`;
  const start = monthIndex(preview.schedule.start);
  const end = monthIndex(preview.schedule.end);
  const allMonths = milestones.flatMap((m) => m.months.map(monthIndex)).filter((m): m is number => m !== undefined);
  const anchor = start ?? (allMonths.length ? allMonths.reduce((a, b) => Math.min(a, b)) : undefined);
  if (anchor === undefined) return `<p class="empty">${escapeHtml(t('No milestones yet (schedule.milestones).'))}</p>`;
  // The form's grid is the calendar year (1–12); a project across two years starts at its first month.
  const sameYear = end === undefined || Math.floor(anchor / 12) === Math.floor(end / 12);
  const firstColumn = sameYear ? Math.floor(anchor / 12) * 12 : anchor;
  const columns = Array.from({ length: 12 }, (_, i) => firstColumn + i);
  const yearLabel = sameYear ? t("Schedule ('{0})", String(Math.floor(anchor / 12)).slice(2)) : t('Schedule');
  const head = columns
    .map(
      (c) =>
        `<th scope="col" class="month${start !== undefined && end !== undefined && (c < start || c > end) ? ' outside' : ''}">${escapeHtml(monthLabel(c, !sameYear))}</th>`,
    )
    .join('');
  const rows = milestones
    .map((m, i) => {
      const marked = new Set(m.months.map(monthIndex));
      const cells = columns.map((c) => (marked.has(c) ? `<td class="mark" aria-label="${escapeHtml(monthLabel(c, true))}">■</td>` : '<td></td>')).join('');
      return `<tr><th scope="row">${i + 1}</th><td class="task">${escapeHtml(m.task)}</td>${cells}</tr>`;
    })
    .join('');
  return `<div class="scroll"><table class="milestones"><thead><tr><th scope="col" rowspan="2">${escapeHtml(t('No.'))}</th><th scope="col" rowspan="2">${escapeHtml(t('Task'))}</th><th scope="colgroup" colspan="12">${escapeHtml(yearLabel)}</th></tr><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** What the what-if request would change, next to the current figures. */
export function renderWhatIf(current: CostPreview, alternative: CostPreview | undefined, t: Translate): string {
  if (!alternative || !alternative.cost.complete) return '';
  const a = alternative.cost;
  const before = current.cost.payer.applicableWon ?? current.cost.baseWon ?? 0;
  const after = a.payer.applicableWon ?? a.baseWon ?? 0;
  const delta = after - before;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `<div class="whatif-result" role="status" data-figure="whatif">
<p><strong>${escapeHtml(t('With {0} × {1} servers × {2} months', a.gpuType ?? '', a.servers ?? 0, a.months ?? 0))}</strong></p>
<p>${escapeHtml(alternative.table.summary)}</p>
<p>${escapeHtml(t('Difference: {0}', `${sign}${won(Math.abs(delta))}`))}${a.onsiteReview ? ` · ${escapeHtml(t('on-site review required'))}` : ''}${!a.serversInRange || !a.monthsInRange ? ` · <span class="error">${escapeHtml(t('outside the allowed range'))}</span>` : ''}</p>
</div>`;
}

/** Everything that changes with the document; placed into the panel without reloading it (the what-if result has its own place). */
export function renderPreviewBody(current: CostPreview, t: Translate): string {
  const counts = current.counts;
  const status =
    counts.error > 0
      ? `<p class="notice error">${escapeHtml(t('The plan still has {0} error(s) and {1} warning(s); the figures use what is there.', counts.error, counts.warning))}</p>`
      : '';
  return `${status}
<section><h2>${escapeHtml(t('III-3. Co-payment (민간부담금 산출내역)'))}</h2>${renderCostTable(current, t)}</section>
<section><h2>${escapeHtml(t('GPU capacity'))}</h2>${renderFigures(current, t)}</section>
<section><h2>${escapeHtml(t('III-2. GPUs per month'))}</h2>${renderChart(current, t)}</section>
<section><h2>${escapeHtml(t('V-1. Milestones'))}</h2>${renderMilestones(current, t)}</section>`;
}

/**
 * The panel's page. The what-if controls come first, with their result right below them (visible
 * without scrolling), then the figures. The GPU types of the select come with the first update
 * (the server's preview limits, not a copy here).
 */
export function renderCostShell(o: CostPreviewPageParams, t: Translate): string {
  const attribute = (value: string) => value.replace(/[&<>"]/g, (c) => ESCAPES[c]);
  const title = t('gpuplan: what the GPUs will cost');
  const int = (n: number) => String(Math.max(1, Math.floor(n)));
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(o.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body data-gpuplan-view="cost">
<header><h1>${escapeHtml(title)}</h1></header>
<form id="whatif" class="whatif" autocomplete="off" hidden>
<h2>${escapeHtml(t('What if…'))}</h2>
<p class="hint">${escapeHtml(t('Try another request: the file changes only when you press "Write into the plan" (one undoable edit).'))}</p>
<label>${escapeHtml(t('GPU type'))} <select name="type"></select></label>
<label>${escapeHtml(t('Servers'))} <input name="servers" type="number" min="1" max="${int(o.tryMax.servers)}" step="1" required></label>
<label>${escapeHtml(t('Months'))} <input name="months" type="number" min="1" max="${int(o.tryMax.months)}" step="1" required></label>
<button type="button" id="reset" class="secondary">${escapeHtml(t('Back to the plan'))}</button>
<button type="submit" id="apply">${escapeHtml(t('Write into the plan'))}</button>
<div id="whatif-result" class="whatif-slot" role="status" aria-live="polite"></div>
</form>
<main id="preview" aria-live="polite"><p class="empty">${escapeHtml(t('Loading…'))}</p></main>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}
