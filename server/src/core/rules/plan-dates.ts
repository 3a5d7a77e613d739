/**
 * The dates a plan is read against. Recency checks ("최근 5년간", "최근 3년 이내") and the 진행현황
 * of a project are judged against the plan's own dates, never the machine's clock: the pledge date
 * (`pledge.date`, the day the plan is signed and submitted), or, without it, the start of the
 * project period (`schedule.period.start`). So the same file gives the same findings on any day.
 */
import { monthOfDate, parseDate, parseMonth, type YearMonthDay } from '../dates';
import type { JsonPath } from '../json/tree';
import type { Plan } from '../plan/types';
import { asObject } from '../plan/read';

export interface ReferenceDate {
  readonly date: YearMonthDay;
  /** The ISO date as written. */
  readonly iso: string;
  /** Its month index (see `parseMonth`). */
  readonly month: number;
  /** Where it is written. */
  readonly path: JsonPath;
  readonly source: 'pledge' | 'schedule';
}

/** The plan's "today": the pledge date, or the start of the project period. */
export function referenceDate(plan: Plan): ReferenceDate | undefined {
  const pledge = asObject(plan.pledge)?.date;
  const start = asObject(asObject(plan.schedule)?.period)?.start;
  for (const [value, path, source] of [
    [pledge, ['pledge', 'date'], 'pledge'],
    [start, ['schedule', 'period', 'start'], 'schedule'],
  ] as const) {
    const date = parseDate(value);
    if (date) return { date, iso: value as string, month: monthOfDate(date), path, source };
  }
  return undefined;
}

/** The project period of V-1 as month indexes, when both ends are dates and in order. */
export function projectMonths(
  plan: Plan,
): { readonly first: number; readonly last: number; readonly start: YearMonthDay; readonly end: YearMonthDay } | undefined {
  const period = asObject(asObject(plan.schedule)?.period);
  const start = parseDate(period?.start);
  const end = parseDate(period?.end);
  if (!start || !end) return undefined;
  const [first, last] = [monthOfDate(start), monthOfDate(end)];
  return last >= first ? { first, last, start, end } : undefined;
}

/** A month period `{ start, end }` (YYYY-MM) as month indexes, when both are months. */
export function monthPeriod(value: unknown): { readonly start: number; readonly end: number } | undefined {
  const period = asObject(value);
  const start = parseMonth(period?.start);
  const end = parseMonth(period?.end);
  return start !== undefined && end !== undefined ? { start, end } : undefined;
}
