/**
 * Export of a plan as a document in the form's layout: DOCX, HTML, HWPX and PDF.
 *
 * The entry points for the CLI and the VS Code client:
 * - `exportPlan(text, format)` → the file's bytes, the document model and the findings;
 * - `previewHtml(text, { nonce, cspSource })` → the "Preview Document" webview's HTML.
 *
 * A plan with errors still exports: its open findings are listed at the end of the document, and
 * the caller decides what to do with `errors` (the CLI exits non-zero unless `--force`).
 */
import { analyzeDocument, parseDocument, type AnalyzeOptions, type Analysis, type Finding } from '../core';
import { planToDocument, type PlanDocument } from '../core/render';
import { renderDocx } from './docx';
import { renderHtml, type HtmlOptions } from './html';
import { renderHwpx } from './hwpx';
import { renderPdf, type PdfEngine, type PdfOptions } from './pdf';

export { renderDocx, type DocxOptions } from './docx';
export { renderHtml, escapeHtml, type HtmlOptions } from './html';
export { renderHwpx, hwpxParts, HWPX_MIMETYPE } from './hwpx';
export { renderPdf, findPdfTools, PdfToolMissingError, PdfToolFailedError, type PdfEngine, type PdfOptions, type PdfTools } from './pdf';

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

export interface DocumentOptions {
  /** Severity overrides and allowlists, as for diagnostics; the locale is always Korean (the form is). */
  readonly analyze?: Omit<AnalyzeOptions, 'locale'>;
}

/** Parses and checks the plan text, and builds the document model with its open findings. */
export function documentFromText(text: string, options: DocumentOptions = {}): { analysis: Analysis; document: PlanDocument } {
  const analysis = analyzeDocument(parseDocument(text), { ...options.analyze, locale: 'ko' });
  return { analysis, document: planToDocument(analysis) };
}

export interface ExportOptions extends DocumentOptions {
  readonly pdf?: PdfOptions;
}

export interface ExportResult {
  readonly format: ExportFormat;
  readonly bytes: Uint8Array;
  readonly document: PlanDocument;
  /** The plan's findings (Korean messages), also listed at the end of the document. */
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  /** The tool that made a PDF. */
  readonly pdf?: { readonly engine: PdfEngine; readonly tool: string };
}

/** The document as bytes of one format. */
export async function renderDocument(document: PlanDocument, format: ExportFormat, options: ExportOptions = {}): Promise<{ bytes: Uint8Array; pdf?: { engine: PdfEngine; tool: string } }> {
  switch (format) {
    case 'docx':
      return { bytes: await renderDocx(document) };
    case 'html':
      return { bytes: new TextEncoder().encode(renderHtml(document)) };
    case 'hwpx':
      return { bytes: await renderHwpx(document) };
    case 'pdf': {
      const { bytes, engine, tool } = await renderPdf(document, options.pdf);
      return { bytes, pdf: { engine, tool } };
    }
  }
}

/** Exports plan text (the contents of a `*.gpuplan.json`) in a format. */
export async function exportPlan(text: string, format: ExportFormat, options: ExportOptions = {}): Promise<ExportResult> {
  const { analysis, document } = documentFromText(text, options);
  const { bytes, pdf } = await renderDocument(document, format, options);
  return {
    format,
    bytes,
    document,
    findings: analysis.findings,
    errors: analysis.findings.filter((f) => f.severity === 'error').length,
    warnings: analysis.findings.filter((f) => f.severity === 'warning').length,
    ...(pdf ? { pdf } : {}),
  };
}

/**
 * The HTML of the "gpuplan: Preview Document" webview for the plan text: call it again on every
 * change of the document. Give the webview's `cspSource` and a fresh nonce; the page carries its
 * own Content-Security-Policy (no scripts; styles by nonce only).
 */
export function previewHtml(text: string, webview: Required<Pick<HtmlOptions, 'nonce' | 'cspSource'>>, options: DocumentOptions = {}): string {
  return renderHtml(documentFromText(text, options).document, webview);
}
