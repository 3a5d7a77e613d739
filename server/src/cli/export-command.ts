/**
 * `gpuplan export FILE --format docx|html|hwpx|hwp|pdf -o OUT`: writes the plan as a document in the
 * form's layout. The document is always Korean (the form is); `--lang` only changes these messages.
 *
 * The document is the submission: the plan's findings are printed into it only with
 * `--include-findings`. A plan with errors is refused — nothing is written, exit 1 — unless
 * `--force` is given; errors and warnings are listed on stderr. Exit 2: the command could not
 * run (usage, input file, a target that must not be replaced, no PDF tool, a file-system error).
 *
 * Files are written by files.ts (exclusive temporary file, no-clobber publish, the plan
 * recognised under any name). Ctrl-C, SIGTERM and SIGHUP stop the PDF tool with all its
 * processes, remove every temporary file and folder, and exit 130, 143 or 129.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { Analysis, Finding, Locale, PlanService } from '../core';
import {
  EXPORT_EXTENSIONS,
  EXPORT_FORMATS,
  HwpWriteError,
  PdfToolFailedError,
  PdfToolMissingError,
  PdfToolPathError,
  RhwpUnavailableError,
  defaultOutputPath,
  findPdfTools,
  formatFromPath,
  type ExportFormat,
  type PdfTools,
} from '../export';
import { InputError, UsageError, helpPage, parse, readPlan, type Io } from './common';
import { FileError, MAX_PLAN_BYTES, checkWriteTarget, removePendingTemporaryFiles, writeFileSafely, type WriteOptions } from './files';
import { printable, toStylish } from './report';

const PDF_ENGINES = ['auto', 'chromium', 'libreoffice'] as const;

export const exportHelp = (): string =>
  helpPage(
    'gpuplan export FILE [--format docx|html|hwpx|hwp|pdf] [-o OUT] [--force] [--overwrite] [--include-findings] [--lang ko|en]',
    l10n.t('Writes the plan as a document in the layout of the official form (표지, 요약서, chapters I–VI, 붙임), ready to check and submit.'),
    [
      ['--format docx|html|hwpx|hwp|pdf', l10n.t('document format (default: from the extension of OUT, else docx)')],
      ['-o, --output OUT', l10n.t("file to write (default: FILE with the format's extension)")],
      ['--force', l10n.t('export even when the plan has errors (they are listed on stderr)')],
      ['--include-findings', l10n.t("list the plan's open findings on a page at the end of the document (not for submission)")],
      ['--overwrite', l10n.t('replace OUT if it is an existing regular file')],
      ['--follow-symlinks', l10n.t('when OUT is a symbolic link, write to the file it points to (without it, a link is refused)')],
      [
        '--pdf-engine auto|chromium|libreoffice',
        l10n.t('tool that makes the PDF (default: the one --pdf-browser names, else Chrome, Edge or Chromium if found, else LibreOffice)'),
      ],
      ['--pdf-browser PATH', l10n.t('the program that makes the PDF: Chrome, Edge, Chromium or LibreOffice (soffice), by path or by name on the PATH')],
      ['--lang ko|en', l10n.t('language of the messages (the document is always Korean, as the form is)')],
      ['-h, --help', l10n.t('show this help')],
    ],
    [
      l10n.t('Exit code: 0 when written, 1 when nothing was written because the plan has errors (see --force), 2 when nothing was written for another reason.'),
      l10n.t(
        'An existing file is replaced only with --overwrite, and never when it is the plan, a folder, a device or a FIFO. Plans larger than {0} MB are not read.',
        Math.round(MAX_PLAN_BYTES / (1024 * 1024)),
      ),
    ],
  );

const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = { docx: 'DOCX', html: 'HTML', hwpx: 'HWPX', hwp: 'HWP', pdf: 'PDF' };

function chooseFormat(format: string | undefined, output: string | undefined): ExportFormat {
  const fromOutput = output !== undefined ? formatFromPath(output) : undefined;
  if (format !== undefined) {
    const chosen = format as ExportFormat;
    if (fromOutput !== undefined && fromOutput !== chosen) {
      throw new UsageError(
        l10n.t('The output {0} does not end in {1}, which --format {2} writes.', printable(output as string), EXPORT_EXTENSIONS[chosen], chosen),
      );
    }
    return chosen;
  }
  if (output === undefined) return 'docx';
  if (fromOutput === undefined)
    throw new UsageError(l10n.t('Cannot tell the format from the name {0}: add --format docx, html, hwpx, hwp or pdf.', printable(output)));
  return fromOutput;
}

/** The PDF tools, with the one `--pdf-browser` names; a named tool that cannot run is an error, not a fallback. */
function pdfTools(browser: string | undefined, io: Io): PdfTools {
  const named = browser !== undefined && /[\\/]/.test(browser) ? path.resolve(io.cwd, browser) : browser;
  try {
    return findPdfTools({ ...(named !== undefined ? { browser: named } : {}), env: io.env, ...(io.toolHost ? { host: io.toolHost } : {}) });
  } catch (error) {
    if (!(error instanceof PdfToolPathError)) throw error;
    const tool = printable(error.tool);
    switch (error.problem) {
      case 'missing':
        throw new InputError(l10n.t('The PDF tool {0} given with --pdf-browser does not exist.', tool));
      case 'not-on-path':
        throw new InputError(l10n.t('The PDF tool {0} given with --pdf-browser is not a program on the PATH.', tool));
      case 'folder':
        throw new InputError(l10n.t('The PDF tool {0} given with --pdf-browser is a folder, not a program.', tool));
      case 'relative':
        throw new InputError(l10n.t('The PDF tool {0} given with --pdf-browser must be a path or a program name on the PATH.', tool));
      default:
        throw new InputError(l10n.t('The PDF tool {0} given with --pdf-browser is not a program this user may run.', tool));
    }
  }
}

