/**
 * The custom requests of gpuplan (typed in shared/src/protocol.ts): the form's sections, where
 * to insert one, the cost preview and its what-if, writing a GPU request, the document preview
 * and export. Every answer is computed by the core's service from the current analysis.
 */
import {
  CostPreviewPageRequest,
  CostPreviewRequest,
  ExportDocumentRequest,
  ExportFormatsRequest,
  type ExportFormatInfo,
  type ExportFormatsParams,
  GpuEditRequest,
  InsertionRequest,
  RenderDocumentRequest,
  SectionsRequest,
  type GpuRequest as WireGpuRequest,
} from '../../../../shared/src/protocol';
import { ResponseError, ErrorCodes, LSPErrorCodes } from 'vscode-languageserver/node';
import { figures, type GpuRequest } from '../../core';
import {
  EXPORT_EXTENSIONS,
  EXPORT_FORMATS,
  HwpWriteError,
  PdfToolFailedError,
  PdfToolMissingError,
  PdfToolPathError,
  RhwpUnavailableError,
  findPdfTools,
  pickTool,
  renderHtmlParts,
  type PdfTools,
} from '../../export';
import { logError, t, type ServerContext } from '../context';
import { rangeOf } from '../convert';
import { renderCostShell } from './cost-preview-html';
import { costPreviewOf } from './diagnostics';
import { shownCounts } from './overview';

/** A what-if from a client, checked: a known type, whole numbers of servers and months. */
function gpuRequestOf(value: WireGpuRequest | undefined): GpuRequest | undefined {
  if (!value || !(figures.GPU_TYPE_NAMES as readonly string[]).includes(value.type)) return undefined;
  if (!Number.isInteger(value.servers) || !Number.isInteger(value.months) || value.servers <= 0 || value.months <= 0) return undefined;
  return { type: value.type as GpuRequest['type'], servers: value.servers, months: value.months };
}

