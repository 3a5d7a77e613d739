/**
 * The document → plan mapping: walks the document in reading order, follows the form's structure
 * by its headings (표지, 목차, 요약서, chapters I–VI with their sections and □/○ headings, 붙임 0),
 * collects each part's lines and tables, and turns them into the plan's fields. The form's guide
 * (★ lines, 작성요령 blocks) is recognised and dropped into the report; whatever has no place in
 * the plan goes into the report and, where it belongs to a section, into that section's text
 * marked for review.
 */
import { FORM_VERSION } from '../core/figures';
import { msg } from '../core/l10n';
import { SCHEMA } from '../core/schema/compile';
import type { SchemaNode } from '../core/schema/compile';
import { resolveRef } from '../core/schema/lookup';
import { Context, type PlanValue } from './context';
import { isCoverTable, mapCover } from './cover';
import { importError } from './errors';
import {
  CHAPTERS,
  ROMAN,
  SECTIONS,
  TITLE_PAGE_LINES,
  chapterOf,
  chapterTitleOf,
  isAttachmentHeading,
  isGuideHeading,
  isGuideLine,
  isSummaryHeading,
  isTocHeading,
  sectionOf,
  summaryItemOf,
  type Section,
  type Target,
} from './form-text';
import type { Item, Line, ReadDocument, Table, Where } from './read';
import {
  mapAchievements,
  mapBaseModels,
  mapCopayment,
  mapDeliverables,
  mapIndicators,
  institutionRow,
  mapInstitution,
  mapLeadResearcher,
  mapMilestones,
  mapStaff,
  mapStages,
  tableKind,
  type TableKind,
  type TableRun,
} from './tables';
import { isBareMarker, joinLines, linesToText, splitMarker } from './text';
import { isPlaceholder, loose, parseDatePeriod, parseMonthText } from './values';

const TABLE_TARGETS: Readonly<Record<TableKind, Target>> = {
  baseModels: 'mainContent.execution.baseModels',
  indicators: 'mainContent.goals.indicators',
  stages: 'gpuPlan.stages',
  copayment: 'gpuPlan.copayment',
  milestones: 'schedule.milestones',
  deliverables: 'schedule.deliverables',
  institution: 'institution.applicant',
  leadResearcher: 'institution.leadResearcher',
  achievements: 'institution.achievements',
  staff: 'staff',
};
const TABLE_ONLY = new Set<string>(Object.values(TABLE_TARGETS));

interface Bucket {
  readonly place: string;
  readonly lines: Line[];
  readonly tables: Table[];
}

type Part = 'front' | 'toc' | 'guide' | 'summary' | 'body';

const sectionPlace = (s: Section): string => `${ROMAN[s.chapter - 1]}-${s.number} ${s.title}`;
const chapterPlace = (chapter: number): string => `${ROMAN[chapter - 1]} ${CHAPTERS[chapter - 1]}`;

export interface Mapped {
  readonly plan: Record<string, PlanValue>;
  readonly ctx: Context;
  /** How many of the form's parts were recognised (표지, sections). */
  readonly recognised: number;
}

