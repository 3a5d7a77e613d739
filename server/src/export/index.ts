/**
 * Export of a plan as a document in the form's layout: DOCX, HTML, HWPX, HWP and PDF. The writers
 * lay out the core's document model; `createExporters` hands them to the core's service, which the
 * CLI and the language server call (the VS Code client asks the server).
 *
 * The 목차 of the DOCX, the HWPX and the HWP carries page numbers from laying the document out with
 * rhwp (`paginate.ts`); the PDF's come from the PDF tool's own first print.
 */
import type { Exporter } from '../core';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { renderHwp } from './hwp';
import { renderHwpx } from './hwpx';
import { documentLayout, type DocumentLayout } from './paginate';
import { renderPdf, type PdfEngine, type PdfOptions, type PdfTools } from './pdf';

export { renderDocx, type DocxOptions } from './docx';
export { renderHtml, renderHtmlParts, escapeHtml, type HtmlOptions } from './html';
export { renderHwpx, hwpxParts, tableHeights, HWPX_MIMETYPE, type HwpxOptions } from './hwpx';
export { renderHwp, hwpxToHwp, HwpWriteError, RhwpUnavailableError, rhwpVersion } from './hwp';
export { documentLayout, layoutHwpx, tocPages, type DocumentLayout } from './paginate';
export {
  renderPdf,
  findPdfTools,
  pickTool,
  systemToolHost,
  engineOfTool,
  PdfToolMissingError,
  PdfToolPathError,
  PdfToolFailedError,
  type LocateOptions,
  type PdfEngine,
  type PdfOptions,
  type PdfToolProblem,
  type PdfTools,
  type ToolHost,
} from './pdf';

export type ExportFormat = 'docx' | 'html' | 'hwpx' | 'hwp' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'html', 'hwpx', 'hwp', 'pdf'];

export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { docx: '.docx', html: '.html', hwpx: '.hwpx', hwp: '.hwp', pdf: '.pdf' };

export const EXPORT_MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  hwpx: 'application/hwp+zip',
  hwp: 'application/x-hwp',
  pdf: 'application/pdf',
};

/** The format a file name asks for (`.htm` counts as HTML). */
export function formatFromPath(file: string): ExportFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.htm')) return 'html';
  return EXPORT_FORMATS.find((f) => lower.endsWith(EXPORT_EXTENSIONS[f]));
}

/** `plans/a.gpuplan.json` → `plans/a.docx`: the plan's name with the format's extension. */
export function defaultOutputPath(planFile: string, format: ExportFormat): string {
  const base = planFile.replace(/\.gpuplan\.json$/i, '').replace(/\.json$/i, '');
  return base + EXPORT_EXTENSIONS[format];
}

/** Options of the writers that need them. */
export interface ExportersOptions {
  readonly pdf?: PdfOptions;
}

/** The document laid out by rhwp; a DOCX or an HWPX without it (rhwp unavailable) still writes, with estimates. */
async function layoutOf(document: Parameters<Exporter>[0]): Promise<DocumentLayout | undefined> {
  try {
    return await documentLayout(document);
  } catch {
    return undefined;
  }
}

const asOptions = (layout: DocumentLayout | undefined) => ({
  ...(layout?.tocPages ? { tocPages: layout.tocPages } : {}),
  ...(layout ? { cellHeights: layout.cellHeights, breakBefore: layout.breakBefore } : {}),
});

/** The writer of every format, for `createPlanService({ exporters })`. */
export function createExporters(options: ExportersOptions = {}): Readonly<Record<ExportFormat, Exporter>> {
  return {
    docx: async (document) => {
      const pages = (await layoutOf(document))?.tocPages;
      return { bytes: await renderDocx(document, pages ? { tocPages: pages } : {}) };
    },
    html: (document) => Promise.resolve({ bytes: new TextEncoder().encode(renderHtml(document)) }),
    hwpx: async (document) => ({ bytes: await renderHwpx(document, asOptions(await layoutOf(document))) }),
    hwp: async (document) => ({ bytes: await renderHwp(document, asOptions(await documentLayout(document))) }),
    pdf: async (document, exportOptions) => {
      const engine = exportOptions?.pdfEngine as PdfEngine | 'auto' | undefined;
      // The tools the edge found (with the one the user named), and its way to stop the export.
      const tools = exportOptions?.pdfTools as PdfTools | undefined;
      const signal = exportOptions?.signal as AbortSignal | undefined;
      const {
        bytes,
        engine: used,
        tool,
      } = await renderPdf(document, { ...options.pdf, ...(engine ? { engine } : {}), ...(tools ? { tools } : {}), ...(signal ? { signal } : {}) });
      return { bytes, tool: `${used}: ${tool}` };
    },
  };
}