function missingToolMessage(engine: string): string {
  if (engine === 'chromium') {
    return l10n.t(
      'Cannot make a PDF with --pdf-engine chromium: no Chrome, Edge or Chromium was found, on the PATH or where their installers put them. Install one, name it with --pdf-browser PATH, or leave out --pdf-engine to use LibreOffice.',
    );
  }
  if (engine === 'libreoffice') {
    return l10n.t(
      'Cannot make a PDF with --pdf-engine libreoffice: LibreOffice (soffice) was not found, on the PATH or where its installer puts it. Install it, name it with --pdf-browser PATH, or leave out --pdf-engine to use a browser.',
    );
  }
  return l10n.t(
    'Cannot make a PDF: no Chrome, Edge or Chromium and no LibreOffice was found, on the PATH or where their installers put them. Install one of them (e.g. "apt-get install chromium" or "apt-get install libreoffice-writer-nogui"), name one with --pdf-browser PATH, or export --format docx or html and print it to PDF yourself.',
  );
}

const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** The export was interrupted by a signal. */
class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

/**
 * While `work` runs, Ctrl-C, SIGTERM and SIGHUP abort it (the PDF tool and its processes end, its
 * folder is removed) instead of killing this process with the temporary files in place. A second
 * signal exits at once, after removing the temporary files.
 */
