/**
 * `gpuplan import`: the filled form (HWP, HWPX, DOCX or PDF) read back into a plan, with a report
 * of everything that was not mapped. vscode-free; used by the CLI and the language server. Reads
 * with kordoc, offline (read.ts); maps the form's structure (map.ts, cover.ts, tables.ts, text.ts).
 */
import { msg } from '../core/l10n';
import type { PlanValue } from './context';
import { ImportError, importError } from './errors';
import { mapDocument } from './map';
import { readDocument, type SourceFormat } from './read';
import type { ImportReport } from './report';

export { ImportError, type ImportErrorCode } from './errors';
export { reportJson, reportMarkdown, reportText, summaryLine, type ImportReport, type ReportEntry, type ReportJson } from './report';
export { MAX_DOCUMENT_BYTES, type SourceFormat } from './read';
export { REVIEW_TAG } from './form-text';

/** The extensions import reads, for file pickers. */
export const IMPORT_EXTENSIONS = ['hwp', 'hwpx', 'docx', 'pdf'] as const;

export interface ImportOptions {
  /** What `gpuplan check` finds in the imported plan, for the report. */
  readonly check?: (text: string) => { errors: number; warnings: number; information: number };
}

export interface ImportResult {
  readonly plan: Record<string, PlanValue>;
  /** The plan as the file's text (2-space JSON, the form's order, a final newline). */
  readonly text: string;
  readonly report: ImportReport;
  readonly format: SourceFormat;
}

const countValues = (value: PlanValue): number =>
  Array.isArray(value)
    ? value.reduce<number>((n, v) => n + countValues(v), 0)
    : typeof value === 'object'
      ? Object.values(value).reduce<number>((n, v) => n + countValues(v), 0)
      : 1;

export async function importDocument(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const doc = await readDocument(bytes);
  let mapped;
  try {
    mapped = mapDocument(doc);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw importError.failed(error instanceof Error ? error.message : String(error));
  }
  const { plan, ctx } = mapped;
  // Whatever no mapper took: reported, never dropped.
  for (const item of doc.items) {
    if (item.kind === 'line') {
      if (!item.used && item.text.trim()) ctx.unmapped('', item.where, item.text, msg('not mapped'));
    } else for (const a of item.rows.flat()) if (!a.used && a.text.trim()) ctx.unmapped('', a.where, a.text, msg('not mapped'));
  }
  for (const warning of doc.warnings) ctx.note('notice', '', {}, warning, msg("the reader's warning"));
  const text = JSON.stringify(plan, null, 2) + '\n';
  const report: ImportReport = {
    file: fileName,
    format: doc.format,
    // Pages where the format has them: a PDF's, an HWP's; an HWPX or DOCX not laid out by its editor says 1.
    ...(doc.pageCount !== undefined && (doc.format === 'pdf' || (doc.format !== 'docx' && doc.pageCount > 1)) ? { pages: doc.pageCount } : {}),
    values: countValues(plan),
    entries: ctx.entries,
    ...(options.check ? { check: options.check(text) } : {}),
  };
  return { plan, text, report, format: doc.format };
}
