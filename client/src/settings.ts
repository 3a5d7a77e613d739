/**
 * The `gpuplan.*` settings on the client side. The language server pulls them itself, per
 * document (`workspace/configuration` with the document as `scopeUri`, so each folder of a
 * multi-root workspace has its own `gpuplan.rules`), and logs every value it drops to the
 * "gpuplan" output channel. The client reads them only to give the server its first values
 * before that pull, and it reads them through the same shared `normalizeSettings`: a mistyped
 * value is dropped here too, never passed on. (Its problem lines are the server's to report,
 * once; reporting them here as well would say everything twice.)
 */
import * as vscode from 'vscode';
import { normalizeSettings, type GpuplanSettings } from '../../shared/src/settings';

export const SETTINGS_SECTION = 'gpuplan';

/** The window's `gpuplan` settings, normalised: what the server starts from. */
export function initialSettings(): GpuplanSettings {
  // A WorkspaceConfiguration is a proxy with methods; its JSON is the plain settings object.
  const raw: unknown = JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION)));
  return normalizeSettings(raw).settings;
}
