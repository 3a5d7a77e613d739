/**
 * The language client: starts dist/server.js over node IPC and keeps it alive. Everything the
 * extension shows about a plan's content comes from that server. When the server stops without
 * the user asking (it crashed too often, the connection kept failing, or a restart failed), the
 * user is told, with a Restart action: never a silently stopped server.
 */
import * as vscode from 'vscode';
import { ClientCommands, type ClientOptions } from '../../shared/src/protocol';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
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

  /** `onStopping`: the client is about to stop the server by itself, and why. */
  constructor(private readonly onStopping: (reason: StopReason) => void) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A broken message now and then is survivable; a stream of them means the pipe is gone.
    if (count !== undefined && count <= 5) return { action: ErrorAction.Continue, handled: true };
    this.onStopping('connection');
    return { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < ForgivingErrorHandler.WINDOW_MS);
    this.restarts.push(now);
    if (this.restarts.length <= ForgivingErrorHandler.MAX_RESTARTS) return { action: CloseAction.Restart, handled: true };
    this.restarts = [];
    this.onStopping('crashes');
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

/** Why the server stopped without the user asking. */
export type StopReason = 'crashes' | 'connection' | 'restart-failed';

/** The message for a stop, in the UI language (no placeholder is followed by a particle). */
export function stopMessage(reason: StopReason): string {
  switch (reason) {
    case 'crashes':
      return vscode.l10n.t(
        'The gpuplan language server stopped after crashing {0} times in 3 minutes. Your text is safe, but checks are paused. See the "gpuplan" output for details.',
        ForgivingErrorHandler.MAX_RESTARTS + 1,
      );
    case 'connection':
      return vscode.l10n.t(
        'The connection to the gpuplan language server kept failing, so the server was stopped. Your text is safe, but checks are paused. See the "gpuplan" output for details.',
      );
    case 'restart-failed':
      return vscode.l10n.t(
        'The gpuplan language server stopped and could not be started again. Your text is safe, but checks are paused. See the "gpuplan" output for details.',
      );
  }
}

/**
 * The language client that knows whether a stop was asked for. Stops the user (or the
 * extension's deactivation, or a restart) asks for are quiet; any other stop — the library
 * giving up after crashes, shutting down a failing connection, or failing to restart — is
 * reported once with a Restart action.
 */
export class GpuplanLanguageClient extends LanguageClient {
  private asked = false;
  private reason: StopReason | undefined;
  private reported = false;

  /** Called by the error handler just before the library stops the server by itself. */
  stoppingBecause(reason: StopReason): void {
    this.reason = reason;
  }

  override async start(): Promise<void> {
    this.asked = false;
    this.reported = false;
    try {
      await super.start();
      return;
    } catch (error) {
      this.reason = 'restart-failed';
      throw error;
    }
  }

  override async stop(timeout?: number): Promise<void> {
    // The library's own stop after a failing connection is not the user's.
    if (this.reason !== 'connection') this.asked = true;
    return super.stop(timeout);
  }

  /** The library reports a failed restart itself with no way back; we report it with Restart. */
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = 'force'): void {
    if (message === 'Restarting server failed') {
      this.reason = 'restart-failed';
      super.error(message, data, false);
      return;
    }
    super.error(message, data, showNotification);
  }

  /** Whether a stop that just happened needs telling, and why. */
  takeUnaskedStop(): StopReason | undefined {
    if (this.asked || this.reported) return undefined;
    this.reported = true;
    const reason = this.reason ?? 'restart-failed';
    this.reason = undefined;
    return reason;
  }
}

/** Schemes we serve: local and new files, plus whatever the open workspace lives on (virtual workspaces). */
function documentSelector(): DocumentSelector {
  const schemes = new Set(['file', 'untitled']);
  for (const folder of vscode.workspace.workspaceFolders ?? []) schemes.add(folder.uri.scheme);
  // Never `git:` and friends: the old side of a diff would duplicate every problem.
  return [...schemes].map((scheme) => ({ scheme, language: LANGUAGE_ID }));
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, ruleDocs?: string): GpuplanLanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // Used when the extension host itself runs under a debugger ("Run Extension"):
    // attach with the "Attach to Server" configuration.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${SERVER_DEBUG_PORT}`] } },
  };

  let client: GpuplanLanguageClient | undefined = undefined;
  const errorHandler = new ForgivingErrorHandler((reason) => client?.stoppingBecause(reason));

  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    // No `synchronize.configurationSection`: the server registers for didChangeConfiguration of
    // `gpuplan` itself and then pulls each document's settings again (a second, static
    // registration here would send every change twice).
    outputChannel: output,
    errorHandler,
    // The server pulls `gpuplan.*` per document with workspace/configuration; these only spare
    // it the defaults while that first pull is on its way. The client commands let quick fixes use
    // snippets; VS Code shows diagnostics in its hover, so the server's hover leaves them out.
    // The rule pages open through our URI handler, and the plan overview lists the blanks still
    // to write, so the server shows those as information, apart from the real problems.
    initializationOptions: {
      settings: initialSettings(),
      clientCommands: [ClientCommands.applySnippet, ClientCommands.insertSection, ClientCommands.turnOffRule],
      hover: { diagnostics: false },
      ...(ruleDocs ? { ruleDocs } : {}),
      blanks: 'information',
      // The cost preview's HTML is made by the server and comes with each change.
      costPreviewHtml: true,
    } satisfies ClientOptions & Record<string, unknown>,
    diagnosticCollectionName: 'gpuplan',
  };

  client = new GpuplanLanguageClient(CLIENT_ID, 'gpuplan', serverOptions, clientOptions);
  const languageClient = client;
  languageClient.onDidChangeState((event) => {
    if (event.newState !== State.Stopped) return;
    // Let a restart in progress move on first: only a stop that stays is reported.
    setTimeout(() => {
      if (languageClient.state !== State.Stopped) return;
      const reason = languageClient.takeUnaskedStop();
      if (!reason) return;
      output.appendLine(`[client] the language server stopped (${reason}).`);
      const restart = vscode.l10n.t('Restart');
      const showOutput = vscode.l10n.t('Show Output');
      void vscode.window.showErrorMessage(stopMessage(reason), restart, showOutput).then((choice) => {
        if (choice === restart) void vscode.commands.executeCommand('gpuplan.restartServer');
        else if (choice === showOutput) output.show(true);
      });
    }, 100);
  });
  return client;
}
