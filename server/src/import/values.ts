/**
 * Values as the form writes them, into the plan's formats: dates ('26.03, 2026.03., 2026-03,
 * 2026년 3월, YYYYMMDD …) into ISO `YYYY-MM-DD` / `YYYY-MM`; amounts (38,400,000원, 3,840만원,
 * 1.5억원, 천원 units) into numbers; percentages, counts and the form's checkboxes.
 */
import { daysInMonth } from '../core/dates';

const pad = (n: number): string => String(n).padStart(2, '0');
const validDay = (y: number, m: number, d: number): boolean => y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** The form's placeholders for a value not filled in. */
export const PLACEHOLDER = /^(?:0{2,}|0{2,}%|yyyy.*|YYYYMMDD|MMDD.*|'yy\.mm|ㅇㅇㅇ|△△△|○\s*○|\(\s*\)|00\s*\(\s*0+\s*\)|해당시\s*작성|\(신청시 작성 불필요\))$/i;
export const isPlaceholder = (text: string): boolean => PLACEHOLDER.test(text.trim()) || /^0+(?:\s*[(（][^)]*[)）])?$/.test(text.trim());

const DATE_PATTERNS: readonly RegExp[] = [
  // 2026.03.01. / 2026-03-01 / 2026/03/01 / 2026. 3. 1.
  /(?<!\d)(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})(?!\d)\.?/,
  // 2026년 3월 1일
  /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/,
  // 20260301
  /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/,
  // '26.03.01 / 26.03.01
  /(?<![\d.])['’]?(\d{2})\.(\d{1,2})\.(\d{1,2})(?!\d)\.?/,
];

/** A full date in any of the form's ways, as `YYYY-MM-DD`. */
export function parseDateText(text: string): string | undefined {
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [y, mo, d] = [fullYear(m[1]), Number(m[2]), Number(m[3])];
    if (validDay(y, mo, d)) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return undefined;
}

const MONTH_PATTERNS: readonly RegExp[] = [
  /(?<!\d)(\d{4})\s*[.\-/]\s*(\d{1,2})(?![\d])\.?/,
  /(\d{4})\s*년\s*(\d{1,2})\s*월/,
  /(?<!\d)(\d{4})(\d{2})(?!\d)/,
  /(?<![\d.])['’](\d{2})\s*\.\s*(\d{1,2})(?!\d)\.?/,
];

/** A month (or a date, of which the month is kept) as `YYYY-MM`. */
export function parseMonthText(text: string): string | undefined {
  const date = parseDateText(text);
  if (date) return date.slice(0, 7);
  for (const pattern of MONTH_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [y, mo] = [fullYear(m[1]), Number(m[2])];
    if (y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12) return `${y}-${pad(mo)}`;
  }
  return undefined;
}

/** A `start ~ end` of the form, split at its tilde (or dash between dates). */
export function splitPeriod(text: string): [string, string] | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const at = t.search(/[~∼〜～]/);
  if (at >= 0) return [t.slice(0, at).trim(), t.slice(at + 1).trim()];
  const dash = /^(.*\d\.?)\s+[-–]\s+(\d.*)$/.exec(t);
  return dash ? [dash[1], dash[2]] : undefined;
}

export function parseDatePeriod(text: string): { start?: string; end?: string } | undefined {
  const parts = splitPeriod(text);
  if (!parts) return undefined;
  const start = parseDateText(parts[0]);
  const end = parseDateText(parts[1]);
  return start || end ? { ...(start ? { start } : {}), ...(end ? { end } : {}) } : undefined;
}

export function parseMonthPeriod(text: string): { start?: string; end?: string } | undefined {
  const parts = splitPeriod(text);
  if (!parts) {
    const single = parseMonthText(text);
    return single ? { start: single, end: single } : undefined;
  }
  const start = parseMonthText(parts[0]);
  // "2026.03.~04." — the end may leave out its year.
  let end = parseMonthText(parts[1]);
  if (!end && start) {
    const month = /^(\d{1,2})\s*[.월]?$/.exec(parts[1].trim());
    if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) end = `${start.slice(0, 4)}-${pad(Number(month[1]))}`;
  }
  return start || end ? { ...(start ? { start } : {}), ...(end ? { end } : {}) } : undefined;
}

