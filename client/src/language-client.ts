/**
 * The language client: starts dist/server.js over node IPC and keeps it alive. Everything the
 * extension shows about a plan's content comes from that server.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type DocumentSelector,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './documents';
import { initialSettings } from './settings';

export const CLIENT_ID = 'gpuplan';

/** How the features reach the server. */
export interface ServerAccess {
  /** The one client (restarts reuse it): for notifications and converters. */
  readonly client: LanguageClient;
  /**
   * The client once it has started; undefined when it is stopped (after repeated crashes or a
   * failed start). While it restarts after a crash, requests wait for the new server.
   */
  running(): Promise<LanguageClient | undefined>;
}

/** Port of the server's Node inspector when the extension host runs under a debugger (see .vscode/launch.json). */
export const SERVER_DEBUG_PORT = 6009;

/**
 * More forgiving than the library's default (5 restarts in 3 minutes, then silence): a crash
 * never costs the user text — documents live in the editor, the server only reads them — so we
 * restart up to MAX_RESTARTS times within WINDOW_MS, and when that is exceeded we say so and
 * offer a restart instead of leaving the checks silently off.
 */
export class ForgivingErrorHandler implements ErrorHandler {
  static readonly MAX_RESTARTS = 10;
  static readonly WINDOW_MS = 3 * 60 * 1000;
  private restarts: number[] = [];

  constructor(private readonly onGaveUp: () => void) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A broken message now and then is survivable; a stream of them means the pipe is gone.
    return { action: count !== undefined && count <= 5 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < ForgivingErrorHandler.WINDOW_MS);
    this.restarts.push(now);
    if (this.restarts.length <= ForgivingErrorHandler.MAX_RESTARTS) return { action: CloseAction.Restart, handled: true };
    this.restarts = [];
    this.onGaveUp();
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

/** Schemes we serve: local and new files, plus whatever the open workspace lives on (virtual workspaces). */
function documentSelector(): DocumentSelector {
  const schemes = new Set(['file', 'untitled']);
  for (const folder of vscode.workspace.workspaceFolders ?? []) schemes.add(folder.uri.scheme);
  // Never `git:` and friends: the old side of a diff would duplicate every problem.
  return [...schemes].map((scheme) => ({ scheme, language: LANGUAGE_ID }));
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // Used when the extension host itself runs under a debugger ("Run Extension"):
    // attach with the "Attach to Server" configuration.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${SERVER_DEBUG_PORT}`] } },
  };

  let client: LanguageClient | undefined = undefined;
  const errorHandler = new ForgivingErrorHandler(() => {
    const restart = vscode.l10n.t('Restart');
    void vscode.window
      .showErrorMessage(
        vscode.l10n.t(
          'The gpuplan language server stopped after crashing {0} times in 3 minutes. Your text is safe, but checks are paused. See the "gpuplan" output for details.',
          ForgivingErrorHandler.MAX_RESTARTS + 1,
        ),
        restart,
      )
      .then((choice) => {
        if (choice === restart) void client?.restart();
      });
  });

  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    // No `synchronize.configurationSection`: the server registers for didChangeConfiguration of
    // `gpuplan` itself and then pulls each document's settings again (a second, static
    // registration here would send every change twice).
    outputChannel: output,
    errorHandler,
    // The server pulls `gpuplan.*` per document with workspace/configuration; these only spare
    // it the defaults while that first pull is on its way.
    initializationOptions: { settings: initialSettings() },
    diagnosticCollectionName: 'gpuplan',
  };

  client = new LanguageClient(CLIENT_ID, 'gpuplan', serverOptions, clientOptions);
  return client;
}
