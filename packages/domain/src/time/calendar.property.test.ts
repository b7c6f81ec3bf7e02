import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createWorkingCalendar, DEFAULT_WORKING_HOURS } from './calendar.ts';

const cal = createWorkingCalendar();
const H = 3_600_000;
const DAY = 86_400_000;
const OFFSET = 8 * H;

// Instants from 2019 to 2028: before, across and after the holiday table.
const instant = fc
  .integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2028, 11, 31) })
  .map((ms) => new Date(ms));
// An instant inside working time.
const workingInstant = instant.map((d) => cal.nextWorkingInstant(d));
// Whole minutes up to 40 working days.
const minutes = fc.integer({ min: 0, max: 40 * 7.5 * 60 });
const positiveMinutes = fc.integer({ min: 1, max: 40 * 7.5 * 60 });

const atPeriodEnd = (d: Date) => !cal.isWorkingTime(d) && cal.isWorkingTime(new Date(d.getTime() - 1));

/** Independent reference: walk day by day through the periods, using only isWorkingDay. */
function naiveAddWorkingMs(from: Date, ms: number): number {
  const periods = DEFAULT_WORKING_HOURS.map((p) => {
    const [sh, sm] = p.start.split(':').map(Number);
    const [eh, em] = p.end.split(':').map(Number);
    return { start: sh * H + sm * 60_000, end: eh * H + em * 60_000 };
  });
  let left = ms;
  let cur = from.getTime();
  let day = Math.floor((cur + OFFSET) / DAY);
  for (;;) {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    if (cal.isWorkingDay(date)) {
      for (const p of periods) {
        const start = Math.max(cur, day * DAY + p.start - OFFSET);
        const end = day * DAY + p.end - OFFSET;
        if (start >= end) continue;
        if (left <= end - start) return start + left;
        left -= end - start;
        cur = end;
      }
    }
    day++;
  }
}

describe('working calendar properties', () => {
  it('addWorkingHours(a, x + y) == addWorkingHours(addWorkingHours(a, x), y) for a in working time', () => {
    fc.assert(
      fc.property(workingInstant, minutes, minutes, (a, x, y) => {
        const direct = cal.addWorkingHours(a, (x + y) / 60);
        const stepped = cal.addWorkingHours(cal.addWorkingHours(a, x / 60), y / 60);
        assert.equal(direct.getTime(), stepped.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('workingMsBetween(a, addWorkingHours(a, h)) == h hours', () => {
    fc.assert(
      fc.property(workingInstant, minutes, (a, m) => {
        assert.equal(cal.workingMsBetween(a, cal.addWorkingHours(a, m / 60)), m * 60_000);
      }),
      { numRuns: 500 },
    );
  });

  it('a result is inside working time or exactly at the end of a working period', () => {
    fc.assert(
      fc.property(instant, positiveMinutes, (a, m) => {
        const r = cal.addWorkingHours(a, m / 60);
        assert.ok(cal.isWorkingTime(r) || atPeriodEnd(r), r.toISOString());
        assert.ok(r.getTime() > a.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic in hours', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (a, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        assert.ok(cal.addWorkingHours(a, lo / 60).getTime() <= cal.addWorkingHours(a, hi / 60).getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a day-by-day reference implementation', () => {
    fc.assert(
      fc.property(instant, positiveMinutes, (a, m) => {
        assert.equal(cal.addWorkingHours(a, m / 60).getTime(), naiveAddWorkingMs(a, m * 60_000));
      }),
      { numRuns: 500 },
    );
  });

  it('addWorkingDays keeps the clock time on a working day, and composes', () => {
    fc.assert(
      fc.property(
        workingInstant,
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 0, max: 80 }),
        (a, m, n) => {
          const r = cal.addWorkingDays(a, m);
          const clock = (d: Date) => (d.getTime() + OFFSET) % DAY;
          if (cal.isWorkingTime(r)) assert.equal(clock(r), clock(a));
          else assert.ok(atPeriodEnd(r)); // a was exactly at a period start
          assert.equal(cal.workingMsBetween(a, r), m * cal.workingDayMs);
          assert.equal(cal.addWorkingDays(a, m + n).getTime(), cal.addWorkingDays(r, n).getTime());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('nextWorkingInstant is the first working instant at or after a', () => {
    fc.assert(
      fc.property(instant, (a) => {
        const next = cal.nextWorkingInstant(a);
        assert.ok(next.getTime() >= a.getTime());
        assert.ok(cal.isWorkingTime(next));
        assert.equal(cal.workingMsBetween(a, next), 0);
      }),
      { numRuns: 500 },
    );
  });

  it('workingMsBetween is additive', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        assert.equal(cal.workingMsBetween(a, b) + cal.workingMsBetween(b, c), cal.workingMsBetween(a, c));
      }),
    );
  });
});
