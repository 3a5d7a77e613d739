/**
 * The overview of the plan in the active editor (`gpuplan/overview`): asked again whenever the
 * server publishes that plan's diagnostics (each analysis does), when another plan becomes
 * active, and when the server (re)starts. The tree view, the status-bar figure and the language
 * status items show it; Export asks for a fresh one before it writes.
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { OverviewRequest, type PlanOverview } from '../../../shared/src/protocol';
import { activePlan, isPlan } from '../documents';
import type { ServerAccess } from '../language-client';
import type { Disposable } from '../webview/options';

/** How long to wait after the last diagnostics change before asking (a burst of keystrokes asks once). */
const DEBOUNCE_MS = 150;

export class OverviewModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  /** The plan shown: the active plan editor's, or the last one while a non-plan editor is active. */
  private target: vscode.Uri | undefined;
  private latest: PlanOverview | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: Disposable[];

  constructor(private readonly server: ServerAccess) {
    this.disposables = [
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (isPlan(editor?.document)) this.retarget(editor.document.uri);
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (this.target && event.uris.some((uri) => uri.toString() === this.target?.toString())) this.schedule();
      }),
      // An edit that changes no finding (more text in a written part) still changes nothing here,
      // but one the server has not analysed when the diagnostics came is asked again after it.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.target?.toString()) this.schedule(DEBOUNCE_MS * 2);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.toString() === this.target?.toString() && !activePlan()) this.retarget(undefined);
      }),
      server.client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.schedule();
        else this.emitter.fire();
      }),
    ];
    const active = activePlan();
    if (active) this.retarget(active.uri);
  }

  /** The overview of the plan shown, if the server has answered for it. */
  get overview(): PlanOverview | undefined {
    return this.latest?.uri === this.target?.toString() ? this.latest : undefined;
  }

  get plan(): vscode.Uri | undefined {
    return this.target;
  }

  private retarget(uri: vscode.Uri | undefined): void {
    if (uri?.toString() === this.target?.toString()) return;
    this.target = uri;
    this.latest = undefined;
    this.emitter.fire();
    if (uri) this.schedule(0);
  }

  private schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const target = this.target;
    if (!target) return;
    // Just opened: the server may learn of it a moment later (its diagnostics then ask again too).
    for (let attempt = 0; attempt < 4; attempt++) {
      const overview = await this.request(target);
      if (target.toString() !== this.target?.toString()) return;
      if (overview) {
        // An answer for an older version than the one shown is not news.
        if (this.latest?.uri === overview.uri && this.latest.version > overview.version) return;
        this.latest = overview;
        this.emitter.fire();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }

  /** A fresh overview of any open plan (undefined when the server cannot answer). */
  async request(uri: vscode.Uri): Promise<PlanOverview | undefined> {
    const client = await this.server.running();
    if (!client || client.state !== State.Running) return undefined;
    try {
      return (await client.sendRequest(OverviewRequest, { uri: uri.toString() })) ?? undefined;
    } catch {
      return undefined; // restarting: the state change asks again
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
