/** Core results (offsets) → LSP objects (positions), at the edge. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  DocumentSymbol,
  SymbolKind,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { Finding, Fix, OutlineItem } from '../core';
import { ClientCommands, type ApplySnippetArgs } from '../../../shared/src/protocol';

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

/** The code action for one fix: a versioned edit, or a command the client runs (snippets, sections). */
export function toCodeAction(document: TextDocument, fix: Fix, diagnostics: Diagnostic[]): CodeAction {
  const action = CodeAction.create(fix.title, CodeActionKind.QuickFix);
  action.diagnostics = diagnostics;
  if (fix.preferred) action.isPreferred = true;
  if (fix.edits) {
    action.edit = { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: fix.edits.map((e) => toTextEdit(document, e)) }] };
  } else if (fix.snippet) {
    const args: ApplySnippetArgs = { uri: document.uri, version: document.version, range: rangeOf(document, fix.snippet.offset, fix.snippet.length), snippet: fix.snippet.text };
    action.command = { title: fix.title, command: ClientCommands.applySnippet, arguments: [args] };
  } else if (fix.insertSection) {
    action.command = { title: fix.title, command: ClientCommands.insertSection, arguments: [document.uri, fix.insertSection.parentPath, fix.insertSection.key] };
  }
  return action;
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