async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const handlers = (Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]).map((name) => {
    const handler = () => {
      if (controller.signal.aborted) {
        removePendingTemporaryFiles();
        process.exit(SIGNAL_EXIT[name]); // the PDF tools are ended by their exit hook
      }
      controller.abort(new Interrupted(name));
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  try {
    return await work(controller.signal);
  } finally {
    for (const [name, handler] of handlers) process.off(name, handler);
  }
}

/** The errors and warnings of the plan, as `check` prints them in the user's language (information is left to `check`). */
function listFindings(io: Io, file: string, text: string, findings: readonly Finding[]): void {
  const shown = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  if (shown.length > 0) io.stderr.write(toStylish([{ file, text, findings: shown }], false) + '\n');
}

export async function exportCommand(args: string[], io: Io, service: PlanService, locale: Locale = 'ko'): Promise<number> {
  const { values: raw, positionals } = parse(
    args,
    {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      overwrite: { type: 'boolean' },
      'follow-symlinks': { type: 'boolean' },
      'include-findings': { type: 'boolean' },
      'pdf-engine': { type: 'string' },
      'pdf-browser': { type: 'string' },
    },
    EXPORT_FORMATS,
  );
  const values = raw as typeof raw & {
    output?: string;
    force?: boolean;
    overwrite?: boolean;
    'follow-symlinks'?: boolean;
    'include-findings'?: boolean;
    'pdf-engine'?: string;
    'pdf-browser'?: string;
  };
  if (values.help) {
    io.stdout.write(exportHelp() + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(l10n.t('Name exactly one plan file.'));
  const engine = values['pdf-engine'];
  if (engine !== undefined && !(PDF_ENGINES as readonly string[]).includes(engine)) {
    throw new UsageError(l10n.t('Unknown PDF engine "{0}". Choose one of: {1}.', printable(engine), PDF_ENGINES.join(', ')));
  }
  if (values['pdf-browser'] !== undefined && !values['pdf-browser'].trim()) throw new UsageError(l10n.t('--pdf-browser needs the path of a program.'));
  const file = positionals[0];
  const format = chooseFormat(values.format, values.output);
  const output = values.output ?? defaultOutputPath(file, format);
  const plan = readPlan(file, io.cwd);

  const target = path.resolve(io.cwd, output);
  const writeOptions: WriteOptions = {
    overwrite: values.overwrite === true,
    followSymlinks: values['follow-symlinks'] === true,
    protect: [plan.identity],
    display: output,
  };
  const fileProblem = (error: unknown): never => {
    if (error instanceof FileError) throw new InputError(error.message);
    throw error;
  };
  // Refuse before the work: a target that must not be replaced is refused before a PDF is made for it.
  try {
    checkWriteTarget(target, writeOptions);
  } catch (error) {
    fileProblem(error);
  }

  // The document is always Korean, as the form is.
  const analysis = service.analyze(plan.text, { locale: 'ko' });
  // The messages on stderr in the user's language (the document's findings page stays Korean).
  let inUserLanguage: Analysis | undefined;
  const userFindings = (): readonly Finding[] => (locale === 'ko' ? analysis : (inUserLanguage ??= service.analyze(plan.text, { locale }))).findings;
  const errors = analysis.findings.filter((f) => f.severity === 'error').length;
  const warnings = analysis.findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0 && !values.force) {
    listFindings(io, file, plan.text, userFindings());
    io.stderr.write(
      l10n.t(
        'Nothing was written: the plan has {0} error(s) and {1} warning(s), listed above. Fix the errors and export again, or add --force to export it as it is.',
        errors,
        warnings,
      ) + '\n',
    );
    return 1;
  }
  const tools = format === 'pdf' ? pdfTools(values['pdf-browser'], io) : undefined;

  const includeFindings = values['include-findings'] === true;
  let written: string;
  let tool: string | undefined;
  try {
    // The handlers stay while the file is written: a signal then waits for the (synchronous) write,
    // which either publishes the whole file or removes its temporary file.
    ({ tool, written } = await interruptible(async (signal) => {
      const result = await service.exportDocument(analysis, format, {
        pdfEngine: engine ?? 'auto',
        includeFindings,
        signal,
        ...(tools ? { pdfTools: tools } : {}),
      });
      if (signal.aborted) throw signal.reason;
      return { tool: result.tool, written: writeFileSafely(target, result.bytes, writeOptions) };
    }));
  } catch (error) {
    removePendingTemporaryFiles();
    if (error instanceof Interrupted) {
      io.stderr.write(l10n.t('Export stopped ({0}): nothing was written, and its temporary files and PDF tool processes were removed.', error.signal) + '\n');
      return SIGNAL_EXIT[error.signal] ?? 130;
    }
    if (error instanceof PdfToolMissingError) throw new InputError(missingToolMessage(error.engine));
    if (error instanceof PdfToolFailedError) throw new InputError(l10n.t('The PDF tool failed: {0}', printable(error.message)));
    if (error instanceof RhwpUnavailableError || error instanceof HwpWriteError)
      throw new InputError(l10n.t('Cannot make the HWP: {0}', printable(error.message)));
    return fileProblem(error);
  }

  const shownName = printable(written === target ? output : `${output} -> ${written}`);
  io.stdout.write(
    (tool ? l10n.t('Wrote {0} (PDF, made with {1}).', shownName, printable(tool)) : l10n.t('Wrote {0} ({1}).', shownName, FORMAT_NAMES[format])) + '\n',
  );
  if (errors + warnings > 0) {
    listFindings(io, file, plan.text, userFindings());
    io.stderr.write(
      (includeFindings
        ? l10n.t(
            'The plan has {0} error(s) and {1} warning(s), listed above and on the last page of the document. Leave out --include-findings for the copy you submit.',
            errors,
            warnings,
          )
        : l10n.t(
            'The plan has {0} error(s) and {1} warning(s), listed above; the document does not show them. Run "gpuplan check {2}" for every finding.',
            errors,
            warnings,
            printable(file),
          )) + '\n',
    );
  }
  return 0;
}
