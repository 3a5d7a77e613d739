/**
 * What the status bar says about the active plan: a short figure of the overview ("✓ 5/17",
 * sections written of the form's), and the language status items VS Code shows beside the
 * language mode: the server's state (with Restart) and the plan's form version and findings
 * (with the output channel).
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../documents';
import type { ServerAccess } from '../language-client';
import type { Disposable } from '../webview/options';
import type { OverviewModel } from './model';
import { OVERVIEW_VIEW } from './tree';

const t = vscode.l10n.t;
export const SHOW_OUTPUT_COMMAND = 'gpuplan.showOutput';
export const SHOW_OVERVIEW_COMMAND = 'gpuplan.showOverview';

export class OverviewStatus implements vscode.Disposable {
  private readonly figure: vscode.StatusBarItem;
  private readonly server: vscode.LanguageStatusItem;
  private readonly plan: vscode.LanguageStatusItem;
  private readonly disposables: Disposable[];

  constructor(
    private readonly model: OverviewModel,
    private readonly access: ServerAccess,
  ) {
    this.figure = vscode.window.createStatusBarItem('gpuplan.overview', vscode.StatusBarAlignment.Right, 101);
    this.figure.name = t('gpuplan plan overview');
    this.figure.command = SHOW_OVERVIEW_COMMAND;
    const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
    this.server = vscode.languages.createLanguageStatusItem('gpuplan.server', selector);
    this.server.name = t('gpuplan language server');
    this.plan = vscode.languages.createLanguageStatusItem('gpuplan.plan', selector);
    this.plan.name = t('gpuplan plan');
    this.plan.command = { title: t('Show Output'), command: SHOW_OUTPUT_COMMAND };
    this.disposables = [
      this.figure,
      this.server,
      this.plan,
      model.onDidChange(() => {
        this.update();
      }),
      access.client.onDidChangeState(() => {
        this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.update();
      }),
      vscode.commands.registerCommand(SHOW_OVERVIEW_COMMAND, () => vscode.commands.executeCommand(`${OVERVIEW_VIEW}.focus`)),
    ];
    this.update();
  }

  private update(): void {
    const state = this.access.client.state;
    const running = state === State.Running;
    const said = running ? t('gpuplan: running') : state === State.Starting ? t('gpuplan: starting') : t('gpuplan: stopped');
    this.server.text = `$(${running ? 'check' : state === State.Starting ? 'sync~spin' : 'error'}) ${said}`;
    this.server.severity = state === State.Stopped ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    this.server.accessibilityInformation = { label: said };
    this.server.command = { title: t('Restart'), command: 'gpuplan.restartServer' };

    const overview = this.model.overview;
    if (!overview || !running) {
      this.plan.text = t('Form: —');
      this.plan.detail = running ? t('checking…') : '';
      this.plan.severity = vscode.LanguageStatusSeverity.Information;
      this.figure.hide();
      return;
    }
    const version = overview.formVersion ?? '—';
    this.plan.text = t('Form {0}', version); // an unknown version: the Warning severity says it
    const counts = overview.totalsText.counts;
    const findings = overview.totals.errors + overview.totals.warnings + overview.totals.information;
    this.plan.detail = [
      counts || t('nothing left to write'),
      findings === 0 ? t('no findings') : findings === 1 ? t('1 finding') : t('{0} findings', findings),
    ].join(' · ');
    this.plan.severity = overview.formVersionKnown ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Warning;

    const { writtenSections, sections, toWrite, errors } = overview.totals;
    const done = writtenSections === sections && toWrite === 0;
    this.figure.text = `$(${done && errors === 0 ? 'pass' : 'checklist'}) ${writtenSections}/${sections}`;
    const sentence = overview.totalsText.sections;
    const rest = overview.totalsText.counts;
    this.figure.tooltip = `${sentence}${rest ? ` (${rest})` : ''}. ${t('Click to open the plan overview.')}`;
    this.figure.accessibilityInformation = { label: `${t('Plan overview')}: ${sentence}${rest ? `, ${rest}` : ''}` };
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === LANGUAGE_ID && active.uri.toString() === overview.uri) this.figure.show();
    else this.figure.hide();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