export function mapDocument(doc: ReadDocument): Mapped {
  const corpus = doc.items
    .map((i) =>
      i.kind === 'line'
        ? i.text
        : i.rows
            .flat()
            .map((a) => a.text)
            .join('\n'),
    )
    .join('\n');
  const ctx = new Context(doc.format === 'pdf', corpus);
  const buckets = new Map<string, Bucket>();
  const bucket = (key: string, place: string): Bucket => {
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { place, lines: [], tables: [] }));
    return b;
  };
  const frontLines: Line[] = [];
  let part: Part = 'front';
  let beforeGuide: Part = 'front';
  let chapter = 0;
  let section: Section | undefined;
  let target: string | undefined;
  let place = '표지';
  let tocChapter = 0;
  let recognised = 0;
  const seenSections = new Set<Section>();
  let lastTable: { kind: TableKind; cols: number; target: string } | undefined;
  let pendingChapterTitle = false;

  const enterChapter = (k: number) => {
    chapter = k;
    section = undefined;
    target = `chapter:${k}`;
    place = chapterPlace(k);
    part = 'body';
  };
  const enterSection = (s: Section) => {
    section = s;
    chapter = s.chapter;
    target = s.target;
    place = sectionPlace(s);
    part = 'body';
    if (!seenSections.has(s)) recognised++;
    seenSections.add(s);
  };

  const structural = (t: string): boolean =>
    isSummaryHeading(t) || isTocHeading(t) || isAttachmentHeading(t) || chapterOf(t) !== undefined || sectionOf(t, chapter) !== undefined;

  const onLine = (line: Line): void => {
    const t = line.text.trim();
    if (!t) return;
    // The form's guide: dropped, listed.
    if (part === 'guide') {
      if (!structural(t)) {
        line.used = true;
        ctx.guide(place, line.where, t);
        return;
      }
      part = beforeGuide;
    }
    if (isGuideLine(t)) {
      line.used = true;
      ctx.guide(place, line.where, t);
      return;
    }
    if (isGuideHeading(t)) {
      line.used = true;
      ctx.guide(place, line.where, t);
      beforeGuide = part;
      part = 'guide';
      return;
    }
    if (isTocHeading(t)) {
      line.used = true;
      part = 'toc';
      place = '목차';
      return;
    }
    if (isSummaryHeading(t)) {
      line.used = true;
      part = 'summary';
      place = '요약서';
      target = undefined;
      recognised++;
      return;
    }
    if (isAttachmentHeading(t)) {
      line.used = true;
      part = 'body';
      section = undefined;
      target = 'staff';
      place = '붙임 0 투입 인력 현황';
      recognised++;
      return;
    }
    const ch = chapterOf(t);
    const sec = ch ? undefined : sectionOf(t, chapter);
    if (part === 'toc' && (ch || sec)) {
      const k = ch?.chapter ?? sec?.chapter ?? 0;
      // The 목차 lists the chapters in order; meeting chapter I again after it is the body.
      if (!(ch && k <= tocChapter && tocChapter > 1)) {
        line.used = true;
        tocChapter = Math.max(tocChapter, k);
        return;
      }
    }
    if (ch) {
      line.used = true;
      enterChapter(ch.chapter);
      pendingChapterTitle = !ch.titled;
      if (ch.chapter > 0) recognised++;
      return;
    }
    if (pendingChapterTitle && chapterTitleOf(t) === chapter) {
      line.used = true;
      pendingChapterTitle = false;
      return;
    }
    pendingChapterTitle = false;
    if (part === 'summary') {
      const item = summaryItemOf(t);
      if (item) {
        line.used = true;
        target = item.target;
        place = `요약서 › ${item.number}. ${item.title}`;
        return;
      }
      if (!sec) {
        if (target) bucket(target, place).lines.push(line);
        else {
          line.used = true;
          ctx.unmapped('요약서', line.where, t, msg('text of the 요약서 outside its items 1–7'));
        }
        return;
      }
    }
    if (sec) {
      line.used = true;
      enterSection(sec);
      return;
    }
    if (section) {
      const { kind, text } = splitMarker(t);
      const heading = kind === 'square' || kind === 'circle' || kind === undefined ? loose(text) : '';
      const sub = heading ? section.subs.find((s) => s.pattern.test(heading)) : undefined;
      if (sub) {
        line.used = true;
        target = sub.target;
        place = `${sectionPlace(section)} › ${sub.label}`;
        return;
      }
      // □ 수행기간 : 2026.03.01.~2026.08.31.(6개월)
      if (section.chapter === 5 && section.number === 1 && /^수행기간/.test(loose(text))) {
        line.used = true;
        const value = text.replace(/^수행\s*기간\s*[:：]?\s*/, '');
        const period = parseDatePeriod(value.replace(/[(（][^)）]*개월[)）]\s*$/, ''));
        if (period?.start && period.end) ctx.set('schedule.period', period, `${sectionPlace(section)} › □ 수행기간`, line.where, t);
        else if (/yyyy|○/.test(value)) ctx.placeholder(`${sectionPlace(section)} › □ 수행기간`, line.where, t, 'schedule.period');
        else ctx.unmapped(`${sectionPlace(section)} › □ 수행기간`, line.where, t, msg('cannot read the project period here'));
        return;
      }
      // ○ 투입인력 : 총 6명 (2.25 m/y, 27 m/m)
      if (section.chapter === 6 && section.number === 2 && /^투입인력/.test(loose(text))) {
        line.used = true;
        const staffPlace = `${sectionPlace(section)} › ○ 투입인력`;
        const headcount = /총\s*([\d.]+)\s*명/.exec(text);
        const years = /([\d.]+)\s*m\/y/i.exec(text);
        const months = /([\d.]+)\s*m\/m/i.exec(text);
        if (headcount && !/^0+$/.test(headcount[1])) ctx.set('institution.staffing.headcount', Number(headcount[1]), staffPlace, line.where, t);
        if (years) ctx.set('institution.staffing.personYears', Number(years[1]), staffPlace, line.where, t);
        if (months) ctx.set('institution.staffing.personMonths', Number(months[1]), staffPlace, line.where, t);
        if (!headcount && !years && !months) ctx.placeholder(staffPlace, line.where, t, 'institution.staffing');
        else if (/00\s*명/.test(text)) ctx.placeholder(staffPlace, line.where, t, 'institution.staffing');
        return;
      }
    }
    if (part === 'front') {
      frontLines.push(line);
      return;
    }
    if (part === 'toc') {
      line.used = true;
      if (!/\d\s*$/.test(t)) ctx.unmapped('목차', line.where, t, msg('a line of the 목차 that names no part of the form'));
      return;
    }
    bucket(target ?? `chapter:${chapter}`, place).lines.push(line);
  };

  const onTable = (table: Table): void => {
    if (isCoverTable(table)) {
      mapCover(ctx, table);
      recognised++;
      lastTable = undefined;
      return;
    }
    const filled = table.rows.flat().filter((a) => a.text.trim());
    // Tables of the 작성요령 (유형, 오픈소스 공개대상 참고사항): guide as the rest of it.
    if (part === 'guide') {
      for (const a of filled) {
        a.used = true;
        ctx.guide(place, a.where, a.text);
      }
      return;
    }
    // The 요약서 as the form draws it: one table, its 작성 요령 rows first, then the items 1–7 and
    // what is written under each. The rows before the first item are guide; the rest is read as lines.
    if (part === 'summary') {
      const first = table.rows.findIndex((row) => row.some((a) => summaryItemOf(a.text.split('\n')[0] ?? '') !== undefined));
      if (first >= 0) {
        for (const a of table.rows.slice(0, first).flat()) {
          a.used = true;
          if (a.text.trim()) ctx.guide(place, a.where, a.text);
        }
        for (const a of table.rows.slice(first).flat()) {
          if (!a.text.trim()) continue;
          a.used = true;
          for (const text of a.text.split('\n')) if (text.trim()) onLine({ kind: 'line', text, where: a.where, used: false });
        }
        return;
      }
    }
    // The form's 작성요령 boxes.
    if (
      filled.length > 0 &&
      (isGuideHeading(filled[0].text.split('\n')[0]) || filled.every((a) => a.text.split('\n').every((l) => !l.trim() || isGuideLine(l) || isGuideHeading(l))))
    ) {
      for (const a of table.rows.flat()) {
        a.used = true;
        if (a.text.trim()) ctx.guide(place, a.where, a.text);
      }
      return;
    }
    // A frame around a heading (PDF): "I | 과제 개요".
    if (table.rows.length === 1 && filled.length <= 2) {
      for (const a of table.rows.flat()) a.used = true;
      onLine({ kind: 'line', text: filled.map((a) => a.text.replace(/\n/g, ' ')).join(' '), where: table.where, used: false });
      lastTable = undefined;
      return;
    }
    const kind = tableKind(table);
    if (kind) {
      const key = TABLE_TARGETS[kind];
      bucket(key, part === 'body' && target && TABLE_ONLY.has(target) ? place : placeOfTable(kind, place)).tables.push(table);
      lastTable = { kind, cols: table.cols, target: key };
      return;
    }
    if (lastTable && (lastTable.cols === table.cols || doc.format === 'pdf')) {
      bucket(lastTable.target, place).tables.push(table);
      return;
    }
    if (part === 'summary' || part === 'front' || part === 'toc') {
      for (const a of table.rows.flat()) {
        if (a.used || !a.text.trim()) continue;
        a.used = true;
        ctx.unmapped(place, a.where, a.text, msg('a table the form does not have here'));
      }
      return;
    }
    bucket(target ?? `chapter:${chapter}`, place).tables.push(table);
  };

  for (const item of doc.items) {
    if (item.kind === 'line') onLine(item);
    else onTable(item);
  }
  // Lines left in a bucket are used when the bucket is mapped.
  if (recognised < 2) throw importError.notTheForm();

  mapFront(ctx, frontLines);
  const year = projectYear(ctx);
  for (const [key, b] of buckets) mapBucket(ctx, key, b, year);
  finish(ctx);
  return { plan: ordered(ctx.plan, SCHEMA) as Record<string, PlanValue>, ctx, recognised };
}

