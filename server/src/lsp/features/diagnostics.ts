/**
 * Diagnostics while typing: a debounced validation per document (gpuplan.validation.delayMs),
 * published with the document's version, never for a superseded one; and the cost preview's
 * notification when the figures of a document change.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { SEVERITY_RANK, type Analysis, type Finding, type GpuRequest } from '../../core';
import { CostChangedNotification, type CostPreview } from '../../../../shared/src/protocol';
import { logError, t, type ServerContext } from '../context';
import { ruleHref, toDiagnostic } from '../convert';
import { settle } from '../documents';
import { renderPreviewBody, renderWhatIf, type Translate } from './cost-preview-html';
import { shownAsBlank, shownCounts } from './overview';

/** A finding as the editor shows it: with its rule's page, and as information when it is a blank the client lists itself. */
export function shownDiagnostic(context: ServerContext, document: TextDocument, analysis: Analysis, finding: Finding): Diagnostic {
  const href = ruleHref(context.client(), finding.code);
  return toDiagnostic(document, finding, {
    ...(href ? { href } : {}),
    ...(shownAsBlank(context, analysis, finding) ? { severity: 'information' as const } : {}),
  });
}

/**
 * The findings shown when there are more than `most`: the most severe first (every error before
 * any warning, and so on), by position within the last severity that fits; in position order.
 */
export function mostSevere<T>(findings: readonly T[], most: number, rank: (finding: T) => number): T[] {
  if (findings.length <= most) return [...findings];
  const ranks = findings.map(rank);
  const perRank: number[] = [];
  for (const r of ranks) perRank[r] = (perRank[r] ?? 0) + 1;
  // Every finding of a rank below `last` fits; of rank `last`, the first `room`.
  let last = 0;
  let room = most;
  while (last < perRank.length - 1 && (perRank[last] ?? 0) < room) room -= perRank[last++] ?? 0;
  const shown: T[] = [];
  for (let i = 0; i < findings.length; i++) {
    if (ranks[i] < last) shown.push(findings[i]);
    else if (ranks[i] === last && room > 0) {
      shown.push(findings[i]);
      room--;
    }
  }
  return shown;
}

/**
 * What the editor shows of an analysis: at most `gpuplan.validation.maxProblems` findings, the
 * most severe first, and one more line that counts the rest. Each diagnostic costs the editor to
 * read and to draw; a thousand of them, one keystroke's worth on a plan of a thousand staff rows,
 * is a 457 KB message.
 */
export function diagnosticsOf(context: ServerContext, document: TextDocument, analysis: Analysis): Diagnostic[] {
  const findings = analysis.findings;
  const most = context.settings.now(document.uri).validation.maxProblems;
  const severityOf = (f: Finding) => (shownAsBlank(context, analysis, f) ? 'information' : f.severity);
  const shown = mostSevere(findings, most, (f) => SEVERITY_RANK[severityOf(f)]).map((f) => shownDiagnostic(context, document, analysis, f));
  if (findings.length > most) {
    shown.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      severity: DiagnosticSeverity.Information,
      source: 'gpuplan',
      message: t(
        context,
        '{0} more problems are not shown (gpuplan.validation.maxProblems is {1}). Fix the ones above, or run "gpuplan check" for the full list.',
        findings.length - most,
        most,
      ),
    });
  }
  return shown;
}

/**
 * The cost preview of a document's analysis, as the protocol sends it. Its counts are those the
 * editor shows: a client that lists blanks itself gets them apart, as `toWrite`.
 */
export function costPreviewOf(context: ServerContext, document: TextDocument, analysis: Analysis, override?: GpuRequest, html = false): CostPreview {
  const figuresOf = (request?: GpuRequest): CostPreview => {
    const model = context.service.costPreview(analysis, context.locale(), request);
    if (!context.client().blanksApart) return { uri: document.uri, version: document.version, ...model };
    const shown = shownCounts(context, analysis);
    return {
      uri: document.uri,
      version: document.version,
      ...model,
      counts: { error: shown.errors, warning: shown.warnings, information: shown.information },
      toWrite: shown.toWrite,
    };
  };
  const preview = figuresOf(override);
  if (!html) return preview;
  const tr: Translate = (message, ...args) => t(context, message, ...args);
  const current = override ? figuresOf() : preview;
  return { ...preview, html: { body: renderPreviewBody(current, tr), ...(override ? { whatIf: renderWhatIf(current, preview, tr) } : {}) } };
}

