/**
 * The `gpuplan` command line: `check`, `cost` (and `export`). A thin edge over the core: it reads
 * files, calls the same `analyzeDocument`/`computeCost` as the language server, and prints.
 *
 * Exit codes: 0 success; 1 `check` found an error; 2 the command could not run (usage, file).
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import koBundle from '../../l10n/bundle.l10n.ko.json';
import pkg from '../../package.json';
import { toJson, toSarif, toStylish, type FileReport } from './cli/report';
import { exportCommand } from './cli/export-command';
import { renderTable } from './cli/text-table';
import { SCHEMA, analyzeDocument, costTable, formatKoreanDate, groupThousands, normalizeLocale, parseDocument, type Locale } from './core';

export interface Io {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** A mistake in how the command was called: print it with a hint to --help. */
export class UsageError extends Error {}
/** A file that cannot be read as a plan. */
export class InputError extends Error {}

function chooseLocale(argv: readonly string[], env: Io['env']): Locale {
  const index = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = index < 0 ? undefined : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  return normalizeLocale(flag) ?? normalizeLocale(env.GPUPLAN_LANG) ?? normalizeLocale(env.LC_ALL) ?? normalizeLocale(env.LC_MESSAGES) ?? normalizeLocale(env.LANG) ?? 'ko';
}

const usage = (): string =>
  [
    l10n.t('gpuplan {0}: checks and prices plans for the Advanced GPU Utilization Support Program (첨단 GPU 활용 지원 사업).', pkg.version),
    '',
    l10n.t('Usage:'),
    '  gpuplan check FILE... [--format stylish|json|sarif] [--lang ko|en]',
    '  gpuplan cost FILE [--format table|json] [--lang ko|en]',
    '  gpuplan export FILE [--format docx|html|hwpx|pdf] [-o OUT] [--force] [--overwrite] [--lang ko|en]',
    '  gpuplan --version',
    '',
    l10n.t('Run "gpuplan COMMAND --help" for the options of a command.'),
  ].join('\n');

