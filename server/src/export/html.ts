/**
 * The document model as HTML: a print-ready A4 page (`@page`, page numbers at the bottom from the
 * cover on) that is also the body of the editor's "gpuplan: Preview Document" webview.
 *
 * Security (the same rules as the cost preview): no scripts, no event handlers, no `style`
 * attributes, no remote resources; the only styles are in one `<style>` element, allowed by the
 * page's Content-Security-Policy through its nonce (webview) or its hash (standalone file). Every
 * string of the plan is escaped.
 */
import { createHash } from 'node:crypto';
import type { Block, BulletsBlock, Cell, CellBlock, HeadingBlock, Inline, ParagraphBlock, PlanDocument, TableBlock, TocBlock } from '../core/render';
import {
  COLORS,
  bulletGeometry,
  cellParagraphTexts,
  headsItems,
  cellSizePt,
  cellTextWidthMm,
  fitLabel,
  wideLevels,
  FONTS,
  PAGE,
  SIZES,
  asRun,
  headerRowCount,
  normalizedBlocks,
  placeCells,
  xmlSafe,
  type PlacedCell,
} from './layout';

export interface HtmlOptions {
  /** Webview: the nonce of the `<style>` element, allowed by the CSP. */
  readonly nonce?: string;
  /** Webview: `webview.cspSource`, allowed for styles, images and fonts. */
  readonly cspSource?: string;
  /** Page numbers of the 목차 entries by heading id, when known (the PDF export learns them from a first print). */
  readonly tocPages?: ReadonlyMap<string, number>;
}

/** Escapes text for HTML content and attribute values, without the characters XML cannot carry. */
export function escapeHtml(value: string): string {
  return xmlSafe(value).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only ids we made ourselves go into attributes, but they are checked all the same. */
const safeId = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, '_');

const fontList = (fonts: readonly string[]): string => fonts.map((f) => (/^[a-z-]+$/.test(f) ? f : `"${f}"`)).join(', ');

