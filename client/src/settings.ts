/**
 * The `gpuplan.*` settings on the client side. The language server pulls them itself, per
 * document (`workspace/configuration` with the document as `scopeUri`, so each folder of a
 * multi-root workspace has its own `gpuplan.rules`), and normalises everything it is given
 * (shared/src/settings.ts `normalizeSettings`), logging every value it drops to the "gpuplan"
 * output channel, once. The client only hands it the window's values as they are, to spare it
 * the defaults while that first pull is on its way; it does not normalise them a second time.
 */
import * as vscode from 'vscode';

export const SETTINGS_SECTION = 'gpuplan';

/** The window's `gpuplan` settings as plain JSON: what the server starts from (it checks them). */
export function initialSettings(): unknown {
  // A WorkspaceConfiguration is a proxy with methods; its JSON is the plain settings object.
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION))) as unknown;
}
