/**
 * `gpuplan import FILE [-o OUT.gpuplan.json] [--overwrite] [--report text|json]`: reads the filled
 * form (HWP, HWPX, DOCX or PDF) back into a plan and lists everything it did not map.
 *
 * The plan is written whole by cli/files.ts (a temporary file, then an exclusive hard link or,
 * with --overwrite, a rename):
 * an existing file is never replaced unless --overwrite is given. Exit 0 when the
 * plan was written (whatever the report lists); 2 when nothing was written (usage, a file that is
 * not a document of the form, an existing output).
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { render } from '../core/l10n';
import type { Locale, PlanService } from '../core';
import { ImportError, MAX_DOCUMENT_BYTES, importDocument, reportJson, reportText } from '../import';
import { InputError, UsageError, helpPage, parse, type Io } from './common';
import { FileError, checkWriteTarget, writeFileSafely, type FileIdentity, type WriteOptions } from './files';

const REPORT_FORMATS = ['text', 'json'] as const;

export const importHelp = (): string =>
  helpPage(
    'gpuplan import FILE [-o OUT.gpuplan.json] [--overwrite] [--report text|json] [--lang ko|en]',
    l10n.t('Reads a filled (or half-filled) 사업수행계획서 — HWP, HWPX, DOCX or PDF — back into a plan, and reports everything it did not map.'),
    [
      ['-o, --output OUT', l10n.t('plan file to write (default: FILE with .gpuplan.json)')],
      ['--overwrite', l10n.t('replace OUT if it exists')],
      ['--report text|json', l10n.t('how to print the import report (default: text)')],
      ['--all', l10n.t('list the dropped guide lines too (text report)')],
      ['--lang ko|en', l10n.t('language of the messages and the report')],
      ['-h, --help', l10n.t('show this help')],
    ],
    [
      l10n.t('Nothing is sent anywhere: the document is read on this computer, without character recognition (a scanned PDF cannot be imported).'),
      l10n.t('Exit code: 0 when the plan was written, 2 when nothing was written.'),
    ],
  );

/** `plan.hwpx` → `plan.gpuplan.json`, next to it. */
export function defaultImportPath(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name.replace(/\.gpuplan$/i, '')}.gpuplan.json`);
}

/** The document's bytes and who it is (so that no name of it is ever written over): a regular file within the size limit. */
function readDocumentFile(file: string, cwd: string): { bytes: Uint8Array; identity: FileIdentity } {
  const resolved = path.resolve(cwd, file);
  let stat: fs.BigIntStats;
  try {
    stat = fs.statSync(resolved, { bigint: true });
  } catch {
    throw new InputError(l10n.t('File not found: {0}', file));
  }
  if (stat.isDirectory()) throw new InputError(l10n.t('{0} is a folder; name the document to import.', file));
  if (!stat.isFile()) throw new InputError(l10n.t('{0} is not a regular file (a device, a pipe or a socket); name the document to import.', file));
  if (stat.size > BigInt(MAX_DOCUMENT_BYTES))
    throw new InputError(l10n.t('{0} is larger than {1} MB, more than a plan can be.', file, MAX_DOCUMENT_BYTES / 1024 / 1024));
  let realPath = resolved;
  try {
    realPath = fs.realpathSync(resolved);
  } catch {
    // the path as given
  }
  return { bytes: fs.readFileSync(resolved), identity: { dev: stat.dev, ino: stat.ino, realPath } };
}

/** files.ts says what went wrong with a file in words; the CLI prints it and exits 2. */
function safely<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof FileError) throw new InputError(error.message);
    throw error;
  }
}

export async function importCommand(args: string[], io: Io, locale: Locale, service: PlanService): Promise<number> {
  const { values: raw, positionals } = parse(
    args,
    { output: { type: 'string', short: 'o' }, overwrite: { type: 'boolean' }, report: { type: 'string' }, all: { type: 'boolean' } },
    [],
  );
  const values = raw as typeof raw & { output?: string; overwrite?: boolean; report?: string; all?: boolean };
  if (values.help) {
    io.stdout.write(importHelp() + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(l10n.t('Name exactly one document to import (HWP, HWPX, DOCX or PDF).'));
  if (values.report !== undefined && !(REPORT_FORMATS as readonly string[]).includes(values.report)) {
    throw new UsageError(l10n.t('Unknown report format "{0}". Choose one of: {1}.', values.report, REPORT_FORMATS.join(', ')));
  }
  const file = positionals[0];
  const output = values.output ?? defaultImportPath(file);
  const target = path.resolve(io.cwd, output);
  if (target === path.resolve(io.cwd, file)) throw new InputError(l10n.t('The output {0} is the document itself; choose another file with -o.', output));
  const { bytes, identity } = readDocumentFile(file, io.cwd);
  // The plan is written by files.ts: a temporary file, then an exclusive link (or with --overwrite
  // a rename); never over a folder, a device, a link without asking, or the document by another name.
  const writeOptions: WriteOptions = { overwrite: values.overwrite === true, protect: [identity], display: output };
  safely(() => {
    checkWriteTarget(target, writeOptions);
  });
  let result;
  try {
    result = await importDocument(bytes, path.basename(file), {
      check: (text) => {
        const findings = service.analyze(text, { locale }).findings;
        return {
          errors: findings.filter((f) => f.severity === 'error').length,
          warnings: findings.filter((f) => f.severity === 'warning').length,
          information: findings.filter((f) => f.severity === 'information' || f.severity === 'hint').length,
        };
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(`${path.basename(file)}: ${render(locale, error.detail)}`);
    throw error;
  }
  safely(() => writeFileSafely(target, Buffer.from(result.text, 'utf8'), writeOptions));
  const wrote = l10n.t('Wrote {0}. Check it with "gpuplan check {0}".', output);
  if (values.report === 'json') {
    io.stderr.write(wrote + '\n');
    io.stdout.write(JSON.stringify(reportJson(locale, result.report), null, 2) + '\n');
  } else {
    io.stdout.write(wrote + '\n' + reportText(locale, result.report, values.all === true));
  }
  if (!/\.gpuplan\.json$/i.test(output))
    io.stderr.write(l10n.t('Note: VS Code checks files named *.gpuplan.json; rename {0} to use the editor.', output) + '\n');
  return 0;
}
