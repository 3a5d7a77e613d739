/**
 * Reading an unchecked plan value into the text a cell or heading of the form shows: blank (or
 * undefined) for anything missing or of the wrong type, dates as the form writes them.
 * The type checks themselves are the core's (`../plan/read`).
 */
import { formatKoreanDate, parseDate, parseMonth, periodLength, periodMonthsText } from '../dates';
import { groupThousands } from '../format';
import { asNumber, asObject, type PlanObject } from '../plan/read';
import { clean } from './bullets';

/** An object, or an empty one, so that its fields can be read without checks. */
export const obj = (value: unknown): PlanObject => asObject(value) ?? {};
/** A non-blank string on one line (line breaks become spaces), made safe for every format. */
export const str = (value: unknown): string | undefined =>
  typeof value === 'string' && clean(value).trim().length > 0
    ? clean(value)
        .replace(/\s*[\r\n]+\s*/g, ' ')
        .trim()
    : undefined;
/** A scalar for a table cell: strings as they are, numbers grouped, anything else blank. */
export const show = (value: unknown): string =>
  typeof value === 'string' ? (str(value) ?? '') : typeof value === 'number' && Number.isFinite(value) ? groupThousands(value) : '';
export const date = (value: unknown): string => (str(value) ? formatKoreanDate(str(value) as string) : '');
export const period = (value: unknown): string => {
  const { start, end } = obj(value);
  const [from, to] = [date(start), date(end)];
  return from || to ? `${from}~${to}` : '';
};
/** A period on two lines (`2026.03.~` / `2026.08.`), for narrow table columns. */
export const periodLines = (value: unknown): string[] => {
  const { start, end } = obj(value);
  const [from, to] = [date(start), date(end)];
  return from || to ? [`${from}~`, to] : [];
};
export const percent = (value: unknown): string => (asNumber(value) !== undefined ? `${asNumber(value)}%` : '');

/** `2026-01-20` → `2026년 1월 20일`, the form's pledge date. */
export function longDate(value: unknown): string {
  const parsed = parseDate(value);
  return parsed ? `${parsed.year}년 ${parsed.month}월 ${parsed.day}일` : '년    월    일';
}

/**
 * Months of a date period, as the form writes it after 수행기간: 6 (within a few days of whole
 * months), or 5.5 when not whole. The same count as `schedule-months-mismatch` checks (dates.ts).
 */
export function periodMonths(value: unknown): string {
  const { start, end } = obj(value);
  const [from, to] = [parseDate(start), parseDate(end)];
  const length = from && to ? periodLength(from, to) : undefined;
  return length && length.span > 0 ? periodMonthsText(length) : '';
}

/** A month as the form's GPU 투입시기 column writes it: `2026-03` → `'26.03`. */
export function shortMonth(value: unknown): string {
  const index = parseMonth(value);
  if (index === undefined) return str(value) ?? '';
  return `'${String(Math.floor(index / 12) % 100).padStart(2, '0')}.${String((index % 12) + 1).padStart(2, '0')}`;
}
