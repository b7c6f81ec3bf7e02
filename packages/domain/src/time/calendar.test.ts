import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HeweiError } from '../errors.ts';
import { createWeekendCalendar, createWorkingCalendar, shanghaiDate } from './calendar.ts';

const cal = createWorkingCalendar();
/** An instant written in Shanghai local time. */
const sh = (local: string) => new Date(`${local}+08:00`);
const iso = (d: Date) => d.toISOString();
const same = (actual: Date, expectedLocal: string) => assert.equal(iso(actual), iso(sh(expectedLocal)));
const throwsRule = (fn: () => unknown, rule: string) =>
  assert.throws(fn, (e: unknown) => e instanceof HeweiError && e.rule === rule);

describe('published arrangements (State Council notices)', () => {
  // [date, is a working day]
  const cases: Record<number, Array<[string, boolean]>> = {
    2020: [
      ['2020-01-01', false],
      ['2020-01-19', true], // Sunday make-up day
      ['2020-01-24', false],
      ['2020-01-31', false], // Friday: the extension (国办发明电〔2020〕1号)
      ['2020-02-01', false], // Saturday: was a make-up day, cancelled by the extension
      ['2020-02-02', false],
      ['2020-02-03', true],
      ['2020-04-06', false],
      ['2020-04-26', true],
      ['2020-05-09', true],
      ['2020-06-26', false],
      ['2020-06-28', true],
      ['2020-09-27', true],
      ['2020-10-08', false],
      ['2020-10-09', true],
      ['2020-10-10', true],
    ],
    2021: [
      ['2021-01-01', false],
      ['2021-02-07', true],
      ['2021-02-11', false],
      ['2021-02-17', false],
      ['2021-02-18', true],
      ['2021-02-20', true],
      ['2021-04-05', false],
      ['2021-04-25', true],
      ['2021-05-08', true],
      ['2021-06-14', false],
      ['2021-09-18', true],
      ['2021-09-21', false],
      ['2021-09-26', true],
      ['2021-10-07', false],
      ['2021-10-09', true],
    ],
    2022: [
      ['2022-01-03', false],
      ['2022-01-29', true],
      ['2022-01-30', true],
      ['2022-01-31', false],
      ['2022-02-06', false],
      ['2022-02-07', true],
      ['2022-04-02', true],
      ['2022-04-04', false],
      ['2022-04-24', true],
      ['2022-05-04', false],
      ['2022-05-07', true],
      ['2022-06-03', false],
      ['2022-09-12', false],
      ['2022-10-07', false],
      ['2022-10-08', true],
      ['2022-10-09', true],
    ],
    2023: [
      ['2022-12-31', false],
      ['2023-01-02', false],
      ['2023-01-03', true],
      ['2023-01-27', false],
      ['2023-01-28', true],
      ['2023-01-29', true],
      ['2023-04-05', false],
      ['2023-04-23', true],
      ['2023-05-03', false],
      ['2023-05-06', true],
      ['2023-06-23', false],
      ['2023-06-25', true],
      ['2023-09-29', false],
      ['2023-10-06', false],
      ['2023-10-07', true],
      ['2023-10-08', true],
    ],
    2024: [
      ['2024-01-01', false],
      ['2024-02-04', true], // Sunday make-up day
      ['2024-02-09', true], // Friday before the Spring Festival block
      ['2024-02-10', false],
      ['2024-02-14', false],
      ['2024-02-17', false],
      ['2024-02-18', true], // Sunday make-up day
      ['2024-04-04', false],
      ['2024-04-07', true],
      ['2024-04-28', true],
      ['2024-05-03', false],
      ['2024-05-11', true],
      ['2024-06-10', false],
      ['2024-09-14', true],
      ['2024-09-16', false],
      ['2024-09-29', true], // Sunday make-up day
      ['2024-09-30', true],
      ['2024-10-01', false],
      ['2024-10-04', false],
      ['2024-10-07', false],
      ['2024-10-08', true],
      ['2024-10-12', true], // Saturday make-up day
    ],
    2025: [
      ['2025-01-01', false],
      ['2025-01-26', true],
      ['2025-01-27', true],
      ['2025-01-28', false],
      ['2025-02-04', false],
      ['2025-02-05', true],
      ['2025-02-08', true],
      ['2025-04-04', false],
      ['2025-04-27', true],
      ['2025-05-01', false],
      ['2025-05-05', false],
      ['2025-05-06', true],
      ['2025-06-02', false],
      ['2025-09-28', true],
      ['2025-10-01', false],
      ['2025-10-08', false],
      ['2025-10-09', true],
      ['2025-10-11', true],
    ],
    2026: [
      ['2026-01-02', false],
      ['2026-01-04', true],
      ['2026-02-13', true],
      ['2026-02-14', true],
      ['2026-02-15', false],
      ['2026-02-23', false],
      ['2026-02-24', true],
      ['2026-02-28', true],
      ['2026-04-06', false],
      ['2026-05-05', false],
      ['2026-05-09', true],
      ['2026-06-19', false],
      ['2026-09-20', true],
      ['2026-09-25', false],
      ['2026-10-07', false],
      ['2026-10-08', true],
      ['2026-10-10', true],
    ],
  };
  for (const [year, list] of Object.entries(cases)) {
    it(`${year}: ${list.length} dates`, () => {
      for (const [date, working] of list) assert.equal(cal.isWorkingDay(date), working, date);
    });
  }

  it('ordinary weekends and weekdays outside any block', () => {
    assert.equal(cal.isWorkingDay('2024-03-09'), false);
    assert.equal(cal.isWorkingDay('2024-03-10'), false);
    assert.equal(cal.isWorkingDay('2024-03-11'), true);
  });

  it('working days per year = weekdays − statutory holidays (11 days; 13 from 2025); 2020 two fewer', () => {
    // Each notice moves every statutory day that falls on a weekend, so the count is a checksum on the data.
    const expected: Record<number, number> = {
      2020: 249, // 251 as first published, minus Friday 01-31 and the cancelled Saturday make-up day 02-01
      2021: 250,
      2022: 249,
      2023: 249,
      2024: 251,
      2025: 248,
      2026: 248,
    };
    for (const [year, count] of Object.entries(expected)) {
      let n = 0;
      for (let d = Date.UTC(Number(year), 0, 1); d < Date.UTC(Number(year) + 1, 0, 1); d += 86_400_000) {
        if (cal.isWorkingDay(new Date(d).toISOString().slice(0, 10))) n++;
      }
      assert.equal(n, count, year);
    }
  });
});

