/** Findings: what the core reports, in offsets. Edges convert offsets to positions. */
import type { Message } from './l10n';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A severity's place in SEVERITIES: 0 for an error, the most severe. */
export const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((severity, rank) => [severity, rank])) as Readonly<Record<Severity, number>>;

export interface Span {
  /** UTF-16 offset into the document text. */
  readonly offset: number;
  readonly length: number;
}

export interface RelatedLocation extends Span {
  readonly message: string;
}

export interface Finding extends Span {
  /** A rule's code (see rules/registry.ts), or `internal-error` for a rule that crashed. */
  readonly code: string;
  readonly severity: Severity;
  /** Rendered in the locale the analysis was asked for. */
  readonly message: string;
  /** JSON path of the value the finding is about, when there is one. */
  readonly path?: ReadonlyArray<string | number>;
  /** Input for the rule's quick fixes; its shape is declared by the rule. */
  readonly data?: unknown;
  readonly related?: ReadonlyArray<RelatedLocation>;
}

/** A finding before rendering: rules produce these, `analyze` renders and sorts them. */
export interface RawFinding extends Span {
  readonly code: string;
  readonly message: Message;
  readonly path?: ReadonlyArray<string | number>;
  readonly data?: unknown;
  readonly related?: ReadonlyArray<Span & { readonly message: Message }>;
  /** Overrides the code's default severity (rare: e.g. a rule with two levels). */
  readonly severity?: Severity;
}
