/**
 * An LSP client for tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC to it. It
 * declares the capabilities it is given (FULL_CAPABILITIES: what VS Code declares for what the
 * server uses; MINIMAL_CAPABILITIES: nothing, the LSP defaults), keeps its own copy of each
 * open document, and applies the server's workspace/applyEdit to that copy (sending the change
 * back like an editor), so that fixes can be followed end to end.
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
  ApplyWorkspaceEditRequest,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type TextEdit,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from './fixtures';

/** What VS Code 1.100 declares, for the capabilities the server reads. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    executeCommand: { dynamicRegistration: true },
  },
  window: { showMessage: { messageActionItem: { additionalPropertiesSupport: true } } },
  textDocument: {
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: {
      completionItem: { snippetSupport: true, labelDetailsSupport: true, documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true },
    },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

/** A client that declares nothing: it gets the defaults of LSP 3.17. */
export const MINIMAL_CAPABILITIES: ClientCapabilities = {};

export interface InitializeOptions {
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
}

export class TestClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: Array<() => void> = [];
  private readonly versions = new Map<string, number>();
  /** The client's copy of each open document (UTF-16 positions), and the changes sent since it was last brought up to date. */
  private readonly documents = new Map<string, { document: TextDocument; pending: Array<{ changes: TextDocumentContentChangeEvent[]; version: number }> }>();
  /** Every workspace/applyEdit the server sent. */
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  /** Whether to accept the server's workspace/applyEdit. */
  acceptEdits = true;
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  settings: Record<string, unknown> = {};

  constructor() {
    // GPUPLAN_SERVER_NODE_ARGS passes flags to the server's Node (e.g. --cpu-prof for profiling).
    const nodeArgs = (process.env.GPUPLAN_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.process = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.wake();
    });
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
    });
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params);
      if (!this.acceptEdits) return { applied: false, failureReason: 'refused by the test' };
      const byUri = new Map<string, TextEdit[]>();
      for (const change of params.edit.documentChanges ?? []) {
        if (!('textDocument' in change)) continue;
        if (change.textDocument.version !== null && change.textDocument.version !== this.versions.get(change.textDocument.uri))
          return { applied: false, failureReason: 'stale version' };
        byUri.set(change.textDocument.uri, change.edits);
      }
      for (const [uri, edits] of Object.entries(params.edit.changes ?? {})) byUri.set(uri, edits);
      for (const [uri, edits] of byUri) this.applyEdits(uri, edits);
      this.wake();
      return { applied: true };
    });
    this.connection.listen();
  }

  /** The server's process id, e.g. to read its memory use. */
  get pid(): number {
    return this.process.pid ?? -1;
  }

  private wake(): void {
    this.waiters.splice(0).forEach((w) => {
      w();
    });
  }

  /** Methods the server registered dynamically. */
  readonly registrations: string[] = [];
  /** The server's answer to initialize. */
  initializeResult: InitializeResult | undefined;

  async initialize(locale = 'ko', options: InitializeOptions = {}): Promise<void> {
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- InitializeParams still requires it; null: no folder is open
      rootUri: null,
      locale,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  open(uri: string, text: string, version = 1): void {
    this.versions.set(uri, version);
    this.documents.set(uri, { document: TextDocument.create(uri, 'gpuplan', version, text), pending: [] });
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gpuplan', version, text } });
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * The client's copy of a document, the changes sent since applied now. They are applied when the
   * copy is read, not when they are sent: applying one to a long text makes V8 copy the text
   * (about a millisecond a megabyte), which a keystroke's timing in the benchmark must not count.
   * An editor does not keep its text in one string.
   */
  private document(uri: string): TextDocument | undefined {
    const entry = this.documents.get(uri);
    if (!entry) return undefined;
    for (const { changes, version } of entry.pending.splice(0)) entry.document = TextDocument.update(entry.document, changes, version);
    return entry.document;
  }

  /** The client's text of a document. */
  text(uri: string): string {
    return this.document(uri)?.getText() ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /**
   * Sends changes (positions in UTF-16, or `raw` when they are already in the negotiated
   * encoding and the client's copy should be replaced by `rawText`).
   */
  change(uri: string, changes: TextDocumentContentChangeEvent[], raw?: { text: string }): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const entry = this.documents.get(uri);
    if (raw) this.documents.set(uri, { document: TextDocument.create(uri, 'gpuplan', version, raw.text), pending: [] });
    else entry?.pending.push({ changes, version });
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Applies edits as an editor does: to the client's copy, then tells the server (one change per edit, last first). */
  applyEdits(uri: string, edits: readonly TextEdit[]): number {
    const document = this.document(uri)!;
    const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
    return this.change(
      uri,
      sorted.map((e) => ({ range: e.range, text: e.newText })),
    );
  }

  /** Runs a command with workspace/executeCommand. */
  async execute(command: { command: string; arguments?: unknown[] }): Promise<unknown> {
    return this.connection.sendRequest('workspace/executeCommand', { command: command.command, arguments: command.arguments ?? [] });
  }

  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { gpuplan: settings } });
  }

  /**
   * Forgets the diagnostics published so far for `uri`, as an editor replaces them: a long run
   * (the benchmark's hundreds of keystrokes) otherwise keeps every publication, and collecting
   * a heap that grows by hundreds of megabytes pauses the client in the middle of a timing.
   */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  allPublished(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** Resolves with the first published diagnostics that satisfy `accept`, polling until a deadline. */
  async diagnostics(uri: string, accept: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      const list = this.published.get(uri) ?? [];
      for (; seen < list.length; seen++) if (accept(list[seen].diagnostics, list[seen])) return list[seen].diagnostics;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms (got ${list.length} publications)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async notification<T>(method: string, accept: (params: T) => boolean, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      for (; seen < this.notifications.length; seen++) {
        const n = this.notifications[seen];
        if (n.method === method && accept(n.params as T)) return n.params as T;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no ${method} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async dispose(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}
