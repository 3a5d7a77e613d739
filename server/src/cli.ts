/**
 * The `gpuplan` command line: `check`, `cost`, `export`, `import` and `rules`. Wiring only: it reads the
 * arguments, creates the core's service with the export writers, and hands each command to its
 * module under cli/.
 *
 * Exit codes: 0 success; 1 `check` found an error, or `export` refused a plan with errors; 2 the
 * command could not run (usage, a file that cannot be read or written: a sentence, never a stack
 * trace); 129/130/143 an export stopped by SIGHUP/SIGINT/SIGTERM.
 */
import * as l10n from '@vscode/l10n';
import koBundle from '../../l10n/bundle.l10n.ko.json';
import pkg from '../../package.json';
import { checkCommand } from './cli/check-command';
import { InputError, UsageError, type Io } from './cli/common';
import { costCommand } from './cli/cost-command';
import { exportCommand } from './cli/export-command';
import { FileError, fileError } from './cli/files';
import { importCommand } from './cli/import-command';
import { rulesCommand } from './cli/rules-command';
import { createPlanService, normalizeLocale, type Locale } from './core';
import { createExporters } from './export';

export type { Io } from './cli/common';

function chooseLocale(argv: readonly string[], env: Io['env']): Locale {
  const index = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = index < 0 ? undefined : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  return (
    normalizeLocale(flag) ??
    normalizeLocale(env.GPUPLAN_LANG) ??
    normalizeLocale(env.LC_ALL) ??
    normalizeLocale(env.LC_MESSAGES) ??
    normalizeLocale(env.LANG) ??
    'ko'
  );
}

const usage = (): string =>
  [
    l10n.t('gpuplan {0}: checks and prices plans for the Advanced GPU Utilization Support Program (첨단 GPU 활용 지원 사업).', pkg.version),
    '',
    l10n.t('Usage:'),
    '  gpuplan check FILE... [--format stylish|json|sarif] [--lang ko|en]',
    '  gpuplan cost FILE [--format table|json] [--lang ko|en]',
    '  gpuplan export FILE [--format docx|html|hwpx|hwp|pdf] [-o OUT] [--force] [--overwrite] [--include-findings] [--lang ko|en]',
    '  gpuplan import FILE [-o OUT.gpuplan.json] [--overwrite] [--report text|json] [--lang ko|en]',
    '  gpuplan rules [--format table|json] [--lang ko|en]',
    '  gpuplan --version',
    '',
    l10n.t('Run "gpuplan COMMAND --help" for the options of a command.'),
  ].join('\n');

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const locale = chooseLocale(argv, io.env);
  l10n.config({ contents: locale === 'ko' ? koBundle : {} });
  const service = createPlanService({ exporters: createExporters() });
  // argv may be empty: the command is then undefined (the usage, exit 2).
  const command = argv.at(0);
  const rest = argv.slice(1);
  try {
    switch (command) {
      case 'check':
        return checkCommand(rest, io, locale, service);
      case 'cost':
        return costCommand(rest, io, locale, service);
      case 'export':
        return await exportCommand(rest, io, service, locale);
      case 'import':
        return await importCommand(rest, io, locale, service);
      case 'rules':
        return rulesCommand(rest, io, locale);
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
    if (error instanceof InputError || error instanceof FileError) {
      io.stderr.write(`gpuplan: ${error.message}\n`);
      return 2;
    }
    // A file-system error no command foresaw is still a sentence, not a stack trace.
    if (typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string') {
      const failure = error as NodeJS.ErrnoException;
      io.stderr.write(
        `gpuplan: ${fileError(failure.syscall === 'open' || failure.syscall === 'read' ? 'read' : 'write', failure.path ?? '', failure).message}\n`,
      );
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