/** What the cost preview of an analysis is made from (see `service.costPreview`). */
interface PreviewInputs {
  readonly cost: Analysis['cost'];
  readonly schedule: unknown;
  readonly body: number;
  readonly summary: number;
  readonly counts: string;
  readonly locale: string;
}

function previewInputs(analysis: Analysis, locale: string): PreviewInputs {
  const pages = analysis.pages();
  let error = 0;
  let warning = 0;
  let information = 0;
  for (const f of analysis.findings) {
    if (f.severity === 'error') error++;
    else if (f.severity === 'warning') warning++;
    else information++;
  }
  return {
    cost: analysis.cost,
    schedule: analysis.plan.schedule,
    body: pages.bodyPages,
    summary: pages.summaryPages,
    counts: `${error}/${warning}/${information}`,
    locale,
  };
}

const sameInputs = (a: PreviewInputs, b: PreviewInputs): boolean =>
  a.cost === b.cost && a.schedule === b.schedule && a.body === b.body && a.summary === b.summary && a.counts === b.counts && a.locale === b.locale;

export class Diagnostics {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** What was last published per document: its text and settings, so a version is published once. */
  private readonly published = new Map<string, { version: number; analysis: Analysis }>();
  /** Per document: what the last cost preview was made from, and its text. */
  private readonly costs = new Map<string, { inputs: PreviewInputs; key: string }>();

  constructor(private readonly context: ServerContext) {}

  /** Validates now (opened documents, changed settings). */
  async validateNow(uri: string): Promise<void> {
    this.cancel(uri);
    await this.context.settings.of(uri);
    this.publish(uri);
  }

  /** Validates after the configured delay (typing). */
  schedule(document: TextDocument): void {
    this.cancel(document.uri);
    const delay = this.context.settings.now(document.uri).validation.delayMs;
    if (delay <= 0) {
      this.publish(document.uri);
      return;
    }
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        this.publish(document.uri);
      }, delay),
    );
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    this.costs.delete(uri);
    void this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * Notifies the cost preview when its figures changed. The preview is made only from what
   * `service.costPreview` reads: the cost model, the schedule, the page estimate, the findings'
   * severities and the locale. When those are the very same as last time (an incremental analysis
   * keeps the cost model and the schedule of before when they did not change), nothing is built.
   * Otherwise the preview is built and sent if its text differs from the last one sent.
   */
  private costChanged(uri: string, analysis: Analysis): void {
    // Closed or edited meanwhile: the next publication sends the preview of the text then.
    const document = this.context.documents.get(uri);
    const published = this.published.get(uri);
    if (!document || published?.analysis !== analysis || published.version !== document.version) return;
    const inputs = previewInputs(analysis, this.context.locale());
    const last = this.costs.get(document.uri);
    if (last && sameInputs(last.inputs, inputs)) return;
    const preview = costPreviewOf(this.context, document, analysis, undefined, this.context.client().costPreviewHtml);
    const key = JSON.stringify({ ...preview, version: 0 });
    this.costs.set(document.uri, { inputs, key });
    if (last?.key !== key) void this.context.connection.sendNotification(CostChangedNotification, preview);
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private publish(uri: string): void {
    try {
      const document = this.context.documents.get(uri);
      if (!document) return;
      const version = document.version;
      const analysis = this.context.store.analysisOf(document);
      // A newer version may have arrived meanwhile: never publish findings of a superseded one.
      if (this.context.documents.get(uri)?.version !== version) return;
      const last = this.published.get(uri);
      if (last?.version === version && last.analysis === analysis) return;
      this.published.set(uri, { version, analysis });
      // The cost preview once the diagnostics are written: the connection writes a message only
      // after the code running now returns, so building the preview here would delay them.
      void this.context.connection
        .sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(this.context, document, analysis) })
        .then(() => {
          this.costChanged(uri, analysis);
          // The next keystroke slices this text: read it whole now, between keystrokes.
          const current = this.context.documents.get(uri);
          if (current?.version === version) settle(current);
        })
        .catch((error: unknown) => {
          logError(this.context, 'publishing diagnostics or the cost preview failed', error);
        });
    } catch (error) {
      // Runs from a timer: an exception here would end the process. Log it; the next edit retries.
      logError(this.context, 'validation failed', error);
    }
  }
}
