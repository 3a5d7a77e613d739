/**
 * The form's tables into the plan's arrays: 단계별 활용 계획, 민간부담금, 마일스톤, 주요 산출물,
 * 신청기관 현황, 총괄책임자 (학력, 경력, 정부지원과제), 주요 실적, 붙임0 투입 인력 현황, and the
 * two tables of chapter II (활용 모델, 성과 지표). A table is known by its header row; its columns
 * by their labels; a row split over two pages (PDF) is joined back to the row it continues.
 */
import { msg } from '../core/l10n';
import { GPU_TYPE_NAMES } from '../core/figures';
import type { Context, PlanValue } from './context';
import { joined } from './cover';
import { ACHIEVEMENT_LABELS, MILESTONE_MARK, STATUS_LABELS, TYPE_LABELS, keyOfLabel } from './form-text';
import type { Anchor, Table } from './read';
import { joinLines as joinPdf, linesToText } from './text';
import {
  isPlaceholder,
  loose,
  parseBoxes,
  parseCount,
  parseDatePeriod,
  parseDateText,
  parseMonthPeriod,
  parseMonthText,
  parseNumber,
  parsePercent,
  parseThousandWon,
  parseWon,
} from './values';

export type TableKind =
  'baseModels' | 'indicators' | 'stages' | 'copayment' | 'milestones' | 'deliverables' | 'institution' | 'leadResearcher' | 'achievements' | 'staff';

type Column = readonly [key: string, pattern: RegExp];

const COLUMNS: Readonly<Record<Exclude<TableKind, 'institution' | 'leadResearcher' | 'milestones'>, readonly Column[]>> = {
  baseModels: [
    ['number', /^(번호|no)$/],
    ['name', /^모델명/],
    ['version', /^버전/],
    ['license', /^라이선스/],
    ['strategy', /^활용전략|^학습\/?튜닝전략|^활용방식/],
  ],
  indicators: [
    ['name', /^지표명?$/],
    ['unit', /^단위$/],
    ['current', /^현재|^as-is/],
    ['target', /^목표|^to-be/],
    ['measurement', /^측정방법/],
  ],
  stages: [
    ['number', /^단계$/],
    ['period', /^추진기간$/],
    ['tasks', /^주요수행내용$/],
    ['gpuStart', /^gpu투입시기$/],
    ['usage', /^gpu사용량/],
    ['utilization', /^예상활용률/],
  ],
  copayment: [
    ['product', /^신청상품$/],
    ['servers', /^수량$/],
    ['unitPrice', /^기준단가/],
    ['months', /^신청개월$/],
    ['formula', /^산출내역$/],
    ['total', /^합계$/],
  ],
  deliverables: [
    ['number', /^(번호|구분)$/],
    ['name', /^산출물(명)?$/],
    ['due', /^산출시기$|^시기$/],
    ['description', /^내역$|^내용$|^비고$/],
  ],
  achievements: [
    ['category', /^구분$/],
    ['title', /^실적명$/],
    ['date', /^일자$|^연월$|^시기$/],
    ['description', /^내용$/],
  ],
  staff: [
    ['number', /^번호$/],
    ['organization', /^소속기관$/],
    ['name', /^성명$/],
    ['position', /^직위$/],
    ['role', /^담당업무$/],
    ['degree', /^학위/],
    ['period', /^참여기간/],
    ['participation', /^투입률/],
  ],
};

interface Header {
  readonly row: number;
  /** Column key → the header cell. */
  readonly cells: ReadonlyMap<string, Anchor>;
}

function findHeader(table: Table, columns: readonly Column[]): Header | undefined {
  for (let r = 0; r < Math.min(table.rows.length, 4); r++) {
    const cells = new Map<string, Anchor>();
    for (const a of table.rows[r]) {
      const text = loose(a.text);
      const column = columns.find(([key, pattern]) => !cells.has(key) && pattern.test(text));
      if (column) cells.set(column[0], a);
    }
    if (cells.size >= Math.min(columns.length, Math.max(3, Math.ceil(columns.length * 0.6)))) return { row: r, cells };
  }
  return undefined;
}

/** Which known table this is, by its header row. */
export function tableKind(table: Table): TableKind | undefined {
  const texts = table.rows
    .slice(0, 4)
    .flat()
    .map((a) => loose(a.text));
  if (texts.includes('구분') && texts.some((t) => t.startsWith('수행일정')) && texts.includes('수행내용')) return 'milestones';
  if (texts.some((t) => t.startsWith('사업자등록번호')) && texts.some((t) => t.startsWith('대표자'))) return 'institution';
  if (texts.includes('구분실적명')) return 'achievements';
  if (table.rows.flat().some((a) => loose(a.text) === '국문') && table.rows.flat().some((a) => /^학력$|^해당분야경력$/.test(loose(a.text))))
    return 'leadResearcher';
  for (const kind of Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>) if (findHeader(table, COLUMNS[kind])) return kind;
  return undefined;
}