describe('coverage', () => {
  it('flags years without a published notice and falls back to weekends only', () => {
    for (let y = 2020; y <= 2026; y++) assert.equal(cal.coverage(y), 'published', String(y));
    assert.equal(cal.coverage(2019), 'unpublished');
    assert.equal(cal.coverage(2027), 'unpublished');
    // 2027-10-01 is a Friday: without the notice it is counted as an ordinary working day.
    assert.equal(cal.isWorkingDay('2027-10-01'), true);
    assert.equal(cal.isWorkingDay('2027-10-02'), false);
  });

  it('coverageBetween looks at every local year spanned, in either order', () => {
    assert.equal(cal.coverageBetween(sh('2020-01-01T00:00:00'), sh('2026-12-31T23:59:59')), 'published');
    assert.equal(cal.coverageBetween(sh('2026-12-31T10:00:00'), sh('2027-01-04T10:00:00')), 'unpublished');
    assert.equal(cal.coverageBetween(sh('2027-01-04T10:00:00'), sh('2026-12-31T10:00:00')), 'unpublished');
    // 15:59Z on 31 December is still 2026 in Shanghai; 16:00Z is already 2027.
    const last2026 = new Date('2026-12-31T15:59:59Z');
    assert.equal(cal.coverageBetween(last2026, last2026), 'published');
    const first2027 = new Date('2026-12-31T16:00:00Z');
    assert.equal(cal.coverageBetween(first2027, first2027), 'unpublished');
  });

  it('the weekend calendar knows no holidays and reports every year unpublished', () => {
    const weekend = createWeekendCalendar();
    assert.equal(weekend.isWorkingDay('2024-10-01'), true);
    assert.equal(weekend.isWorkingDay('2024-10-12'), false);
    assert.equal(weekend.coverage(2024), 'unpublished');
    same(weekend.addWorkingHours(sh('2024-09-30T16:00:00'), 8), '2024-10-01T16:30:00');
  });
});

