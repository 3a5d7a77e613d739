/**
 * Export of a plan as a document in the form's layout: DOCX, HTML, HWPX and PDF. The writers lay
 * out the core's document model; `createExporters` hands them to the core's service, which the
 * CLI and the language server call (the VS Code client asks the server).
 */
import type { Exporter } from '../core';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { renderHwpx } from './hwpx';
import { renderPdf, type PdfEngine, type PdfOptions, type PdfTools } from './pdf';

export { renderDocx, type DocxOptions } from './docx';
export { renderHtml, renderHtmlParts, escapeHtml, type HtmlOptions } from './html';
export { renderHwpx, hwpxParts, HWPX_MIMETYPE } from './hwpx';
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

export type ExportFormat = 'docx' | 'html' | 'hwpx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'html', 'hwpx', 'pdf'];

export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { docx: '.docx', html: '.html', hwpx: '.hwpx', pdf: '.pdf' };

export const EXPORT_MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  hwpx: 'application/hwp+zip',
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

/** The writer of every format, for `createPlanService({ exporters })`. */
export function createExporters(options: ExportersOptions = {}): Readonly<Record<ExportFormat, Exporter>> {
  return {
    docx: async (document) => ({ bytes: await renderDocx(document) }),
    html: async (document) => ({ bytes: new TextEncoder().encode(renderHtml(document)) }),
    hwpx: async (document) => ({ bytes: await renderHwpx(document) }),
    pdf: async (document, exportOptions) => {
      const engine = exportOptions?.pdfEngine as PdfEngine | 'auto' | undefined;
      // The tools the edge found (with the one the user named), and its way to stop the export.
      const tools = exportOptions?.pdfTools as PdfTools | undefined;
      const signal = exportOptions?.signal as AbortSignal | undefined;
      const { bytes, engine: used, tool } = await renderPdf(document, { ...options.pdf, ...(engine ? { engine } : {}), ...(tools ? { tools } : {}), ...(signal ? { signal } : {}) });
      return { bytes, tool: `${used}: ${tool}` };
    },
  };
}