/** The rows of a table below its header, cell by column key; a row without its first column continues the row before. */
interface Row {
  readonly cells: Map<string, Anchor[]>;
  readonly first: Anchor;
}

function rowsOf(tables: readonly Table[], columns: readonly Column[], place: string, ctx: Context, numbered: boolean): Row[] {
  const rows: Row[] = [];
  let header: Header | undefined;
  for (const table of tables) {
    const own = findHeader(table, columns);
    if (own) {
      header = own;
      for (const a of table.rows[own.row]) a.used = true;
    }
    if (!header) continue;
    const spans = [...(own ?? header).cells.entries()].map(([key, a]) => ({ key, from: a.col, to: a.col + a.colSpan - 1 }));
    const sameGrid = own !== undefined || table.cols === tables[0].cols;
    for (let r = own ? own.row + 1 : 0; r < table.rows.length; r++) {
      const anchors = table.rows[r];
      if (anchors.length === 0) continue;
      // A header repeated on a new page.
      if (!own && findHeader({ ...table, rows: [anchors] }, columns)) {
        for (const a of anchors) a.used = true;
        continue;
      }
      const cells = new Map<string, Anchor[]>();
      for (const a of anchors) {
        if (!a.text.trim()) {
          a.used = true;
          continue;
        }
        const span = sameGrid ? spans.find((s) => a.col <= s.to && a.col + a.colSpan - 1 >= s.from) : undefined;
        const key = span?.key ?? '?';
        cells.set(key, [...(cells.get(key) ?? []), a]);
      }
      if (cells.size === 0) continue;
      if (/^\(?예시\)?/.test(anchors[0]?.text ?? '')) {
        for (const a of anchors) a.used = true;
        ctx.guide(place, anchors[0].where, anchors.map((a) => a.text).join(' | '));
        continue;
      }
      const continues = numbered && rows.length > 0 && !cells.has('number') && !cells.has(columns[0][0]);
      if (continues) {
        const previous = rows[rows.length - 1];
        for (const [key, list] of cells) previous.cells.set(key, [...(previous.cells.get(key) ?? []), ...list]);
        continue;
      }
      rows.push({ cells, first: anchors[0] });
    }
  }
  return rows;
}

const textOf = (row: Row, key: string): string =>
  (row.cells.get(key) ?? [])
    .map((a) => {
      a.used = true;
      return a.text;
    })
    .join('\n');

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export interface TableRun {
  readonly ctx: Context;
  readonly place: string;
  /** The year of the project, for dates the form writes without it (MMDD). */
  readonly year?: number;
}

/** A scalar cell: the text joined (a PDF cell breaks its lines), or undefined for a placeholder. */
function scalar(run: TableRun, row: Row, key: string, path: string): string | undefined {
  const text = textOf(row, key);
  if (!text.trim()) return undefined;
  const value = run.ctx.pdf ? lines(text).reduce((a, b) => (a ? joinPdf(a, b, run.ctx.corpus) : b), '') : lines(text).join(' ');
  if (isPlaceholder(value)) {
    run.ctx.placeholder(run.place, row.first.where, value, path);
    return undefined;
  }
  return value;
}

const textValue = (run: TableRun, text: string): PlanValue | undefined => linesToText(lines(text), { continuation: run.ctx.pdf, corpus: run.ctx.corpus });

/** Cells of a row no column was found for: reported. */
function leftovers(run: TableRun, row: Row): void {
  for (const [key, list] of row.cells) {
    for (const a of list) {
      if (a.used) continue;
      a.used = true;
      run.ctx.unmapped(run.place, a.where, a.text, msg(key === '?' ? 'a cell outside the columns of the table' : 'a cell that could not be read'));
    }
  }
}

function put(target: Record<string, PlanValue>, key: string, value: PlanValue | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}

export function mapBaseModels(run: TableRun, tables: readonly Table[]): PlanValue[] {
  const out: PlanValue[] = [];
  for (const row of rowsOf(tables, COLUMNS.baseModels, run.place, run.ctx, true)) {
    textOf(row, 'number');
    const model: Record<string, PlanValue> = {};
    put(model, 'name', scalar(run, row, 'name', 'mainContent.execution.baseModels'));
    put(model, 'version', scalar(run, row, 'version', 'mainContent.execution.baseModels'));
    put(model, 'license', scalar(run, row, 'license', 'mainContent.execution.baseModels'));
    put(model, 'strategy', textValue(run, textOf(row, 'strategy')));
    leftovers(run, row);
    if (Object.keys(model).length > 0) out.push(model);
  }
  return out;
}