describe('working hours', () => {
  it('08:30–12:00 and 13:30–17:30, half-open', () => {
    const checks: Array<[string, boolean]> = [
      ['2024-03-11T08:29:59.999', false],
      ['2024-03-11T08:30:00', true],
      ['2024-03-11T11:59:59.999', true],
      ['2024-03-11T12:00:00', false],
      ['2024-03-11T13:00:00', false],
      ['2024-03-11T13:30:00', true],
      ['2024-03-11T17:29:59.999', true],
      ['2024-03-11T17:30:00', false],
      ['2024-03-09T10:00:00', false], // Saturday
      ['2024-10-12T10:00:00', true], // make-up Saturday
      ['2024-10-02T10:00:00', false], // National Day
    ];
    for (const [local, working] of checks) assert.equal(cal.isWorkingTime(sh(local)), working, local);
    assert.equal(cal.workingDayMs, 7.5 * 3_600_000);
  });

  it('nextWorkingInstant', () => {
    same(cal.nextWorkingInstant(sh('2024-03-11T07:00:00')), '2024-03-11T08:30:00');
    same(cal.nextWorkingInstant(sh('2024-03-11T12:15:00')), '2024-03-11T13:30:00');
    same(cal.nextWorkingInstant(sh('2024-03-11T12:00:00')), '2024-03-11T13:30:00');
    same(cal.nextWorkingInstant(sh('2024-03-11T10:00:00')), '2024-03-11T10:00:00');
    same(cal.nextWorkingInstant(sh('2024-03-08T18:00:00')), '2024-03-11T08:30:00'); // Friday evening
    same(cal.nextWorkingInstant(sh('2024-09-30T17:30:00')), '2024-10-08T08:30:00'); // National Day
    same(cal.nextWorkingInstant(sh('2024-10-11T18:00:00')), '2024-10-12T08:30:00'); // make-up Saturday
  });
});

describe('addWorkingHours', () => {
  it('within a morning, across lunch, ending exactly at a period end', () => {
    same(cal.addWorkingHours(sh('2024-03-11T09:00:00'), 2), '2024-03-11T11:00:00');
    same(cal.addWorkingHours(sh('2024-03-11T11:00:00'), 2), '2024-03-11T14:30:00');
    same(cal.addWorkingHours(sh('2024-03-11T10:30:00'), 1.5), '2024-03-11T12:00:00');
    same(cal.addWorkingHours(sh('2024-03-11T12:00:00'), 0.5), '2024-03-11T14:00:00');
    same(cal.addWorkingHours(sh('2024-03-11T12:30:00'), 1), '2024-03-11T14:30:00');
    same(cal.addWorkingHours(sh('2024-03-11T07:00:00'), 1), '2024-03-11T09:30:00');
  });

  it('Friday evening', () => {
    // Friday 16:00 + 8 h: 1.5 h on Friday, 3.5 h Monday morning, 3 h Monday afternoon.
    same(cal.addWorkingHours(sh('2024-03-08T16:00:00'), 8), '2024-03-11T16:30:00');
    same(cal.addWorkingHours(sh('2024-03-08T16:00:00'), 1.5), '2024-03-08T17:30:00'); // stays on Friday
    same(cal.addWorkingHours(sh('2024-03-08T17:30:00'), 8), '2024-03-12T09:00:00');
    same(cal.addWorkingHours(sh('2024-03-08T18:00:00'), 1), '2024-03-11T09:30:00');
    same(cal.addWorkingHours(sh('2024-03-09T11:00:00'), 0.25), '2024-03-11T08:45:00'); // Saturday
  });

  it('with 8-hour days, Friday 16:00 + 8 working hours is Monday 16:00', () => {
    const eight = createWorkingCalendar({
      workingHours: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    });
    same(eight.addWorkingHours(sh('2024-03-08T16:00:00'), 8), '2024-03-11T16:00:00');
  });

  it('make-up Saturday and National Day', () => {
    same(cal.addWorkingHours(sh('2024-10-11T16:00:00'), 8), '2024-10-12T16:30:00');
    same(cal.addWorkingHours(sh('2024-09-30T16:00:00'), 8), '2024-10-08T16:30:00');
    same(cal.addWorkingHours(sh('2024-09-28T10:00:00'), 1), '2024-09-29T09:30:00'); // Sat -> Sunday make-up day
  });

  it('zero hours returns the start unchanged, even outside working time', () => {
    same(cal.addWorkingHours(sh('2024-03-09T03:00:00'), 0), '2024-03-09T03:00:00');
  });

  it('refuses negative or non-finite amounts and invalid instants', () => {
    throwsRule(() => cal.addWorkingHours(sh('2024-03-11T09:00:00'), -1), 'INVALID_AMOUNT');
    throwsRule(() => cal.addWorkingHours(sh('2024-03-11T09:00:00'), Number.NaN), 'INVALID_AMOUNT');
    throwsRule(() => cal.addWorkingHours(new Date('nope'), 1), 'INVALID_INSTANT');
  });
});

