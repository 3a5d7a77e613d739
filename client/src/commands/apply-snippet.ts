/**
 * `gpuplan.applySnippet` (internal, hidden from the palette): the quick fixes that need tab stops
 * send their edit as a snippet through this command.
 */
import * as vscode from 'vscode';
import type { ApplySnippetArgs } from '../../../shared/src/protocol';
import { editorFor, isRange, toRange } from '../documents';

function isApplySnippetArgs(value: unknown): value is ApplySnippetArgs {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.uri === 'string' && Number.isInteger(v.version) && isRange(v.range) && typeof v.snippet === 'string';
}

/** `gpuplan.applySnippet` (internal): replaces a range with a snippet, as one undoable edit. */
export async function applySnippetCommand(args: unknown): Promise<boolean> {
  if (!isApplySnippetArgs(args)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('This fix cannot be applied: its arguments are malformed.'));
    return false;
  }
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri);
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The plan this fix was made for is no longer open.'));
    return false;
  }
  if (document.version !== args.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The plan changed after this fix was offered, so it was not applied. Open the quick fixes again.'));
    return false;
  }
  const editor = await editorFor(document);
  const range = toRange(args.range);
  editor.selection = new vscode.Selection(range.start, range.end);
  return editor.insertSnippet(new vscode.SnippetString(args.snippet), range, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
}
