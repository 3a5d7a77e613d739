/** What every feature of the language server is given: the connection, the documents, the engine. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import { localize, type Locale, type PlanService } from '../core';
import type { ClientFeatures } from './client-features';
import type { JsonService } from './json-service';
import type { SettingsProvider } from './settings';
import type { PlanStore } from './store';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: PlanService;
  readonly store: PlanStore;
  readonly settings: SettingsProvider;
  readonly json: JsonService;
  /** The UI language of the client (from `initialize`). */
  locale(): Locale;
  /** What the client supports (from `initialize`). */
  client(): ClientFeatures;
}

/** A message of the server in the client's language (through the l10n bundle). */
export const t = (context: ServerContext, message: string, ...args: Array<string | number>): string => localize(context.locale(), message, ...args);

export function logError(context: ServerContext, what: string, error: unknown): void {
  context.connection.console.error(`gpuplan: ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** A feature that must never take the server down: on failure it logs and answers nothing. */
export async function safely<T>(context: ServerContext, what: string, feature: () => T | PromiseLike<T>): Promise<T | null> {
  try {
    return await feature();
  } catch (error) {
    logError(context, what, error);
    return null;
  }
}

/**
 * vscode-json-languageservice parses recursively: a document our parser refused for its nesting
 * would overflow its stack, so such a document gets no completion, hover, selection or formatting.
 */
export const jsonServiceCan = (context: ServerContext, document: TextDocument): boolean =>
  !context.store.analysisOf(document).document.syntaxErrors.some((e) => e.code === 'tooDeep');
