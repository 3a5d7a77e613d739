/**
 * A language server process for robustness tests: `node [nodeArgs] dist/server.js --stdio`, with
 * what TestClient does not need but these tests do: it notices when the process dies (so a crash
 * fails the input that caused it at once instead of timing out), keeps the tail of stderr for the
 * report, puts a deadline on every request, and can preload scripts or cap the heap.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { ROOT } from './fixtures';
import { FULL_CAPABILITIES } from './lsp-client';

/** What VS Code declares, less workspace/applyEdit (this client does not answer it): code actions carry their edits. */
export const SERVER_PROCESS_CAPABILITIES = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, applyEdit: false } };

export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface ServerOptions {
  /** Arguments for node before the script, e.g. ['-r', preload] or ['--max-old-space-size=1024']. */
  readonly nodeArgs?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Settings the server pulls with workspace/configuration (section gpuplan). */
  readonly settings?: Record<string, unknown>;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Thrown when the server process is gone while a test waits for it. */
export class ServerDiedError extends Error {
  constructor(
    readonly exit: Exit,
    readonly stderr: string,
    what: string,
  ) {
    super(`the language server died (code ${exit.code}, signal ${exit.signal}) while waiting for ${what}${stderr ? `; stderr tail:\n${stderr}` : ''}`);
  }
}

export class DeadlineError extends Error {}

export class ServerProcess {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<Exit>;
  private exitInfo: Exit | undefined;
  private stderrTail = '';
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();
  /** Set when the server missed a deadline: dispose() then kills it without asking. */
  private unresponsive = false;
  settings: Record<string, unknown>;

  constructor(options: ServerOptions = {}) {
    this.settings = options.settings ?? { validation: { delayMs: 0 } };
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-8000);
    });
    // Writing to a dead server's stdin must not crash the test runner.
    this.child.stdin!.on('error', () => undefined);
    this.exited = new Promise<Exit>((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        this.wake();
        resolve(this.exitInfo);
      });
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onError(() => undefined);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.wake();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.listen();
  }

  get alive(): boolean {
    return this.exitInfo === undefined;
  }

  get exit(): Exit | undefined {
    return this.exitInfo;
  }

  get stderr(): string {
    return this.stderrTail;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private died(what: string): ServerDiedError {
    return new ServerDiedError(this.exitInfo ?? { code: null, signal: null }, this.stderrTail, what);
  }

  async initialize(locale = 'en', timeoutMs = 15_000): Promise<void> {
    await this.request(
      InitializeRequest.method,
      {
        processId: process.pid,
        rootUri: null,
        locale,
        initializationOptions: { settings: this.settings },
        capabilities: SERVER_PROCESS_CAPABILITIES,
      },
      timeoutMs,
    );
    await this.connection.sendNotification(InitializedNotification.type, {});
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { gpuplan: this.settings } });
  }

  /** Sends a request and waits at most `timeoutMs`; rejects at once if the process dies. */
  async request<R>(method: string, params: unknown, timeoutMs = 10_000): Promise<R> {
    if (!this.alive) throw this.died(method);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pending = this.connection.sendRequest<R>(method, params);
    // Once the race is decided (deadline, death), a late rejection must not go unhandled.
    pending.catch(() => undefined);
    try {
      return await Promise.race([
        pending,
        this.exited.then((): never => {
          throw this.died(method);
        }),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => {
            this.unresponsive = true;
            reject(new DeadlineError(`${method}: no answer within ${timeoutMs} ms`));
          }, timeoutMs);
        }),
      ]);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  open(uri: string, text: string, version = 1): number {
    this.versions.set(uri, version);
    void this.connection
      .sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gpuplan', version, text } })
      .catch(() => undefined);
    return version;
  }

  /** Replaces the whole text (a change event without a range); returns the new version. */
  replace(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection
      .sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] })
      .catch(() => undefined);
    return version;
  }

  /** The diagnostics published for exactly `version` of `uri`; rejects on deadline or death. */
  async diagnosticsFor(uri: string, version: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.waitUntil(() => this.published.get(uri)?.find((p) => p.version === version), `diagnostics of ${uri} version ${version}`, timeoutMs);
  }

  /** The first publication for `uri` (any version) that satisfies `accept`. */
  async diagnosticsWhere(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.waitUntil(() => this.published.get(uri)?.find(accept), `matching diagnostics of ${uri}`, timeoutMs);
  }

  /** Forgets what was published for `uri` (long fuzz runs would otherwise keep every publication). */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  private waitUntil<T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const deadline = setTimeout(() => {
        this.unresponsive = true;
        finish(() => {
          reject(new DeadlineError(`no ${what} within ${timeoutMs} ms`));
        });
      }, timeoutMs);
      const check = (): void => {
        const found = probe();
        if (found !== undefined)
          finish(() => {
            resolve(found);
          });
        else if (!this.alive)
          finish(() => {
            reject(this.died(what));
          });
      };
      const finish = (settle: () => void): void => {
        clearTimeout(deadline);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Polite shutdown with a deadline, then SIGKILL of this child (and only this child). */
  async dispose(): Promise<void> {
    if (this.alive && this.unresponsive) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    if (this.alive) {
      try {
        await this.request(ShutdownRequest.method, undefined, 3000);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // dead, stuck or busy: killed below
      }
    }
    const exitedInTime = await Promise.race([
      this.exited.then(() => true),
      new Promise<boolean>((resolve) =>
        setTimeout(() => {
          resolve(false);
        }, 2000).unref(),
      ),
    ]);
    if (!exitedInTime && this.alive) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    this.connection.dispose();
    // Pipes of a killed server may still hold unwritten messages: close them so that nothing
    // keeps the test runner alive.
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) stream?.destroy();
  }
}
