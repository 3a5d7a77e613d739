/** Completion from the schema (vscode-json-languageservice), with the form's Korean label of each enum value. */
import { getLocation } from 'jsonc-parser';
import { CompletionItemKind, type CompletionList } from 'vscode-languageserver/node';
import { jsonServiceCan, safely, type ServerContext } from '../context';

export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion(async (params): Promise<CompletionList | null> => {
    const document = context.documents.get(params.textDocument.uri);
    if (!document || !jsonServiceCan(context, document)) return null;
    const list = await safely(context, 'completion', () => context.json.service.doComplete(document, params.position, context.json.documentOf(document)));
    if (!list) return null;
    const location = getLocation(document.getText(), document.offsetAt(params.position));
    // Enum values show the form's Korean label next to them, not only in the documentation.
    for (const item of list.items) {
      if (item.kind !== CompletionItemKind.Value) continue;
      const value = (() => {
        try {
          return JSON.parse(item.label) as unknown;
        } catch {
          return undefined;
        }
      })();
      const path = location.isAtPropertyKey ? location.path.slice(0, -1) : location.path;
      const label = context.service.enumLabel(path, value) ?? context.service.enumLabel([...path, 0], value);
      if (label) item.labelDetails = { description: label };
    }
    return list;
  });
}
