/**
 * What our hover adds to the schema's label and description: the allowed range, and for money and
 * GPU fields the computed amount. Plain text only: nothing from the document is rendered as
 * markdown, so user text cannot inject links, images or command: URIs.
 */
import * as l10n from '@vscode/l10n';
import { GPUS_PER_SERVER, GPU_TYPES, MONTHS } from '../core/figures';
import { costTable, groupThousands, resolveRef, schemaAt, type Analysis, type JsonPath, type Locale } from '../core';

/** Escapes markdown so text shows as written. */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`);

export function hoverExtras(analysis: Analysis, path: JsonPath, locale: Locale): string[] {
  const lines: string[] = [];
  const schema = resolveRef(schemaAt(path));
  const last = path[path.length - 1];

  if (path.length === 2 && path[0] === 'gpu' && last === 'servers') {
    const ranges = Object.entries(GPU_TYPES).map(([type, f]) => l10n.t('{0}: {1}–{2} servers ({3}–{4} GPUs)', type, f.value.minServers, f.value.maxServers, f.value.minServers * GPUS_PER_SERVER.value, f.value.maxServers * GPUS_PER_SERVER.value));
    lines.push(`${l10n.t('Allowed')}: ${ranges.join(' · ')}`);
  } else if (path.length === 2 && path[0] === 'gpu' && last === 'months') {
    lines.push(`${l10n.t('Allowed')}: ${l10n.t('{0}–{1} months, counted from the start of use', MONTHS.value.min, MONTHS.value.max)}`);
  } else if (schema && (schema.minimum !== undefined || schema.maximum !== undefined)) {
    lines.push(`${l10n.t('Allowed')}: ${schema.minimum ?? '…'} – ${schema.maximum ?? '…'}`);
  }

  const money = path[0] === 'gpu' || (path[0] === 'gpuPlan' && path[1] === 'copayment');
  if (money) {
    const table = costTable(analysis.cost, locale);
    lines.push(table.summary);
    if (table.gpuLine) lines.push(table.gpuLine);
    if (analysis.cost.payer.applicableWon !== undefined && table.applicable) lines.push(`${l10n.t('Applicable amount')}: ${table.applicable} (${table.policy})`);
  }
  if (path[0] === 'gpuPlan' && path[1] === 'stages' && typeof path[2] === 'number') {
    const stage = analysis.cost.stages[path[2]];
    if (stage?.gpuHours !== undefined) {
      lines.push(l10n.t('Stage {0}: {1} GPUs × {2} months = {3} GPU-hours', stage.index + 1, stage.gpus ?? 0, stage.months ?? 0, groupThousands(stage.gpuHours)));
    }
  }
  return lines.map(escapeMarkdown);
}
