/**
 * The gpuplan language server. A thin edge: it keeps documents and settings, calls the core for
 * diagnostics, fixes, outline, sections and cost, and vscode-json-languageservice (with our schema)
 * for completion, hover text, folding, selection ranges and formatting.
 *
 * Runs under VS Code (node-ipc) and standalone: `node dist/server.js --stdio`.
 */
import * as l10n from '@vscode/l10n';
import { getLocation } from 'jsonc-parser';
import { ClientCapabilities as JsonClientCapabilities, getLanguageService, type JSONDocument } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type CompletionItem,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import koBundle from '../../l10n/bundle.l10n.ko.json';
import {
  FORM_SECTIONS,
  SCHEMA,
  SCHEMA_ID,
  analyzeDocument,
  computeCost,
  costTable,
  gpuRequestEdit,
  fixesFor,
  normalizeLocale,
  outline,
  parseDocument,
  planInsertion,
  reanalyze,
  type Edit,
  type Analysis,
  type Finding,
  type Locale,
} from './core';
import { rangeOf, toCodeAction, toDiagnostic, toSymbol } from './lsp/convert';
import { hoverExtras } from './lsp/hover';
import { normalizeSettings } from './lsp/settings';
import {
  CostChangedNotification,
  CostPreviewRequest,
  DEFAULT_SETTINGS,
  GpuEditRequest,
  InsertionRequest,
  SHOW_COST_PREVIEW_COMMAND,
  SectionsRequest,
  type CostPreview,
  type GpuRequest,
  type GpuplanSettings,
} from './protocol';

const connection = createConnection(ProposedFeatures.all);
/** The one change that produced each document version, for incremental re-analysis. */
const lastEdit = new Map<string, { version: number; edit: Edit }>();

const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update: (document, changes, version) => {
    const [change] = changes;
    if (changes.length === 1 && 'range' in change) {
      const offset = document.offsetAt(change.range.start);
      lastEdit.set(document.uri, { version, edit: { offset, length: document.offsetAt(change.range.end) - offset, text: change.text } });
    } else {
      lastEdit.delete(document.uri);
    }
    return TextDocument.update(document, changes, version);
  },
});

let locale: Locale = 'ko';
let settings: GpuplanSettings = DEFAULT_SETTINGS;
let canPullConfiguration = false;

const jsonService = getLanguageService({
  // Every schema request (a "$schema" in the file included) gets our bundled schema: nothing is
  // read from the workspace or the network.
  schemaRequestService: () => Promise.resolve(JSON.stringify(SCHEMA)),
  clientCapabilities: JsonClientCapabilities.LATEST,
});
jsonService.configure({ validate: false, allowComments: false, schemas: [{ uri: SCHEMA_ID, fileMatch: ['*'], schema: SCHEMA }] });

interface DocumentState {
  timer?: ReturnType<typeof setTimeout>;
  analysis?: Analysis;
  analyzedVersion?: number;
  json?: { version: number; document: JSONDocument };
  costKey?: string;
}
const states = new Map<string, DocumentState>();
const stateOf = (uri: string): DocumentState => {
  let state = states.get(uri);
  if (!state) states.set(uri, (state = {}));
  return state;
};

/** The analysis of the document's current version, computed now if the debounced one is stale. */
function analysisOf(document: TextDocument): Analysis {
  const state = stateOf(document.uri);
  if (state.analysis && state.analyzedVersion === document.version) return state.analysis;
  const options = { locale, severity: settings.rules, abbreviationAllowlist: settings.abbreviations.allowlist };
  // One keystroke since the last analysis: try the incremental path first.
  const change = lastEdit.get(document.uri);
  const incremental =
    state.analysis && state.analyzedVersion === document.version - 1 && change?.version === document.version
      ? reanalyze(state.analysis, change.edit, document.getText(), options)
      : undefined;
  state.analysis = incremental ?? analyzeDocument(parseDocument(document.getText()), options);
  state.analyzedVersion = document.version;
  return state.analysis;
}

/**
 * vscode-json-languageservice parses recursively: a document our parser refused for its nesting
 * would overflow its stack, so such a document gets no completion, hover, selection or formatting.
 */
function jsonServiceCan(document: TextDocument): boolean {
  return !analysisOf(document).document.syntaxErrors.some((e) => e.code === 'tooDeep');
}

