/**
 * What is written and what is left: `gpuplan/overview` (the form's chapters and sections, each
 * written, partly written, empty or missing, with its findings and the blanks still to fill),
 * and the notion of a *blank* that the diagnostics use too.
 *
 * A blank is a finding about a value the plan has not written yet: an empty value ("", [], {}),
 * or a placeholder or sample value gpuplan itself inserted (New Plan, Insert Section, snippets:
 * "〔기업(관)명〕", 1900-01-01, name@example.com). A new plan is nothing but blanks, and they are
 * not mistakes: they are what is left to write. A client that lists them in its own overview
 * (initializationOptions.blanks = "information", the VS Code client) gets them at the
 * information level: still listed in the Problems panel and squiggled (blue), so an applicant
 * sees every one, but apart from the errors and warnings that are real mistakes. A level the user
 * set for a rule is kept as it is, and the CLI (`gpuplan check`) never softens anything.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { figures, type Analysis, type Finding, type JsonPath } from '../../core';
import {
  OVERVIEW_MAX_BLANKS,
  OverviewRequest,
  type OverviewBlank,
  type OverviewChapter,
  type OverviewCounts,
  type OverviewEntry,
  type OverviewState,
  type OverviewText,
  type PlanOverview,
} from '../../../../shared/src/protocol';
import { t, type ServerContext } from '../context';
import { rangeOf } from '../convert';

/** The ids of gpuplan's own placeholders and sample values (figures.ts), as template-guide-left reports them. */
const OWN_PLACEHOLDER_IDS: ReadonlySet<string> = new Set(figures.PROJECT_PLACEHOLDERS.value.map((p) => p.id));
const OWN_PLACEHOLDERS: readonly RegExp[] = figures.PROJECT_PLACEHOLDERS.value.map((p) => new RegExp(p.pattern.source, 'gu'));
/** A letter or digit: what is left of a string once its placeholders are taken out, if anything was written. */
const WRITTEN = /[\p{L}\p{N}]/u;

export type BlankKind = OverviewBlank['kind'];

export interface Blank {
  readonly kind: BlankKind;
  /** The path of the value to write. */
  readonly path: JsonPath;
  /** What to select so that typing replaces it (offsets). */
  readonly offset: number;
  readonly length: number;
  readonly text?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at `path` of a parsed plan (any JSON), or undefined. */
function valueAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value) && typeof segment === 'string' && Object.prototype.hasOwnProperty.call(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}

/** Whether a string holds only gpuplan's placeholders or sample values (and which), or nothing. */
function blankString(text: string): BlankKind | undefined {
  if (!WRITTEN.test(text)) return 'empty';
  let rest = text;
  let placeholder = false as boolean; // set in the callback below
  for (const [index, pattern] of OWN_PLACEHOLDERS.entries()) {
    rest = rest.replace(pattern, () => {
      if (index === 0) placeholder = true;
      return ' ';
    });
  }
  if (rest === text || WRITTEN.test(rest)) return undefined;
  return placeholder ? 'placeholder' : 'sample';
}

/**
 * Whether a value is not written yet: an empty or placeholder string, an empty list or object,
 * or a list or object of nothing but such values. Numbers and booleans are written values.
 */
export function blankValue(value: unknown): BlankKind | undefined {
  if (value === null) return 'empty';
  if (typeof value === 'string') return blankString(value);
  const parts = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : undefined;
  if (!parts) return undefined;
  if (parts.length === 0) return 'empty';
  let kind: BlankKind | undefined;
  for (const part of parts) {
    const own = blankValue(part);
    if (!own) return undefined;
    kind = kind === undefined || kind === 'empty' ? own : kind;
  }
  return kind;
}

/** Whether the value has anything written in it (a string, number or boolean that is not a blank). */
function hasWritten(value: unknown): boolean {
  if (typeof value === 'string') return blankString(value) === undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some(hasWritten);
  if (isRecord(value)) return Object.values(value).some(hasWritten);
  return false;
}

/** The blank a finding is about, if it is about one. */
export function blankOf(analysis: Analysis, finding: Finding): Blank | undefined {
  const path = finding.path;
  if (!path) return undefined;
  const data = isRecord(finding.data) ? finding.data : undefined;
  // gpuplan's own placeholder or sample value inside a string: select just that text.
  if (finding.code === 'template-guide-left' && typeof data?.kind === 'string' && OWN_PLACEHOLDER_IDS.has(data.kind)) {
    const value = valueAt(analysis.plan, path);
    if (typeof value === 'string' && blankString(value) === undefined) return undefined; // written around it: a real leftover
    return {
      kind: data.kind === 'projectPlaceholder' ? 'placeholder' : 'sample',
      path,
      offset: finding.offset,
      length: finding.length,
      ...(typeof data.text === 'string' ? { text: data.text } : {}),
    };
  }
  // A missing property is not a blank: the section is not there at all.
  if (data?.keyword === 'required') return undefined;
  const value = valueAt(analysis.plan, path);
  const kind = value === undefined ? undefined : blankValue(value);
  if (!kind) return undefined;
  const span = analysis.document.spanAt(path) ?? { offset: finding.offset, length: finding.length };
  // Inside the quotes or brackets: the cursor lands where the text goes.
  const inner = span.length >= 2 && (typeof value === 'string' || (kind === 'empty' && typeof value === 'object'));
  const text = typeof value === 'string' && kind !== 'empty' ? value : undefined;
  return { kind, path, offset: inner ? span.offset + 1 : span.offset, length: inner ? span.length - 2 : span.length, ...(text ? { text } : {}) };
}

