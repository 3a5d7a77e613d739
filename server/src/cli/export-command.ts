/**
 * `gpuplan export FILE --format docx|html|hwpx|hwp|pdf -o OUT`: writes the plan as a document in the
 * form's layout. The document is always Korean (the form is); `--lang` only changes these messages.
 *
 * A plan with errors still exports, with the open findings listed at the end of the document; the
 * command then exits 1 unless `--force` is given. Exit 2: the command could not run (usage, input
 * file, existing output without `--overwrite`, no PDF tool).
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlanService } from '../core';
import {
  EXPORT_EXTENSIONS,
  EXPORT_FORMATS,
  HwpWriteError,
  PdfToolFailedError,
  PdfToolMissingError,
  RhwpUnavailableError,
  defaultOutputPath,
  formatFromPath,
  type ExportFormat,
} from '../export';
import { InputError, UsageError, helpPage, parse, readPlan, type Io } from './common';

const PDF_ENGINES = ['auto', 'chromium', 'libreoffice'] as const;

export const exportHelp = (): string =>
  helpPage(
    'gpuplan export FILE [--format docx|html|hwpx|hwp|pdf] [-o OUT] [--force] [--overwrite] [--lang ko|en]',
    l10n.t('Writes the plan as a document in the layout of the official form (표지, 요약서, chapters I–VI, 붙임), ready to check and submit.'),
    [
      ['--format docx|html|hwpx|hwp|pdf', l10n.t('document format (default: from the extension of OUT, else docx)')],
      ['-o, --output OUT', l10n.t("file to write (default: FILE with the format's extension)")],
      ['--force', l10n.t('exit with 0 even when the plan has errors (they are listed at the end of the document)')],
      ['--overwrite', l10n.t('replace OUT if it exists')],
      ['--pdf-engine auto|chromium|libreoffice', l10n.t('tool that makes the PDF (default: Chromium if found, else LibreOffice)')],
      ['--lang ko|en', l10n.t('language of the messages (the document is always Korean, as the form is)')],
      ['-h, --help', l10n.t('show this help')],
    ],
    [l10n.t('Exit code: 0 when written, 1 when written but the plan has errors (without --force), 2 when nothing was written.')],
  );

const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = { docx: 'DOCX', html: 'HTML', hwpx: 'HWPX', hwp: 'HWP', pdf: 'PDF' };

function chooseFormat(format: string | undefined, output: string | undefined): ExportFormat {
  const fromOutput = output !== undefined ? formatFromPath(output) : undefined;
  if (format !== undefined) {
    const chosen = format as ExportFormat;
    if (fromOutput !== undefined && fromOutput !== chosen) {
      throw new UsageError(l10n.t('The output {0} does not end in {1}, which --format {2} writes.', output as string, EXPORT_EXTENSIONS[chosen], chosen));
    }
    return chosen;
  }
  if (output === undefined) return 'docx';
  if (fromOutput === undefined) throw new UsageError(l10n.t('Cannot tell the format from the name {0}: add --format docx, html, hwpx, hwp or pdf.', output));
  return fromOutput;
}

/** Writes next to the target and renames, so a failed export never leaves half a file. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

export async function exportCommand(args: string[], io: Io, service: PlanService): Promise<number> {
  const { values: raw, positionals } = parse(
    args,
    {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      overwrite: { type: 'boolean' },
      'pdf-engine': { type: 'string' },
    },
    EXPORT_FORMATS,
  );
  const values = raw as typeof raw & { output?: string; force?: boolean; overwrite?: boolean; 'pdf-engine'?: string };
  if (values.help) {
    io.stdout.write(exportHelp() + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(l10n.t('Name exactly one plan file.'));
  const engine = values['pdf-engine'];
  if (engine !== undefined && !(PDF_ENGINES as readonly string[]).includes(engine)) {
    throw new UsageError(l10n.t('Unknown PDF engine "{0}". Choose one of: {1}.', engine, PDF_ENGINES.join(', ')));
  }
  const file = positionals[0];
  const format = chooseFormat(values.format, values.output);
  const output = values.output ?? defaultOutputPath(file, format);
  const text = readPlan(file, io.cwd);

  const target = path.resolve(io.cwd, output);
  if (target === path.resolve(io.cwd, file)) throw new InputError(l10n.t('The output {0} is the plan itself; choose another file with -o.', output));
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw new InputError(l10n.t('{0} is a folder; name a file to write with -o.', output));
    if (!values.overwrite) throw new InputError(l10n.t('{0} already exists. Add --overwrite to replace it.', output));
  }

  // The document is always Korean, as the form is.
  const analysis = service.analyze(text, { locale: 'ko' });
  let result;
  try {
    result = await service.exportDocument(analysis, format, { pdfEngine: engine ?? 'auto', includeFindings: true });
  } catch (error) {
    if (error instanceof PdfToolMissingError) {
      throw new InputError(
        l10n.t(
          'Cannot make a PDF: neither Chromium (chromium, chromium-browser, google-chrome) nor LibreOffice (soffice, libreoffice) was found on the PATH. Install one of them (e.g. "apt-get install chromium" or "apt-get install libreoffice-writer-nogui"), or export --format docx or html and print it to PDF yourself.',
        ),
      );
    }
    if (error instanceof PdfToolFailedError) throw new InputError(l10n.t('The PDF tool failed: {0}', error.message));
    if (error instanceof RhwpUnavailableError || error instanceof HwpWriteError) throw new InputError(l10n.t('Cannot make the HWP: {0}', error.message));
    throw error;
  }
  writeAtomically(target, result.bytes);

  io.stdout.write(
    (result.tool ? l10n.t('Wrote {0} (PDF, made with {1}).', output, result.tool) : l10n.t('Wrote {0} ({1}).', output, FORMAT_NAMES[format])) + '\n',
  );
  const errors = analysis.findings.filter((f) => f.severity === 'error').length;
  const warnings = analysis.findings.filter((f) => f.severity === 'warning').length;
  if (analysis.findings.length === 0) return 0;
  const message = l10n.t(
    'The plan has {0} error(s) and {1} warning(s); the document lists them at its end. Run "gpuplan check {2}" to see them, fix them and export again.',
    errors,
    warnings,
    file,
  );
  io.stderr.write(message + '\n');
  if (errors > 0 && !values.force) {
    io.stderr.write(l10n.t('Exit code 1 because of the errors; add --force to exit with 0.') + '\n');
    return 1;
  }
  return 0;
}
