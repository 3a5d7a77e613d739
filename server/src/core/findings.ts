/** Findings: what the core reports, in offsets. Edges convert offsets to positions. */
import type { Message } from './l10n';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const RULE_CODES = [
  'syntax',
  'schema',
  'gpu-servers-range',
  'gpu-months-range',
  'large-project-review',
  'copayment-mismatch',
  'acknowledgement-missing',
  'pledge-missing',
  'youth-company-mismatch',
  'registration-number-checksum',
  'stage-gpu-exceeds-request',
  'stage-gpu-server-mismatch',
  'stage-period-outside-schedule',
  'schedule-months-mismatch',
  'milestone-outside-schedule',
  'employees-total-mismatch',
  'staff-participation',
  'vague-expression',
  'template-guide-left',
  'abbreviation-undefined',
  'page-budget',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];
/** `internal-error` is not a rule: it reports a rule that crashed, so that the others still run. */
export type FindingCode = RuleCode | 'internal-error';

export interface Span {
  /** UTF-16 offset into the document text. */
  readonly offset: number;
  readonly length: number;
}

export interface RelatedLocation extends Span {
  readonly message: string;
}

export interface Finding extends Span {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Rendered in the locale the analysis was asked for. */
  readonly message: string;
  /** JSON path of the value the finding is about, when there is one. */
  readonly path?: ReadonlyArray<string | number>;
  /** Input for quick fixes; shape depends on the code (see docs of each rule). */
  readonly data?: unknown;
  readonly related?: ReadonlyArray<RelatedLocation>;
}

/** A finding before rendering: rules produce these, `analyze` renders and sorts them. */
export interface RawFinding extends Span {
  readonly code: FindingCode;
  readonly message: Message;
  readonly path?: ReadonlyArray<string | number>;
  readonly data?: unknown;
  readonly related?: ReadonlyArray<Span & { readonly message: Message }>;
  /** Overrides the code's default severity (rare: e.g. a rule with two levels). */
  readonly severity?: Severity;
}
