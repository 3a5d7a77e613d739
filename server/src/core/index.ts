/**
 * The vscode-free core of gpuplan. Edges (the language server, the CLI) create one service and
 * call it; the types and the few pure helpers below are what they need to talk about its results.
 */
export {
  createPlanService,
  severityCounts,
  type PlanService,
  type PlanServiceOptions,
  type Exporter,
  type ExportedFile,
  type ExportOptions,
  type FindingFix,
  type FixAllResult,
  type CostPreviewModel,
  type CodeLensFact,
  type SectionState,
  type GpuRequest,
  type HoverFacts,
} from './service';
export type { Analysis, AnalyzeOptions } from './analyze';
export type { CostModel, StageCost } from './cost/cost';
export type { CostTable } from './cost/table';
export type { Fix, OffsetEdit } from './edit/fix';
export type { Insertion } from './edit/insertion';
export type { Edit } from './incremental';
export type { Finding, Severity, Span } from './findings';
export { SEVERITIES, SEVERITY_RANK } from './findings';
export { LineIndex, lineStartsOf } from './json/line-index';
export type { JsonPath } from './json/tree';
export { localize, normalizeLocale, type Locale } from './l10n';
export type { OutlineItem } from './outline';
export type { Plan } from './plan/types';
export type { PlanDocument } from './render';
export { RULES, RULE_CODES, isRuleCode, ruleOf, type RuleCode } from './rules/registry';
export type { Rule } from './rules/rule';
export { INTERNAL_ERROR } from './analyze';
export { SCHEMA, SCHEMA_ID } from './schema/compile';
export { formatWon, groupThousands } from './format';
export { formatKoreanDate } from './dates';
export * as figures from './figures';
