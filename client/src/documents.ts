/**
 * Finding the plan a command or a preview is about, and the editor that shows it; converting the
 * server's LSP positions. Nothing here creates or writes a file.
 */
import * as vscode from 'vscode';
import type { LspPosition, LspRange } from '../../shared/src/protocol';

export const LANGUAGE_ID = 'gpuplan';

export const toPosition = (p: LspPosition): vscode.Position => new vscode.Position(p.line, p.character);
export const toRange = (r: LspRange): vscode.Range => new vscode.Range(toPosition(r.start), toPosition(r.end));

export const isPosition = (value: unknown): value is LspPosition =>
  typeof value === 'object' && value !== null && Number.isInteger((value as LspPosition).line) && Number.isInteger((value as LspPosition).character);

export const isRange = (value: unknown): value is LspRange =>
  typeof value === 'object' && value !== null && isPosition((value as LspRange).start) && isPosition((value as LspRange).end);

export const isJsonPath = (value: unknown): value is (string | number)[] =>
  Array.isArray(value) && value.every((part) => typeof part === 'string' || typeof part === 'number');

export const isPlan = (document: vscode.TextDocument | undefined): document is vscode.TextDocument => document?.languageId === LANGUAGE_ID;

/** The last segment of a URI's path (already decoded), for titles and messages. */
export const fileName = (uri: vscode.Uri): string => uri.path.split('/').pop() ?? '';

/** The open document for `uri`, opening it when needed (never creating anything on disk). */
export async function documentFor(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (open) return open;
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}

/** A visible editor for `document`: the active one if it shows it, else one shown in its column. */
export async function editorFor(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  const active = vscode.window.activeTextEditor;
  if (active?.document === document) return active;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  return vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
}

/** Whether a file or folder exists at `uri` (on any file system VS Code knows). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * The plan the active editor shows. While no text editor is active (the walkthrough, a preview or
 * the Problems panel has the focus), the plan a visible editor shows, else the plan of a tab
 * (active tabs first).
 */
export const activePlan = (): vscode.TextDocument | undefined => {
  const active = vscode.window.activeTextEditor;
  if (active) return isPlan(active.document) ? active.document : undefined;
  const visible = vscode.window.visibleTextEditors.find((editor) => isPlan(editor.document));
  if (visible) return visible.document;
  const groups = vscode.window.tabGroups.all;
  for (const tab of [...groups.map((g) => g.activeTab), ...groups.flatMap((g) => g.tabs)]) {
    const uri = tab?.input instanceof vscode.TabInputText ? tab.input.uri.toString() : undefined;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (isPlan(document)) return document;
  }
  return undefined;
};

/** The plan a command is for: the URI it was given (from a menu or a CodeLens), else the active editor's. */
export async function planDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return documentFor(arg);
  if (typeof arg === 'string') return documentFor(vscode.Uri.parse(arg));
  return activePlan();
}

/** An error as one line for a message. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
