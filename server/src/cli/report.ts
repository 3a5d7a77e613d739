/** Output formats of `gpuplan check`: stylish (for people), json, and SARIF 2.1.0 (for code scanning). */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { INTERNAL_ERROR, LineIndex, RULES, type Finding, type Locale } from '../core';
import { rulePagePath, ruleHelp } from './rule-docs';
import { columns } from './text-table';

export interface FileReport {
  /** The path as the user gave it. */
  readonly file: string;
  readonly text: string;
  readonly findings: readonly Finding[];
}

export interface JsonFinding {
  file: string;
  code: string;
  severity: Finding['severity'];
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export function toJson(reports: readonly FileReport[]): JsonFinding[] {
  return reports.flatMap(({ file, text, findings }) => {
    const lines = new LineIndex(text);
    return findings.map((f) => ({ file, code: f.code, severity: f.severity, message: f.message, range: lines.rangeOf(f.offset, f.length) }));
  });
}

const COLORS = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  information: '\x1b[36m',
  hint: '\x1b[90m',
  dim: '\x1b[2m',
  underline: '\x1b[4m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

/** Control and bidirectional-override characters from a plan (or a file name) must not reach the terminal raw: \u001b[2J clears it, U+202E reorders what is shown. */
export const printable = (text: string): string =>
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * JSON text for the terminal: the same value, with the characters JSON.stringify leaves raw but a
 * terminal acts on (C1 controls, line and paragraph separators, bidirectional overrides) escaped.
 */
export const printableJson = (json: string): string =>
  json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function toStylish(reports: readonly FileReport[], color: boolean): string {
  const paint = (code: keyof typeof COLORS, text: string) => (color ? COLORS[code] + text + COLORS.reset : text);
  const out: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const { file, text, findings } of reports) {
    if (findings.length === 0) continue;
    const lines = new LineIndex(text);
    out.push(paint('underline', printable(file)));
    const rows = findings.map((f) => {
      counts[f.severity]++;
      const { line, character } = lines.positionAt(f.offset);
      return { where: `${line + 1}:${character + 1}`, severity: f.severity, label: l10n.t(f.severity), message: printable(f.message), code: f.code };
    });
    const whereWidth = rows.reduce((w, r) => Math.max(w, r.where.length), 0);
    const labelWidth = rows.reduce((w, r) => Math.max(w, columns(r.label)), 0);
    for (const r of rows) {
      const label = r.label + ' '.repeat(labelWidth - columns(r.label));
      out.push(`  ${paint('dim', r.where.padEnd(whereWidth))}  ${paint(r.severity, label)}  ${r.message}  ${paint('dim', r.code)}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  if (total === 0) {
    out.push(l10n.t('No problems found in {0} file(s).', reports.length));
  } else {
    const summary = l10n.t(
      '{0} problem(s): {1} error(s), {2} warning(s), {3} information.',
      total,
      counts.error,
      counts.warning,
      counts.information + counts.hint,
    );
    out.push(paint(counts.error > 0 ? 'error' : 'warning', paint('bold', `✖ ${summary}`)));
  }
  return out.join('\n');
}

const SARIF_LEVEL: Record<Finding['severity'], Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function artifactUri(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).map(encodeURIComponent).join('/');
  return pathToFileURL(absolute).href;
}

export function toSarif(reports: readonly FileReport[], version: string, locale: Locale, cwd = process.cwd()): Log {
  const codes = [...RULES.map((rule) => rule.code), INTERNAL_ERROR.code];
  const descriptor = (rule: { code: string; severity: Finding['severity']; description: Record<Locale, string> }): ReportingDescriptor => ({
    id: rule.code,
    name: rule.code.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: rule.description[locale] },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
  });
  // Each rule's fullDescription and help are its documentation page (docs/rules/<code>.md)
  // without the examples, in the language of the run.
  const rules: ReportingDescriptor[] = [
    ...RULES.map((rule): ReportingDescriptor => ({
      ...descriptor(rule),
      fullDescription: { text: rule.docs.checks[locale] },
      help: ruleHelp(rule, locale),
      properties: { page: rulePagePath(rule.code) },
    })),
    descriptor(INTERNAL_ERROR),
  ];
  const results: Result[] = reports.flatMap(({ file, text, findings }) => {
    const lines = new LineIndex(text);
    const uri = artifactUri(file, cwd);
    return findings.map((f): Result => {
      const { start, end } = lines.rangeOf(f.offset, f.length);
      return {
        ruleId: f.code,
        ruleIndex: codes.indexOf(f.code),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
        ...(f.related?.length
          ? {
              relatedLocations: f.related.map((r, id) => {
                const range = lines.rangeOf(r.offset, r.length);
                return {
                  id,
                  message: { text: r.message },
                  physicalLocation: {
                    artifactLocation: { uri },
                    region: {
                      startLine: range.start.line + 1,
                      startColumn: range.start.character + 1,
                      endLine: range.end.line + 1,
                      endColumn: range.end.character + 1,
                    },
                  },
                };
              }),
            }
          : {}),
      };
    });
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gpuplan', semanticVersion: version, version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
