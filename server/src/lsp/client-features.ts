/**
 * What the client said it supports (`initialize`), read once into plain flags: every feature
 * answers in a form the client can take, never one it did not offer. A client that says
 * nothing gets the LSP 3.17 defaults: plain text, no snippets, Command[] code actions,
 * `changes` edits, flat symbols, UTF-16 positions.
 *
 * Two gpuplan options come through `initializationOptions` (documented in docs/editor.md):
 * - `clientCommands`: the client commands it implements (`gpuplan.applySnippet`,
 *   `gpuplan.insertSection`); without them, fixes that use snippets become plain edits;
 * - `hover.diagnostics`: `false` when the editor shows diagnostics in its hover itself
 *   (VS Code), so the server's hover does not repeat them;
 * - `positionEncoding`: for a client that counts columns in bytes but cannot say so in its
 *   capabilities (Vim's ALE 3.3 takes `character` as a byte column, both ways): "utf-8";
 * - `ruleDocs` and `blanks` (shared/src/protocol.ts `ClientOptions`): where the rule pages open,
 *   and blanks at the information level for a client that lists them in its own overview (VS Code).
 */
import type { ClientCapabilities, InitializeParams } from 'vscode-languageserver/node';
import { ClientCommands } from '../../../shared/src/protocol';

export type PositionEncoding = 'utf-16' | 'utf-8' | 'utf-32';

/** The encodings the server can speak, UTF-16 (the LSP default) first. */
export const POSITION_ENCODINGS: readonly PositionEncoding[] = ['utf-16', 'utf-8', 'utf-32'];

export interface ClientFeatures {
  /** Hover contents as markdown (else plain text). */
  readonly hoverMarkdown: boolean;
  /** Completion items may be snippets (else plain insert text). */
  readonly completionSnippets: boolean;
  /** Completion documentation as markdown (else plain text). */
  readonly completionMarkdown: boolean;
  /** CompletionItem.labelDetails (else the label goes into `detail`). */
  readonly labelDetails: boolean;
  /** CodeAction literals (else Command[]). */
  readonly codeActionLiterals: boolean;
  /** The code action kinds the client named (undefined when it named none). */
  readonly codeActionKinds: ReadonlySet<string> | undefined;
  /** WorkspaceEdit.documentChanges with versions (else `changes`). */
  readonly documentChanges: boolean;
  /** The client answers workspace/applyEdit. */
  readonly applyEdit: boolean;
  /** DocumentSymbol[] (else SymbolInformation[]). */
  readonly hierarchicalSymbols: boolean;
  /** The client answers workspace/configuration. */
  readonly configurationPull: boolean;
  /** didChangeConfiguration may be registered dynamically. */
  readonly configurationRegistration: boolean;
  /** The position encoding both sides use. */
  readonly positionEncoding: PositionEncoding;
  /** Client commands the client implements (initializationOptions.clientCommands). */
  readonly clientCommands: ReadonlySet<string>;
  /** Whether the hover repeats the diagnostics at its place (initializationOptions.hover.diagnostics). */
  readonly hoverDiagnostics: boolean;
  /** window/showMessageRequest with actions. */
  readonly showMessage: boolean;
  /** Diagnostics may carry `codeDescription.href` (the rule's page). */
  readonly codeDescription: boolean;
  /** The rule pages' address with `{code}` (initializationOptions.ruleDocs), when the client gave one. */
  readonly ruleDocs: string | undefined;
  /** Blanks are published as information (to write): the client lists them itself (initializationOptions.blanks). */
  readonly blanksApart: boolean;
  /** The cost preview's notifications carry its HTML (initializationOptions.costPreviewHtml). */
  readonly costPreviewHtml: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The client's preferred encoding among ours: the first of `general.positionEncodings` we speak
 * (clangd's older `offsetEncoding` is read too); UTF-16 when it names none.
 */
export function negotiateEncoding(capabilities: ClientCapabilities): PositionEncoding {
  const offered = capabilities.general?.positionEncodings ?? (capabilities as { offsetEncoding?: unknown }).offsetEncoding;
  if (!Array.isArray(offered)) return 'utf-16';
  for (const encoding of offered) if ((POSITION_ENCODINGS as readonly unknown[]).includes(encoding)) return encoding as PositionEncoding;
  return 'utf-16';
}

/** A rule-page address template: an absolute URI with `{code}` in it, else nothing. */
function ruleDocsOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.includes('{code}') || value.length > 2000) return undefined;
  return /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : undefined;
}

export function clientFeatures(params: Pick<InitializeParams, 'capabilities' | 'initializationOptions'>): ClientFeatures {
  const capabilities: ClientCapabilities = isRecord(params.capabilities) ? params.capabilities : {};
  const text = capabilities.textDocument ?? {};
  const workspace = capabilities.workspace ?? {};
  const options = isRecord(params.initializationOptions) ? params.initializationOptions : {};
  const commands = Array.isArray(options.clientCommands) ? options.clientCommands.filter((c): c is string => typeof c === 'string') : [];
  const known = new Set<string>(Object.values(ClientCommands));
  // The protocol's type makes codeActionKind required; a client may still leave it out.
  const literals = text.codeAction?.codeActionLiteralSupport as { codeActionKind?: { valueSet?: string[] } } | undefined;
  const kinds = literals?.codeActionKind?.valueSet;
  return {
    hoverMarkdown: text.hover?.contentFormat?.includes('markdown') ?? false,
    completionSnippets: text.completion?.completionItem?.snippetSupport === true,
    completionMarkdown: text.completion?.completionItem?.documentationFormat?.includes('markdown') ?? false,
    labelDetails: text.completion?.completionItem?.labelDetailsSupport === true,
    codeActionLiterals: text.codeAction?.codeActionLiteralSupport !== undefined,
    codeActionKinds: Array.isArray(kinds) ? new Set(kinds) : undefined,
    documentChanges: workspace.workspaceEdit?.documentChanges === true,
    applyEdit: workspace.applyEdit === true,
    hierarchicalSymbols: text.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    configurationPull: workspace.configuration === true,
    configurationRegistration: workspace.didChangeConfiguration?.dynamicRegistration === true,
    positionEncoding: (POSITION_ENCODINGS as readonly unknown[]).includes(options.positionEncoding)
      ? (options.positionEncoding as PositionEncoding)
      : negotiateEncoding(capabilities),
    clientCommands: new Set(commands.filter((c) => known.has(c))),
    hoverDiagnostics: !(isRecord(options.hover) && options.hover.diagnostics === false),
    showMessage: capabilities.window?.showMessage !== undefined,
    codeDescription: text.publishDiagnostics?.codeDescriptionSupport === true,
    ruleDocs: ruleDocsOf(options.ruleDocs),
    blanksApart: options.blanks === 'information',
    costPreviewHtml: options.costPreviewHtml === true,
  };
}

/** Before `initialize`: what a client that declared nothing gets. */
export const NO_FEATURES: ClientFeatures = clientFeatures({ capabilities: {}, initializationOptions: undefined });
