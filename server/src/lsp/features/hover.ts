/** Hover: the schema's label and description, with the allowed range and the computed amounts. */
import { getLocation } from 'jsonc-parser';
import type { Hover } from 'vscode-languageserver/node';
import { jsonServiceCan, safely, type ServerContext } from '../context';

/** Escapes markdown so text shows as written. */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`);

/** Hover contents come as MarkupContent, a MarkedString or an array of them; we want markdown. */
function markdownOf(contents: Hover['contents']): string {
  const parts = Array.isArray(contents) ? contents : [contents];
  return parts.map((part) => (typeof part === 'string' ? part : 'language' in part ? '```' + part.language + '\n' + part.value + '\n```' : part.value)).join('\n\n');
}

export function registerHover(context: ServerContext): void {
  context.connection.onHover(async (params): Promise<Hover | null> => {
    const document = context.documents.get(params.textDocument.uri);
    if (!document || !jsonServiceCan(context, document)) return null;
    const hover = await safely(context, 'hover', () => context.json.service.doHover(document, params.position, context.json.documentOf(document)));
    const location = getLocation(document.getText(), document.offsetAt(params.position));
    const extras = context.service.hover(context.store.analysisOf(document), location.path, context.locale()).map(escapeMarkdown);
    if (!hover && extras.length === 0) return null;
    const base = hover ? markdownOf(hover.contents) : '';
    return { contents: { kind: 'markdown', value: [base, ...extras].filter(Boolean).join('\n\n') }, range: hover?.range };
  });
}
