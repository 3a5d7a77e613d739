/**
 * `gpuplan/importDocument`: the filled form (HWP, HWPX, DOCX or PDF) the client names by its URI,
 * read by the server and mapped back into a plan with its report. The client writes the plan.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { ImportDocumentRequest, type ImportedDocument } from '../../../../shared/src/protocol';
import { render } from '../../core/l10n';
import { ImportError, MAX_DOCUMENT_BYTES, importDocument, reportJson, reportMarkdown } from '../../import';
import { logError, t, type ServerContext } from '../context';

/** The document's bytes, or a ResponseError saying why they cannot be read. */
async function readDocumentFile(context: ServerContext, uri: string): Promise<{ bytes: Uint8Array; name: string }> {
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    throw new ResponseError(ErrorCodes.InvalidParams, t(context, 'Only a file on this computer can be imported (not {0}).', uri));
  }
  const name = path.basename(file);
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) throw new ResponseError(ErrorCodes.InvalidParams, t(context, 'File not found: {0}', name), { code: 'notFound' });
  if (!stat.isFile())
    throw new ResponseError(ErrorCodes.InvalidParams, t(context, '{0} is not a file; choose the document to import.', name), { code: 'notFound' });
  if (stat.size > MAX_DOCUMENT_BYTES)
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      t(context, 'The file is larger than {0} MB, more than a plan can be. Import the plan itself.', MAX_DOCUMENT_BYTES / 1024 / 1024),
      { code: 'tooLarge' },
    );
  return { bytes: await fs.readFile(file), name };
}

export function registerImport(context: ServerContext): void {
  const { connection, service } = context;
  connection.onRequest(ImportDocumentRequest, async ({ uri }): Promise<ImportedDocument> => {
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, t(context, 'The import request needs the URI of the document.'));
    const { bytes, name } = await readDocumentFile(context, uri);
    const locale = context.locale();
    try {
      const result = await importDocument(bytes, name, {
        check: (text) => {
          const findings = service.analyze(text, { locale }).findings;
          return {
            errors: findings.filter((f) => f.severity === 'error').length,
            warnings: findings.filter((f) => f.severity === 'warning').length,
            information: findings.filter((f) => f.severity === 'information' || f.severity === 'hint').length,
          };
        },
      });
      const json = reportJson(locale, result.report);
      return {
        text: result.text,
        format: result.format,
        report: {
          summary: json.summary,
          markdown: reportMarkdown(locale, result.report),
          values: json.values,
          entries: json.entries.map((e) => ({ kind: e.kind, where: e.where, text: e.text, reason: e.reason, ...(e.path ? { path: e.path } : {}) })),
        },
      };
    } catch (error) {
      if (error instanceof ImportError) throw new ResponseError(ErrorCodes.InvalidParams, render(locale, error.detail), { code: error.code });
      logError(context, 'import failed', error);
      throw new ResponseError(
        ErrorCodes.InternalError,
        t(context, 'The document could not be read: {0}', error instanceof Error ? error.message : String(error)),
      );
    }
  });
}
