/**
 * Settings per document, from whichever of the three ways the client uses (docs/editor.md):
 * 1. workspace/configuration (section `gpuplan`, scopeUri = the document), when the client
 *    answers it: pulled per document (the manifest declares `resource` scope, so a folder may
 *    differ from another) and cached until the client says they changed;
 * 2. workspace/didChangeConfiguration with `{ settings: { gpuplan: {...} } }`;
 * 3. initializationOptions `{ settings: {...} }`.
 * The pushed ones (2, else 3) stand where a pull answers nothing (null: the client has no
 * `gpuplan` section). Everything is normalised by the shared function: a mistyped value is
 * dropped with a line in the log, never a crash.
 */
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, type GpuplanSettings } from '../../../shared/src/settings';
import { RULE_CODES } from '../core';

const CODES: ReadonlySet<string> = new Set(RULE_CODES);

export class SettingsProvider {
  private canPull = false;
  /** Settings pushed by a client that cannot be asked (didChangeConfiguration or initializationOptions). */
  private pushed: GpuplanSettings = DEFAULT_SETTINGS;
  private readonly cache = new Map<string, Promise<GpuplanSettings>>();
  private readonly resolved = new Map<string, GpuplanSettings>();
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** `canPull`: the client answers workspace/configuration; `initial`: initializationOptions.settings. */
  initialize(canPull: boolean, initial: unknown): void {
    this.canPull = canPull;
    if (initial !== undefined) this.pushed = this.normalize(initial);
  }

  get pulls(): boolean {
    return this.canPull;
  }

  /**
   * A client's didChangeConfiguration: forget what was pulled; keep what it pushed under
   * `gpuplan`. Mistakes still there after the change are logged again (once), so a user who just
   * edited the settings sees what is still wrong.
   */
  changed(pushed: unknown): void {
    this.reported.clear();
    const section = typeof pushed === 'object' && pushed !== null ? (pushed as { gpuplan?: unknown }).gpuplan : undefined;
    if (section !== undefined && section !== null) this.pushed = this.normalize(section);
    this.cache.clear();
    this.resolved.clear();
  }

  /** The settings of a document, pulled once per change of the configuration. */
  of(uri: string): Promise<GpuplanSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'gpuplan' }).then(
        (raw: unknown) => (raw === null || raw === undefined ? this.pushed : this.normalize(raw)),
        () => this.pushed,
      );
      pending.then(
        (s) => this.resolved.set(uri, s),
        () => undefined,
      );
      this.cache.set(uri, pending);
    }
    return pending;
  }

  /** The settings known now for a document, without waiting (the defaults until the first pull answers). */
  now(uri: string): GpuplanSettings {
    return this.canPull ? (this.resolved.get(uri) ?? this.pushed) : this.pushed;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.resolved.delete(uri);
  }

  private normalize(raw: unknown): GpuplanSettings {
    const { settings, problems } = normalizeSettings(raw, CODES);
    for (const problem of problems) {
      // Each mistake once per session: the same settings come back for every document.
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.connection.console.warn(problem);
    }
    return settings;
  }
}
