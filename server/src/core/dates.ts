/** Calendar arithmetic on the plan's ISO dates (`YYYY-MM-DD`) and months (`YYYY-MM`). */
import { MONTH_TOLERANCE_DAYS } from './figures';
import { perLocale, type Message } from './l10n';

export interface YearMonthDay {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS[month - 1];
}

/**
 * The number written by the `count` ASCII digits of `value` from `at`, or -1 when one is not a
 * digit. The rules parse the dates of every row on a keystroke: this allocates nothing, where a
 * regular expression's match made an array and three strings a date.
 */
function digitsAt(value: string, at: number, count: number): number {
  let number = 0;
  for (let i = at; i < at + count; i++) {
    const digit = value.charCodeAt(i) - 0x30;
    if (!(digit >= 0 && digit <= 9)) return -1;
    number = number * 10 + digit;
  }
  return number;
}

const HYPHEN = 0x2d;

/** `YYYY-MM-DD`, a day that exists. */
export function parseDate(value: unknown): YearMonthDay | undefined {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) return undefined;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** `YYYY-MM` as a month index (year × 12 + month − 1), so months compare and subtract. */
export function parseMonth(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length !== 7 || value.charCodeAt(4) !== HYPHEN) return undefined;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  return year >= 0 && month >= 1 && month <= 12 ? year * 12 + month - 1 : undefined;
}

export const monthOfDate = (date: YearMonthDay): number => date.year * 12 + date.month - 1;

export function formatMonthIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/*
 * Days since 1970-01-01 and back, in integers on the proleptic Gregorian calendar (no clock, no
 * time zone, no Date object: the rules count days of a thousand rows on every keystroke). Years
 * start on 1 March, so that the leap day is the last of its year; an era is 400 years, 146,097
 * days. After H. Hinnant, "chrono-compatible low-level date algorithms".
 */
const DAYS_PER_ERA = 146_097;
/** 1970-01-01 counted from 0000-03-01. */
const EPOCH = 719_468;

/** Days since 1970-01-01. */
export function dayNumber(date: YearMonthDay): number {
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - EPOCH;
}

/** The date `days` days after 1970-01-01. */
export function fromDayNumber(days: number): YearMonthDay {
  const z = days + EPOCH;
  const era = Math.floor(z / DAYS_PER_ERA);
  const dayOfEra = z - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export const addDays = (date: YearMonthDay, days: number): YearMonthDay => fromDayNumber(dayNumber(date) + days);

/** `date` moved by whole months, the day kept or cut to the month's last day (01-31 + 1 → 02-28). */
export function addMonths(date: YearMonthDay, months: number): YearMonthDay {
  const index = date.year * 12 + date.month - 1 + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export const formatDate = (date: YearMonthDay): string =>
  `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

/** Months from `start` to `end` inclusive of both days, as a real number: 03-01…08-31 → 6. */
export function monthSpan(start: YearMonthDay, end: YearMonthDay): number {
  // The day after `end`, so that whole months come out whole.
  const after = addDays(end, 1);
  let months = (after.year - start.year) * 12 + (after.month - start.month);
  if (dayNumber(addMonths(start, months)) > dayNumber(after)) months -= 1;
  const from = addMonths(start, months);
  const next = addMonths(start, months + 1);
  return months + (dayNumber(after) - dayNumber(from)) / (dayNumber(next) - dayNumber(from));
}

/** How long a date period is, both ends included, as the form counts it after 수행기간 and 참여기간. */
export interface PeriodLength {
  /** Whole months from the start… */
  readonly months: number;
  /** …and the days after them: 2026-03-01 ~ 2026-08-01 is 5 months and 1 day. */
  readonly days: number;
  /** Months as a real number (5.03). */
  readonly span: number;
  /**
   * The whole months the period counts as, when it is within MONTH_TOLERANCE_DAYS days of a
   * whole number of months (03-01 ~ 08-01 → 5; 03-02 ~ 08-31 → 6); undefined otherwise (5.5).
   */
  readonly whole?: number;
}

/** The length of `start` ~ `end` (both days included); undefined when it ends before it starts. */
export function periodLength(start: YearMonthDay, end: YearMonthDay): PeriodLength | undefined {
  if (compareDates(end, start) < 0) return undefined;
  const next = addDays(end, 1);
  const after = dayNumber(next);
  let months = (next.year - start.year) * 12 + (next.month - start.month);
  if (dayNumber(addMonths(start, months)) > after) months -= 1;
  const days = after - dayNumber(addMonths(start, months));
  const tolerance = MONTH_TOLERANCE_DAYS.value;
  let whole: number | undefined;
  for (const candidate of [months, months + 1]) {
    if (candidate >= 1 && Math.abs(after - dayNumber(addMonths(start, candidate))) <= tolerance) {
      whole = candidate;
      break;
    }
  }
  return { months, days, span: monthSpan(start, end), whole };
}

/**
 * The months of a period as the export prints them in "(○○개월)": the whole months when the
 * period is within a few days of them, else the months to one decimal ("5.5"). The rules compare
 * the same number, so what the document says is what was checked.
 */
export function periodMonthsText(length: PeriodLength): string {
  if (length.whole !== undefined) return String(length.whole);
  const rounded = Math.round(length.span * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** The last day of a period of `months` months from `start`: 2026-03-01 + 6 → 2026-08-31. */
export const periodEnd = (start: YearMonthDay, months: number): YearMonthDay => addDays(addMonths(start, months), -1);

/**
 * Whether a declared month count agrees with a period (붙임0 참여기간 (개월)): the whole months
 * when the period is whole within a few days, else the span rounded down or up.
 */
export function monthsAgree(declared: number, length: PeriodLength): boolean {
  if (length.whole !== undefined) return declared === length.whole;
  return declared === Math.floor(length.span) || declared === Math.ceil(length.span);
}

/** A period length for a message: "5 months and 1 day" / "5개월 1일". */
export function durationMessage(length: PeriodLength): Message {
  const { months, days } = length;
  const en =
    [months ? `${months} month${months === 1 ? '' : 's'}` : '', days ? `${days} day${days === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ') || '0 days';
  const ko = [months ? `${months}개월` : '', days ? `${days}일` : ''].filter(Boolean).join(' ') || '0일';
  return perLocale(en, ko);
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
