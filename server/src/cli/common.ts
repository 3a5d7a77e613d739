/** What the CLI's commands share: the terminal they write to, their errors, help pages, arguments, reading a plan. */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parse as parseTolerantly } from 'jsonc-parser';
import { SCHEMA, normalizeLocale } from '../core';
import type { ToolHost } from '../export';
import { readTextFile, type FileIdentity } from './files';
import { printable } from './report';

export interface Io {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Where to look for the PDF tools (tests give a fake machine); this machine by default. */
  readonly toolHost?: ToolHost;
}

/** A mistake in how the command was called: print it with a hint to --help. */
export class UsageError extends Error {}
/** A file that cannot be read as a plan. */
export class InputError extends Error {}

/** A command's --help: usage, what it does, its options with their flags aligned, and notes. */
export function helpPage(usageLine: string, summary: string, options: ReadonlyArray<readonly [string, string]>, notes: readonly string[] = []): string {
  const width = options.reduce((w, [flag]) => Math.max(w, flag.length), 0);
  return [
    usageLine,
    '',
    summary,
    '',
    l10n.t('Options:'),
    ...options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

export function parse(args: string[], options: ParseArgsConfig['options'], formats: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...options, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
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

/** A plan as read from its file. */
export interface PlanInput {
  readonly text: string;
  /** Who the file is (device and inode): an export never writes over it, whatever the name. */
  readonly identity: FileIdentity;
}

/**
 * Reads a plan file safely (files.ts: regular files only, a size limit, strict UTF-8 or UTF-16
 * with a BOM). A file that is not a plan — JSON whose fields are none of the form's — is refused.
 * With `lenient` (for `check`), what the editor would report stays the analysis' business: an
 * empty file, a file that is not JSON and JSON that is not an object are returned, to be reported
 * as `syntax` and `schema` findings, and so is any `*.gpuplan.json`.
 */
export function readPlan(file: string, cwd: string, options: { readonly lenient?: boolean } = {}): PlanInput {
  let read;
  try {
    read = readTextFile(path.resolve(cwd, file), { display: file });
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
  const { text } = read;
  // Read tolerantly: a plan with syntax errors is still a plan, and `check` reports them.
  const value: unknown = parseTolerantly(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (options.lenient && (!isObject || /\.gpuplan\.json$/i.test(file))) return read;
  const knownKeys = Object.keys(SCHEMA.properties ?? {});
  const keys = isObject ? Object.keys(value) : undefined;
  const looksLikePlan = keys !== undefined && (keys.length === 0 || keys.some((k) => knownKeys.includes(k)));
  if (!looksLikePlan) {
    throw new InputError(
      l10n.t('{0} is not a gpuplan plan: expected a JSON object with the form\'s fields (such as "projectTitle" and "gpu").', printable(file)),
    );
  }
  return read;
}
