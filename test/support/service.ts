/** The core's service as the tests use it: the same door as the language server and the CLI. */
import { createPlanService, type AnalyzeOptions, type Finding } from '../../server/src/core';
import { createExporters } from '../../server/src/export';

export const service = createPlanService({ exporters: createExporters() });

/** The findings of a text. */
export const analyze = (text: string, options: AnalyzeOptions = {}): Finding[] => service.analyze(text, options).findings;

/** A plan's export as the CLI makes it (without its findings unless `includeFindings: true`), with its model and analysis. */
export async function exportPlan(text: string, format: string, options: Record<string, unknown> = {}) {
  const analysis = service.analyze(text, { locale: 'ko' });
  const file = await service.exportDocument(analysis, format, options);
  return {
    bytes: file.bytes,
    tool: file.tool,
    document: service.documentModel(analysis),
    findings: analysis.findings,
    errors: analysis.findings.filter((f) => f.severity === 'error').length,
    warnings: analysis.findings.filter((f) => f.severity === 'warning').length,
  };
}

/** The document model of a plan text, and its analysis. */
export function documentFromText(text: string) {
  const analysis = service.analyze(text, { locale: 'ko' });
  return { analysis, document: service.documentModel(analysis) };
}