describe('addWorkingDays', () => {
  it('from inside working time: the same clock time n working days later', () => {
    same(cal.addWorkingDays(sh('2024-03-11T10:00:00'), 1), '2024-03-12T10:00:00');
    same(cal.addWorkingDays(sh('2024-03-11T10:00:00'), 5), '2024-03-18T10:00:00');
    same(cal.addWorkingDays(sh('2024-03-08T16:00:00'), 1), '2024-03-11T16:00:00');
    same(cal.addWorkingDays(sh('2025-01-27T10:00:00'), 1), '2025-02-05T10:00:00'); // Spring Festival 2025
    same(cal.addWorkingDays(sh('2025-01-24T10:00:00'), 1), '2025-01-26T10:00:00'); // to the Sunday make-up day
  });

  it('from outside working time: counted from where the working clock stopped', () => {
    same(cal.addWorkingDays(sh('2024-03-11T08:30:00'), 1), '2024-03-11T17:30:00'); // start of day: that day
    same(cal.addWorkingDays(sh('2024-03-11T12:30:00'), 1), '2024-03-12T12:00:00'); // lunch
    same(cal.addWorkingDays(sh('2024-03-11T18:00:00'), 1), '2024-03-12T17:30:00'); // evening
    same(cal.addWorkingDays(sh('2024-03-11T07:00:00'), 1), '2024-03-11T17:30:00'); // before work
    same(cal.addWorkingDays(sh('2024-03-09T10:00:00'), 1), '2024-03-11T17:30:00'); // Saturday
    same(cal.addWorkingDays(sh('2024-10-03T10:00:00'), 2), '2024-10-09T17:30:00'); // during National Day
  });

  it('zero days returns the start; fractions are refused', () => {
    same(cal.addWorkingDays(sh('2024-03-09T10:00:00'), 0), '2024-03-09T10:00:00');
    throwsRule(() => cal.addWorkingDays(sh('2024-03-11T10:00:00'), 1.5), 'INVALID_AMOUNT');
  });

  it('outside the table range and across its edges', () => {
    same(cal.addWorkingDays(sh('2030-01-07T10:00:00'), 5), '2030-01-14T10:00:00');
    same(cal.addWorkingDays(sh('2019-06-03T10:00:00'), 5), '2019-06-10T10:00:00');
    same(cal.addWorkingDays(sh('2019-12-27T10:00:00'), 3), '2020-01-02T10:00:00'); // 2020-01-01 is off
    same(cal.addWorkingDays(sh('2026-12-30T10:00:00'), 3), '2027-01-04T10:00:00');
    same(cal.addWorkingDays(sh('2017-03-01T10:00:00'), 500), '2019-01-30T10:00:00');
  });
});

