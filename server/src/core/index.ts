/** The vscode-free core of gpuplan. */
export { analyze, analyzeDocument, type AnalyzeOptions, type Analysis } from './analyze';
export { computeCost, type CostModel, type StageCost } from './cost';
export { parseDocument, LineIndex, nodeAt, keyNodeAt, pathOf, type ParsedDocument, type JsonPath } from './document';
export { RULE_CODES, type Finding, type FindingCode, type RuleCode, type Severity, type Span } from './findings';
export { localize, normalizeLocale, type Locale } from './l10n';
export { RULE_INFO } from './rules';
export { SCHEMA, SCHEMA_ID, schemaAt, resolveRef, fieldLabel } from './schema';
export { formatWon, groupThousands } from './text-utils';
export { formatKoreanDate } from './dates';
export * as figures from './figures';
export type { Plan } from './plan';
export { costTable, policyText, type CostTable } from './cost-table';
export { fixesFor, applyEdits, type Fix, type OffsetEdit } from './fixes';
export { planInsertion, type Insertion } from './edit/insertion';
export { outline, type OutlineItem } from './outline';
export { FORM_SECTIONS, type FormSection } from './sections';
export { estimatePages } from './rules/page-budget';
export { gpuRequestEdit, minimalEdit, type GpuRequestValues } from './edit/gpu-request';
