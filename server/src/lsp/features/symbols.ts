/**
 * The outline by the form's chapters (DocumentSymbol[] for a client with hierarchy support,
 * else SymbolInformation[] with each symbol's container), folding, selection ranges and
 * formatting.
 */
import { jsonServiceCan, safely, type ServerContext } from '../context';
import { toSymbol, toSymbolInformation } from '../convert';

export function registerSymbols(context: ServerContext): void {
  const { connection, documents, json } = context;
  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const outline = context.service.outline(context.store.analysisOf(document));
    return context.client().hierarchicalSymbols
      ? outline.map((item) => toSymbol(document, item))
      : outline.flatMap((item) => toSymbolInformation(document, item));
  });
  connection.onFoldingRanges((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && jsonServiceCan(context, document)
      ? safely(context, 'folding', () => json.service.getFoldingRanges(document, { rangeLimit: 5000 }))
      : null;
  });
  connection.onSelectionRanges((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && jsonServiceCan(context, document)
      ? safely(context, 'selection ranges', () => json.service.getSelectionRanges(document, params.positions, json.documentOf(document)))
      : null;
  });
  connection.onDocumentFormatting((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && jsonServiceCan(context, document)
      ? safely(context, 'formatting', () => json.service.format(document, undefined, { ...params.options, insertFinalNewline: true }))
      : null;
  });
  connection.onDocumentRangeFormatting((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && jsonServiceCan(context, document)
      ? safely(context, 'formatting', () => json.service.format(document, params.range, params.options))
      : null;
  });
}
