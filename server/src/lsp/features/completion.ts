/**
 * Completion that fits the place. vscode-json-languageservice proposes from the schema (keys,
 * enum values, the schema's snippets where a value is expected); on top of that:
 * - keys and enum values come in the form's order (the schema's) with the form's Korean label;
 * - inside a string value, only enum values are proposed: prose gets no pop-ups;
 * - the `gp-` snippets are offered only where the JSON service would put their body (a stage
 *   row inside `gpuPlan.stages`, a section among the top-level keys), so `gp-st` inside the
 *   stages finds the stage and nothing else;
 * - a client without snippet support gets plain insert text (placeholders as their defaults,
 *   indented as the editor would), and labels go to `detail` when it has no labelDetails.
 */
import { getLocation, type Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CancellationToken,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver/node';
import { SCHEMA, type JsonPath } from '../../core';
import { jsonServiceCan, safely, type ServerContext } from '../context';
import { localized, plainOfMarkdown } from '../markdown';
import { gpSnippets, plainInsertion, type GpSnippet } from '../snippets';

/** What the JSON service uses for the schema's defaultSnippets. */
const SNIPPET_KINDS = new Set<number>([CompletionItemKind.Module, CompletionItemKind.Value, CompletionItemKind.Snippet, CompletionItemKind.Class]);

interface SchemaNode {
  title?: string;
  markdownDescription?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  $ref?: string;
  defaultSnippets?: Array<{ label?: string }>;
}

const pad = (n: number) => String(n).padStart(4, '0');

/** Whether the offset is inside a string value (not a key): where prose is typed. */
function inStringValue(text: string, offset: number): boolean {
  const location = getLocation(text, offset);
  const node: Node | undefined = location.previousNode;
  if (!node || node.type !== 'string' || location.isAtPropertyKey) return false;
  // Inside the quotes: after the opening one, before (or at) the closing one.
  const end = node.offset + node.length;
  const closed = node.length >= 2 && text[end - 1] === '"';
  return offset > node.offset && (closed ? offset < end : offset <= end);
}

const lineIndentAt = (text: string, offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))?.[0] ?? '';
const indentUnitOf = (text: string) => /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';

export function registerCompletion(context: ServerContext): void {
  const schemaOf = (path: JsonPath): SchemaNode | undefined => {
    const root = SCHEMA as unknown as SchemaNode;
    const resolve = (node: SchemaNode | undefined): SchemaNode | undefined => {
      let current = node;
      for (let guard = 0; current?.$ref && guard < 16; guard++)
        current = (root as { definitions?: Record<string, SchemaNode> }).definitions?.[current.$ref.replace('#/definitions/', '')];
      return current;
    };
    let current: SchemaNode | undefined = root;
    for (const segment of path) current = typeof segment === 'number' ? resolve(current)?.items : resolve(current)?.properties?.[segment];
    return resolve(current);
  };

  context.connection.onCompletion(async (params, token: CancellationToken): Promise<CompletionList | null> => {
    const document = context.documents.get(params.textDocument.uri);
    if (!document || !jsonServiceCan(context, document)) return null;
    const list = await safely(context, 'completion', () => context.json.service.doComplete(document, params.position, context.json.documentOf(document)));
    if (!list || token.isCancellationRequested) return null;
    const client = context.client();
    const text = document.getText();
    const offset = document.offsetAt(params.position);
    const location = getLocation(text, offset);
    const parentPath = location.isAtPropertyKey ? location.path.slice(0, -1) : location.path;
    const parent = schemaOf(parentPath);
    const order = Object.keys(parent?.properties ?? {});

    let items = list.items;
    if (inStringValue(text, offset)) {
      // Prose: nothing but the values of an enum field.
      const enumValues = (schemaOf(parentPath)?.enum ?? schemaOf([...parentPath, 0])?.enum ?? []).map((v) => JSON.stringify(v));
      items = items.filter((item) => item.kind === CompletionItemKind.Value && enumValues.includes(item.label));
    }

    const out: CompletionItem[] = [];
    for (const item of items) {
      if (item.kind === CompletionItemKind.Property) {
        const index = order.indexOf(item.label);
        const title = parent?.properties?.[item.label]?.title ?? schemaOf([...parentPath, item.label])?.title;
        item.sortText = `0${pad(index < 0 ? 9999 : index)}`;
        if (title) setLabelDetail(item, title, client.labelDetails);
      } else if (item.kind === CompletionItemKind.Value) {
        const value = (() => {
          try {
            return JSON.parse(item.label) as unknown;
          } catch {
            return undefined;
          }
        })();
        const label = context.service.enumLabel(parentPath, value) ?? context.service.enumLabel([...parentPath, 0], value);
        if (label) setLabelDetail(item, label, client.labelDetails);
        // Values in the form's order too (H200 before B200), not alphabetically.
        const values = schemaOf(parentPath)?.enum ?? schemaOf([...parentPath, 0])?.enum ?? [];
        const index = values.indexOf(value);
        if (index >= 0) item.sortText = `0${pad(index)}`;
      }
      // The schema's own snippets at a value position: under their gp- prefix, after the schema's proposals.
      const gp =
        item.insertTextFormat === InsertTextFormat.Snippet && SNIPPET_KINDS.has(item.kind ?? 0)
          ? gpSnippets().find((s) => s.label === item.label && !s.key)
          : undefined;
      if (gp) {
        out.push(snippetItem(item, gp, client.labelDetails));
        continue;
      }
      out.push(item);
      // A section's snippet among the keys: also under its gp- prefix.
      if (item.kind === CompletionItemKind.Property) {
        const child = schemaOf([...parentPath, item.label]);
        const match = gpSnippets().find(
          (s) =>
            s.key === item.label && (child?.defaultSnippets?.[0]?.label === s.label || (child?.title !== undefined && s.label.startsWith(`${child.title} (`))),
        );
        if (match) out.push(snippetItem(item, match, client.labelDetails));
      }
    }

    for (const item of out) {
      documentationFor(item, client.completionMarkdown, context.locale());
      if (!client.completionSnippets && item.insertTextFormat === InsertTextFormat.Snippet) toPlain(item, document, offset);
    }
    return { isIncomplete: list.isIncomplete, items: out };
  });
}

