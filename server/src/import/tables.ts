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

export type TableKind = 'baseModels' | 'indicators' | 'stages' | 'copayment' | 'milestones' | 'deliverables' | 'institution' | 'leadResearcher' | 'achievements' | 'staff';

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
  const texts = table.rows.slice(0, 4).flat().map((a) => loose(a.text));
  if (texts.includes('구분') && texts.some((t) => t.startsWith('수행일정')) && texts.includes('수행내용')) return 'milestones';
  if (texts.some((t) => t.startsWith('사업자등록번호')) && texts.some((t) => t.startsWith('대표자'))) return 'institution';
  if (table.rows.flat().some((a) => loose(a.text) === '국문') && table.rows.flat().some((a) => /^학력$|^해당분야경력$/.test(loose(a.text)))) return 'leadResearcher';
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

const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);

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

const textValue = (run: TableRun, text: string): PlanValue | undefined => linesToText(lines(text), { continuation: run.ctx.pdf, corpus: run.ctx.corpus }) as PlanValue | undefined;

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
  const out: PlanValue[] = [];
  for (const row of rowsOf(tables, COLUMNS.stages, run.place, run.ctx, true)) {
    textOf(row, 'number');
    const stage: Record<string, PlanValue> = {};
    const periodText = joined(textOf(row, 'period'));
    if (periodText && isPlaceholder(periodText.replace(/[~\s]/g, '').replace(/yyyy\.mm\.?/gi, '00'))) run.ctx.placeholder(run.place, row.first.where, periodText, 'gpuPlan.stages');
    else if (periodText) {
      const period = parseMonthPeriod(periodText);
      if (period) stage.period = period;
      else run.ctx.unmapped(run.place, row.first.where, periodText, msg('cannot read this period'));
    }
    put(stage, 'tasks', textValue(run, textOf(row, 'tasks')));
    const start = joined(textOf(row, 'gpuStart'));
    if (start && !/yy/i.test(start)) {
      const month = parseMonthText(start);
      if (month) stage.gpuStart = month;
      else run.ctx.unmapped(run.place, row.first.where, start, msg('cannot read this month'));
    }
    const usage = joined(textOf(row, 'usage'));
    if (usage) {
      const slash = /(\d[\d,]*)\s*장?\s*\/\s*(\d+)\s*(?:서버|대)?/.exec(usage);
      const gpus = slash ? parseNumber(slash[1]) : parseCount(usage, /장/);
      const servers = slash ? Number(slash[2]) : /(\d+)\s*(?:서버|대)/.exec(usage)?.[1];
      if (servers !== undefined) stage.servers = Number(servers);
      if (gpus !== undefined && /장|\//.test(usage)) stage.gpus = gpus;
      if (stage.servers === undefined && stage.gpus === undefined) run.ctx.unmapped(run.place, row.first.where, usage, msg('cannot read the GPUs and servers here'));
    }
    const utilization = joined(textOf(row, 'utilization'));
    if (utilization) {
      const n = parsePercent(utilization);
      if (n !== undefined) stage.expectedUtilizationPercent = n;
      else run.ctx.unmapped(run.place, row.first.where, utilization, msg('not a percentage'));
    }
    leftovers(run, row);
    if (Object.keys(stage).length > 0) out.push(stage);
  }
  return out;
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
    else if (Object.keys(copayment).length > 0) run.ctx.unmapped(run.place, row.first.where, JSON.stringify(copayment), msg('a second row of the 민간부담금 table; the plan has one'));
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

export function mapAchievements(run: TableRun, tables: readonly Table[]): PlanValue[] {
  const out: PlanValue[] = [];
  for (const row of rowsOf(tables, COLUMNS.achievements, run.place, run.ctx, false)) {
    const item: Record<string, PlanValue> = {};
    const category = joined(textOf(row, 'category'));
    if (category) {
      const key = keyOfLabel(category.replace(/^국가·민간\s*/, ''), ACHIEVEMENT_LABELS) ?? (/r&d|과제/i.test(category) ? 'rnd' : undefined);
      if (key) item.category = key;
      else run.ctx.unmapped(run.place, row.first.where, category, msg('not one of the form\'s kinds of achievement'));
    }
    put(item, 'title', scalar(run, row, 'title', 'institution.achievements'));
    const date = joined(textOf(row, 'date'));
    if (date) {
      const month = parseMonthText(date);
      if (month) item.date = month;
      else run.ctx.unmapped(run.place, row.first.where, date, msg('cannot read this month'));
    }
    const description = lines(textOf(row, 'description'));
    const url = description.length > 1 && /^https?:\/\/\S+$/.test(description[description.length - 1]) ? description.pop() : undefined;
    if (description.length > 0) item.description = run.ctx.pdf ? description.reduce((a, b) => joinPdf(a, b, run.ctx.corpus)) : description.join(' ');
    if (url) item.url = url;
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
        if (months.length === 0) run.ctx.note('notice', run.place, where, taskText, msg('no month of this task is marked (shaded cells without a mark cannot be read): add its months'), 'schedule.milestones');
      }
    }
  }
  return out;
}

