/** `gpuplan cost FILE`: the form's co-payment table (III-3) with the amount the applicant pays. */
import * as l10n from '@vscode/l10n';
import { formatKoreanDate, groupThousands, type Locale, type PlanService } from '../core';
import { UsageError, helpPage, parse, readPlan, type Io } from './common';
import { printable, printableJson } from './report';
import { renderTable } from './text-table';

export const costHelp = (): string =>
  helpPage(
    'gpuplan cost FILE [--format table|json] [--lang ko|en]',
    l10n.t("Prints the form's co-payment table (III-3 민간부담금 산출내역) with the amount the applicant pays."),
    [
      ['--format table|json', l10n.t('output format (default table)')],
      ['--lang ko|en', l10n.t('language of the labels')],
      ['-h, --help', l10n.t('show this help')],
    ],
  );

export function costCommand(args: string[], io: Io, locale: Locale, service: PlanService): number {
  const { values, positionals } = parse(args, { format: { type: 'string' } }, ['table', 'json']);
  if (values.help) {
    io.stdout.write(costHelp() + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(l10n.t('Name exactly one plan file.'));
  const analysis = service.analyze(readPlan(positionals[0], io.cwd).text, { locale });
  const preview = service.costPreview(analysis, locale);
  const { cost: model, table } = preview;
  if (values.format === 'json') {
    const json = JSON.stringify(
      { file: positionals[0], ...model, table, pages: { body: preview.pages.body, summary: preview.pages.summary, budget: preview.pages.budget } },
      null,
      2,
    );
    io.stdout.write(printableJson(json) + '\n');
    return 0;
  }
  // Every string below may carry text of the plan (the product, the period, the payer's reason):
  // none reaches the terminal with its control or bidirectional characters raw, as in `check`.
  const lines = [l10n.t('III-3. Co-payment (민간부담금 산출내역)'), ''];
  if (table.row) {
    lines.push(renderTable(table.headers.map(printable), [table.row.map(printable)]), '');
    lines.push(`${l10n.t('Applicable amount')}: ${printable(table.applicable ?? '—')} (${printable(table.policy)})`);
    if (table.gpuLine) lines.push(`${l10n.t('GPU capacity')}: ${printable(table.gpuLine)}`);
    lines.push(`${l10n.t('On-site eligibility review (적격성 심사, 현장발표)')}: ${model.onsiteReview ? l10n.t('required') : l10n.t('not required')}`);
    lines.push(`${l10n.t('Page budget of the body')}: ${l10n.t('about {0} pages', model.pageBudget)}`);
  } else {
    lines.push(printable(table.summary));
  }
  if (model.stages.length > 0) {
    lines.push('', l10n.t('III-2. GPU use by stage'));
    const headers = [l10n.t('Stage'), l10n.t('Period'), l10n.t('Servers'), l10n.t('GPUs'), l10n.t('GPU-hours'), l10n.t('Expected use')];
    const rows = model.stages.map((s) =>
      [
        String(s.index + 1),
        s.start && s.end ? `${formatKoreanDate(s.start)} ~ ${formatKoreanDate(s.end)}` : '—',
        s.servers?.toString() ?? '—',
        s.gpus?.toString() ?? '—',
        s.gpuHours !== undefined ? groupThousands(s.gpuHours) : '—',
        s.expectedGpuHours !== undefined ? `${groupThousands(s.expectedGpuHours)} (${s.expectedUtilizationPercent}%)` : '—',
      ].map(printable),
    );
    lines.push(renderTable(headers, rows));
  }
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}