/** A JSON-service feature that must never take the server down: on failure, no answer. */
async function safely<T>(feature: () => T | PromiseLike<T>): Promise<T | null> {
  try {
    return await feature();
  } catch (error) {
    connection.console.error(`gpuplan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return null;
  }
}

function jsonDocumentOf(document: TextDocument): JSONDocument {
  const state = stateOf(document.uri);
  if (state.json?.version !== document.version) state.json = { version: document.version, document: jsonService.parseJSONDocument(document) };
  return state.json.document;
}

function validate(uri: string): void {
  try {
    publish(uri);
  } catch (error) {
    // Runs from a timer: an exception here would end the process. Log it; the next edit retries.
    connection.console.error(`gpuplan: validation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

function publish(uri: string): void {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const analysis = analysisOf(document);
  // A newer version may have arrived meanwhile: never publish findings of a superseded one.
  if (documents.get(uri)?.version !== version) return;
  void connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(document, analysis.findings) });
  const preview = costPreview(document, analysis);
  const key = JSON.stringify({ ...preview, version: 0 });
  const state = stateOf(uri);
  if (state.costKey !== key) {
    state.costKey = key;
    void connection.sendNotification(CostChangedNotification, preview);
  }
}

/** At most this many diagnostics are published per document; the rest are summed up in one. */
const MAX_DIAGNOSTICS = 1000;

function diagnosticsOf(document: TextDocument, findings: readonly Finding[]) {
  const shown = findings.slice(0, MAX_DIAGNOSTICS).map((f) => toDiagnostic(document, f));
  if (findings.length > MAX_DIAGNOSTICS) {
    shown.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      severity: 3,
      source: 'gpuplan',
      message: l10n.t('{0} more problems are not shown. Fix the ones above, or run "gpuplan check" for the full list.', findings.length - MAX_DIAGNOSTICS),
    });
  }
  return shown;
}

function schedule(document: TextDocument): void {
  const state = stateOf(document.uri);
  if (state.timer) clearTimeout(state.timer);
  state.timer = undefined;
  const delay = settings.validation.delayMs;
  if (delay <= 0) {
    validate(document.uri);
  } else {
    state.timer = setTimeout(() => {
      state.timer = undefined;
      validate(document.uri);
    }, delay);
  }
}

function costPreview(document: TextDocument, analysis: Analysis, override?: GpuRequest): CostPreview {
  const cost = override ? computeCost({ ...analysis.plan, gpu: { ...override } }) : analysis.cost;
  const schedulePart = (analysis.plan.schedule ?? {}) as { period?: { start?: unknown; end?: unknown }; milestones?: unknown };
  const milestones = Array.isArray(schedulePart.milestones) ? schedulePart.milestones : [];
  const pages = analysis.pages();
  const counts = { error: 0, warning: 0, information: 0 };
  for (const f of analysis.findings) counts[f.severity === 'hint' ? 'information' : f.severity]++;
  return {
    uri: document.uri,
    version: document.version,
    cost,
    table: costTable(cost, locale),
    schedule: {
      start: typeof schedulePart.period?.start === 'string' ? schedulePart.period.start : undefined,
      end: typeof schedulePart.period?.end === 'string' ? schedulePart.period.end : undefined,
      milestones: milestones.map((m) => {
        const row = (m ?? {}) as { task?: unknown; months?: unknown };
        return { task: typeof row.task === 'string' ? row.task : '', months: Array.isArray(row.months) ? row.months.filter((x): x is string => typeof x === 'string') : [] };
      }),
    },
    pages: { body: Math.round(pages.bodyPages * 10) / 10, summary: Math.round(pages.summaryPages * 10) / 10, budget: cost.pageBudget },
    counts,
  };
}

async function refreshSettings(): Promise<void> {
  if (canPullConfiguration) {
    try {
      settings = normalizeSettings(await connection.workspace.getConfiguration({ section: 'gpuplan' }));
    } catch {
      settings = DEFAULT_SETTINGS;
    }
  }
  for (const document of documents.all()) {
    stateOf(document.uri).analyzedVersion = undefined;
    validate(document.uri);
  }
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = normalizeLocale(params.locale) ?? 'ko';
  l10n.config({ contents: locale === 'ko' ? koBundle : {} });
  canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  if (initial) settings = normalizeSettings(initial);
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
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'gpuplan' });
    void refreshSettings();
  }
});