function placeOfTable(kind: TableKind, fallback: string): string {
  const section = SECTIONS.find((s) => s.target === TABLE_TARGETS[kind] || s.subs.some((sub) => sub.target === TABLE_TARGETS[kind]));
  if (kind === 'staff') return '붙임 0 투입 인력 현황';
  return section ? sectionPlace(section) : fallback;
}

/** The title page: the form's words, the title and applicant again, the date. */
function mapFront(ctx: Context, lines: readonly Line[]): void {
  for (const line of lines) {
    line.used = true;
    const t = line.text.trim();
    const l = loose(t);
    if (TITLE_PAGE_LINES.includes(l)) continue;
    if (/^\d{4}\.?\s*\d{1,2}\.?$/.test(t.replace(/\s+/g, ''))) continue;
    const title = ctx.get('projectTitle');
    const name = ctx.get('applicant.name');
    if (typeof title === 'string' && (loose(title) === l || loose(title).includes(l))) continue;
    if (typeof name === 'string' && loose(name) === l) continue;
    ctx.unmapped('표지', line.where, t, msg('a line of the title page that has no field in the plan'));
  }
}

/** The project's year, for dates the form writes without it (붙임0's MMDD). */
function projectYear(ctx: Context): number | undefined {
  const start = ctx.get('schedule.period');
  if (typeof start === 'object' && !Array.isArray(start) && typeof start.start === 'string') return Number(start.start.slice(0, 4));
  const pledge = ctx.get('pledge.date');
  return typeof pledge === 'string' ? Number(pledge.slice(0, 4)) : undefined;
}

