/** The outline by the form's chapters, folding, selection ranges and formatting. */
import { jsonServiceCan, safely, type ServerContext } from '../context';
import { toSymbol } from '../convert';

export function registerSymbols(context: ServerContext): void {
  const { connection, documents, json } = context;
  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? context.service.outline(context.store.analysisOf(document)).map((item) => toSymbol(document, item)) : null;
  });
  connection.onFoldingRanges((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && jsonServiceCan(context, document) ? safely(context, 'folding', () => json.service.getFoldingRanges(document, { rangeLimit: 5000 })) : null;
  });
  connection.onSelectionRanges((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && jsonServiceCan(context, document) ? safely(context, 'selection ranges', () => json.service.getSelectionRanges(document, params.positions, json.documentOf(document))) : null;
  });
  connection.onDocumentFormatting((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && jsonServiceCan(context, document) ? safely(context, 'formatting', () => json.service.format(document, undefined, { ...params.options, insertFinalNewline: true })) : null;
  });
  connection.onDocumentRangeFormatting((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && jsonServiceCan(context, document) ? safely(context, 'formatting', () => json.service.format(document, params.range, params.options)) : null;
  });
}
