/** `gpuplan check FILE...`: every rule of the official form, in stylish, json or sarif output. */
import * as l10n from '@vscode/l10n';
import pkg from '../../../package.json';
import type { Locale, PlanService } from '../core';
import { UsageError, helpPage, parse, readPlan, type Io } from './common';
import { toJson, toSarif, toStylish, type FileReport } from './report';

export const checkHelp = (): string =>
  helpPage(
    'gpuplan check FILE... [--format stylish|json|sarif] [--lang ko|en]',
    l10n.t('Checks every rule of the official form in each plan file.'),
    [
      ['--format stylish|json|sarif', l10n.t('output format (default stylish); json gives 0-based LSP ranges, sarif is SARIF 2.1.0')],
      ['--lang ko|en', l10n.t('language of the messages (default: from GPUPLAN_LANG or LANG, else Korean)')],
      ['-h, --help', l10n.t('show this help')],
    ],
    [l10n.t('Exit code: 0 when no error is found, 1 when an error is found, 2 when a file cannot be read.')],
  );

export function checkCommand(args: string[], io: Io, locale: Locale, service: PlanService): number {
  const { values, positionals } = parse(args, { format: { type: 'string' } }, ['stylish', 'json', 'sarif']);
  if (values.help) {
    io.stdout.write(checkHelp() + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(l10n.t('Name at least one plan file to check.'));
  const reports: FileReport[] = positionals.map((file) => {
    const text = readPlan(file, io.cwd);
    return { file, text, findings: service.analyze(text, { locale }).findings };
  });
  const format = values.format ?? 'stylish';
  if (format === 'json') {
    io.stdout.write(JSON.stringify(toJson(reports), null, 2) + '\n');
  } else if (format === 'sarif') {
    io.stdout.write(JSON.stringify(toSarif(reports, pkg.version, locale, io.cwd), null, 2) + '\n');
  } else {
    const color = Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined;
    io.stdout.write(toStylish(reports, color) + '\n');
  }
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
