import * as assert from 'node:assert/strict';
import { addDays, dayNumber, fromDayNumber, periodLength, type YearMonthDay } from '../../server/src/core/dates';

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
