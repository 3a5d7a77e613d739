/**
 * The analyses of the open documents: one per document, for its current text, made with that
 * document's settings. After one keystroke the service re-analyses incrementally from the last
 * analysis; anything else (a reused version number, other settings, several changes) gets a
 * full analysis. An analysis is reused only for the very text it was made from.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, AnalyzeOptions, Edit, Locale, PlanService } from '../core';
import type { GpuplanSettings } from '../../../shared/src/settings';
import type { SettingsProvider } from './settings';

interface Entry {
  analysis: Analysis;
  version: number;
  text: string;
  settings: GpuplanSettings;
}

export class PlanStore {
  private readonly entries = new Map<string, Entry>();
  /** The one change that produced each document version, for incremental re-analysis. */
  private readonly edits = new Map<string, { version: number; edit: Edit }>();

  constructor(
    private readonly service: PlanService,
    private readonly settings: SettingsProvider,
    private readonly locale: () => Locale,
  ) {}

  /** Called for every change the client sends, before the document is updated. */
  noteChange(
    document: TextDocument,
    changes: ReadonlyArray<{ range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>,
    version: number,
  ): void {
    const [change] = changes;
    if (changes.length === 1 && change.range) {
      const offset = document.offsetAt(change.range.start);
      this.edits.set(document.uri, { version, edit: { offset, length: document.offsetAt(change.range.end) - offset, text: change.text } });
    } else {
      this.edits.delete(document.uri);
    }
  }

  optionsFor(settings: GpuplanSettings): AnalyzeOptions {
    return { locale: this.locale(), severity: settings.rules, abbreviationAllowlist: settings.abbreviations.allowlist };
  }

  /** The analysis of the document's current text, computed now if needed. */
  analysisOf(document: TextDocument): Analysis {
    const text = document.getText();
    const settings = this.settings.now(document.uri);
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version && entry.text === text && entry.settings === settings) return entry.analysis;
    const change = this.edits.get(document.uri);
    const analysis =
      entry && entry.settings === settings && entry.version === document.version - 1 && change?.version === document.version
        ? this.service.update(entry.analysis, change.edit, text)
        : this.service.analyze(text, this.optionsFor(settings));
    this.entries.set(document.uri, { analysis, version: document.version, text, settings });
    return analysis;
  }

  /** Whether the document's current text and settings are already analysed. */
  isCurrent(document: TextDocument): boolean {
    const entry = this.entries.get(document.uri);
    return entry !== undefined && entry.version === document.version && entry.text === document.getText() && entry.settings === this.settings.now(document.uri);
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.edits.delete(uri);
  }

  invalidate(): void {
    this.entries.clear();
  }
}