/** 신청기관 현황: label → value rows. */
export function mapInstitution(run: TableRun, tables: readonly Table[]): void {
  const { ctx, place } = run;
  for (const table of tables) {
    for (const row of table.rows) {
      const labelCells = row.filter((a) => a.col + a.colSpan < table.cols);
      const value = row.find((a) => a.col + a.colSpan === table.cols);
      const label = loose(labelCells.map((a) => a.text).join(' ') || (table.grid[row[0]?.row ?? 0]?.[0]?.text ?? ''));
      for (const a of labelCells) a.used = true;
      if (!value) continue;
      value.used = true;
      const text = joined(value.text);
      if (/^구분/.test(label) || loose(value.text) === '내용') continue;
      if (!text) continue;
      if (isPlaceholder(text) || /^0+\(0+\)$/.test(text) || /사업자등록증상\s*주소/.test(text)) {
        ctx.placeholder(place, value.where, text);
        continue;
      }
      const rowLabel = loose(row.map((a) => (a === value ? '' : a.text)).join(' '));
      const full = rowLabel || loose(table.grid[value.row]?.[0]?.text ?? '');
      if (/사업자등록번호/.test(full)) ctx.set('applicant.registrationNumber', text.replace(/\s+/g, ''), place, value.where, text);
      else if (/대표자성명/.test(full)) {
        const m = /^(.*?)\s*[(（]\s*(.*?)\s*[)）]$/.exec(text);
        ctx.set('applicant.representative.name', m ? m[1] : text, place, value.where, text);
        if (m?.[2]) ctx.set('applicant.representative.nationality', m[2], place, value.where, text);
      } else if (/대표자생년월일/.test(full)) ctx.set('applicant.representative.birthDate', parseDateText(text.replace(/\s+/g, '')), place, value.where, text);
      else if (/^유형/.test(full)) {
        const checked = parseBoxes(text).filter((b) => b.checked).map((b) => keyOfLabel(b.label, TYPE_LABELS));
        if (checked.length === 1 && checked[0]) ctx.set('applicant.type', checked[0], place, value.where, text);
      } else if (/개업연월일/.test(full)) ctx.set('applicant.openingDate', parseDateText(text.replace(/\s+/g, '')), place, value.where, text);
      else if (/주생산품목/.test(full)) ctx.set('applicant.mainProducts', text, place, value.where, text);
      else if (/^주소/.test(full)) ctx.set('applicant.address', text, place, value.where, text);
      else if (/비정규직/.test(full)) ctx.set('applicant.employees.nonRegular', parseCount(text, /명/), place, value.where, text);
      else if (/정규직/.test(full)) ctx.set('applicant.employees.regular', parseCount(text, /명/), place, value.where, text);
      else if (/합계/.test(full)) ctx.set('applicant.employees.total', parseCount(text, /명/), place, value.where, text);
      else if (/매출액/.test(full)) {
        const year = /(\d{4})년/.exec(row.map((a) => a.text).join(' '))?.[1];
        if (year && year !== '2024') ctx.unmapped(place, value.where, `${year}: ${text}`, msg('the plan keeps the 2024 revenue the form asks for'));
        else ctx.set('applicant.revenue2024ThousandWon', parseThousandWon(text), place, value.where, text);
      } else ctx.unmapped(place, value.where, `${row.map((a) => a.text).join(' | ')}`, msg('a row of 신청기관 현황 that has no field in the plan'));
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
          const next = cells[i + 1];
          const key = label === '국문' ? 'nameKo' : label === '영문' ? 'nameEn' : label === '생년월일' ? 'birthDate' : label === '소속' ? 'affiliation' : label === '직위' ? 'position' : label === '성명' ? 'skip' : undefined;
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
        const school = majorLines.length > 1 && /^[(（].*[)）]$/.test(majorLines[majorLines.length - 1]) ? majorLines.pop()?.replace(/^[(（]|[)）]$/g, '') : undefined;
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
    for (const a of table.rows.flat()) if (!a.used && a.text.trim()) {
      a.used = true;
      ctx.unmapped(place, a.where, a.text, msg('a cell of the 총괄책임자 table that could not be read'));
    } else a.used = true;
  }
  lead.education = education;
  lead.career = career;
  lead.governmentProjects = projects;
  return lead;
}
