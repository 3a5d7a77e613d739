/** Core results (offsets) → LSP objects (positions), at the edge. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DocumentSymbol, SymbolInformation, SymbolKind, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import { isRuleCode, type Finding, type OutlineItem } from '../core';
import type { ClientFeatures } from './client-features';

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

/** How a finding is shown: the page of its rule, and the level it is shown at when not its own. */
export interface DiagnosticOptions {
  readonly href?: string;
  readonly severity?: Finding['severity'];
}

/**
 * The rule pages shipped beside the server (dist/server.js → docs/rules/, in the repository and
 * in the VSIX), as a file: URI with `{code}`. Not checked on disk: the server reads no files.
 */
let shippedRuleDocs: string | undefined;
function shippedRuleDocsTemplate(): string {
  shippedRuleDocs ??= `${pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules')).href}/{code}.md`;
  return shippedRuleDocs;
}

/** The rule pages made so far, for the template they were made from. */
let hrefs: { template: string; byCode: Map<string, string> } = { template: '', byCode: new Map() };

/**
 * The page of a rule, for `codeDescription.href`: where the client said its pages open
 * (initializationOptions.ruleDocs), else the page shipped beside the server. Only for rules (not
 * for `internal-error`), and only for a client that takes codeDescription.
 */
export function ruleHref(client: ClientFeatures, code: string): string | undefined {
  if (!client.codeDescription || !isRuleCode(code)) return undefined;
  const template = client.ruleDocs ?? shippedRuleDocsTemplate();
  // Asked for every diagnostic published: made once per template and rule.
  if (hrefs.template !== template) hrefs = { template, byCode: new Map() };
  let href = hrefs.byCode.get(code);
  if (href === undefined) {
    href = template.replace(/\{code\}/g, encodeURIComponent(code));
    hrefs.byCode.set(code, href);
  }
  return href;
}

export function toDiagnostic(document: TextDocument, finding: Finding, options: DiagnosticOptions = {}): Diagnostic {
  return {
    range: rangeOf(document, finding.offset, finding.length),
    severity: SEVERITY[options.severity ?? finding.severity],
    code: finding.code,
    ...(options.href ? { codeDescription: { href: options.href } } : {}),
    source: 'gpuplan',
    message: finding.message,
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
