/**
 * The "Plan overview" view in the explorer: the form's chapters in order (표지, 요약서, I–VI, 붙임0),
 * each written, partly written, not written yet or missing, with what is left to write and its
 * findings; under each part the blanks themselves. Choosing one selects it in the plan, so that
 * typing replaces the placeholder.
 */
import * as vscode from 'vscode';
import type { OverviewBlank, OverviewChapter, OverviewEntry, LspRange } from '../../../shared/src/protocol';
import { documentFor, editorFor, isRange, toRange } from '../documents';
import type { Disposable } from '../webview/options';
import type { OverviewModel } from './model';
import { stateIcon } from './icons';

const t = vscode.l10n.t;
export const OVERVIEW_VIEW = 'gpuplan.overview';
export const REVEAL_COMMAND = 'gpuplan.overview.reveal';

type Node = { kind: 'chapter'; chapter: OverviewChapter } | { kind: 'entry'; entry: OverviewEntry } | { kind: 'blank'; blank: OverviewBlank };

export class OverviewTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: Disposable[];
  /** The chapter shown open: the first one not written yet. */
  private start: OverviewChapter | undefined;

  constructor(private readonly model: OverviewModel) {
    this.view = vscode.window.createTreeView(OVERVIEW_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [
      this.view,
      this.emitter,
      model.onDidChange(() => {
        this.update();
        this.emitter.fire(undefined);
      }),
      vscode.commands.registerCommand(REVEAL_COMMAND, (uri: unknown, range: unknown) => reveal(uri, range)),
    ];
    this.update();
  }

  private update(): void {
    const overview = this.model.overview;
    // Without a plan the view's welcome text (package.json viewsWelcome) says what to do.
    this.view.message = this.model.plan && !overview ? t('Waiting for the gpuplan language server…') : undefined;
    this.view.description = overview?.totalsText.sections;
    this.view.badge = overview && overview.totals.toWrite > 0 ? { value: overview.totals.toWrite, tooltip: overview.totalsText.counts } : undefined;
  }

  getChildren(node?: Node): Node[] {
    const overview = this.model.overview;
    if (!overview || !this.model.plan) return [];
    if (!node) {
      // Where to start: the first chapter not written yet is open, the others closed.
      this.start = overview.chapters.find((c) => c.state !== 'written');
      return overview.chapters.map((chapter) => ({ kind: 'chapter', chapter }));
    }
    if (node.kind === 'chapter') {
      return [
        ...node.chapter.blanks.map((blank): Node => ({ kind: 'blank', blank })),
        ...node.chapter.entries.map((entry): Node => ({ kind: 'entry', entry })),
      ];
    }
    if (node.kind === 'entry') return node.entry.blanks.map((blank) => ({ kind: 'blank', blank }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const uri = this.model.plan;
    const open = (range: LspRange | undefined): vscode.Command | undefined =>
      uri && range ? { command: REVEAL_COMMAND, title: '', arguments: [uri.toString(), range] } : undefined;
    if (node.kind === 'blank') {
      const item = new vscode.TreeItem(node.blank.label, vscode.TreeItemCollapsibleState.None);
      item.description = node.blank.text;
      item.iconPath = new vscode.ThemeIcon('edit');
      item.command = open(node.blank.range);
      return item;
    }
    const part = node.kind === 'chapter' ? node.chapter : node.entry;
    const children = node.kind === 'chapter' ? node.chapter.entries.length + node.chapter.blanks.length : node.entry.blanks.length;
    const { None, Collapsed, Expanded } = vscode.TreeItemCollapsibleState;
    const item = new vscode.TreeItem(part.label, children === 0 ? None : node.kind === 'chapter' && node.chapter === this.start ? Expanded : Collapsed);
    // Per plan: VS Code remembers each id's expansion, and each plan starts where it is unwritten.
    item.id = `${uri?.toString() ?? ''}#${node.kind}:${JSON.stringify(node.kind === 'chapter' ? node.chapter.part : node.entry.path)}`;
    const { state, counts } = part.text;
    item.description = counts || state;
    item.iconPath = stateIcon(part.state, part.counts);
    item.tooltip = counts ? `${part.label}: ${state} (${counts})` : `${part.label}: ${state}`;
    // A part with blanks goes to its first blank (typing replaces it), else to its key.
    item.command = open(part.blanks[0]?.range ?? part.range);
    return item;
  }

  /** Shows the view (New Plan opens it beside a fresh skeleton). */
  async focus(): Promise<void> {
    await vscode.commands.executeCommand(`${OVERVIEW_VIEW}.focus`);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Selects a range of a plan in its editor (the overview's and the readiness list's "go to"). */
export async function reveal(uri: unknown, range: unknown): Promise<void> {
  if (typeof uri !== 'string' || !isRange(range)) return;
  const document = await documentFor(vscode.Uri.parse(uri));
  if (!document) return;
  const editor = await editorFor(document);
  const target = toRange(range);
  editor.selection = new vscode.Selection(target.end, target.start);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn, preserveFocus: false });
}
