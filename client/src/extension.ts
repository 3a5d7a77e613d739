/**
 * The VS Code side of gpuplan: starts the language server and wires the commands.
 * Everything the user sees about a plan's content comes from the server (dist/server.js).
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client';
import { applySnippetCommand, newPlanCommand } from './commands';
import { DocumentPreview } from './document-preview';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { registerCostPreview } from './preview/panel';
import { insertSectionCommand } from './insert-section';

/** What `activate` returns: used by the integration tests, and by other extensions if they like. */
export interface GpuplanApi {
  /** The language client (one instance for the extension's lifetime; restarts reuse it). */
  readonly client: LanguageClient;
  /** Resolves when the language server has answered `initialize` (or failed to start). */
  readonly ready: () => Promise<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): GpuplanApi {
  const output = vscode.window.createOutputChannel('gpuplan');
  const languageClient = createLanguageClient(context, output);
  client = languageClient;

  const report = (what: string) => (error: unknown) => {
    output.appendLine(`[client] ${what}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The gpuplan language server failed to start. See the "gpuplan" output for details.'));
  };
  // Do not hold up activation (and the editor) while the server starts.
  let starting = languageClient.start().catch(report('the language server failed to start'));

  /**
   * The client once it has started; undefined when it is stopped (after repeated crashes or a
   * failed start). While it restarts after a crash, requests wait for the new server.
   */
  const runningClient = async (): Promise<LanguageClient | undefined> => {
    await starting;
    return languageClient.state === State.Stopped ? undefined : languageClient;
  };

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('gpuplan.insertSection', (...args: unknown[]) => insertSectionCommand(runningClient, ...args)),
    vscode.commands.registerCommand('gpuplan.newPlan', () => newPlanCommand()),
    vscode.commands.registerCommand('gpuplan.applySnippet', (args: unknown) => applySnippetCommand(args)),
    vscode.commands.registerCommand('gpuplan.restartServer', async () => {
      starting = languageClient.restart().catch(report('restarting the language server failed'));
      await starting;
      if (languageClient.state === State.Running) void vscode.window.setStatusBarMessage(vscode.l10n.t('gpuplan language server restarted.'), 3000);
    }),
    { dispose: () => void languageClient.dispose().catch(() => undefined) },
  );
  // The live co-payment preview (webview, status bar, `gpuplan.showCostPreview` of the CodeLens).
  registerCostPreview(context, languageClient);
  // The plan as a document in the form's layout: live preview and export, both made by the server.
  const documentPreview = new DocumentPreview(context, runningClient);
  context.subscriptions.push(
    documentPreview,
    vscode.commands.registerCommand('gpuplan.previewDocument', (arg?: unknown) => documentPreview.show(arg)),
    vscode.commands.registerCommand('gpuplan.export', (arg?: unknown, format?: unknown, target?: unknown) => exportCommand(runningClient, arg, format, target)),
    vscode.commands.registerCommand('gpuplan.importPlan', (document?: unknown, target?: unknown) => importCommand(runningClient, document, target)),
  );

  return { client: languageClient, ready: async () => void (await starting) };
}

export async function deactivate(): Promise<void> {
  await client?.stop().catch(() => undefined);
  client = undefined;
}
