/**
 * PDF, made by a tool found on this machine at run time — nothing is downloaded:
 *
 * - a browser of the Chromium family (Chrome, Chromium, Edge) prints the HTML export, headless,
 *   with networking, updates and sync off and a throw-away profile;
 * - LibreOffice (`soffice`) converts the DOCX export.
 *
 * Both are run twice: the first PDF tells on which page each chapter and section starts, and the
 * second is made with those page numbers in the 목차. When neither tool exists, `PdfToolMissingError`
 * says how to get one.
 *
 * `pdf/find-tools.ts` finds the tools, `pdf/run-tool.ts` runs them, and `pdf/read-pages.ts` reads
 * the page numbers back for the second pass.
 */
import type { PlanDocument } from '../core/render';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { findPdfTools, pickTool, type PdfEngine, type PdfTools } from './pdf/find-tools';
import { chromiumTocPages, libreofficeTocPages, printTwice } from './pdf/read-pages';
import { DEFAULT_TIMEOUT_MS, chromiumPdf, libreofficePdf, withTempDir } from './pdf/run-tool';

export {
  findPdfTools,
  pickTool,
  systemToolHost,
  engineOfTool,
  PdfToolMissingError,
  PdfToolPathError,
  type LocateOptions,
  type PdfEngine,
  type PdfToolProblem,
  type PdfTools,
  type ToolHost,
} from './pdf/find-tools';
export { PdfToolFailedError } from './pdf/run-tool';

export interface PdfOptions {
  /** Which tool to use; by default Chromium when found, else LibreOffice. */
  readonly engine?: PdfEngine | 'auto';
  /** Tools to use instead of searching the PATH (tests, settings). */
  readonly tools?: PdfTools;
  /** Per run of the tool. Default 120 s. */
  readonly timeoutMs?: number;
  /** Stops the tool (and every process it started) and removes its temporary folder. */
  readonly signal?: AbortSignal;
}

/** The document as PDF, made by Chromium or LibreOffice. */
export async function renderPdf(doc: PlanDocument, options: PdfOptions = {}): Promise<{ bytes: Uint8Array; engine: PdfEngine; tool: string }> {
  const { engine, tool } = pickTool(options.engine ?? 'auto', options.tools ?? findPdfTools());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return withTempDir(async (dir) => {
    const bytes =
      engine === 'chromium'
        ? await printTwice(
            doc,
            (pass, tocPages) => chromiumPdf(tool, renderHtml(doc, tocPages ? { tocPages } : {}), dir, timeoutMs, pass, options.signal),
            chromiumTocPages,
          )
        : await printTwice(
            doc,
            async (pass, tocPages) => libreofficePdf(tool, await renderDocx(doc, tocPages ? { tocPages } : {}), dir, timeoutMs, pass, options.signal),
            (first, toc) => libreofficeTocPages(first, toc, doc),
          );
    return { bytes, engine, tool };
  });
}
