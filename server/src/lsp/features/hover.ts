/**
 * Hover: what is wrong here (unless the editor shows its diagnostics in the hover itself), the
 * field's form label and description in the UI language, the allowed range and the computed
 * amount; about ten lines at most. Markdown for a client that renders it, plain text otherwise.
 */
import { getLocation } from 'jsonc-parser';
import { MarkupKind, type CancellationToken, type Hover } from 'vscode-languageserver/node';
import type { Finding, HoverFacts } from '../../core';
import { jsonServiceCan, t, type ServerContext } from '../context';
import { escapeMarkdown, plainOfMarkdown } from '../markdown';

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 2;

const SEVERITY_WORD: Record<Finding['severity'], string> = { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' };

export function renderHover(context: ServerContext, facts: HoverFacts, markdown: boolean, withProblems: boolean): string | undefined {
  const plain = (text: string) => (markdown ? escapeMarkdown(text) : text);
  const problems = withProblems ? facts.findings : [];
  const problemLines = problems.slice(0, MAX_PROBLEMS).map((f) => {
    const word = t(context, SEVERITY_WORD[f.severity]);
    return markdown ? `**${escapeMarkdown(word)}** ${plain(f.message)} \`${f.code}\`` : `${word}: ${f.message} (${f.code})`;
  });
  if (problems.length > MAX_PROBLEMS) problemLines.push(plain(t(context, '… and {0} more here', problems.length - MAX_PROBLEMS)));

  const field: string[] = [];
  const label = facts.label ?? facts.path;
  if (label) {
    const path = facts.label && facts.path ? facts.path : undefined;
    field.push(markdown ? `**${escapeMarkdown(label)}**${path ? ` \`${path}\`` : ''}` : `${label}${path ? ` (${path})` : ''}`);
  }
  if (facts.description) field.push(markdown ? facts.description : plainOfMarkdown(facts.description));
  if (facts.allowed) field.push(plain(facts.allowed));
  if (facts.amount) field.push(plain(facts.amount));

  const blocks = [problemLines, field].filter((b) => b.length > 0);
  if (blocks.length === 0) return undefined;
  // Markdown: hard line breaks inside a block, a rule between the problems and the field.
  return markdown ? blocks.map((b) => b.join('  \n')).join('\n\n---\n\n') : blocks.map((b) => b.join('\n')).join('\n\n');
}

export function registerHover(context: ServerContext): void {
  context.connection.onHover((params, token: CancellationToken): Hover | null => {
    const document = context.documents.get(params.textDocument.uri);
    // A document too deep for our parser is too deep for jsonc's location too.
    if (!document || !jsonServiceCan(context, document)) return null;
    const analysis = context.store.analysisOf(document);
    if (token.isCancellationRequested) return null;
    const text = document.getText();
    const offset = document.offsetAt(params.position);
    const location = getLocation(text, offset);
    const node = location.previousNode;
    const onValue =
      node && !location.isAtPropertyKey && offset >= node.offset && offset <= node.offset + node.length && node.type !== 'object' && node.type !== 'array';
    const client = context.client();
    // A key hovers its whole property: the problems of its value are shown there too.
    const valueSpan = location.isAtPropertyKey && node ? analysis.document.spanAt(location.path) : undefined;
    const at =
      node && offset >= node.offset && offset <= node.offset + node.length
        ? { offset: node.offset, length: Math.max(node.length, valueSpan ? valueSpan.offset + valueSpan.length - node.offset : 0) }
        : { offset, length: 0 };
    const facts = context.service.hover(analysis, location.path, context.locale(), at, onValue ? node.value : undefined);
    // Nothing about a place outside any field (between keys at the top level) unless a problem is there.
    if (location.path.length === 0 && facts.findings.length === 0) return null;
    const value = renderHover(context, facts, client.hoverMarkdown, client.hoverDiagnostics);
    if (!value) return null;
    const range =
      node && offset >= node.offset && offset <= node.offset + node.length
        ? { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) }
        : undefined;
    return { contents: { kind: client.hoverMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, value }, ...(range ? { range } : {}) };
  });
}
