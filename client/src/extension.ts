/**
 * The VS Code side of gpuplan: starts the language server and wires the commands and previews.
 * Everything the user sees about a plan's content comes from the server (dist/server.js); this
 * bundle holds no engine (it imports only shared/src, `vscode` and `vscode-languageclient`).
 *
 *   language-client.ts   starting the server and keeping it alive
 *   settings.ts          the settings the client reads (through the shared normalizeSettings)
 *   documents.ts         which plan a command is about, its editor, LSP positions
 *   commands/            New Plan, Apply Snippet (quick fixes), Insert Section, Export
 *   overview/            what is written and what is left: tree view, status bar, language status
 *   rules.ts             rule pages from the squiggles, "Turn off this rule"
 *   cost-preview/        the co-payment panel and status-bar item
 *   document-preview/    the plan laid out as the form
 *   webview/             what both previews' pages share (CSP, nonce, escaping, saved state)
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { applySnippetCommand } from './commands/apply-snippet';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { insertSectionCommand } from './commands/insert-section';
import { newPlanCommand } from './commands/new-plan';
import { registerCostPreview } from './cost-preview/panel';
import { DocumentPreview } from './document-preview/panel';
import { createLanguageClient, type ServerAccess } from './language-client';
import { OverviewModel } from './overview/model';
import { OverviewStatus, SHOW_OUTPUT_COMMAND } from './overview/status';
import { OverviewTree } from './overview/tree';
import { registerRules, ruleDocsAddress } from './rules';

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
  const languageClient = createLanguageClient(context, output, ruleDocsAddress(context));
  client = languageClient;

  const report = (what: string) => (error: unknown) => {
    output.appendLine(`[client] ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The gpuplan language server failed to start. See the "gpuplan" output for details.'));
  };
  // Do not hold up activation (and the editor) while the server starts.
  let starting = languageClient.start().catch(report('the language server failed to start'));

  const server: ServerAccess = {
    client: languageClient,
    running: async () => {
      await starting;
      return languageClient.state === State.Stopped ? undefined : languageClient;
    },
  };

  // The plan overview view shows once gpuplan runs (package.json views: when gpuplan.active).
  void vscode.commands.executeCommand('setContext', 'gpuplan.active', true);
  // What is written and what is left: the overview view, the status-bar figure, the language status.
  const overview = new OverviewModel(server);
  const overviewTree = new OverviewTree(overview);
  context.subscriptions.push(overview, overviewTree, new OverviewStatus(overview, server));
  // Rule pages from the squiggles, and "Turn off this rule" in the light bulb.
  registerRules(context);

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('gpuplan.insertSection', (...args: unknown[]) => insertSectionCommand(server, ...args)),
    vscode.commands.registerCommand('gpuplan.newPlan', () => newPlanCommand(server, () => overviewTree.focus())),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => {
      output.show(true);
    }),
    vscode.commands.registerCommand('gpuplan.applySnippet', (args: unknown) => applySnippetCommand(args)),
    vscode.commands.registerCommand('gpuplan.restartServer', async () => {
      starting = languageClient.restart().catch(report('restarting the language server failed'));
      await starting;
      if (languageClient.state === State.Running) void vscode.window.setStatusBarMessage(vscode.l10n.t('gpuplan language server restarted.'), 3000);
    }),
    { dispose: () => void languageClient.dispose().catch(() => undefined) },
  );
  // The live co-payment preview (webview, status bar, `gpuplan.showCostPreview` of the CodeLens).
  registerCostPreview(context, server);
  // The plan as a document in the form's layout: live preview and export, both made by the server.
  const documentPreview = new DocumentPreview(context.extensionUri, server);
  context.subscriptions.push(
    documentPreview,
    vscode.commands.registerCommand('gpuplan.previewDocument', (arg?: unknown) => documentPreview.show(arg)),
    vscode.commands.registerCommand('gpuplan.export', (arg?: unknown, format?: unknown, target?: unknown, options?: unknown) =>
      exportCommand(server, arg, format, target, options, overview),
    ),
    vscode.commands.registerCommand('gpuplan.importPlan', (document?: unknown, target?: unknown) => importCommand(server, document, target)),
  );

  return {
    client: languageClient,
    ready: async () => {
      await starting;
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop().catch(() => undefined);
  client = undefined;
}