export function mapIndicators(run: TableRun, tables: readonly Table[]): PlanValue[] {
  const out: PlanValue[] = [];
  for (const row of rowsOf(tables, COLUMNS.indicators, run.place, run.ctx, false)) {
    const indicator: Record<string, PlanValue> = {};
    for (const key of ['name', 'unit', 'current', 'target', 'measurement']) put(indicator, key, scalar(run, row, key, 'mainContent.goals.indicators'));
    leftovers(run, row);
    if (Object.keys(indicator).length > 0) out.push(indicator);
  }
  return out;
}

export function mapStages(run: TableRun, tables: readonly Table[]): PlanValue[] {
  const out: Array<Record<string, PlanValue>> = [];
  const taskLines: string[][] = [];
  // Tables whose columns line up with their header are read by column; a PDF may merge header
  // cells ("추진기간 주요 수행내용"), and its rows are then read by what their cells hold.
  let aligned: boolean | undefined;
  let cols = 0;
  const groups: Array<{ aligned: boolean; tables: Table[] }> = [];
  for (const table of tables) {
    const header = findHeader(table, COLUMNS.stages);
    const own = header ? header.cells.size === COLUMNS.stages.length : undefined;
    const now = own ?? (aligned === true && table.cols === cols);
    if (groups.length === 0 || groups[groups.length - 1].aligned !== now || (own !== undefined && !now)) groups.push({ aligned: now, tables: [] });
    groups[groups.length - 1].tables.push(table);
    if (own !== undefined) aligned = own;
    cols = table.cols;
  }
  for (const group of groups) {
    if (group.aligned) {
      for (const row of rowsOf(group.tables, COLUMNS.stages, run.place, run.ctx, true)) {
        textOf(row, 'number');
        const stage: Record<string, PlanValue> = {};
        readPeriod(run, stage, joined(textOf(row, 'period')), row.first.where);
        const tasks = lines(textOf(row, 'tasks'));
        readStart(run, stage, joined(textOf(row, 'gpuStart')), row.first.where);
        readUsage(run, stage, joined(textOf(row, 'usage')), row.first.where);
        readUtilization(run, stage, joined(textOf(row, 'utilization')), row.first.where);
        leftovers(run, row);
        out.push(stage);
        taskLines.push(tasks);
      }
      continue;
    }
    for (const table of group.tables) {
      const header = findHeader(table, COLUMNS.stages);
      if (header) for (const a of table.rows[header.row]) a.used = true;
      for (let r = header ? header.row + 1 : 0; r < table.rows.length; r++) {
        const anchors = table.rows[r].filter((a) => a.text.trim());
        for (const a of table.rows[r]) a.used = true;
        if (anchors.length === 0) continue;
        const stage: Record<string, PlanValue> = {};
        let rest: string[] = [];
        let numbered = false;
        for (const [i, a] of anchors.entries()) {
          const t = joined(a.text);
          if (i === 0 && /^\d+$/.test(t)) numbered = true;
          else if (/^['’]\d{2}\.\d{1,2}\.?$/.test(t)) readStart(run, stage, t, a.where);
          else if (/^[\d,]+\s*장\s*[(（]\s*\d+\s*서버\s*[)）]$/.test(t)) readUsage(run, stage, t, a.where);
          else if (/^\d+(?:\.\d+)?\s*%$/.test(t)) readUtilization(run, stage, t, a.where);
          else rest.push(...lines(a.text));
        }
        // The period, wherever the PDF put its two ends among the tasks.
        const text = rest.join('\n');
        const from = /(\d{4}\.\s?\d{1,2}\.)\s*~/.exec(text);
        if (from) {
          const after = text.slice(from.index + from[0].length);
          const to = /(\d{4}\.\s?\d{1,2}\.)(?!\s*~)/.exec(after);
          const period = parseMonthPeriod(`${from[1]}~${to ? to[1] : ''}`);
          if (period) stage.period = period;
          let cleaned = text.slice(0, from.index) + (to ? after.slice(0, to.index) + after.slice(to.index + to[0].length) : after);
          cleaned = cleaned.replace(/[ \t]+\n/g, '\n');
          rest = lines(cleaned);
        }
        if (!numbered && Object.keys(stage).length === 0 && out.length > 0) {
          taskLines[taskLines.length - 1].push(...rest);
          continue;
        }
        out.push(stage);
        taskLines.push(rest);
      }
    }
  }
  return out
    .map((stage, i) => {
      const tasks = textValue(run, taskLines[i].join('\n'));
      const ordered: Record<string, PlanValue> = {};
      if (stage.period) ordered.period = stage.period;
      if (tasks !== undefined) ordered.tasks = tasks;
      for (const [k, v] of Object.entries(stage)) if (k !== 'period') ordered[k] = v;
      return ordered;
    })
    .filter((stage) => Object.keys(stage).length > 0);
}

function readPeriod(run: TableRun, stage: Record<string, PlanValue>, text: string, where: Anchor['where']): void {
  if (!text) return;
  if (/yyyy/i.test(text)) {
    run.ctx.placeholder(run.place, where, text, 'gpuPlan.stages');
    return;
  }
  const period = parseMonthPeriod(text);
  if (period) stage.period = period;
  else run.ctx.unmapped(run.place, where, text, msg('cannot read this period'));
}

function readStart(run: TableRun, stage: Record<string, PlanValue>, text: string, where: Anchor['where']): void {
  if (!text) return;
  if (/yy/i.test(text)) {
    run.ctx.placeholder(run.place, where, text, 'gpuPlan.stages');
    return;
  }
  const month = parseMonthText(text);
  if (month) stage.gpuStart = month;
  else run.ctx.unmapped(run.place, where, text, msg('cannot read this month'));
}

function readUsage(run: TableRun, stage: Record<string, PlanValue>, usage: string, where: Anchor['where']): void {
  if (!usage) return;
  const slash = /(\d[\d,]*)\s*장?\s*\/\s*(\d+)\s*(?:서버|대)?/.exec(usage);
  const gpus = slash ? parseNumber(slash[1]) : /장/.test(usage) ? parseCount(usage, /장/) : undefined;
  const servers = slash ? slash[2] : /(\d+)\s*(?:서버|대)/.exec(usage)?.[1];
  if (servers !== undefined) stage.servers = Number(servers);
  if (gpus !== undefined) stage.gpus = gpus;
  if (!('servers' in stage) && !('gpus' in stage)) run.ctx.unmapped(run.place, where, usage, msg('cannot read the GPUs and servers here'));
}

function readUtilization(run: TableRun, stage: Record<string, PlanValue>, text: string, where: Anchor['where']): void {
  if (!text) return;
  if (/^0+\s*%?$/.test(text)) {
    run.ctx.placeholder(run.place, where, text, 'gpuPlan.stages');
    return;
  }
  const n = parsePercent(text);
  if (n !== undefined) stage.expectedUtilizationPercent = n;
  else run.ctx.unmapped(run.place, where, text, msg('not a percentage'));
}

export function mapCopayment(run: TableRun, tables: readonly Table[]): Record<string, PlanValue> | undefined {
  let result: Record<string, PlanValue> | undefined;
  for (const row of rowsOf(tables, COLUMNS.copayment, run.place, run.ctx, false)) {
    const product = joined(textOf(row, 'product'));
    const copayment: Record<string, PlanValue> = {};
    const unit = parseWon(joined(textOf(row, 'unitPrice')).replace(/\(.*$/, ''));
    if (unit !== undefined) copayment.unitPriceWon = unit;
    const servers = parseCount(joined(textOf(row, 'servers')), /대|서버/);
    if (servers !== undefined) copayment.servers = servers;
    const months = parseCount(joined(textOf(row, 'months')), /개월/);
    if (months !== undefined) copayment.months = months;
    const formula = textOf(row, 'formula');
    if (formula) run.ctx.note('recomputed', run.place, row.first.where, joined(formula), msg('the calculation is made again by gpuplan from the GPU request'));
    const total = parseWon(joined(textOf(row, 'total')));
    if (total !== undefined) copayment.totalWon = total;
    const type = GPU_TYPE_NAMES.find((name) => product.includes(name));
    if (type) run.ctx.set('gpu.type', type, run.place, row.first.where, product);
    leftovers(run, row);
    if (Object.keys(copayment).length > 0 && !result) result = copayment;
    else if (Object.keys(copayment).length > 0)
      run.ctx.unmapped(run.place, row.first.where, JSON.stringify(copayment), msg('a second row of the 민간부담금 table; the plan has one'));
  }
  return result;
}

export function mapDeliverables(run: TableRun, tables: readonly Table[]): PlanValue[] {
  const out: PlanValue[] = [];
  for (const row of rowsOf(tables, COLUMNS.deliverables, run.place, run.ctx, true)) {
    textOf(row, 'number');
    const item: Record<string, PlanValue> = {};
    put(item, 'name', scalar(run, row, 'name', 'schedule.deliverables'));
    const due = joined(textOf(row, 'due'));
    if (due) {
      const month = parseMonthText(due);
      if (month) item.due = month;
      else run.ctx.unmapped(run.place, row.first.where, due, msg('cannot read this month'));
    }
    put(item, 'description', scalar(run, row, 'description', 'schedule.deliverables'));
    leftovers(run, row);
    if (Object.keys(item).length > 0) out.push(item);
  }
  return out;
}

const ACHIEVEMENT_CATEGORY_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['rnd', '국가·민간 R&D 과제'],
  ['paper', '논문'],
  ['patent', '특허'],
  ['techTransfer', '기술이전'],
  ['openSource', '오픈소스 공개이력'],
  ['gpu', 'GPU 활용 연구성과'],
  ['award', '수상'],
  ['other', '기타'],
];

/** A PDF cell holding 구분 and 실적명 together, line by line: the category's words start the lines. */
function splitCategory(text: string): { category?: string; title: string } {
  const source = lines(text);
  for (const [key, name] of ACHIEVEMENT_CATEGORY_NAMES) {
    const words = name.split(' ');
    const rest = [...source];
    let w = 0;
    for (let i = 0; i < rest.length && w < words.length; i++) {
      while (w < words.length && rest[i].startsWith(words[w])) {
        rest[i] = rest[i].slice(words[w].length).trim();
        w++;
      }
    }
    if (w === words.length) return { category: key, title: rest.filter(Boolean).join(' ') };
  }
  return { title: source.join(' ') };
}

function achievementItem(
  run: TableRun,
  category: string,
  title: string | undefined,
  date: string,
  descriptionLines: string[],
  where: Anchor['where'],
): Record<string, PlanValue> {
  const item: Record<string, PlanValue> = {};
  if (category) {
    const key = keyOfLabel(category.replace(/^국가·민간\s*/, ''), ACHIEVEMENT_LABELS) ?? (/r&d|과제/i.test(category) ? 'rnd' : undefined);
    if (key) item.category = key;
    else run.ctx.unmapped(run.place, where, category, msg("not one of the form's kinds of achievement"));
  }
  put(item, 'title', title);
  if (date) {
    const month = parseMonthText(date);
    if (month) item.date = month;
    else run.ctx.unmapped(run.place, where, date, msg('cannot read this month'));
  }
  const description = [...descriptionLines];
  let url: string | undefined;
  const at = description.findIndex((l) => /^https?:\/\//.test(l));
  if (at >= 0 && at > 0) url = description.splice(at).reduce((a, b) => joinPdf(a, b));
  if (description.length > 0) item.description = run.ctx.pdf ? description.reduce((a, b) => joinPdf(a, b, run.ctx.corpus)) : description.join(' ');
  if (url) item.url = url.replace(/\s+/g, '');
  return item;
}

export function mapAchievements(run: TableRun, tables: readonly Table[]): PlanValue[] {
  const out: PlanValue[] = [];
  const merged = tables.some((t) => t.rows[0]?.some((a) => loose(a.text) === '구분실적명'));
  if (merged) {
    for (const table of tables)
      for (const row of table.rows) {
        const cells = row.filter((a) => a.text.trim());
        for (const a of row) a.used = true;
        if (cells.length === 0 || loose(cells[0].text) === '구분실적명') continue;
        const { category, title } = splitCategory(cells[0].text);
        const rest = lines(
          cells
            .slice(1)
            .map((a) => a.text)
            .join('\n'),
        );
        const joinedRest = rest.join('\n');
        const date = /\d{4}\.\s?\d{1,2}\./.exec(joinedRest);
        const description = date ? lines(joinedRest.slice(0, date.index) + joinedRest.slice(date.index + date[0].length)) : rest;
        const item = achievementItem(run, '', title, date?.[0] ?? '', description, cells[0].where);
        out.push(category ? { category, ...item } : item);
      }
    return out;
  }
  for (const row of rowsOf(tables, COLUMNS.achievements, run.place, run.ctx, false)) {
    const item = achievementItem(
      run,
      joined(textOf(row, 'category')),
      scalar(run, row, 'title', 'institution.achievements'),
      joined(textOf(row, 'date')),
      lines(textOf(row, 'description')),
      row.first.where,
    );
    leftovers(run, row);
    if (Object.keys(item).length > 0) out.push(item);
  }
  return out;
}

/** "2026.03.01.~ 2026.08.31. (6)" or the form's "MMDD~ MMDD (00)" (the year is the project's). */
function staffPeriod(text: string, year: number | undefined): { period?: { start?: string; end?: string }; months?: number } {
  const months = /[(（]\s*(\d+(?:\.\d+)?)\s*(?:개월)?\s*[)）]\s*$/.exec(text);
  const body = months ? text.slice(0, months.index) : text;
  let period = parseDatePeriod(body);
  if (!period && year !== undefined) {
    const m = /^(\d{2})(\d{2})\s*~\s*(\d{2})(\d{2})$/.exec(body.replace(/\s+/g, ''));
    if (m) period = parseDatePeriod(`${year}.${m[1]}.${m[2]}~${year + (Number(m[3]) < Number(m[1]) ? 1 : 0)}.${m[3]}.${m[4]}`);
  }
  return { ...(period ? { period } : {}), ...(months ? { months: Number(months[1]) } : {}) };
}

export function mapStaff(run: TableRun, tables: readonly Table[]): PlanValue[] {
  const out: PlanValue[] = [];
  for (const row of rowsOf(tables, COLUMNS.staff, run.place, run.ctx, true)) {
    const number = joined(textOf(row, 'number'));
    const person: Record<string, PlanValue> = {};
    for (const key of ['organization', 'name', 'position', 'role']) put(person, key, scalar(run, row, key, 'staff'));
    const degree = joined(textOf(row, 'degree'));
    if (degree && !isPlaceholder(degree)) {
      const m = /^([^(（]+?)\s*[(（]\s*(.+?)\s*[)）]$/.exec(degree);
      if (m) {
        person.degree = m[1].trim();
        person.major = m[2].trim();
      } else person.degree = degree;
    } else if (degree) run.ctx.placeholder(run.place, row.first.where, degree, 'staff');
    const periodText = joined(textOf(row, 'period'));
    if (periodText && !/MMDD/i.test(periodText)) {
      const { period, months } = staffPeriod(periodText, run.year);
      if (period) person.period = period;
      if (months !== undefined) person.months = months;
      if (!period && months === undefined) run.ctx.unmapped(run.place, row.first.where, periodText, msg('cannot read this period'));
    } else if (periodText) run.ctx.placeholder(run.place, row.first.where, periodText, 'staff');
    const participation = joined(textOf(row, 'participation'));
    if (participation && !/^0+$/.test(participation)) {
      const n = parsePercent(participation);
      if (n !== undefined) person.participationPercent = n;
      else run.ctx.unmapped(run.place, row.first.where, participation, msg('not a percentage'));
    } else if (participation) run.ctx.placeholder(run.place, row.first.where, participation, 'staff');
    leftovers(run, row);
    if (Object.keys(person).length > 0) out.push(person);
    else if (number) row.first.used = true;
  }
  return out;
}

/** The milestone chart: a row per task, the months it runs marked (● or any mark) under the month numbers. */
export function mapMilestones(run: TableRun, tables: readonly Table[], startYear?: number): PlanValue[] {
  const out: PlanValue[] = [];
  let columns: Map<number, string> | undefined;
  let numberCol = 0;
  for (const table of tables) {
    let first = 0;
    const header = table.rows.findIndex((row) => row.some((a) => /^수행일정/.test(loose(a.text))));
    if (header >= 0) {
      const top = table.rows[header];
      for (const a of top) a.used = true;
      const yearText = top.map((a) => a.text).join(' ');
      const yy = /['’](\d{2})/.exec(yearText);
      let year = yy ? 2000 + Number(yy[1]) : (startYear ?? new Date().getFullYear());
      numberCol = top.find((a) => loose(a.text) === '구분')?.col ?? 0;
      const monthRow = table.rows[header + 1] ?? [];
      columns = new Map();
      let previous = 0;
      for (const a of monthRow) {
        const m = Number(a.text.replace(/\D/g, ''));
        if (!(m >= 1 && m <= 12)) continue;
        a.used = true;
        if (m < previous) year++;
        previous = m;
        columns.set(a.col, `${year}-${String(m).padStart(2, '0')}`);
      }
      first = header + 2;
    }
    if (!columns) continue;
    for (let r = first; r < table.rows.length; r++) {
      const anchors = table.rows[r];
      if (anchors.length === 0) continue;
      let task = '';
      const months: string[] = [];
      let where = anchors[0].where;
      for (const a of anchors) {
        const t = a.text.trim();
        a.used = true;
        if (columns.has(a.col) && (t === '' || MILESTONE_MARK.test(t))) {
          if (t !== '') months.push(columns.get(a.col) as string);
        } else if (a.col === numberCol && a.colSpan === 1 && /^\d*$/.test(t)) {
          // 구분: the row's number.
        } else if (!columns.has(a.col)) {
          task = [task, a.col === numberCol ? t.replace(/^\d+\s+/, '') : t].filter(Boolean).join('\n');
          where = a.where;
        } else run.ctx.unmapped(run.place, a.where, t, msg('text in a month of the milestone chart, where a mark is expected'));
      }
      const taskText = run.ctx.pdf ? lines(task).reduce((x, y) => (x ? joinPdf(x, y, run.ctx.corpus) : y), '') : lines(task).join(' ');
      if (!taskText && months.length === 0) continue;
      if (taskText && !isPlaceholder(taskText)) {
        out.push({ task: taskText, months: [...new Set(months)] });
        if (months.length === 0)
          run.ctx.note(
            'notice',
            run.place,
            where,
            taskText,
            msg('no month of this task is marked (shaded cells without a mark cannot be read): add its months'),
            'schedule.milestones',
          );
      }
    }
  }
  return out;
}

const INSTITUTION_LABELS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^사업자등록번호\s*(?:\(\s*고유번호\s*\))?/, 'registrationNumber'],
  [/^대표자\s*성명\s*(?:\(\s*국적\s*\))?/, 'representative'],
  [/^대표자\s*생년월일/, 'birthDate'],
  [/^유\s*형/, 'type'],
  [/^개업\s*연월일/, 'openingDate'],
  [/^주생산\s*품목/, 'mainProducts'],
  [/^주\s*소/, 'address'],
  [/^(?:종업원수\s*(?:\(\s*명\s*\))?\s*)?비정규직/, 'nonRegular'],
  [/^(?:종업원수\s*(?:\(\s*명\s*\))?\s*)?정규직/, 'regular'],
  [/^(?:종업원수\s*(?:\(\s*명\s*\))?\s*)?합\s*계/, 'total'],
  [/^(\d{4})\s*년\s*매출액\s*(?:\(\s*천원\s*\))?/, 'revenue'],
];

/** One row of 신청기관 현황, as "label value" text: true when it was read. */
export function institutionRow(run: TableRun, text: string, where: Anchor['where']): boolean {
  const { ctx, place } = run;
  const t = text.replace(/\s+/g, ' ').trim();
  if (/^구분\s*내용$/.test(t) || /^종업원수\s*(\(\s*명\s*\))?$/.test(t)) return true;
  for (const [pattern, key] of INSTITUTION_LABELS) {
    const m = pattern.exec(t);
    if (!m) continue;
    const value = t.slice(m[0].length).trim();
    if (!value) return true;
    if (isPlaceholder(value) || /^0+\(0+\)$/.test(value) || /사업자등록증상\s*주소/.test(value)) {
      ctx.placeholder(place, where, value);
      return true;
    }
    const set = (path: string, v: PlanValue | undefined) => {
      if (v === undefined) ctx.unmapped(place, where, t, msg('cannot read this value'));
      else ctx.set(path, v, place, where, t);
    };
    switch (key) {
      case 'registrationNumber':
        set('applicant.registrationNumber', value.replace(/\s+/g, ''));
        break;
      case 'representative': {
        const r = /^(.*?)\s*[(（]\s*(.*?)\s*[)）]$/.exec(value);
        set('applicant.representative.name', r ? r[1] : value);
        if (r?.[2]) set('applicant.representative.nationality', r[2]);
        break;
      }
      case 'birthDate':
        set('applicant.representative.birthDate', parseDateText(value.replace(/\s+/g, '')));
        break;
      case 'type': {
        const checked = parseBoxes(value)
          .filter((b) => b.checked)
          .map((b) => keyOfLabel(b.label, TYPE_LABELS));
        if (checked.length === 1 && checked[0]) set('applicant.type', checked[0]);
        else ctx.placeholder(place, where, value, 'applicant.type');
        break;
      }
      case 'openingDate':
        set('applicant.openingDate', parseDateText(value.replace(/\s+/g, '')));
        break;
      case 'mainProducts':
        set('applicant.mainProducts', value);
        break;
      case 'address':
        set('applicant.address', value);
        break;
      case 'regular':
      case 'nonRegular':
      case 'total':
        set(`applicant.employees.${key}`, parseCount(value, /명/));
        break;
      case 'revenue':
        if (m[1] !== '2024') ctx.unmapped(place, where, t, msg('the plan keeps the 2024 revenue the form asks for'));
        else set('applicant.revenue2024ThousandWon', parseThousandWon(value));
        break;
      default:
        break;
    }
    return true;
  }
  return false;
}

/** 신청기관 현황: label → value rows (as a table, or as lines where a PDF lost the table). */
export function mapInstitution(run: TableRun, tables: readonly Table[]): void {
  for (const table of tables) {
    for (const row of table.rows) {
      const cells = row.filter((a) => a.text.trim());
      for (const a of row) a.used = true;
      if (cells.length === 0) continue;
      // The row's label: its own cells, or the merged label cell of its group (종업원수).
      const group = table.grid[row[0].row]?.[0];
      const parts = group && !row.includes(group) ? [group, ...cells] : cells;
      const text = parts.map((a) => a.text.replace(/\n/g, ' ')).join(' ');
      if (!institutionRow(run, text, cells[cells.length - 1].where))
        run.ctx.unmapped(run.place, cells[0].where, cells.map((a) => a.text).join(' | '), msg('a row of 신청기관 현황 that has no field in the plan'));
    }
  }
}

/** 총괄책임자: 성명/생년월일/소속/직위, then the groups 학력, 해당분야 경력, 정부지원과제 수행실적. */
export function mapLeadResearcher(run: TableRun, tables: readonly Table[]): Record<string, PlanValue> {
  const { ctx, place } = run;
  const lead: Record<string, PlanValue> = {};
  const education: PlanValue[] = [];
  const career: PlanValue[] = [];
  const projects: PlanValue[] = [];
  for (const table of tables) {
    let group: 'education' | 'career' | 'projects' | undefined;
    for (const row of table.rows) {
      const first = table.grid[row[0]?.row ?? 0]?.[0];
      const g = loose(first?.text ?? '');
      group = /^학력/.test(g) ? 'education' : /^해당분야경력/.test(g) ? 'career' : /^정부지원과제/.test(g) ? 'projects' : undefined;
      const groupCell = group || g === '성명' ? first : undefined;
      if (groupCell) groupCell.used = true;
      const cells = row.filter((a) => a !== groupCell);
      if (!group) {
        // Label–value pairs.
        for (let i = 0; i < cells.length; i++) {
          const a = cells[i];
          const label = loose(a.text);
          const next = cells[i + 1] as Anchor | undefined;
          const key =
            label === '국문'
              ? 'nameKo'
              : label === '영문'
                ? 'nameEn'
                : label === '생년월일'
                  ? 'birthDate'
                  : label === '소속'
                    ? 'affiliation'
                    : label === '직위'
                      ? 'position'
                      : label === '성명'
                        ? 'skip'
                        : undefined;
          if (!key) continue;
          a.used = true;
          if (key === 'skip' || !next) continue;
          next.used = true;
          i++;
          const text = joined(next.text);
          if (!text || isPlaceholder(text)) {
            if (text) ctx.placeholder(place, next.where, text, `institution.leadResearcher.${key}`);
            continue;
          }
          if (key === 'birthDate') put(lead, key, parseDateText(text.replace(/\s+/g, '')));
          else put(lead, key, text);
        }
        continue;
      }
      const texts = cells.map((a) => loose(a.text));
      if (texts.some((t) => /^(졸업년도|수행기간|사업명)/.test(t))) {
        for (const a of cells) a.used = true;
        continue;
      }
      if (cells.every((a) => !a.text.trim()) || (cells.length === 1 && /^해당없음$/.test(loose(cells[0].text)))) {
        for (const a of cells) a.used = true;
        continue;
      }
      for (const a of cells) a.used = true;
      const v = cells.map((a) => a.text);
      if (group === 'education') {
        const [year, majorCell = '', degree = ''] = v;
        const majorLines = lines(majorCell);
        const school =
          majorLines.length > 1 && /^[(（].*[)）]$/.test(majorLines[majorLines.length - 1]) ? majorLines.pop()?.replace(/^[(（]|[)）]$/g, '') : undefined;
        const item: Record<string, PlanValue> = {};
        const y = parseNumber(year);
        if (y !== undefined) item.year = y;
        put(item, 'school', school);
        put(item, 'major', majorLines.join(' '));
        put(item, 'degree', joined(degree));
        education.push(item);
      } else if (group === 'career') {
        const [periodText = '', organization = '', position = '', duties = ''] = v;
        const item: Record<string, PlanValue> = {};
        const period = parseMonthPeriod(joined(periodText));
        if (period) item.period = period;
        put(item, 'organization', joined(organization));
        put(item, 'position', joined(position));
        put(item, 'duties', joined(duties));
        career.push(item);
      } else {
        const [programCell = '', title = '', periodText = '', budget = '', status = ''] = v;
        const programLines = lines(programCell);
        const ministryLine = programLines.length > 1 && /^[(（].*[)）]$/.test(programLines[programLines.length - 1]) ? programLines.pop() : undefined;
        const inline = !ministryLine ? /^(.*?)\s*[(（]([^()（）]*)[)）]$/.exec(programLines.join(' ')) : undefined;
        const item: Record<string, PlanValue> = {};
        put(item, 'program', inline ? inline[1] : programLines.join(' '));
        put(item, 'ministry', ministryLine?.replace(/^[(（]|[)）]$/g, '') ?? inline?.[2]);
        put(item, 'title', joined(title));
        const period = parseMonthPeriod(joined(periodText));
        if (period) item.period = period;
        const amount = parseThousandWon(joined(budget));
        if (amount !== undefined) item.totalBudgetThousandWon = amount;
        const key = keyOfLabel(joined(status), STATUS_LABELS);
        if (key) item.status = key;
        else if (status.trim()) ctx.unmapped(place, cells[cells.length - 1].where, status, msg('진행현황 is one of 완료, 수행중, 신청중'));
        projects.push(item);
      }
    }
    for (const a of table.rows.flat())
      if (!a.used && a.text.trim()) {
        a.used = true;
        ctx.unmapped(place, a.where, a.text, msg('a cell of the 총괄책임자 table that could not be read'));
      } else a.used = true;
  }
  // A table of the form left empty is left out (to be filled), not read as 해당 없음 ([]).
  if (education.length > 0) lead.education = education;
  if (career.length > 0) lead.career = career;
  if (projects.length > 0) lead.governmentProjects = projects;
  return lead;
}