connection.onDidChangeConfiguration((change) => {
  if (!canPullConfiguration) settings = normalizeSettings((change.settings as { gpuplan?: unknown } | undefined)?.gpuplan);
  void refreshSettings();
});

documents.onDidOpen((event) => validate(event.document.uri));
documents.onDidChangeContent((event) => schedule(event.document));
documents.onDidClose((event) => {
  const state = states.get(event.document.uri);
  if (state?.timer) clearTimeout(state.timer);
  states.delete(event.document.uri);
  lastEdit.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

/** "산업계 (중소기업, …) — *industry: …*" → "산업계 (중소기업, …)": the form's label of an enum value. */
function koreanLabel(documentation: CompletionItem['documentation']): string | undefined {
  const text = typeof documentation === 'string' ? documentation : documentation?.value;
  const korean = text?.split(' — ')[0].replace(/\\(.)/g, '$1').trim();
  return korean && /[가-힣]/.test(korean) ? korean : undefined;
}

connection.onCompletion(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !jsonServiceCan(document)) return null;
  const list = await safely(() => jsonService.doComplete(document, params.position, jsonDocumentOf(document)));
  // Enum values show the form's Korean label next to them, not only in the documentation.
  for (const item of list?.items ?? []) {
    if (item.kind !== CompletionItemKind.Value) continue;
    const label = koreanLabel(item.documentation);
    if (label) item.labelDetails = { description: label };
  }
  return list;
});

connection.onHover(async (params): Promise<Hover | null> => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  if (!jsonServiceCan(document)) return null;
  const hover = await safely(() => jsonService.doHover(document, params.position, jsonDocumentOf(document)));
  const location = getLocation(document.getText(), document.offsetAt(params.position));
  const extras = hoverExtras(analysisOf(document), location.path, locale);
  if (!hover && extras.length === 0) return null;
  const base = hover ? markdownOf(hover.contents) : '';
  return {
    contents: { kind: 'markdown', value: [base, ...extras].filter(Boolean).join('\n\n') },
    range: hover?.range,
  };
});

/** Hover contents come as MarkupContent, a MarkedString or an array of them; we want markdown. */
function markdownOf(contents: Hover['contents']): string {
  const parts = Array.isArray(contents) ? contents : [contents];
  return parts
    .map((part) => (typeof part === 'string' ? part : 'language' in part ? '```' + part.language + '\n' + part.value + '\n```' : part.value))
    .join('\n\n');
}

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = analysisOf(document);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const parsed = analysis.document;
  const findingFor = (code: unknown, offset: number, length: number): Finding | undefined =>
    analysis.findings.find((f) => f.code === code && f.offset === offset && f.length === length);

  if (!only || only.some((kind) => kind.startsWith(CodeActionKind.QuickFix))) {
    const fixAllOffered = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'gpuplan') continue;
      const offset = document.offsetAt(diagnostic.range.start);
      const length = document.offsetAt(diagnostic.range.end) - offset;
      const finding = findingFor(diagnostic.code, offset, length);
      if (!finding) continue;
      const fixes = fixesFor(finding, parsed, locale);
      for (const fix of fixes) actions.push(toCodeAction(document, fix, [diagnostic]));
      // "Fix all of this kind" when more than one finding of the code has a combinable fix.
      if (fixes.some((f) => f.fixAll) && !fixAllOffered.has(finding.code)) {
        const all = analysis.findings.filter((f) => f.code === finding.code).flatMap((f) => fixesFor(f, parsed, locale).filter((x) => x.fixAll).slice(0, 1));
        if (all.length > 1) {
          fixAllOffered.add(finding.code);
          actions.push(
            toCodeAction(
              document,
              { code: finding.code, title: l10n.t('Fix all "{0}" problems in this file ({1})', finding.code, all.length), edits: all.flatMap((f) => f.edits ?? []), fixAll: true, preferred: false },
              [],
            ),
          );
        }
      }
    }
  }
  if (only?.some((kind) => kind.startsWith(CodeActionKind.SourceFixAll))) {
    const edits = analysis.findings.flatMap((f) => fixesFor(f, parsed, locale).filter((x) => x.fixAll && x.preferred).slice(0, 1)).flatMap((f) => f.edits ?? []);
    if (edits.length > 0) {
      const action = toCodeAction(document, { code: 'schema', title: l10n.t('Fix all automatically fixable gpuplan problems'), edits, fixAll: true, preferred: false }, []);
      action.kind = CodeActionKind.SourceFixAll;
      actions.push(action);
    }
  }
  return actions;
});

connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? outline(analysisOf(document).document).map((item) => toSymbol(document, item)) : null;
});

connection.onFoldingRanges((params) => {
  const document = documents.get(params.textDocument.uri);
  return document && jsonServiceCan(document) ? safely(() => jsonService.getFoldingRanges(document, { rangeLimit: 5000 })) : null;
});

connection.onSelectionRanges((params) => {
  const document = documents.get(params.textDocument.uri);
  return document && jsonServiceCan(document) ? safely(() => jsonService.getSelectionRanges(document, params.positions, jsonDocumentOf(document))) : null;
});

connection.onDocumentFormatting((params) => {
  const document = documents.get(params.textDocument.uri);
  return document && jsonServiceCan(document) ? safely(() => jsonService.format(document, undefined, { ...params.options, insertFinalNewline: true })) : null;
});

connection.onDocumentRangeFormatting((params) => {
  const document = documents.get(params.textDocument.uri);
  return document && jsonServiceCan(document) ? safely(() => jsonService.format(document, params.range, params.options)) : null;
});

connection.onRequest(SectionsRequest, ({ uri }) => {
  const document = documents.get(uri);
  if (!document) return [];
  const plan = analysisOf(document).plan as Record<string, unknown>;
  return FORM_SECTIONS.map((s) => ({ key: s.key, label: s.label, part: s.part, present: Object.prototype.hasOwnProperty.call(plan, s.key) }));
});

connection.onRequest(InsertionRequest, ({ uri, parentPath, key }) => {
  const document = documents.get(uri);
  if (!document) return null;
  const insertion = planInsertion(analysisOf(document).document, parentPath, key);
  if (!insertion) return null;
  if (insertion.kind === 'existing') {
    const range = rangeOf(document, insertion.offset, insertion.length);
    return { position: range.start, existing: range };
  }
  return { position: document.positionAt(insertion.offset), snippet: insertion.snippet };
});

const isGpuRequest = (value: unknown): value is GpuRequest => {
  const r = value as Partial<GpuRequest> | undefined;
  return (r?.type === 'H200' || r?.type === 'B200') && Number.isInteger(r.servers) && Number.isInteger(r.months) && r.servers! > 0 && r.months! > 0;
};

connection.onRequest(CostPreviewRequest, ({ uri, override }) => {
  const document = documents.get(uri);
  if (!document) return null;
  return costPreview(document, analysisOf(document), isGpuRequest(override) ? override : undefined);
});

connection.onRequest(GpuEditRequest, ({ uri, version, request }) => {
  const document = documents.get(uri);
  if (!document || document.version !== version || !isGpuRequest(request)) return null;
  const edit = gpuRequestEdit(analysisOf(document).document, request);
  return edit ? { range: rangeOf(document, edit.offset, edit.length), newText: edit.newText } : null;
});

/** The amount at \`gpu\` and at \`gpuPlan.copayment\`, e.g. 민간부담금 38,400,000원 (H200 3,200,000원 × 2대 × 6개월). */
connection.onCodeLens((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = analysisOf(document);
  const table = costTable(analysis.cost, locale);
  const title = analysis.cost.complete ? (analysis.cost.payer.applicableWon !== undefined && analysis.cost.payer.applicableWon !== analysis.cost.baseWon ? table.summary : `${table.summary} · ${table.policy}`) : table.summary;
  return [['gpu'], ['gpuPlan', 'copayment']].flatMap((path) => {
    const key = analysis.document.spanAt(path, 'key');
    if (!key) return [];
    return [{ range: rangeOf(document, key.offset, key.length), command: { title, command: SHOW_COST_PREVIEW_COMMAND, arguments: [document.uri] } }];
  });
});

documents.listen(connection);
connection.listen();