function inline(runs: readonly Inline[]): string {
  return runs
    .map((r) => {
      const run = asRun(r);
      let html = escapeHtml(run.text);
      if (run.small) html = `<small>${html}</small>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

const alignClass = (align: string | undefined): string => (align ? ` a-${align}` : '');

function paragraphHtml(p: ParagraphBlock): string {
  return `<p class="r-${p.role}${alignClass(p.align)}">${inline(p.runs) || '&#8203;'}</p>`;
}

function bulletsHtml(b: BulletsBlock): string {
  const items = b.items.map(
    (item, i) => `<li class="lv${item.level}${headsItems(b, i) ? ' kn' : ''}"><span class="mk">${escapeHtml(item.marker)}</span>${escapeHtml(item.text)}</li>`,
  );
  const wide = wideLevels(b);
  const classes = ['ladder', wide.level1 ? 'w1' : '', wide.level2 ? 'w2' : ''].filter(Boolean).join(' ');
  return `<ul class="${classes}">${items.join('')}</ul>`;
}

/** The ladder's indents for every combination of wide levels, in and out of tables. */
function ladderCss(): string {
  const rules: string[] = [];
  for (const inCell of [false, true]) {
    for (const [level1, level2] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const { indent, marker } = bulletGeometry({ level1, level2 }, inCell);
      const selector = `${inCell ? 'table.t ' : ''}.ladder${level1 ? '.w1' : ''}${level2 ? '.w2' : ''}`;
      indent.forEach((mm, i) => rules.push(`${selector} .lv${i + 1}{margin-left:${mm.toFixed(2)}mm;padding-left:${marker[i].toFixed(2)}mm}`));
    }
  }
  return rules.join('\n');
}

function cellBlocks(blocks: readonly CellBlock[]): string {
  return blocks.map((b) => (b.kind === 'paragraph' ? paragraphHtml(b) : bulletsHtml(b))).join('');
}

/** Type sizes a label cell may shrink to (pt), each with its class: no `style` attributes. */
const LABEL_SIZES = [9.5, 9, 8.5, 8, 7.5] as const;
const labelClass = (size: number): string => `fit-${String(size).replace('.', '_')}`;

function cellHtml(cell: Cell, colspan: number, rowspan: number, table: TableBlock, placed: PlacedCell): string {
  const tag = cell.header ? 'th' : 'td';
  const attrs = [colspan > 1 ? ` colspan="${colspan}"` : '', rowspan > 1 ? ` rowspan="${rowspan}"` : ''].join('');
  // A label whose longest word is wider than its cell is set smaller, so that no word breaks.
  const fitted = cell.header ? fitLabel(cellParagraphTexts(cell.blocks), cellTextWidthMm(table, placed), cellSizePt(table)).sizePt : undefined;
  const shrink = fitted !== undefined && fitted < cellSizePt(table) ? labelClass(LABEL_SIZES.find((s) => s <= fitted) ?? 7.5) : '';
  const classes = [cell.align ? `a-${cell.align}` : '', cell.marked ? 'mark' : '', shrink].filter(Boolean).join(' ');
  return `<${tag}${attrs}${classes ? ` class="${classes}"` : ''}>${cellBlocks(cell.blocks)}</${tag}>`;
}

function tableHtml(table: TableBlock, index: number): string {
  const placed = placeCells(table);
  const heads = headerRowCount(table);
  const rowHtml = (r: number) => `<tr>${placed[r].map((p) => cellHtml(p.cell, p.colspan, p.rowspan, table, p)).join('')}</tr>`;
  const head = Array.from({ length: heads }, (_, r) => rowHtml(r)).join('');
  const body = Array.from({ length: table.rows.length - heads }, (_, i) => rowHtml(i + heads)).join('');
  const classes = ['t', `t-${table.id}`, table.dense ? 'dense' : ''].filter(Boolean).join(' ');
  const cols = table.columns.map(() => '<col>').join('');
  return `<table id="t${index}" class="${classes}" data-table="${escapeHtml(table.id)}"><colgroup>${cols}</colgroup>${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>`;
}

function headingHtml(h: HeadingBlock): string {
  const id = safeId(h.id);
  if (h.level === 1 && h.toc) {
    return `<h1 id="${id}" class="chapter"><span class="num">${escapeHtml(h.number ?? '')}</span><span class="title">${escapeHtml(h.title)}</span></h1>`;
  }
  if (h.level === 1) return `<h1 id="${id}" class="part">${escapeHtml(h.text)}</h1>`;
  const tag = `h${h.level}`;
  const number = h.number ? `<span class="num">${escapeHtml(h.number)}</span> ` : '';
  return `<${tag} id="${id}">${number}${escapeHtml(h.title)}</${tag}>`;
}

function tocHtml(toc: TocBlock, pages: ReadonlyMap<string, number> | undefined): string {
  const items = toc.entries
    .map((e) => {
      const page = pages?.get(e.id);
      const number = page !== undefined ? `<span class="leader"></span><span class="pg">${page}</span>` : '';
      return `<li class="toc${e.level}"><a href="#${safeId(e.id)}"><span class="entry">${escapeHtml(e.text)}</span>${number}</a></li>`;
    })
    .join('');
  return `<nav class="toc" aria-label="목차"><h1 class="part">${escapeHtml(toc.title)}</h1><ol>${items}</ol></nav>`;
}

function blockHtml(block: Block, index: number, options: HtmlOptions): string {
  switch (block.kind) {
    case 'heading':
      return headingHtml(block);
    case 'paragraph':
      return paragraphHtml(block);
    case 'bullets':
      return bulletsHtml(block);
    case 'table':
      return tableHtml(block, index);
    case 'pageBreak':
      return '<div class="page-break" role="separator"></div>';
    case 'toc':
      return tocHtml(block, options.tocPages);
  }
}

/** The stylesheet: print geometry of the form, and a paper look on screen. */
function stylesheet(doc: PlanDocument): string {
  const tables = normalizedBlocks(doc)
    .map((b, i) => ({ b, i }))
    .filter((x): x is { b: TableBlock; i: number } => x.b.kind === 'table');
  const widths = tables
    .map(({ b, i }) => {
      const sum = b.columns.reduce((a, c) => a + c, 0) || 1;
      return b.columns.map((c, n) => `#t${i} col:nth-child(${n + 1}){width:${((c / sum) * 100).toFixed(2)}%}`).join('');
    })
    .join('\n');
  const ladder = ladderCss();
  return `
@page { size: A4; margin: ${PAGE.marginTopMm}mm ${PAGE.marginRightMm}mm ${PAGE.marginBottomMm}mm ${PAGE.marginLeftMm}mm;
  @bottom-center { content: "- " counter(page) " -"; font-family: ${fontList(FONTS.headingStack)}; font-size: ${SIZES.footer}pt; color: #${COLORS.text}; } }
:root { color-scheme: light; }
html, body { margin: 0; padding: 0; background: #fff; color: #${COLORS.text}; }
body { font-family: ${fontList(FONTS.bodyStack)}; font-size: ${SIZES.body}pt; line-height: 1.6; word-break: keep-all; overflow-wrap: anywhere;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.doc { width: ${PAGE.widthMm - PAGE.marginLeftMm - PAGE.marginRightMm}mm; margin: 0 auto; }
h1, h2, h3, h4, .toc, table.t { font-family: ${fontList(FONTS.headingStack)}; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; margin: 0; line-height: 1.4; }
h1.chapter { display: flex; align-items: stretch; gap: 0; font-size: ${SIZES.h1}pt; margin: 0 0 6mm; border-bottom: 2px solid #${COLORS.chapterRule}; }
h1.chapter .num { background: #${COLORS.chapterRule}; color: #fff; min-width: 11mm; text-align: center; padding: 1.2mm 2mm; }
h1.chapter .title { padding: 1.2mm 3mm; }
h1.part { font-size: ${SIZES.part}pt; text-align: center; margin: 0 0 6mm; }
h2 { font-size: ${SIZES.h2}pt; margin: 6mm 0 2.5mm; }
h3 { font-size: ${SIZES.h3}pt; margin: 4mm 0 1.5mm; }
h4 { font-size: ${SIZES.h4}pt; margin: 3mm 0 1.5mm; }
p { margin: 0 0 1.2mm; text-align: justify; }
p.r-coverSubtitle { font-family: ${fontList(FONTS.headingStack)}; font-size: ${SIZES.coverSubtitle}pt; margin: 0 0 4mm; }
p.r-coverTitle { font-family: ${fontList(FONTS.headingStack)}; font-size: ${SIZES.coverTitle}pt; font-weight: bold; letter-spacing: 0.2em; margin: 60mm 0 4mm; }
p.r-coverSubtitle:first-child { margin-top: 50mm; }
p.r-coverSubtitle:first-child + p.r-coverTitle { margin-top: 0; }
p.r-coverLine { font-size: ${SIZES.coverLine}pt; margin: 0 0 3mm; }
p.r-coverSubtitle + p.r-coverLine, p.r-coverTitle + p.r-coverSubtitle + p.r-coverLine { margin-top: 45mm; }
p.r-note { font-size: ${SIZES.note}pt; margin: 1.5mm 0 3mm; }
p.r-notApplicable { color: #${COLORS.text}; }
p.r-cell, p.r-pledge { margin: 0; text-align: left; line-height: 1.35; }
p.r-pledge { margin: 1.5mm 1mm; }
.a-left { text-align: left; } .a-center { text-align: center; } .a-right { text-align: right; } .a-justify { text-align: justify; }
p.a-center { text-align: center; } p.a-right { text-align: right; } p.a-justify { text-align: justify; }
small { font-size: ${SIZES.small}pt; }
ul.ladder { list-style: none; margin: 0 0 1.5mm; padding: 0; }
ul.ladder li { position: relative; margin: 0 0 0.8mm; text-align: justify; }
ul.ladder .mk { position: absolute; left: 0; }
ul.ladder li.kn { break-after: avoid; page-break-after: avoid; }
${ladder}
table.t { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 1mm 0 3mm; font-size: ${SIZES.cell}pt; }
table.t.dense { font-size: ${SIZES.denseCell}pt; }
table.t th, table.t td { border: 0.75pt solid #${COLORS.border}; padding: 1.2mm 1.5mm; vertical-align: middle; overflow-wrap: anywhere; }
table.t th { background: #${COLORS.headerFill}; font-weight: bold; text-align: center; word-break: keep-all; overflow-wrap: normal; }
${LABEL_SIZES.map((size) => `table.t th.${labelClass(size)} { font-size: ${size}pt; }`).join('\n')}
table.t td.mark { background: #${COLORS.markFill}; }
table.t.dense th, table.t.dense td { padding: 0.6mm 0.8mm; }
table.t.dense p.r-cell { line-height: 1.25; }
table.t ul.ladder { margin: 0; font-size: inherit; }
table.t ul.ladder li { margin: 0; text-align: left; }
table.t p.r-cell + p.r-cell { margin-top: 0.5mm; }
table.t tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
.toc ol { list-style: none; margin: 0 10mm; padding: 0; }
.toc li { margin: 0 0 1.5mm; }
.toc li.toc1 { font-weight: bold; margin-top: 3mm; font-size: ${SIZES.h2}pt; }
.toc li.toc2 { margin-left: 8mm; }
.toc a { color: inherit; text-decoration: none; display: flex; align-items: baseline; }
.toc .leader { flex: 1; border-bottom: 1px dotted #${COLORS.muted}; margin: 0 2mm; min-width: 5mm; }
.toc .pg { font-weight: normal; }
.page-break { break-after: page; page-break-after: always; height: 0; }
${widths}
@media screen {
  html { background: #d9d9d9; }
  body { background: #d9d9d9; padding: 8mm 0; }
  .doc { background: #fff; padding: ${PAGE.marginTopMm}mm ${PAGE.marginRightMm}mm ${PAGE.marginBottomMm}mm ${PAGE.marginLeftMm}mm; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
  .page-break { border-top: 1px dashed #999; margin: ${PAGE.marginBottomMm}mm -${PAGE.marginRightMm}mm ${PAGE.marginTopMm}mm; }
}
/* A preview beside the editor is narrower than A4: the page flows to the panel's width. */
@media screen and (max-width: 820px) {
  body { padding: 0; }
  .doc { width: auto; max-width: 100%; box-sizing: border-box; padding: 6mm 5mm; box-shadow: none; }
  .page-break { margin: 6mm -5mm; }
  /* Labels are sized to fit their cells on A4; narrower, a long one breaks rather than overlaps. */
  table.t th { overflow-wrap: anywhere; }
}
@media print { .doc { width: auto; } a { color: inherit; text-decoration: none; } }
`.trim();
}

/** The page's parts for a webview that sets them itself: its stylesheet and the markup of its body. */
export function renderHtmlParts(doc: PlanDocument, options: Pick<HtmlOptions, 'tocPages'> = {}): { css: string; body: string } {
  const blocks = normalizedBlocks(doc)
    .map((b, i) => blockHtml(b, i, options))
    .join('\n');
  return { css: stylesheet(doc), body: `<main class="doc">\n${blocks}\n</main>` };
}

/**
 * The whole page. Standalone (no options): a file to open or print, with an `@page { size: A4 }`
 * stylesheet. Webview: pass `{ nonce, cspSource }`.
 */
export function renderHtml(doc: PlanDocument, options: HtmlOptions = {}): string {
  const css = stylesheet(doc);
  const blocks = normalizedBlocks(doc)
    .map((b, i) => blockHtml(b, i, options))
    .join('\n');
  let csp: string;
  let styleOpen: string;
  if (options.nonce !== undefined) {
    if (!/^[A-Za-z0-9+/=_-]+$/.test(options.nonce)) throw new Error('The nonce must be base64 or alphanumeric.');
    const source = options.cspSource && !/[;,'"<>\s]/.test(options.cspSource) ? options.cspSource : undefined;
    csp = [
      `default-src 'none'`,
      `style-src ${source ? `${source} ` : ''}'nonce-${options.nonce}'`,
      `img-src ${source ? `${source} ` : ''}data:`,
      ...(source ? [`font-src ${source}`] : []),
    ].join('; ');
    styleOpen = `<style nonce="${options.nonce}">`;
  } else {
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src data:`;
    styleOpen = '<style>';
  }
  const title = `${doc.meta.title} — 사업수행계획서`;
  return [
    '<!DOCTYPE html>',
    '<html lang="ko">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="gpuplan">`,
    `<title>${escapeHtml(title)}</title>`,
    `${styleOpen}${css}</style>`,
    '</head>',
    '<body>',
    `<main class="doc">`,
    blocks,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
