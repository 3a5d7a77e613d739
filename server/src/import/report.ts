/**
 * The import report: everything of the document that is not a value of the plan, with where it
 * was and why. Nothing of the document is dropped silently: a passage is either mapped, or the
 * form's own words (headings, labels, the pledge), or listed here.
 */
import { msg, render, type Locale, type Message } from '../core/l10n';
import type { SourceFormat, Where } from './read';

export type EntryKind = 'unmapped' | 'guide' | 'placeholder' | 'recomputed' | 'conflict' | 'notice';

export interface ReportEntry {
  readonly kind: EntryKind;
  /** The part of the form (`II-1 과제 수행 계획 › □ 과제 추진 현황`), in the form's words. */
  readonly place: string;
  readonly where: Where;
  readonly text: string;
  readonly reason: Message;
  /** The plan field it concerns, or where it was kept for review. */
  readonly path?: string;
}

export interface ImportReport {
  readonly file: string;
  readonly format: SourceFormat;
  readonly pages?: number;
  /** Values written into the plan (strings, numbers, flags). */
  readonly values: number;
  readonly entries: readonly ReportEntry[];
  /** What `gpuplan check` says about the imported plan. */
  readonly check?: { readonly errors: number; readonly warnings: number; readonly information: number };
}

const FORMAT_NAMES: Readonly<Record<SourceFormat, string>> = { hwp: 'HWP', hwp3: 'HWP 3', hwpx: 'HWPX', hwpml: 'HWPML', docx: 'DOCX', pdf: 'PDF' };

export function whereText(locale: Locale, entry: Pick<ReportEntry, 'place' | 'where'>): string {
  const parts = [entry.place];
  const w = entry.where;
  if (w.page !== undefined) parts.push(render(locale, msg('page {0}', w.page)));
  if (w.table !== undefined && w.row !== undefined && w.col !== undefined)
    parts.push(render(locale, msg('table {0}, row {1}, column {2}', w.table, w.row, w.col)));
  else if (w.table !== undefined) parts.push(render(locale, msg('table {0}', w.table)));
  return parts.filter(Boolean).join(', ');
}

const HEADINGS: Readonly<Record<EntryKind, string>> = {
  unmapped: 'Not mapped (review these: the text is kept in the section it came from, marked [가져오기 검토], where there is one)',
  conflict: 'Written twice, differently (the first one was kept)',
  placeholder: "Left as the form's placeholder (not filled in)",
  recomputed: 'Figures gpuplan computes itself (read, not copied)',
  guide: "The form's guide text (★ lines, 작성요령), dropped as the form asks",
  notice: 'Notes',
};
const ORDER: readonly EntryKind[] = ['unmapped', 'conflict', 'placeholder', 'notice', 'recomputed', 'guide'];

export function headingOf(locale: Locale, kind: EntryKind): string {
  return render(locale, msg(HEADINGS[kind]));
}

export function summaryLine(locale: Locale, report: ImportReport): string {
  const count = (kind: EntryKind) => report.entries.filter((e) => e.kind === kind).length;
  return render(
    locale,
    msg(
      "Read {0} ({1}{2}): {3} value(s) mapped into the plan, {4} passage(s) not mapped, {5} placeholder(s) left unfilled, {6} line(s) of the form's guide dropped.",
      report.file,
      FORMAT_NAMES[report.format],
      report.pages !== undefined ? `, ${render(locale, msg('{0} page(s)', report.pages))}` : '',
      report.values,
      count('unmapped') + count('conflict'),
      count('placeholder'),
      count('guide'),
    ),
  );
}

export function checkLine(locale: Locale, report: ImportReport): string | undefined {
  if (!report.check) return undefined;
  const { errors, warnings, information } = report.check;
  return render(
    locale,
    msg('gpuplan check: {0} error(s), {1} warning(s), {2} information — the fields the document did not fill are among them.', errors, warnings, information),
  );
}

const oneLine = (text: string, max = 300): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The report as Markdown (shown beside the plan in VS Code). */
export function reportMarkdown(locale: Locale, report: ImportReport): string {
  const out: string[] = [`# ${render(locale, msg('Import report: {0}', report.file))}`, '', summaryLine(locale, report)];
  const check = checkLine(locale, report);
  if (check) out.push('', check);
  for (const kind of ORDER) {
    const entries = report.entries.filter((e) => e.kind === kind);
    if (entries.length === 0) continue;
    out.push('', `## ${headingOf(locale, kind)} (${entries.length})`, '');
    for (const e of entries) {
      const text = e.text ? `“${oneLine(e.text).replace(/([*_`[\]<>])/g, '\\$1')}”` : '';
      out.push(`- **${whereText(locale, e)}** — ${render(locale, e.reason)}${e.path ? ` (\`${e.path}\`)` : ''}${text ? `  \n  ${text}` : ''}`);
    }
  }
  if (report.entries.length === 0) out.push('', render(locale, msg('Every passage of the document was mapped into the plan.')));
  return out.join('\n') + '\n';
}

/** The report as plain text (the terminal). Guide lines are counted, not listed, unless `all`. */
export function reportText(locale: Locale, report: ImportReport, all = false): string {
  const out: string[] = [summaryLine(locale, report)];
  const check = checkLine(locale, report);
  if (check) out.push(check);
  for (const kind of ORDER) {
    const entries = report.entries.filter((e) => e.kind === kind);
    if (entries.length === 0) continue;
    out.push('', `${headingOf(locale, kind)} (${entries.length})`);
    const shown = kind === 'guide' && !all ? [] : entries;
    for (const e of shown)
      out.push(`  - ${whereText(locale, e)}: ${render(locale, e.reason)}${e.path ? ` [${e.path}]` : ''}${e.text ? `\n      ${oneLine(e.text, 200)}` : ''}`);
    if (shown.length === 0) out.push(`  ${render(locale, msg('(listed with --report json)'))}`);
  }
  return out.join('\n') + '\n';
}

/** The report as JSON (`--report json`, and the wire), messages in the locale. */
export function reportJson(locale: Locale, report: ImportReport) {
  return {
    file: report.file,
    format: report.format,
    ...(report.pages !== undefined ? { pages: report.pages } : {}),
    values: report.values,
    ...(report.check ? { check: report.check } : {}),
    summary: summaryLine(locale, report),
    entries: report.entries.map((e) => ({
      kind: e.kind,
      place: e.place,
      ...e.where,
      where: whereText(locale, e),
      text: e.text,
      reason: render(locale, e.reason),
      ...(e.path ? { path: e.path } : {}),
    })),
  };
}

export type ReportJson = ReturnType<typeof reportJson>;