function setLabelDetail(item: CompletionItem, label: string, supported: boolean): void {
  if (supported) item.labelDetails = { ...item.labelDetails, description: label };
  else item.detail = item.detail ? `${label} — ${item.detail}` : label;
}

/** A gp- snippet in place of (or next to) the JSON service's item, over the same range. */
function snippetItem(base: CompletionItem, snippet: GpSnippet, labelDetails: boolean): CompletionItem {
  const item: CompletionItem = {
    label: snippet.prefix,
    kind: CompletionItemKind.Snippet,
    filterText: snippet.prefix,
    sortText: `1${snippet.prefix}`,
    insertTextFormat: InsertTextFormat.Snippet,
    documentation: { kind: MarkupKind.Markdown, value: snippet.description },
  };
  if (base.textEdit && 'range' in base.textEdit) item.textEdit = { range: base.textEdit.range, newText: snippet.text };
  else item.insertText = snippet.text;
  setLabelDetail(item, snippet.label, labelDetails);
  return item;
}

/** Documentation in the UI language only, as markdown or plain text. */
function documentationFor(item: CompletionItem, markdown: boolean, locale: 'ko' | 'en'): void {
  const doc = item.documentation;
  if (doc === undefined) return;
  const value = typeof doc === 'string' ? doc : doc.value;
  const own = localized(value, locale);
  item.documentation = markdown ? ({ kind: MarkupKind.Markdown, value: own } satisfies MarkupContent) : plainOfMarkdown(own);
}

/** Snippet syntax → the text it leaves, indented as the editor would (no snippet support). */
function toPlain(item: CompletionItem, document: TextDocument, offset: number): void {
  const text = document.getText();
  const indent = lineIndentAt(text, offset);
  const unit = indentUnitOf(text);
  if (item.textEdit && 'newText' in item.textEdit) item.textEdit = { ...item.textEdit, newText: plainInsertion(item.textEdit.newText, indent, unit) };
  if (item.insertText !== undefined) item.insertText = plainInsertion(item.insertText, indent, unit);
  if (item.textEdit === undefined && item.insertText === undefined) item.insertText = item.label;
  item.insertTextFormat = InsertTextFormat.PlainText;
  item.insertTextMode = InsertTextMode.asIs;
}
