import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DAY_MS,
  dayOfWeek,
  formatDay,
  nthWeekdayBefore,
  nthWeekdayFrom,
  parseDay,
  weekdaysBetween,
  yearOfDay,
} from './days.ts';

describe('day arithmetic', () => {
  it('yearOfDay agrees with Date from 1900 to 2200', () => {
    for (let day = parseDay('1900-01-01'); day <= parseDay('2200-12-31'); day++) {
      assert.equal(yearOfDay(day), new Date(day * DAY_MS).getUTCFullYear());
    }
  });

  it('parses and formats real dates only', () => {
    assert.equal(formatDay(parseDay('2024-02-29')), '2024-02-29');
    assert.ok(Number.isNaN(parseDay('2023-02-29')));
    assert.ok(Number.isNaN(parseDay('2024-00-10')));
    assert.equal(dayOfWeek(parseDay('1970-01-01')), 4);
    assert.equal(dayOfWeek(parseDay('1969-12-28')), 0);
  });

  it('weekday counting and stepping agree with a day-by-day walk', () => {
    const base = parseDay('2024-03-06'); // a Wednesday
    for (let a = base - 10; a < base + 10; a++) {
      for (let len = 0; len < 40; len++) {
        let n = 0;
        for (let d = a; d < a + len; d++) if (dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6) n++;
        assert.equal(weekdaysBetween(a, a + len), n);
      }
      for (let j = 0; j < 30; j++) {
        const d = nthWeekdayFrom(a, j);
        assert.equal(weekdaysBetween(a, d), j);
        assert.ok(dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6);
        const b = nthWeekdayBefore(a, j + 1);
        assert.equal(weekdaysBetween(b, a), j + 1);
        assert.ok(dayOfWeek(b) !== 0 && dayOfWeek(b) !== 6);
      }
    }
  });
});
