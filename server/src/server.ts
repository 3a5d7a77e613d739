/**
 * The gpuplan language server: wiring only. Documents and settings are kept here; every answer
 * comes from the core's service (diagnostics, fixes, outline, sections, cost, export) or, for
 * completion, hover text, folding, selection and formatting, from vscode-json-languageservice
 * with our schema. Each feature lives in its own file under lsp/features/.
 *
 * Runs under VS Code (node-ipc) and standalone: `node dist/server.js --stdio`.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
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
import type { ServerContext } from './lsp/context';
import { registerCodeActions } from './lsp/features/code-actions';
import { registerCodeLens } from './lsp/features/code-lens';
import { registerCompletion } from './lsp/features/completion';
import { Diagnostics } from './lsp/features/diagnostics';
import { registerHover } from './lsp/features/hover';
import { registerImport } from './lsp/features/import';
import { registerRequests } from './lsp/features/requests';
import { registerSymbols } from './lsp/features/symbols';
import { JsonService } from './lsp/json-service';
import { SettingsProvider } from './lsp/settings';
import { PlanStore } from './lsp/store';

const connection = createConnection(ProposedFeatures.all);
const service = createPlanService({ exporters: createExporters() });
const settings = new SettingsProvider(connection);
let locale: Locale = 'ko';
const store = new PlanStore(service, settings, () => locale);

const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update: (document, changes, version) => {
    store.noteChange(document, changes as Parameters<PlanStore['noteChange']>[1], version);
    return TextDocument.update(document, changes, version);
  },
});

const context: ServerContext = { connection, documents, service, store, settings, json: new JsonService(), locale: () => locale };
const diagnostics = new Diagnostics(context);

async function revalidateAll(): Promise<void> {
  store.invalidate();
  await Promise.all(documents.all().map((document) => diagnostics.validateNow(document.uri)));
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = normalizeLocale(params.locale) ?? 'ko';
  settings.initialize(Boolean(params.capabilities.workspace?.configuration), (params.initializationOptions as { settings?: unknown } | undefined)?.settings);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: ['"', ':', ' '], resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      codeLensProvider: { resolveProvider: false },
      documentSymbolProvider: { label: 'gpuplan' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
    },
    serverInfo: { name: 'gpuplan' },
  };
});

connection.onInitialized(() => {
  if (settings.pulls) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'gpuplan' });
    void revalidateAll();
  }
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  void revalidateAll();
});

documents.onDidOpen((event) => void diagnostics.validateNow(event.document.uri));
documents.onDidChangeContent((event) => diagnostics.schedule(event.document));
documents.onDidClose((event) => {
  store.forget(event.document.uri);
  settings.forget(event.document.uri);
  context.json.forget(event.document.uri);
  diagnostics.closed(event.document.uri);
});

registerCompletion(context);
registerHover(context);
registerCodeActions(context);
registerSymbols(context);
registerCodeLens(context);
registerRequests(context);
registerImport(context);

documents.listen(connection);
connection.listen();
