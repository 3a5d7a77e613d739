import * as assert from 'node:assert/strict';
import { addDays, dayNumber, fromDayNumber, parseDate, parseMonth, periodLength, type YearMonthDay } from '../../server/src/core/dates';

describe('calendar arithmetic', () => {
  it('counts days as the UTC calendar does, every day from 1600 to 2400', () => {
    const first = Date.UTC(1600, 0, 1) / 86_400_000;
    const last = Date.UTC(2400, 11, 31) / 86_400_000;
    for (let days = first; days <= last; days++) {
      const date = new Date(days * 86_400_000);
      const ymd: YearMonthDay = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      assert.equal(dayNumber(ymd), days, JSON.stringify(ymd));
      assert.deepEqual(fromDayNumber(days), ymd, String(days));
    }
  });

  it('knows the epoch, leap days and the turn of centuries', () => {
    assert.equal(dayNumber({ year: 1970, month: 1, day: 1 }), 0);
    assert.equal(dayNumber({ year: 1969, month: 12, day: 31 }), -1);
    assert.deepEqual(addDays({ year: 2028, month: 2, day: 28 }, 1), { year: 2028, month: 2, day: 29 });
    assert.deepEqual(addDays({ year: 2100, month: 2, day: 28 }, 1), { year: 2100, month: 3, day: 1 });
    assert.deepEqual(addDays({ year: 2000, month: 2, day: 28 }, 1), { year: 2000, month: 2, day: 29 });
    assert.deepEqual(addDays({ year: 2026, month: 12, day: 31 }, 1), { year: 2027, month: 1, day: 1 });
  });

  it('measures the form periods: 03-01 ~ 08-31 is 6 months, 03-01 ~ 08-01 is 5 months and 1 day', () => {
    assert.deepEqual(periodLength({ year: 2026, month: 3, day: 1 }, { year: 2026, month: 8, day: 31 }), { months: 6, days: 0, span: 6, whole: 6 });
    const short = periodLength({ year: 2026, month: 3, day: 1 }, { year: 2026, month: 8, day: 1 });
    assert.ok(short);
    assert.equal(short.months, 5);
    assert.equal(short.days, 1);
  });
});

describe('reading dates and months', () => {
  // What the plan's format says a date and a month are, as regular expressions: the parsers read
  // them digit by digit, and must agree with these on every string.
  const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const MONTH = /^(\d{4})-(\d{2})$/;
  const referenceDate = (value: string): YearMonthDay | undefined => {
    const match = DATE.exec(value);
    if (!match) return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const last = month >= 1 && month <= 12 ? new Date(Date.UTC(2000, month, 0)).getUTCDate() : 0;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = month === 2 ? (leap ? 29 : 28) : last;
    return day >= 1 && day <= days ? { year, month, day } : undefined;
  };
  const referenceMonth = (value: string): number | undefined => {
    const match = MONTH.exec(value);
    if (!match) return undefined;
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : undefined;
  };

  it('reads the strings of the format and refuses the rest', () => {
    assert.deepEqual(parseDate('2026-03-01'), { year: 2026, month: 3, day: 1 });
    assert.deepEqual(parseDate('2028-02-29'), { year: 2028, month: 2, day: 29 });
    assert.deepEqual(parseDate('0000-01-01'), { year: 0, month: 1, day: 1 });
    assert.equal(parseMonth('2026-03'), 2026 * 12 + 2);
    for (const bad of [
      '2026-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-3-01',
      '2026-03-1',
      '2026/03/01',
      '2026-03-01 ',
      ' 2026-03-01',
      '2026-03-01\n',
      '２０２６-03-01',
      '2026-0３-01',
      '+026-03-01',
      '20-6-03-01',
      '2026-03',
      '',
      '2026.03.01.',
    ])
      assert.equal(parseDate(bad), undefined, JSON.stringify(bad));
    for (const bad of ['2026-00', '2026-13', '2026-3', '2026-03-01', '2026-03\n', '２０２６-03', '-026-03', '2026.03.', ''])
      assert.equal(parseMonth(bad), undefined, JSON.stringify(bad));
    for (const other of [undefined, null, 20260301, ['2026-03-01'], { year: 2026 }]) {
      assert.equal(parseDate(other), undefined);
      assert.equal(parseMonth(other), undefined);
    }
  });

  it('agrees with the regular expressions of the format on 200,000 strings near a date', () => {
    // Strings made of the characters a date is made of, and of those it is mistaken for.
    const alphabet = '0123456789-- ０９.+/\n';
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
      return seed % n;
    };
    for (let n = 0; n < 200_000; n++) {
      const chars = (n % 2 === 0 ? '2026-03-01' : '2026-03').split(''); // ASCII
      for (let k = random(3); k >= 0; k--) {
        const at = random(chars.length + 1);
        const what = random(3);
        const c = alphabet[random(alphabet.length)];
        if (what === 0) chars[Math.min(at, chars.length - 1)] = c;
        else if (what === 1) chars.splice(at, 0, c);
        else chars.splice(at, 1);
      }
      const value = chars.join('');
      assert.deepEqual(parseDate(value), referenceDate(value), JSON.stringify(value));
      assert.equal(parseMonth(value), referenceMonth(value), JSON.stringify(value));
    }
  });
});