export function registerRequests(context: ServerContext): void {
  const { connection, documents, service, store } = context;
  const documentOf = (uri: string) => documents.get(uri);

  connection.onRequest(SectionsRequest, ({ uri }) => {
    const document = documentOf(uri);
    return document ? service.sections(store.analysisOf(document)).map((s) => ({ ...s })) : [];
  });

  connection.onRequest(InsertionRequest, ({ uri, parentPath, key }) => {
    const document = documentOf(uri);
    if (!document) return null;
    const insertion = service.insertion(store.analysisOf(document), parentPath, key);
    if (!insertion) return null;
    if (insertion.kind === 'existing') {
      const range = rangeOf(document, insertion.offset, insertion.length);
      return { position: range.start, existing: range };
    }
    return { position: document.positionAt(insertion.offset), snippet: insertion.snippet };
  });

  connection.onRequest(CostPreviewPageRequest, (params) => renderCostShell(params, (message, ...args) => t(context, message, ...args)));

  connection.onRequest(CostPreviewRequest, ({ uri, override, html }) => {
    const document = documentOf(uri);
    return document ? costPreviewOf(context, document, store.analysisOf(document), gpuRequestOf(override), html === true) : null;
  });

  connection.onRequest(GpuEditRequest, ({ uri, version, request }) => {
    const document = documentOf(uri);
    const values = gpuRequestOf(request);
    if (!document || document.version !== version || !values) return null;
    const edit = service.gpuEdit(store.analysisOf(document), values);
    return edit ? { range: rangeOf(document, edit.offset, edit.length), newText: edit.newText } : null;
  });

  connection.onRequest(RenderDocumentRequest, ({ uri }) => {
    const document = documentOf(uri);
    if (!document) return null;
    const { css, body } = renderHtmlParts(service.documentModel(store.analysisOf(document)));
    return { uri, version: document.version, css, body };
  });

  // The PDF tools: the one the user's machine-scoped setting names (sent by the client, never a
  // workspace's value), else Chrome, Edge, Chromium or LibreOffice where they are installed.
  const pdfToolsOf = (pdfBrowser: unknown): PdfTools => findPdfTools(typeof pdfBrowser === 'string' && pdfBrowser.trim() ? { browser: pdfBrowser } : {});

  // By method, not by type: the params are optional (none, null or { pdfBrowser }), which a typed
  // handler would refuse before it runs.
  connection.onRequest(ExportFormatsRequest.method, (params?: ExportFormatsParams | null): ExportFormatInfo[] => {
    let tools: PdfTools = {};
    let problem: 'missing' | 'setting' | undefined;
    try {
      tools = pdfToolsOf(params?.pdfBrowser);
    } catch (error) {
      if (!(error instanceof PdfToolPathError)) throw error;
      problem = 'setting';
    }
    let pdfTool: string | undefined;
    try {
      if (!problem) pdfTool = pickTool('auto', tools).tool;
    } catch {
      problem = 'missing';
    }
    return EXPORT_FORMATS.filter((format) => service.exportFormats.includes(format)).map((format) => ({
      format,
      extension: EXPORT_EXTENSIONS[format],
      available: format !== 'pdf' || pdfTool !== undefined,
      ...(format === 'pdf' && pdfTool ? { tool: pdfTool } : {}),
      ...(format === 'pdf' && problem ? { problem } : {}),
    }));
  });

  connection.onRequest(ExportDocumentRequest, async ({ uri, format, includeFindings, pdfBrowser }, token) => {
    const document = documentOf(uri);
    // The messages reach the user (the client shows them): in the client's language.
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, t(context, 'The plan {0} is not open in the editor.', uri));
    if (!service.exportFormats.includes(format)) throw new ResponseError(ErrorCodes.InvalidParams, t(context, 'Unknown export format "{0}".', format));
    const analysis = store.analysisOf(document);
    // Cancel (the client's progress notification) stops the PDF tool with all its processes.
    const controller = new AbortController();
    const cancelled = token.onCancellationRequested(() => {
      controller.abort(new Error('The export was cancelled.'));
    });
    try {
      const pdfTools = format === 'pdf' ? pdfToolsOf(pdfBrowser) : undefined;
      const file = await service.exportDocument(analysis, format, {
        includeFindings: includeFindings === true,
        signal: controller.signal,
        ...(pdfTools ? { pdfTools } : {}),
      });
      if (controller.signal.aborted) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The export was cancelled.');
      // What the editor shows: blanks (to write) apart for a client that lists them itself.
      const shown = shownCounts(context, analysis);
      const counts = { errors: shown.errors, warnings: shown.warnings, ...(context.client().blanksApart ? { toWrite: shown.toWrite } : {}) };
      return { format, data: Buffer.from(file.bytes).toString('base64'), version: document.version, ...counts, ...(file.tool ? { tool: file.tool } : {}) };
    } catch (error) {
      if (controller.signal.aborted) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The export was cancelled.');
      logError(context, `export to ${format} failed`, error);
      const message =
        error instanceof PdfToolMissingError
          ? t(
              context,
              'PDF needs Chrome, Edge, Chromium or LibreOffice on this computer (for example: apt-get install chromium). Export DOCX or HWPX instead, or install one of them.',
            )
          : error instanceof PdfToolPathError
            ? t(
                context,
                'The PDF tool named in the setting {0} cannot be run. Correct the setting, or clear it to let gpuplan find Chrome, Edge, Chromium or LibreOffice.',
                'gpuplan.export.pdfBrowser',
              )
            : error instanceof PdfToolFailedError
              ? t(context, 'The PDF tool failed: {0}', error.message)
              : error instanceof RhwpUnavailableError || error instanceof HwpWriteError
                ? t(context, 'Cannot make the HWP: {0}', error.message)
                : error instanceof Error
                  ? error.message
                  : String(error);
      throw new ResponseError(ErrorCodes.InternalError, message);
    } finally {
      cancelled.dispose();
    }
  });
}