describe('workingMsBetween', () => {
  const H = 3_600_000;
  it('counts only working time, and is antisymmetric', () => {
    const fri = sh('2024-03-08T16:00:00');
    const mon = sh('2024-03-11T10:00:00');
    assert.equal(cal.workingMsBetween(fri, mon), 3 * H);
    assert.equal(cal.workingMsBetween(mon, fri), -3 * H);
    assert.equal(cal.workingMsBetween(mon, mon), 0);
    assert.equal(cal.workingMsBetween(sh('2024-09-30T08:30:00'), sh('2024-10-08T08:30:00')), 7.5 * H);
    assert.equal(cal.workingMsBetween(sh('2024-03-11T12:00:00'), sh('2024-03-11T13:30:00')), 0);
  });
});

describe('time zones', () => {
  it('instants given in UTC are read in Asia/Shanghai', () => {
    const dispatch = new Date('2024-09-30T08:00:00Z'); // 16:00 in Shanghai
    assert.equal(iso(cal.addWorkingHours(dispatch, 8)), '2024-10-08T08:30:00.000Z'); // 16:30 Shanghai
    const night = new Date('2024-09-30T20:00:00Z'); // 04:00 on 1 October in Shanghai
    assert.equal(cal.localDate(night), '2024-10-01');
    assert.equal(shanghaiDate(night), '2024-10-01');
    assert.equal(cal.isWorkingTime(night), false);
    assert.equal(iso(cal.nextWorkingInstant(night)), '2024-10-08T00:30:00.000Z');
    // 00:30Z is 08:30 in Shanghai: working; 23:59Z on a Friday is Saturday in Shanghai.
    assert.equal(cal.isWorkingTime(new Date('2024-03-11T00:30:00Z')), true);
    assert.equal(cal.localDate(new Date('2024-03-08T16:00:00Z')), '2024-03-09');
  });

  it('a calendar for another fixed offset', () => {
    const utc = createWorkingCalendar({ holidays: [], timeZoneOffsetMinutes: 0 });
    assert.equal(utc.isWorkingTime(new Date('2024-03-11T08:30:00Z')), true);
    assert.equal(utc.isWorkingTime(new Date('2024-03-11T00:30:00Z')), false);
    assert.equal(iso(utc.addWorkingHours(new Date('2024-03-08T16:00:00Z'), 8)), '2024-03-11T16:30:00.000Z');
  });
});

describe('configuration errors', () => {
  it('working hours', () => {
    const bad = [
      [],
      [{ start: '08:30', end: '08:00' }],
      [{ start: '25:00', end: '26:00' }],
      [{ start: '8:30', end: '12:00' }],
      [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
    ];
    for (const workingHours of bad) {
      throwsRule(() => createWorkingCalendar({ workingHours }), 'INVALID_WORKING_HOURS');
    }
    const night = createWorkingCalendar({ holidays: [], workingHours: [{ start: '20:00', end: '24:00' }] });
    same(night.addWorkingHours(sh('2024-03-11T23:00:00'), 2), '2024-03-12T21:00:00');
  });

  it('time zone offset, holiday table and dates', () => {
    throwsRule(() => createWorkingCalendar({ timeZoneOffsetMinutes: 1000 }), 'INVALID_TIME_ZONE_OFFSET');
    throwsRule(
      () =>
        createWorkingCalendar({
          holidays: [
            { year: 2024, published: true, source: 'x', holidays: ['2024-13-01'], makeUpWorkdays: [] },
          ],
        }),
      'INVALID_HOLIDAY_TABLE',
    );
    throwsRule(() => cal.isWorkingDay('2024-02-30'), 'INVALID_DATE');
    throwsRule(() => cal.isWorkingDay('2024-2-3'), 'INVALID_DATE');
  });
});