/**
 * Whether the diagnostics show this finding as information (to write): the client lists blanks itself, the
 * finding is about a blank, and the user did not set its rule's level.
 */
export function shownAsBlank(context: ServerContext, analysis: Analysis, finding: Finding): boolean {
  return context.client().blanksApart && analysis.options.severity?.[finding.code] === undefined && blankOf(analysis, finding) !== undefined;
}

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]) => prefix.every((segment, i) => path[i] === segment);

/** Where a finding belongs in the overview: its path, or the missing property it names. */
function placeOf(finding: Finding): JsonPath {
  const path = finding.path ?? [];
  const data = isRecord(finding.data) ? finding.data : undefined;
  const missing: unknown =
    data?.keyword === 'required' && Array.isArray(data.missing) && data.missing.length === 1 ? (data.missing as unknown[])[0] : undefined;
  return typeof missing === 'string' ? [...path, missing] : path;
}

const zero = (): OverviewCounts => ({ errors: 0, warnings: 0, information: 0, toWrite: 0 });

interface Placed {
  readonly path: JsonPath;
  readonly finding: Finding;
  readonly blank?: Blank;
}

/** Counts of the findings under `path`: blanks to write (one per place), the others by severity. */
function countsUnder(placed: readonly Placed[], path: JsonPath): { counts: OverviewCounts; blanks: Blank[] } {
  const counts = zero();
  const blanks = new Map<number, Blank>();
  for (const p of placed) {
    if (!startsWith(p.path, path)) continue;
    if (p.blank) {
      if (!blanks.has(p.blank.offset)) blanks.set(p.blank.offset, p.blank);
    } else if (p.finding.severity === 'error') counts.errors++;
    else if (p.finding.severity === 'warning') counts.warnings++;
    else counts.information++;
  }
  counts.toWrite = blanks.size;
  return { counts, blanks: [...blanks.values()].sort((a, b) => a.offset - b.offset) };
}

function stateOf(value: unknown, counts: OverviewCounts): OverviewState {
  if (value === undefined) return 'missing';
  if (counts.toWrite === 0 && blankValue(value) === undefined) return 'written';
  return hasWritten(value) ? 'partial' : 'empty';
}

