/**
 * "gpuplan: Insert Section…": a quick pick of the form's sections (missing ones first), then the
 * server says where the chosen one goes and the client inserts it as a snippet.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { InsertionRequest, SectionsRequest, type Insertion, type SectionInfo } from '../../../shared/src/protocol';
import { activePlan, documentFor, editorFor, isJsonPath, LANGUAGE_ID, toPosition, toRange } from '../documents';
import type { ServerAccess } from '../language-client';

interface SectionPickItem extends vscode.QuickPickItem {
  readonly section?: SectionInfo;
}

/** Quick-pick items: missing sections first, then the written ones, each group in the form's order. */
export function sectionPickItems(sections: readonly SectionInfo[]): SectionPickItem[] {
  const item = (section: SectionInfo): SectionPickItem => ({
    label: `${section.present ? '$(pass-filled)' : '$(circle-large-outline)'} ${section.label}`,
    // Labels of chapters already start with their part ("I 과제 개요"): do not repeat it.
    description: section.label.startsWith(section.part) ? section.key : `${section.part} · ${section.key}`,
    detail: section.present ? undefined : vscode.l10n.t('Not written yet: inserts it at its place in the form'),
    section,
  });
  const missing = sections.filter((s) => !s.present);
  const present = sections.filter((s) => s.present);
  const items: SectionPickItem[] = [];
  if (missing.length > 0) {
    items.push({ label: vscode.l10n.t('Missing ({0})', missing.length), kind: vscode.QuickPickItemKind.Separator });
    items.push(...missing.map(item));
  }
  if (present.length > 0) {
    items.push({ label: vscode.l10n.t('Already written ({0}): shows it', present.length), kind: vscode.QuickPickItemKind.Separator });
    items.push(...present.map(item));
  }
  return items;
}

/**
 * The command. Arguments, all optional:
 *  - `(uri: string, parentPath: (string|number)[], key: string)` from a quick fix: no picker;
 *  - `(uri: vscode.Uri)` from the editor's context menu or title bar: picker for that document;
 *  - nothing (command palette): picker for the active editor.
 */
export async function insertSectionCommand(server: ServerAccess, ...args: unknown[]): Promise<boolean> {
  const [first, parentPath, key] = args;
  const direct = typeof first === 'string' && isJsonPath(parentPath) && typeof key === 'string';
  const uri = typeof first === 'string' ? vscode.Uri.parse(first) : first instanceof vscode.Uri ? first : activePlan()?.uri;

  const document = uri ? await documentFor(uri) : undefined;
  if (!document || document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a plan file (*.gpuplan.json) to insert a section.'));
    return false;
  }
  const client = await server.running();
  if (!client) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The gpuplan language server is not running. Run "gpuplan: Restart Language Server" and try again.'));
    return false;
  }

  if (direct) return insertAt(client, document, parentPath, key);

  let sections: SectionInfo[];
  try {
    sections = await client.sendRequest(SectionsRequest, { uri: document.uri.toString() });
  } catch (error) {
    client.error('gpuplan/sections failed', error, false);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not list the sections of this plan: {0}', String(error)));
    return false;
  }
  const picked = await vscode.window.showQuickPick(sectionPickItems(sections), {
    title: vscode.l10n.t('Insert a section of the form'),
    placeHolder: vscode.l10n.t('Choose a section: ○ not written yet, ✓ already in the plan'),
    matchOnDescription: true,
    matchOnDetail: false,
  });
  if (!picked?.section) return false;
  return insertAt(client, document, [], picked.section.key);
}

/** Asks the server where `key` goes under `parentPath` and inserts it there (or reveals it when it exists). */
export async function insertAt(client: LanguageClient, document: vscode.TextDocument, parentPath: (string | number)[], key: string): Promise<boolean> {
  const editor = await editorFor(document);
  // The user may type while we wait for the server: retry on a newer version, never insert stale.
  for (let attempt = 0; attempt < 5; attempt++) {
    const version = document.version;
    let insertion: Insertion | null;
    try {
      insertion = await client.sendRequest(InsertionRequest, { uri: document.uri.toString(), parentPath, key });
    } catch (error) {
      client.error('gpuplan/insertion failed', error, false);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not insert "{0}": {1}', key, String(error)));
      return false;
    }
    if (document.version !== version) continue;
    if (!insertion) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('There is no place for "{0}" in this plan yet. Fix the JSON syntax errors (see Problems) and try again.', key),
      );
      return false;
    }
    if (insertion.existing) {
      const range = toRange(insertion.existing);
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('"{0}" is already in the plan.', key), 4000);
      return true;
    }
    if (!insertion.snippet) return false;
    const position = toPosition(insertion.position);
    // The server writes the snippet with the document's own indentation: keep it as is.
    const inserted = await editor.insertSnippet(new vscode.SnippetString(insertion.snippet), position, {
      undoStopBefore: true,
      undoStopAfter: true,
      keepWhitespace: true,
    });
    if (inserted) editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return inserted;
  }
  void vscode.window.showWarningMessage(vscode.l10n.t('The plan kept changing; "{0}" was not inserted. Try again.', key));
  return false;
}
