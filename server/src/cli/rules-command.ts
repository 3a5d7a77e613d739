/**
 * `gpuplan rules`: every rule with its code, default severity, description and documentation page,
 * and what the pages say of it besides: whether it has quick fixes and what it reads.
 */
import * as l10n from '@vscode/l10n';
import { RULES, type Locale } from '../core';
import { helpPage, parse, type Io } from './common';
import { LABELS, rulePagePath } from './rule-docs';
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

/** One rule as `gpuplan rules --format json` prints it. */
export interface RuleListing {
  readonly code: string;
  readonly severity: string;
  /** In the language of `--lang`. */
  readonly description: string;
  /** `structure` or `prose`: prose rules read only the text of `Text` fields. */
  readonly reads: string;
  /** Whether some of its findings have a quick fix. */
  readonly fixable: boolean;
  /** The rule's page, relative to the project (docs/rules/<code>.md). */
  readonly page: string;
}

export function ruleListings(locale: Locale): RuleListing[] {
  return RULES.map((rule) => ({
    code: rule.code,
    severity: rule.severity,
    description: rule.description[locale],
    reads: rule.reads,
    fixable: rule.fixable,
    page: rulePagePath(rule.code),
  }));
}

export function rulesCommand(args: string[], io: Io, locale: Locale): number {
  const { values } = parse(args, { format: { type: 'string' } }, ['table', 'json']);
  if (values.help) {
    io.stdout.write(rulesHelp() + '\n');
    return 0;
  }
  const rules = ruleListings(locale);
  if (values.format === 'json') {
    io.stdout.write(JSON.stringify(rules, null, 2) + '\n');
    return 0;
  }
  const headers = [l10n.t('Code'), l10n.t('Severity'), LABELS.quickFix[locale], l10n.t('Description'), l10n.t('Page')];
  const rows = rules.map((r) => [r.code, l10n.t(r.severity), r.fixable ? LABELS.yes[locale] : '', r.description, r.page]);
  io.stdout.write(renderTable(headers, rows) + '\n');
  return 0;
}