/** `1,240,000` → 1240000; undefined when the text holds no number. */
export function parseNumber(text: string): number | undefined {
  const m = /-?\d[\d,]*(?:\.\d+)?/.exec(text.replace(/\s+/g, ''));
  if (!m) return undefined;
  const n = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** A number standing alone in a cell (with at most a unit): "6", "6개월", "40 %". */
export function parseCount(text: string, unit?: RegExp): number | undefined {
  const t = text.replace(/\s+/g, '');
  if (!/\d/.test(t)) return undefined;
  if (unit) {
    const m = new RegExp(`(-?\\d[\\d,]*(?:\\.\\d+)?)(?:${unit.source})`).exec(t);
    if (m) return Number(m[1].replace(/,/g, ''));
  }
  return parseNumber(t);
}

export function parsePercent(text: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*%/.exec(text);
  if (m) return Number(m[1]);
  return /^\s*\d+(?:\.\d+)?\s*$/.test(text) ? Number(text.trim()) : undefined;
}

/**
 * An amount in won: "38,400,000원", "3,840만원", "1억 2,000만원", "76.8백만원"; `unit` is the unit of
 * a bare number (1000 for a 천원 column).
 */
export function parseWon(text: string, unit = 1): number | undefined {
  const t = text.replace(/\s+/g, '').replace(/,/g, '');
  if (!/\d/.test(t)) return undefined;
  const parts: Array<[RegExp, number]> = [
    [/(\d+(?:\.\d+)?)억/, 100_000_000],
    [/(\d+(?:\.\d+)?)천만/, 10_000_000],
    [/(\d+(?:\.\d+)?)백만/, 1_000_000],
    [/(\d+(?:\.\d+)?)만/, 10_000],
    [/(\d+(?:\.\d+)?)천원/, 1_000],
  ];
  let total = 0;
  let matched = false;
  let rest = t;
  for (const [pattern, factor] of parts) {
    const m = pattern.exec(rest);
    if (m) {
      total += Number(m[1]) * factor;
      matched = true;
      rest = rest.replace(m[0], '');
    }
  }
  const tail = /(\d+(?:\.\d+)?)원?/.exec(rest);
  if (tail && (!matched || /원$/.test(rest))) total += Number(tail[1]) * (/원/.test(rest) || matched ? 1 : unit);
  else if (!matched) return undefined;
  return Math.round(total);
}

/** Text in 천원 (a cell of a 천원 column): a bare number is already in thousands; an amount with a unit is converted. */
export function parseThousandWon(text: string): number | undefined {
  const t = text.replace(/\s+/g, '');
  if (/^-?[\d,]+(?:\.\d+)?(?:천원)?$/.test(t)) return parseNumber(t);
  const won = parseWon(t);
  return won === undefined ? undefined : Math.round(won / 1000);
}

const CHECKED = '■☑✔✓☒▣◼✅⊠';
const UNCHECKED = '□☐◻▢';
const BOX = new RegExp(`[${CHECKED}${UNCHECKED}]|\\[[ xXvV✓]\\]`, 'g');

export interface Box {
  readonly checked: boolean;
  /** The words after the box, up to the next box. */
  readonly label: string;
}

/** The form's checkboxes in a cell: ■ (☑ ✔ ✓ ☒ [x] [v]) for a chosen option, □ for the others. */
export function parseBoxes(text: string): Box[] {
  const boxes: Box[] = [];
  const marks = [...text.matchAll(BOX)];
  marks.forEach((m, i) => {
    const from = m.index + m[0].length;
    const to = i + 1 < marks.length ? marks[i + 1].index : text.length;
    const mark = m[0];
    const checked = CHECKED.includes(mark) || /\[[xXvV✓]\]/.test(mark);
    boxes.push({ checked, label: text.slice(from, to).replace(/\s+/g, ' ').trim() });
  });
  return boxes;
}

export const hasBoxes = (text: string): boolean => new RegExp(BOX.source).test(text);

/** A label compared loosely: without spaces, dots, brackets or case. */
export const loose = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s·ㆍ・.,:()（）[\]{}「」『』"'“”‘’*]/g, '');

/** The text inside "기타( … )": what the form's "other" box names. */
export function otherText(label: string): string | undefined {
  const m = /\(\s*([^)]*?)\s*\)?\s*$/.exec(label.replace(/^[^(（]*[(（]/, '('));
  const inner = m?.[1]?.trim();
  return inner ? inner : undefined;
}
