/** Core results (offsets) → LSP objects (positions), at the edge. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DocumentSymbol, SymbolInformation, SymbolKind, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { Finding, OutlineItem } from '../core';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const rangeOf = (document: TextDocument, offset: number, length: number): Range => ({
  start: document.positionAt(offset),
  end: document.positionAt(offset + length),
});

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: rangeOf(document, finding.offset, finding.length),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'gpuplan',
    message: finding.message,
    data: { offset: finding.offset, length: finding.length },
    relatedInformation: finding.related?.map((r) => ({ location: { uri: document.uri, range: rangeOf(document, r.offset, r.length) }, message: r.message })),
  };
}

export const toTextEdit = (document: TextDocument, edit: { offset: number; length: number; newText: string }): TextEdit => ({
  range: rangeOf(document, edit.offset, edit.length),
  newText: edit.newText,
});

const SYMBOL_KIND: Record<OutlineItem['kind'], SymbolKind> = {
  chapter: SymbolKind.Module,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  field: SymbolKind.Field,
};

/** The outline flattened for a client without hierarchy support: each symbol names its container. */
export function toSymbolInformation(document: TextDocument, item: OutlineItem, container?: string): SymbolInformation[] {
  const own = SymbolInformation.create(item.name, SYMBOL_KIND[item.kind], rangeOf(document, item.offset, item.length), document.uri, container);
  return [own, ...item.children.flatMap((child) => toSymbolInformation(document, child, item.name))];
}

export function toSymbol(document: TextDocument, item: OutlineItem): DocumentSymbol {
  return DocumentSymbol.create(
    item.name,
    item.detail,
    SYMBOL_KIND[item.kind],
    rangeOf(document, item.offset, item.length),
    rangeOf(document, item.selectionOffset, item.selectionLength),
    item.children.map((child) => toSymbol(document, child)),
  );
}
