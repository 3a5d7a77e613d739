/**
 * vscode-json-languageservice with our bundled schema, for what it does well: completion of keys
 * and values, folding, selection ranges and formatting. Every schema request (a "$schema" in the
 * file included) gets the bundled schema: nothing is read from the workspace or the network.
 * It is made for the client's capabilities (markdown or plain documentation), so it is created
 * on first use, after `initialize`.
 */
import { getLanguageService, type ClientCapabilities, type JSONDocument, type LanguageService } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SCHEMA, SCHEMA_ID } from '../core';

export class JsonService {
  private current: LanguageService | undefined;
  private capabilities: ClientCapabilities = {};
  private readonly parsed = new Map<string, { version: number; text: string; document: JSONDocument }>();

  /** The client's capabilities, from `initialize` (before the service is first used). */
  setClientCapabilities(capabilities: ClientCapabilities): void {
    this.capabilities = capabilities;
    this.current = undefined;
  }

  get service(): LanguageService {
    if (!this.current) {
      this.current = getLanguageService({ schemaRequestService: () => Promise.resolve(JSON.stringify(SCHEMA)), clientCapabilities: this.capabilities });
      this.current.configure({ validate: false, allowComments: false, schemas: [{ uri: SCHEMA_ID, fileMatch: ['*'], schema: SCHEMA }] });
    }
    return this.current;
  }

  /** The JSON service's parse of a document, kept while its text is the same. */
  documentOf(document: TextDocument): JSONDocument {
    const cached = this.parsed.get(document.uri);
    if (cached?.version === document.version && cached.text === document.getText()) return cached.document;
    const parsed = this.service.parseJSONDocument(document);
    this.parsed.set(document.uri, { version: document.version, text: document.getText(), document: parsed });
    return parsed;
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
  }
}
