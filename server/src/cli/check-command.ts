/** `gpuplan check FILE...`: every rule of the official form, in stylish, json or sarif output. */
import * as l10n from '@vscode/l10n';
import pkg from '../../../package.json';
import type { Locale, PlanService } from '../core';
import { InputError, UsageError, helpPage, parse, readPlan, type Io } from './common';
import { printableJson, toJson, toSarif, toStylish, type FileReport } from './report';

export const checkHelp = (): string =>
  helpPage(
    'gpuplan check FILE... [--format stylish|json|sarif] [--lang ko|en]',
    l10n.t('Checks every rule of the official form in each plan file.'),
    [
      ['--format stylish|json|sarif', l10n.t('output format (default stylish); json gives 0-based LSP ranges, sarif is SARIF 2.1.0')],
      ['--lang ko|en', l10n.t('language of the messages (default: from GPUPLAN_LANG or LANG, else Korean)')],
      ['-h, --help', l10n.t('show this help')],
    ],
    [
      l10n.t('An empty file, a file that is not JSON and JSON that is not an object are reported (syntax, schema), as the editor shows them.'),
      l10n.t('Exit code: 0 when no error is found, 1 when an error is found, 2 when a file cannot be read (the other files are still reported).'),
    ],
  );

export function checkCommand(args: string[], io: Io, locale: Locale, service: PlanService): number {
  const { values, positionals } = parse(args, { format: { type: 'string' } }, ['stylish', 'json', 'sarif']);
  if (values.help) {
    io.stdout.write(checkHelp() + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(l10n.t('Name at least one plan file to check.'));
  // Every file that can be read is reported, as the editor would show it (an empty file, a file
  // that is not JSON: syntax findings); one that cannot be read is named on stderr, and the exit
  // code is 2, but it does not hide the others' findings.
  const reports: FileReport[] = [];
  let unreadable = 0;
  for (const file of positionals) {
    let text: string;
    try {
      text = readPlan(file, io.cwd, { lenient: true }).text;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stderr.write(`gpuplan: ${error.message}\n`);
      unreadable++;
      continue;
    }
    reports.push({ file, text, findings: service.analyze(text, { locale }).findings });
  }
  if (reports.length === 0) return 2;
  const format = values.format ?? 'stylish';
  if (format === 'json') {
    io.stdout.write(printableJson(JSON.stringify(toJson(reports), null, 2)) + '\n');
  } else if (format === 'sarif') {
    io.stdout.write(printableJson(JSON.stringify(toSarif(reports, pkg.version, locale, io.cwd), null, 2)) + '\n');
  } else {
    const color = Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined;
    io.stdout.write(toStylish(reports, color) + '\n');
  }
  if (unreadable > 0) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
