/**
 * Before Export: what the plan still lacks, from a fresh overview. A list of the form's parts
 * that are missing, not written yet or have errors, with "Export anyway" first; choosing a part
 * goes to it instead of exporting. A plan with nothing left goes straight on.
 */
import * as vscode from 'vscode';
import type { LspRange, PlanOverview } from '../../../shared/src/protocol';
import type { OverviewModel } from './model';
import { reveal } from './tree';

const t = vscode.l10n.t;

interface ReadinessPick extends vscode.QuickPickItem {
  readonly go?: LspRange;
  readonly exportAnyway?: true;
}

/** The parts a reviewer would find lacking, in the form's order. */
export function readinessItems(overview: PlanOverview): ReadinessPick[] {
  const items: ReadinessPick[] = [];
  for (const chapter of overview.chapters) {
    const parts = chapter.key === undefined ? chapter.entries : [chapter];
    for (const part of parts) {
      if (part.state === 'written' && part.counts.errors === 0) continue;
      const icon = part.counts.errors > 0 ? '$(error)' : part.state === 'missing' ? '$(circle-slash)' : '$(circle-large-outline)';
      const where = 'blanks' in part && part.blanks[0] ? part.blanks[0].range : part.range;
      items.push({ label: `${icon} ${part.label}`, description: part.text.counts || part.text.state, ...(where ? { go: where } : {}) });
    }
  }
  return items;
}

/** Whether to go on with the export (true), after showing what is missing when anything is. */
export async function readyToExport(model: OverviewModel | undefined, document: vscode.TextDocument): Promise<boolean> {
  const overview = model && (await model.request(document.uri));
  if (!overview) return true; // no overview to show: Export says the errors afterwards, as before
  const items = readinessItems(overview);
  if (items.length === 0) return true;
  const anyway: ReadinessPick = { label: `$(export) ${t('Export anyway')}`, exportAnyway: true };
  const picked = await vscode.window.showQuickPick([anyway, { label: t('Still to do'), kind: vscode.QuickPickItemKind.Separator }, ...items], {
    title: t('Before you export: {0}', overview.totalsText.counts || overview.totalsText.sections),
    placeHolder: t('Choose a part to go to it, or export anyway'),
  });
  if (!picked) return false;
  if (picked.exportAnyway) return true;
  if (picked.go) await reveal(document.uri.toString(), picked.go);
  return false;
}
