/**
 * vscode-json-languageservice as the benchmark runs it: the plan's schema from the service's
 * configuration (resolved once and cached, as in VS Code), parse + doValidation of a text.
 */
import { getLanguageService, ClientCapabilities } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SCHEMA, SCHEMA_ID } from '../server/src/core/schema/compile';

export function jsonLanguageService(): (text: string) => Promise<unknown> {
  const service = getLanguageService({ schemaRequestService: () => Promise.resolve(JSON.stringify(SCHEMA)), clientCapabilities: ClientCapabilities.LATEST });
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: SCHEMA_ID, fileMatch: ['*'], schema: SCHEMA }] });
  return (text) => {
    const document = TextDocument.create('file:///bench.gpuplan.json', 'json', 1, text);
    return Promise.resolve(service.doValidation(document, service.parseJSONDocument(document), { schemaValidation: 'error' }));
  };
}