const textLines = (ctx: Context, place: string, lines: readonly Line[]): string[] => {
  const out: string[] = [];
  for (const line of lines) {
    line.used = true;
    const t = line.text.trim();
    if (!t || isBareMarker(t)) continue;
    if (/^해당\s*없음\.?$/.test(t)) continue;
    if (isPlaceholder(splitMarker(t).text)) {
      ctx.placeholder(place, line.where, t);
      continue;
    }
    out.push(t);
  }
  return out;
};

/** A table where text is expected: kept for review, row by row. */
function tableForReview(ctx: Context, b: Bucket, textPath: string | undefined): void {
  for (const table of b.tables) {
    for (const row of table.rows) {
      const cells = row.filter((a) => a.text.trim());
      for (const a of row) a.used = true;
      if (cells.length === 0) continue;
      ctx.unmapped(
        b.place,
        cells[0].where,
        cells.map((a) => a.text.replace(/\n/g, ' ')).join(' | '),
        msg('a table the form does not have in this part'),
        textPath,
      );
    }
  }
}

function mapBucket(ctx: Context, key: string, b: Bucket, year: number | undefined): void {
  const run: TableRun = { ctx, place: b.place, year };
  if (key.startsWith('chapter:')) {
    const chapter = Number(key.slice('chapter:'.length));
    const first = SECTIONS.find((s) => s.chapter === chapter);
    const textPath = first && !TABLE_ONLY.has(first.target) ? first.target : undefined;
    for (const line of b.lines) {
      line.used = true;
      if (isBareMarker(line.text)) continue;
      ctx.unmapped(b.place, line.where, line.text, msg('text under the chapter heading, before its first section'), textPath);
    }
    tableForReview(ctx, b, textPath);
    return;
  }
  if (key === 'projectTitle' || key === 'applicant.name') {
    const text = textLines(ctx, b.place, b.lines);
    const value = ctx.pdf ? text.reduce((a, x) => (a ? joinLines(a, x, ctx.corpus) : x), '') : text.join(' ');
    ctx.set(key, value, b.place, b.lines[0]?.where ?? {});
    tableForReview(ctx, b, undefined);
    return;
  }
  if (!TABLE_ONLY.has(key)) {
    const lines = textLines(ctx, b.place, b.lines);
    const text = linesToText(lines, { continuation: ctx.pdf, corpus: ctx.corpus });
    ctx.set(key, text, b.place, b.lines[0]?.where ?? {});
    tableForReview(ctx, b, key);
    return;
  }
  // Table parts.
  const setArray = (path: string, values: PlanValue[] | undefined) => {
    if (values && values.length > 0) ctx.set(path, values, b.place, b.tables[0]?.where ?? {});
  };
  switch (key as Target) {
    case 'mainContent.execution.baseModels':
      setArray(key, mapBaseModels(run, b.tables));
      break;
    case 'mainContent.goals.indicators':
      setArray(key, mapIndicators(run, b.tables));
      break;
    case 'gpuPlan.stages':
      setArray(key, mapStages(run, b.tables));
      break;
    case 'gpuPlan.copayment': {
      const copayment = mapCopayment(run, b.tables);
      if (copayment) ctx.set(key, copayment, b.place, b.tables[0]?.where ?? {});
      break;
    }
    case 'schedule.milestones': {
      const period = ctx.get('schedule.period');
      const startYear = typeof period === 'object' && !Array.isArray(period) && typeof period.start === 'string' ? Number(period.start.slice(0, 4)) : year;
      setArray(key, mapMilestones(run, b.tables, startYear));
      break;
    }
    case 'schedule.deliverables':
      setArray(key, [...mapDeliverables(run, b.tables), ...deliverablesFromLines(ctx, b)]);
      break;
    case 'institution.applicant':
      mapInstitution(run, b.tables);
      for (const line of b.lines) if (!line.used && institutionRow(run, line.text, line.where)) line.used = true;
      break;
    case 'institution.leadResearcher':
      if (b.tables.length > 0) {
        const lead = mapLeadResearcher(run, b.tables);
        for (const [field, value] of Object.entries(lead))
          if (!(Array.isArray(value) && value.length === 0 && ctx.get(`institution.leadResearcher.${field}`) !== undefined))
            ctx.set(`institution.leadResearcher.${field}`, value, b.place, b.tables[0].where);
      }
      break;
    case 'institution.achievements':
      setArray(key, [...mapAchievements(run, b.tables), ...achievementsFromLines(ctx, b)]);
      break;
    case 'staff':
      setArray(key, mapStaff(run, b.tables));
      break;
    default:
      break;
  }
  // Lines in a part that is a table: not mapped (there is no text field there).
  for (const line of b.lines) {
    if (line.used) continue;
    line.used = true;
    const t = line.text.trim();
    if (!t || isBareMarker(t) || /^해당\s*없음\.?$/.test(t)) continue;
    if (/^※\s*(배정\s*GPU\s*자원|실제\s*부담액)/.test(t)) {
      ctx.note('recomputed', b.place, line.where, t, msg('computed by gpuplan from the GPU request and the applicant type'));
      continue;
    }
    if (/^※\s*표의\s*12개월\s*밖\s*일정/.test(t)) {
      ctx.note('recomputed', b.place, line.where, t, msg('computed by gpuplan from the milestones'));
      continue;
    }
    ctx.unmapped(b.place, line.where, t, msg('text where the form has a table; the plan keeps the table only'));
  }
  for (const table of b.tables)
    for (const a of table.rows.flat()) {
      if (a.used || !a.text.trim()) continue;
      a.used = true;
      ctx.unmapped(b.place, a.where, a.text, msg('a cell of the table that could not be read'));
    }
}

