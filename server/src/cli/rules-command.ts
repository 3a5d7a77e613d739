/** `gpuplan rules`: every rule with its code, default severity, description and documentation page. */
import * as l10n from '@vscode/l10n';
import { RULES, type Locale } from '../core';
import { helpPage, parse, type Io } from './common';
import { renderTable } from './text-table';

export const rulesHelp = (): string =>
  helpPage(
    'gpuplan rules [--format table|json] [--lang ko|en]',
    l10n.t('Lists every rule gpuplan checks, with its code, default severity, description and documentation page.'),
    [
      ['--format table|json', l10n.t('output format (default table)')],
      ['--lang ko|en', l10n.t('language of the descriptions')],
      ['-h, --help', l10n.t('show this help')],
    ],
  );

/** The documentation page of a rule, relative to the project (and the installed extension). */
export const rulePage = (code: string): string => `docs/rules/${code}.md`;

export function rulesCommand(args: string[], io: Io, locale: Locale): number {
  const { values } = parse(args, { format: { type: 'string' } }, ['table', 'json']);
  if (values.help) {
    io.stdout.write(rulesHelp() + '\n');
    return 0;
  }
  const rules = RULES.map((rule) => ({ code: rule.code, severity: rule.severity, description: rule.description[locale], page: rulePage(rule.code) }));
  if (values.format === 'json') {
    io.stdout.write(JSON.stringify(rules, null, 2) + '\n');
    return 0;
  }
  const headers = [l10n.t('Code'), l10n.t('Severity'), l10n.t('Description'), l10n.t('Page')];
  io.stdout.write(renderTable(headers, rules.map((r) => [r.code, l10n.t(r.severity), r.description, r.page])) + '\n');
  return 0;
}
