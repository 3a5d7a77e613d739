/** Calendar arithmetic on the plan's ISO dates (`YYYY-MM-DD`) and months (`YYYY-MM`). */
import { perLocale, type Message } from './l10n';

export interface YearMonthDay {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS[month - 1];
}

export function parseDate(value: unknown): YearMonthDay | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** `YYYY-MM` as a month index (year × 12 + month − 1), so months compare and subtract. */
export function parseMonth(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = MONTH.exec(value);
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : undefined;
}

export const monthOfDate = (date: YearMonthDay): number => date.year * 12 + date.month - 1;

export function formatMonthIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `start` to `end` inclusive of both days, as a real number: 03-01…08-31 → 6. */
export function monthSpan(start: YearMonthDay, end: YearMonthDay): number {
  // The day after `end`, so that whole months come out whole.
  let [y, m, d] = [end.year, end.month, end.day + 1];
  if (d > daysInMonth(y, m)) {
    d = 1;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  let months = (y - start.year) * 12 + (m - start.month);
  let days = d - start.day;
  if (days < 0) {
    months -= 1;
    days += daysInMonth(start.year + Math.floor((start.month - 1 + months) / 12), ((start.month - 1 + months) % 12) + 1);
  }
  const anchorYear = start.year + Math.floor((start.month - 1 + months) / 12);
  const anchorMonth = ((start.month - 1 + months) % 12) + 1;
  return months + days / daysInMonth(anchorYear, anchorMonth);
}

/** Whether a declared month count fits a period: equal to the span rounded down or up. */
export function monthsFit(declared: number, span: number): boolean {
  return declared === Math.floor(span + 1e-9) || declared === Math.ceil(span - 1e-9);
}

export const compareDates = (a: YearMonthDay, b: YearMonthDay): number => a.year - b.year || a.month - b.month || a.day - b.day;

/** `2026-03` → `2026.03.`, `2026-03-01` → `2026.03.01.`: the form's way of writing dates. */
export function formatKoreanDate(value: string): string {
  const date = parseDate(value);
  if (date) return `${date.year}.${String(date.month).padStart(2, '0')}.${String(date.day).padStart(2, '0')}.`;
  const month = parseMonth(value);
  if (month !== undefined) return `${formatMonthIndex(month).replace('-', '.')}.`;
  return value;
}

/** A date or month for a message: ISO in English, the form's style (2026.09.) in Korean. */
export const dateMessage = (value: string): Message => perLocale(value, formatKoreanDate(value));

/** A month index (see `parseMonth`) for a message. */
export const monthMessage = (index: number): Message => dateMessage(formatMonthIndex(index));