/** 주요 산출물 written as bullets: "ㅇ 산출물명 (2026.04.)" or "산출물명 : 2026. 4." */
function deliverablesFromLines(ctx: Context, b: Bucket): PlanValue[] {
  const out: PlanValue[] = [];
  for (const line of b.lines) {
    const { text } = splitMarker(line.text);
    const m = /^(.*?)\s*[(（:：-]\s*((?:\d{4}|['’]\d{2})\s*[.년-]\s*\d{1,2}\s*[.월]?)\s*[)）]?\s*(.*)$/.exec(text);
    const due = m ? parseMonthText(m[2]) : undefined;
    if (!m || !due || !m[1].trim()) continue;
    line.used = true;
    out.push({ name: m[1].trim(), due, ...(m[3].trim() ? { description: m[3].replace(/^[,:：-]\s*/, '').trim() } : {}) });
  }
  return out;
}

/** 주요 실적 written as bullets: "ㅇ (2025.09.) 실적명 …" or "실적명 (2025.09.)". */
function achievementsFromLines(ctx: Context, b: Bucket): PlanValue[] {
  const out: PlanValue[] = [];
  for (const line of b.lines) {
    const { text } = splitMarker(line.text);
    const date = parseMonthText(text);
    if (!date || text.length < 6) continue;
    line.used = true;
    const title = text
      .replace(/[(（]?\s*\d{4}\s*[.년-]\s*\d{1,2}\s*[.월]?\s*[)）]?/, '')
      .replace(/\s+/g, ' ')
      .trim();
    out.push({ category: 'other', title: title || text, date });
    ctx.note('notice', b.place, line.where, text, msg('read as an achievement of kind 기타: choose its kind'), 'institution.achievements');
  }
  return out;
}

/** After every part: the acknowledgement, the form version, text kept for review, staffing figures. */
function finish(ctx: Context): void {
  ctx.set('formVersion', FORM_VERSION.value, '표지', {});
  const publications = ctx.get('disclosure.publications');
  if (publications !== undefined) {
    const m = /이\s*성과는\s*정부.*?연구임\s*(?:[(（][^)）]*[)）])?/.exec(allText(ctx));
    if (m) ctx.set('disclosure.publications.acknowledgement', m[0].trim(), 'IV-3 AI 생태계 기여 계획', {});
    else
      ctx.note(
        'notice',
        '표지',
        {},
        '',
        msg('publications are planned but the official acknowledgement (사사) is not in the document: add it'),
        'disclosure.publications.acknowledgement',
      );
  }
  for (const [path, list] of ctx.review) {
    const existing = ctx.get(path);
    const merged: PlanValue = existing === undefined ? list : Array.isArray(existing) ? [...existing, ...list] : [existing, ...list];
    const keys = path.split('.');
    let node = ctx.plan as Record<string, PlanValue>;
    for (const key of keys.slice(0, -1)) {
      const next = node[key] as PlanValue | undefined;
      if (typeof next !== 'object' || Array.isArray(next)) node[key] = {};
      node = node[key] as Record<string, PlanValue>;
    }
    node[keys[keys.length - 1]] = merged;
  }
}

const allText = (ctx: Context): string => {
  const strings: string[] = [];
  const walk = (v: PlanValue | undefined): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(ctx.get('dissemination') ?? {});
  walk(ctx.plan);
  return strings.join('\n');
};

/** The plan's keys in the schema's order (the order of the form), unknown ones last. */
function ordered(value: PlanValue, schema: SchemaNode | undefined): PlanValue {
  const node = resolveRef(schema);
  if (Array.isArray(value)) return value.map((v) => ordered(v, node?.items ?? resolveRef(node)?.items));
  if (typeof value !== 'object') return value;
  const keys = Object.keys(node?.properties ?? {});
  const out: Record<string, PlanValue> = {};
  for (const key of [...keys.filter((k) => k in value), ...Object.keys(value).filter((k) => !keys.includes(k))])
    out[key] = ordered(value[key], node?.properties?.[key]);
  return out;
}

export type { Where, Item };
