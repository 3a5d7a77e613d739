/**
 * The gpuplan language server: wiring only. Documents and settings are kept here; every answer
 * comes from the core's service (diagnostics, fixes, outline, sections, cost, export) or, for
 * completion, folding, selection and formatting, from vscode-json-languageservice with our
 * schema. Each feature lives in its own file under lsp/features/.
 *
 * The server answers in the form the client declared it can take (lsp/client-features.ts), in
 * the position encoding both sides agreed on (lsp/documents.ts), and keeps to the lifecycle of
 * LSP 3.17 (lsp/lifecycle.ts).
 *
 * Runs under VS Code (node-ipc) and standalone: `node dist/server.js --stdio` (or --node-ipc,
 * --socket=PORT, --pipe=NAME).
 */
import { type TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { createPlanService, normalizeLocale, type Locale } from './core';
import { createExporters } from './export';
import { NO_FEATURES, clientFeatures, type ClientFeatures } from './lsp/client-features';
import type { ServerContext } from './lsp/context';
import { documentFactory } from './lsp/documents';
import { APPLY_FIX_COMMAND, registerCodeActions } from './lsp/features/code-actions';
import { registerCodeLens } from './lsp/features/code-lens';
import { registerCompletion } from './lsp/features/completion';
import { Diagnostics } from './lsp/features/diagnostics';
import { registerHover } from './lsp/features/hover';
import { registerNewPlan } from './lsp/features/new-plan';
import { registerOverview } from './lsp/features/overview';
import { registerImport } from './lsp/features/import';
import { registerRequests } from './lsp/features/requests';
import { registerSymbols } from './lsp/features/symbols';
import { JsonService } from './lsp/json-service';
import { DROPPED_METHOD, Lifecycle, REJECT_METHOD, rejection, type Rejection } from './lsp/lifecycle';
import { SettingsProvider } from './lsp/settings';
import { PlanStore } from './lsp/store';
import { version as VERSION } from '../../package.json';

const USAGE = `gpuplan language server ${VERSION}

Usage: node dist/server.js --stdio | --node-ipc | --socket=PORT | --pipe=NAME

Speaks the Language Server Protocol (3.17) for *.gpuplan.json plans over the chosen transport.
Editors start it themselves; see docs/editor.md for VS Code, Neovim, Emacs (eglot), Helix and Vim.

  --help       this text
  --version    the version
`;

/** The command line: a transport starts the server; anything else is answered here, without a stack trace. */
function commandLine(argv: readonly string[]): 'serve' | number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket=') || arg.startsWith('--pipe='))) return 'serve';
  process.stderr.write(`gpuplan language server: ${argv.length ? `unknown arguments: ${argv.join(' ')}` : 'no transport given'}.\n\n${USAGE}`);
  return 2;
}

function serve(): void {
  const lifecycle: Lifecycle = new Lifecycle((message) => {
    connection.console.warn(message);
  });
  const connection = createConnection(ProposedFeatures.all, lifecycle.options);
  const service = createPlanService({ exporters: createExporters() });
  const settings = new SettingsProvider(connection);
  let locale: Locale = 'ko';
  let client: ClientFeatures = NO_FEATURES;
  const store = new PlanStore(service, settings, () => locale);
  const factory = documentFactory(() => client.positionEncoding);

  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, text) => factory.create(uri, languageId, version, text),
    update: (document, changes, version) => {
      store.noteChange(document, changes, version);
      return factory.update(document, changes, version);
    },
  });

  const json = new JsonService();
  const context: ServerContext = { connection, documents, service, store, settings, json, locale: () => locale, client: () => client };
  const diagnostics = new Diagnostics(context);

  async function revalidateAll(): Promise<void> {
    store.invalidate();
    await Promise.all(documents.all().map((document) => diagnostics.validateNow(document.uri)));
  }

  connection.onRequest(REJECT_METHOD, (params: Rejection) => rejection(params));
  connection.onNotification(DROPPED_METHOD, () => undefined);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = normalizeLocale(params.locale) ?? 'ko';
    client = clientFeatures(params);
    json.setClientCapabilities(params.capabilities);
    settings.initialize(client.configurationPull, (params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    return {
      capabilities: {
        positionEncoding: client.positionEncoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        // No space: typing Korean prose must not pop up proposals.
        completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
        hoverProvider: true,
        // CodeActionOptions only for a client that takes CodeAction literals (LSP 3.17).
        codeActionProvider: client.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] } : true,
        executeCommandProvider: { commands: [APPLY_FIX_COMMAND] },
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'gpuplan' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
      },
      serverInfo: { name: 'gpuplan', version: VERSION },
      // clangd's name for positionEncoding, read by older clients (Neovim 0.7).
      ...(client.positionEncoding !== 'utf-16' ? { offsetEncoding: client.positionEncoding } : {}),
    } as InitializeResult;
  });

  connection.onInitialized(() => {
    // Only a client that offered dynamic registration is asked to register anything.
    if (client.configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'gpuplan' });
    if (settings.pulls && documents.all().length > 0) void revalidateAll();
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    void revalidateAll();
  });

  // TextDocuments fires onDidChangeContent for an opened document too: validate it once, at open.
  const opening = new Set<string>();
  documents.onDidOpen((event) => {
    opening.add(event.document.uri);
    void diagnostics.validateNow(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    if (opening.delete(event.document.uri)) return;
    diagnostics.schedule(event.document);
  });
  documents.onDidClose((event) => {
    opening.delete(event.document.uri);
    store.forget(event.document.uri);
    settings.forget(event.document.uri);
    json.forget(event.document.uri);
    diagnostics.closed(event.document.uri);
  });

  registerCompletion(context);
  registerHover(context);
  registerCodeActions(context);
  registerSymbols(context);
  registerCodeLens(context);
  registerRequests(context);
  registerOverview(context);
  registerNewPlan(context);
  registerImport(context);

  documents.listen(connection);
  connection.listen();
}

const action = commandLine(process.argv.slice(2));
if (action === 'serve') serve();
else process.exitCode = action;
