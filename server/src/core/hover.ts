/**
 * What a hover adds to the schema's label and description: the allowed range, and for money and
 * GPU fields the computed amount. Plain text: the language server escapes it for markdown, so
 * text from the document cannot inject links, images or command: URIs.
 */
import type { Analysis } from './analyze';
import { costTable } from './cost/table';
import { GPUS_PER_SERVER, GPU_TYPES, MONTHS } from './figures';
import { groupThousands } from './format';
import type { JsonPath } from './json/tree';
import { localize, type Locale } from './l10n';
import { resolveRef, schemaAt } from './schema/lookup';

export function hoverFacts(analysis: Analysis, path: JsonPath, locale: Locale): string[] {
  const t = (message: string, ...args: Array<string | number>) => localize(locale, message, ...args);
  const lines: string[] = [];
  const schema = resolveRef(schemaAt(path));
  const last = path[path.length - 1];

  if (path.length === 2 && path[0] === 'gpu' && last === 'servers') {
    const perServer = GPUS_PER_SERVER.value;
    const ranges = Object.entries(GPU_TYPES).map(([type, f]) => t('{0}: {1}–{2} servers ({3}–{4} GPUs)', type, f.value.minServers, f.value.maxServers, f.value.minServers * perServer, f.value.maxServers * perServer));
    lines.push(`${t('Allowed')}: ${ranges.join(' · ')}`);
  } else if (path.length === 2 && path[0] === 'gpu' && last === 'months') {
    lines.push(`${t('Allowed')}: ${t('{0}–{1} months, counted from the start of use', MONTHS.value.min, MONTHS.value.max)}`);
  } else if (schema && (schema.minimum !== undefined || schema.maximum !== undefined)) {
    lines.push(`${t('Allowed')}: ${schema.minimum ?? '…'} – ${schema.maximum ?? '…'}`);
  }

  const money = path[0] === 'gpu' || (path[0] === 'gpuPlan' && path[1] === 'copayment');
  if (money) {
    const table = costTable(analysis.cost, locale);
    lines.push(table.summary);
    if (table.gpuLine) lines.push(table.gpuLine);
    if (analysis.cost.payer.applicableWon !== undefined && table.applicable) lines.push(`${t('Applicable amount')}: ${table.applicable} (${table.policy})`);
  }
  if (path[0] === 'gpuPlan' && path[1] === 'stages' && typeof path[2] === 'number') {
    const stage = analysis.cost.stages[path[2]];
    if (stage?.gpuHours !== undefined) {
      lines.push(t('Stage {0}: {1} GPUs × {2} months = {3} GPU-hours', stage.index + 1, stage.gpus ?? 0, stage.months ?? 0, groupThousands(stage.gpuHours)));
    }
  }
  return lines;
}
