/**
 * `gpuplan/importDocument`: a filled form (HWP, HWPX, DOCX or PDF) sent by the client, read back
 * into a plan with its report. The client writes the file; the server touches no disk.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { ImportDocumentRequest, type ImportedDocument } from '../../../../shared/src/protocol';
import { render } from '../../core/l10n';
import { ImportError, MAX_DOCUMENT_BYTES, importDocument, reportJson, reportMarkdown } from '../../import';
import { logError, t, type ServerContext } from '../context';

export function registerImport(context: ServerContext): void {
  const { connection, service } = context;
  connection.onRequest(ImportDocumentRequest, async ({ data, fileName }): Promise<ImportedDocument> => {
    if (typeof data !== 'string' || typeof fileName !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, t(context, 'The import request needs the document\'s bytes and its name.'));
    // base64 is 4 characters for 3 bytes: refuse before decoding what could not be a plan.
    if (data.length > (MAX_DOCUMENT_BYTES / 3) * 4 + 4) throw new ResponseError(ErrorCodes.InvalidParams, t(context, 'The file is larger than {0} MB, more than a plan can be. Import the plan itself.', MAX_DOCUMENT_BYTES / 1024 / 1024), { code: 'tooLarge' });
    const locale = context.locale();
    try {
      const result = await importDocument(Buffer.from(data, 'base64'), fileName, {
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
      throw new ResponseError(ErrorCodes.InternalError, t(context, 'The document could not be read: {0}', error instanceof Error ? error.message : String(error)));
    }
  });
}