/** A command's --help: usage, what it does, its options with their flags aligned, and notes. */
export function helpPage(usageLine: string, summary: string, options: ReadonlyArray<readonly [string, string]>, notes: readonly string[] = []): string {
  const width = options.reduce((w, [flag]) => Math.max(w, flag.length), 0);
  return [usageLine, '', summary, '', l10n.t('Options:'), ...options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

const checkHelp = (): string =>
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

const costHelp = (): string =>
  helpPage(
    'gpuplan cost FILE [--format table|json] [--lang ko|en]',
    l10n.t('Prints the form\'s co-payment table (III-3 민간부담금 산출내역) with the amount the applicant pays.'),
    [
      ['--format table|json', l10n.t('output format (default table)')],
      ['--lang ko|en', l10n.t('language of the labels')],
      ['-h, --help', l10n.t('show this help')],
    ],
  );

export function parse(args: string[], options: ParseArgsConfig['options'], formats: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(text);
    throw new UsageError(unknown ? l10n.t('Unknown option: {0}', unknown[1]) : text);
  }
  const values = parsed.values as { format?: string; lang?: string; help?: boolean };
  if (values.format !== undefined && !formats.includes(values.format)) {
    throw new UsageError(l10n.t('Unknown format "{0}". Choose one of: {1}.', values.format, formats.join(', ')));
  }
  if (values.lang !== undefined && !normalizeLocale(values.lang)) {
    throw new UsageError(l10n.t('Unknown language "{0}". Choose ko or en.', values.lang));
  }
  return { values, positionals: parsed.positionals };
}

export function readPlan(file: string, cwd: string): { text: string; document: ReturnType<typeof parseDocument> } {
  const resolved = path.resolve(cwd, file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new InputError(l10n.t('File not found: {0}', file));
  }
  if (stat.isDirectory()) throw new InputError(l10n.t('{0} is a folder, not a plan file.', file));
  const text = fs.readFileSync(resolved, 'utf8');
  const document = parseDocument(text);
  const value = document.value;
  const knownKeys = Object.keys(SCHEMA.properties ?? {});
  const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : undefined;
  const looksLikePlan = keys !== undefined && (keys.length === 0 || keys.some((k) => knownKeys.includes(k)));
  if (!looksLikePlan) {
    throw new InputError(l10n.t('{0} is not a gpuplan plan: expected a JSON object with the form\'s fields (such as "projectTitle" and "gpu").', file));
  }
  return { text, document };
}

function check(args: string[], io: Io, locale: Locale): number {
  const { values, positionals } = parse(args, { format: { type: 'string' } }, ['stylish', 'json', 'sarif']);
  if (values.help) {
    io.stdout.write(checkHelp() + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(l10n.t('Name at least one plan file to check.'));
  const reports: FileReport[] = [];
  for (const file of positionals) {
    const { text, document } = readPlan(file, io.cwd);
    reports.push({ file, text, findings: analyzeDocument(document, { locale }).findings });
  }
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

function cost(args: string[], io: Io, locale: Locale): number {
  const { values, positionals } = parse(args, { format: { type: 'string' } }, ['table', 'json']);
  if (values.help) {
    io.stdout.write(costHelp() + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(l10n.t('Name exactly one plan file.'));
  const { document } = readPlan(positionals[0], io.cwd);
  const { cost: model } = analyzeDocument(document, { locale });
  const table = costTable(model, locale);
  if (values.format === 'json') {
    io.stdout.write(JSON.stringify({ file: positionals[0], ...model, table }, null, 2) + '\n');
    return 0;
  }
  const lines = [l10n.t('III-3. Co-payment (민간부담금 산출내역)'), ''];
  if (table.row) {
    lines.push(renderTable(table.headers, [table.row]), '');
    lines.push(`${l10n.t('Applicable amount')}: ${table.applicable ?? '—'} (${table.policy})`);
    if (table.gpuLine) lines.push(`${l10n.t('GPU capacity')}: ${table.gpuLine}`);
    lines.push(`${l10n.t('On-site eligibility review (적격성 심사, 현장발표)')}: ${model.onsiteReview ? l10n.t('required') : l10n.t('not required')}`);
    lines.push(`${l10n.t('Page budget of the body')}: ${l10n.t('about {0} pages', model.pageBudget)}`);
  } else {
    lines.push(table.summary);
  }
  if (model.stages.length > 0) {
    lines.push('', l10n.t('III-2. GPU use by stage'));
    const headers = [l10n.t('Stage'), l10n.t('Period'), l10n.t('Servers'), l10n.t('GPUs'), l10n.t('GPU-hours'), l10n.t('Expected use')];
    const rows = model.stages.map((s) => [
      String(s.index + 1),
      s.start && s.end ? `${formatKoreanDate(s.start)} ~ ${formatKoreanDate(s.end)}` : '—',
      s.servers?.toString() ?? '—',
      s.gpus?.toString() ?? '—',
      s.gpuHours !== undefined ? groupThousands(s.gpuHours) : '—',
      s.expectedGpuHours !== undefined ? `${groupThousands(s.expectedGpuHours)} (${s.expectedUtilizationPercent}%)` : '—',
    ]);
    lines.push(renderTable(headers, rows));
  }
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const locale = chooseLocale(argv, io.env);
  l10n.config({ contents: locale === 'ko' ? koBundle : {} });
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest, io, locale);
      case 'cost':
        return cost(rest, io, locale);
      case 'export':
        return await exportCommand(rest, io);
      case '--version':
      case '-v':
        io.stdout.write(pkg.version + '\n');
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(usage() + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(l10n.t('Unknown command "{0}".', command));
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`gpuplan: ${error.message}\n${l10n.t('Run "gpuplan --help" for usage.')}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr.write(`gpuplan: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`gpuplan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
