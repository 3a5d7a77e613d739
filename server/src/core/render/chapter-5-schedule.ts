/** Chapter V 추진 계획 및 기대효과: the milestone chart, 추진체계, 주요 산출물 and 기대 효과. */
import { formatKoreanDate, formatMonthIndex, monthOfDate, parseDate, parseMonth } from '../dates';
import { asArray, type PlanObject } from '../plan/read';
import type { Plan } from '../plan/types';
import type { Builder } from './builder';
import { blankRow, cell, headerRow, label, row } from './cells';
import { MARK, type TableRow } from './model';
import { date, obj, period, periodMonths, show } from './read';

/** The 12 month columns of the milestone chart: the project's calendar year, or 12 months from its start when it crosses a year. */
function milestoneWindow(schedule: PlanObject, milestones: PlanObject[]): { first: number; header: string } | undefined {
  const { start, end } = obj(schedule.period);
  const startDate = parseDate(start);
  const endDate = parseDate(end);
  const months: number[] = [];
  if (startDate) months.push(monthOfDate(startDate));
  if (endDate) months.push(monthOfDate(endDate));
  if (months.length === 0)
    for (const m of milestones) for (const month of asArray(m.months)) if (parseMonth(month) !== undefined) months.push(parseMonth(month) as number);
  if (months.length === 0) return undefined;
  const first = Math.min(...months);
  const last = Math.max(...months);
  const yy = (index: number) => String(Math.floor(index / 12) % 100).padStart(2, '0');
  if (Math.floor(first / 12) === Math.floor(last / 12)) return { first: Math.floor(first / 12) * 12, header: `수행일정('${yy(first)}년)` };
  return { first, header: `수행일정('${yy(first)}~'${yy(first + 11)}년)` };
}

export function scheduleChapter(b: Builder, plan: Plan): void {
  const schedule = obj(plan.schedule);
  b.chapterHeading();
  b.sectionHeading('추진 일정');
  const months = periodMonths(schedule.period);
  const projectPeriod = period(schedule.period);
  b.mark(3, `수행기간 : ${projectPeriod}${projectPeriod && months ? `(${months}개월)` : ''}`);
  b.mark(4, '마일스톤');
  const milestones = asArray(schedule.milestones).map(obj);
  const window = milestoneWindow(schedule, milestones);
  const first = window?.first ?? 0;
  const monthLabels = Array.from({ length: 12 }, (_, i) => (window ? String(((first + i) % 12) + 1) : String(i + 1)));
  const outside: string[] = [];
  const rows: TableRow[] = [
    headerRow(label('구분', { rowspan: 2 }), label('수행내용', { rowspan: 2 }), label(window?.header ?? '수행일정', { colspan: 12 })),
    headerRow(...monthLabels.map((m) => label(m))),
  ];
  if (milestones.length === 0) rows.push(blankRow(14));
  milestones.forEach((m, i) => {
    const marked = new Set<number>();
    for (const month of asArray(m.months)) {
      const index = parseMonth(month);
      if (index === undefined) continue;
      if (window && index >= first && index < first + 12) marked.add(index - first);
      else outside.push(`${show(m.task) || `${i + 1}`} (${formatKoreanDate(formatMonthIndex(index))})`);
    }
    rows.push(
      row(
        cell(String(i + 1), { align: 'center' }),
        cell(show(m.task)),
        ...monthLabels.map((_, column) => (marked.has(column) ? cell(MARK, { align: 'center', marked: true }) : cell('', { align: 'center' }))),
      ),
    );
  });
  b.table('milestones', [6, 34, ...Array.from({ length: 12 }, () => 5)], rows, { dense: true });
  if (outside.length > 0) b.note(`표의 12개월 밖 일정: ${outside.join(', ')}`);

  b.sectionHeading('추진체계');
  b.mark(3, '추진체계 및 역할');
  b.text(schedule.structure);

  b.sectionHeading('주요 산출물');
  const deliverables = asArray(schedule.deliverables).map(obj);
  b.table(
    'deliverables',
    [7, 38, 13, 42],
    [
      headerRow(label('번호'), label('산출물명'), label('산출 시기'), label('내역')),
      ...(deliverables.length === 0
        ? [blankRow(4)]
        : deliverables.map((d, i) =>
            row(cell(String(i + 1), { align: 'center' }), cell(show(d.name)), cell(date(d.due), { align: 'center' }), cell(show(d.description))),
          )),
    ],
  );

  b.sectionHeading('기대 효과');
  b.text(schedule.effects);
}