/** The overview of one analysed document. */
export function overviewOf(context: ServerContext, document: TextDocument, analysis: Analysis): PlanOverview {
  const { service } = context;
  const plan: unknown = analysis.plan;
  const locale = context.locale();
  const placed: Placed[] = analysis.findings.map((finding) => {
    const blank = blankOf(analysis, finding);
    return { path: blank?.path ?? placeOf(finding), finding, ...(blank ? { blank } : {}) };
  });
  const label = (path: JsonPath): string => service.hover(analysis, path, locale).label ?? String(path[path.length - 1]);
  const blankItems = (blanks: readonly Blank[]): OverviewBlank[] =>
    blanks.slice(0, OVERVIEW_MAX_BLANKS).map((b) => ({
      label: label(b.path),
      path: [...b.path],
      range: rangeOf(document, b.offset, b.length),
      kind: b.kind,
      ...(b.text !== undefined ? { text: b.text } : {}),
    }));
  const keyRange = (path: JsonPath) => {
    const span = analysis.document.spanAt(path, typeof path[path.length - 1] === 'number' ? 'value' : 'key') ?? analysis.document.spanAt(path);
    return span ? rangeOf(document, span.offset, span.length) : undefined;
  };
  // Row names as the outline gives them ("1. 홍길동", "1단계 2026.03.~2026.08.").
  const outline = service.outline(analysis);
  const rowNames = (key: string): string[] => {
    const item = outline.find((i) => i.detail === key) ?? outline.flatMap((i) => i.children).find((i) => i.detail === key);
    return item?.children.map((c) => c.name) ?? [];
  };

  const entry = (path: JsonPath, name?: string): OverviewEntry => {
    const value = valueAt(plan, path);
    const { counts, blanks } = countsUnder(placed, path);
    const range = value === undefined ? undefined : keyRange(path);
    return {
      path: [...path],
      label: name ?? label(path),
      state: stateOf(value, counts),
      counts,
      ...(range ? { range } : {}),
      blanks: blankItems(blanks),
      text: NO_TEXT,
    };
  };
  /** The parts of a section: its properties, or its rows. */
  const partsOf = (key: string): OverviewEntry[] => {
    const value = valueAt(plan, [key]);
    if (Array.isArray(value)) {
      const names = rowNames(key);
      return value.map((_, i) => entry([key, i], names[i] ?? `${i + 1}`));
    }
    return isRecord(value) ? Object.keys(value).map((child) => entry([key, child])) : [];
  };

  const sections = service.sections(analysis);
  const chapters: OverviewChapter[] = [];
  for (const section of sections) {
    const last = chapters.at(-1);
    if (last && last.part === section.part && last.key === undefined) {
      last.entries.push(entry([section.key], section.label));
      continue;
    }
    const cover = sections.filter((s) => s.part === section.part).length > 1;
    if (cover) {
      chapters.push({
        part: section.part,
        label: section.part,
        state: 'missing',
        counts: zero(),
        entries: [entry([section.key], section.label)],
        blanks: [],
        text: NO_TEXT,
      });
      continue;
    }
    const value = valueAt(plan, [section.key]);
    const { counts, blanks } = countsUnder(placed, [section.key]);
    const entries = partsOf(section.key);
    const outside = blanks.filter((b) => !entries.some((e) => startsWith(b.path, e.path)));
    const range = value === undefined ? undefined : keyRange([section.key]);
    chapters.push({
      part: section.part,
      label: section.label,
      key: section.key,
      state: stateOf(value, counts),
      counts,
      ...(range ? { range } : {}),
      entries,
      blanks: blankItems(outside),
      text: NO_TEXT,
    });
  }
  // A chapter of several sections (표지): their sums, and a state from theirs.
  for (const chapter of chapters) {
    if (chapter.key !== undefined) continue;
    const counts = zero();
    for (const e of chapter.entries) for (const k of Object.keys(counts) as Array<keyof OverviewCounts>) counts[k] += e.counts[k];
    chapter.counts = counts;
    const states = chapter.entries.map((e) => e.state);
    chapter.state = states.every((s) => s === 'written')
      ? 'written'
      : states.every((s) => s === 'missing')
        ? 'missing'
        : states.every((s) => s === 'empty' || s === 'missing')
          ? 'empty'
          : 'partial';
  }

  const totals = { ...countsUnder(placed, []).counts, sections: sections.length, writtenSections: 0 };
  for (const chapter of chapters) {
    if (chapter.key !== undefined) totals.writtenSections += chapter.state === 'written' ? 1 : 0;
    else totals.writtenSections += chapter.entries.filter((e) => e.state === 'written').length;
  }
  // The words of each part, so that every client says them alike.
  for (const chapter of chapters) {
    chapter.text = textOf(context, chapter.state, chapter.counts);
    for (const e of chapter.entries) e.text = textOf(context, e.state, e.counts);
  }
  const formVersion = valueAt(plan, ['formVersion']);
  return {
    uri: document.uri,
    version: document.version,
    ...(typeof formVersion === 'string' ? { formVersion } : {}),
    formVersionKnown: formVersion === figures.FORM_VERSION.value,
    formVersions: [figures.FORM_VERSION.value],
    chapters,
    totals,
    totalsText: { counts: countsText(context, totals), sections: t(context, '{0} of {1} sections written', totals.writtenSections, totals.sections) },
  };
}

/** Filled in at the end, once the states are known. */
const NO_TEXT: OverviewText = { state: '', counts: '' };

const STATE_WORDS: Record<OverviewState, string> = { written: 'written', partial: 'partly written', empty: 'not written yet', missing: 'missing' };

/** "3 to write · 1 error · 2 warnings": the counts that are not zero, in words. */
function countsText(context: ServerContext, counts: OverviewCounts): string {
  const parts: string[] = [];
  if (counts.toWrite > 0) parts.push(t(context, '{0} to write', counts.toWrite));
  if (counts.errors > 0) parts.push(counts.errors === 1 ? t(context, '1 error') : t(context, '{0} errors', counts.errors));
  if (counts.warnings > 0) parts.push(counts.warnings === 1 ? t(context, '1 warning') : t(context, '{0} warnings', counts.warnings));
  return parts.join(' · ');
}

const textOf = (context: ServerContext, state: OverviewState, counts: OverviewCounts): OverviewText => ({
  state: t(context, STATE_WORDS[state]),
  counts: countsText(context, counts),
});

/** Severity counts of what the editor shows: blanks apart (to write), the rest by level. */
export function shownCounts(context: ServerContext, analysis: Analysis): OverviewCounts {
  const counts = zero();
  const blanks = new Set<number>();
  for (const finding of analysis.findings) {
    const blank = context.client().blanksApart && analysis.options.severity?.[finding.code] === undefined ? blankOf(analysis, finding) : undefined;
    if (blank) blanks.add(blank.offset);
    else if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.information++;
  }
  counts.toWrite = blanks.size;
  return counts;
}

export function registerOverview(context: ServerContext): void {
  context.connection.onRequest(OverviewRequest, ({ uri }) => {
    const document = context.documents.get(uri);
    return document ? overviewOf(context, document, context.store.analysisOf(document)) : null;
  });
}
