/** The overview's icons (its words come from the server: `text` of each part), for the tree and Export's readiness list. */
import * as vscode from 'vscode';
import type { OverviewCounts, OverviewState } from '../../../shared/src/protocol';

export function stateIcon(state: OverviewState, counts: OverviewCounts): vscode.ThemeIcon {
  if (counts.errors > 0) return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  switch (state) {
    case 'written':
      return new vscode.ThemeIcon(
        counts.warnings > 0 ? 'warning' : 'pass',
        new vscode.ThemeColor(counts.warnings > 0 ? 'problemsWarningIcon.foreground' : 'testing.iconPassed'),
      );
    case 'partial':
      return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('problemsInfoIcon.foreground'));
    case 'empty':
      return new vscode.ThemeIcon('circle-large-outline');
    case 'missing':
      return new vscode.ThemeIcon('circle-slash');
  }
}
