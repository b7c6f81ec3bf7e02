// Working time, behind one interface: which days are working days in Asia/Shanghai (weekends, the official
// public holidays and the make-up working days, 调休), which hours of those days are working hours, and
// arithmetic in working time. Pure: nothing here reads the clock; every instant is a parameter.
//
// The model. Working time is a union of periods [start, end) on working days. The calendar keeps one number
// per instant, its *working-time position*: working milliseconds elapsed since a fixed origin. Inside working
// time the position grows with the clock; outside it (nights, lunch, weekends, holidays) it stands still.
//   - workingMsBetween(a, b) = position(b) − position(a)
//   - addWorkingHours(from, h) = the EARLIEST instant whose position is position(from) + h hours. So a
//     result that completes exactly at the end of a period stays there (12:00, 17:30) rather than jumping to
//     the next period's start.
//   - addWorkingDays(from, n) = addWorkingHours(from, n × the working hours of one day). Every working day
//     has the same hours, so from an instant inside working time this is the same clock time n working days
//     later. From outside working time the clock has stopped: the result is where it would be counted from
//     the last moment of working time before `from`. See addWorkingDays below for the cases.
// Both are O(log D) in the size D of the holiday table (a binary search in a per-day prefix count) and O(1)
// outside the table's range, whatever the amount.

import { HeweiError } from '../errors.ts';
import {
  DAY_MS,
  formatDay,
  HOUR_MS,
  isWeekday,
  MINUTE_MS,
  nthWeekdayBefore,
  nthWeekdayFrom,
  parseDay,
  weekdaysBetween,
  yearOfDay,
} from './days.ts';
import type { HolidayCoverage, HolidayTable } from './holiday-table.ts';
import { compileHolidayTable, validateHolidayTable } from './holiday-table.ts';
import { holidaysCn } from './holidays-cn.ts';

const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** China has had no daylight saving time since 1991: Asia/Shanghai is a fixed UTC+08:00. */
export const SHANGHAI_OFFSET_MINUTES = 480;

/** A working period of the day, local clock time 'HH:MM' (end may be '24:00'). */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** Default working hours: 08:30–12:00 and 13:30–17:30, i.e. 7.5 working hours a day. */
export const DEFAULT_WORKING_HOURS: readonly WorkingPeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

export interface WorkingCalendarOptions {
  /** Holiday table; defaults to the bundled State Council arrangements (holidaysCn). [] = weekends only. */
  holidays?: HolidayTable;
  /** Working periods of a working day, sorted, not overlapping. Defaults to DEFAULT_WORKING_HOURS. */
  workingHours?: readonly WorkingPeriod[];
  /** Fixed offset of the calendar's zone from UTC, in minutes. Defaults to 480 (Asia/Shanghai). */
  timeZoneOffsetMinutes?: number;
}

export interface WorkingCalendar {
  /** date as YYYY-MM-DD in the calendar's zone (Asia/Shanghai by default) */
  isWorkingDay(date: string): boolean;
  /**
   * The earliest instant at which `hours` of working time have passed since `from` (hours >= 0).
   * 0 hours returns `from` itself. A result is always inside working time or exactly at the end of a period.
   */
  addWorkingHours(from: Date, hours: number): Date;
  /** As addWorkingHours, in milliseconds of working time. */
  addWorkingMs(from: Date, ms: number): Date;
  /**
   * n whole working days (n >= 0) after `from`: addWorkingHours(from, n × the hours of one working day).
   * - `from` inside working time: the same clock time on the n-th following working day (if `from` is exactly
   *   at the start of a period, the equal-position end of the preceding period: 08:30 + 1 day = 17:30 that day).
   * - `from` in the lunch break: the end of the morning period on the n-th following working day.
   * - `from` after the day's working hours: the end of the n-th following working day's working hours.
   * - `from` before the day's working hours, or on a day off: the end of the n-th working day whose hours
   *   begin after `from` (Saturday + 1 working day = Monday 17:30; Monday 07:00 + 1 = Monday 17:30).
   * 0 days returns `from` itself.
   */
  addWorkingDays(from: Date, days: number): Date;
  /** Working milliseconds in [a, b); negative when b is before a. */
  workingMsBetween(a: Date, b: Date): number;
  /** Is `at` inside a working period of a working day? Periods are half-open: 12:00 itself is not. */
  isWorkingTime(at: Date): boolean;
  /** `at` itself when it is working time, else the start of the next working period. */
  nextWorkingInstant(at: Date): Date;
  /**
   * Whether the holiday arrangement for `year` is known. 'unpublished' years are counted as weekends only,
   * which is a fallback, not a fact: show it.
   */
  coverage(year: number): HolidayCoverage;
  /** 'unpublished' when any year from a's to b's (local dates) is unpublished. */
  coverageBetween(a: Date, b: Date): HolidayCoverage;
  /** The calendar date (YYYY-MM-DD) of an instant in the calendar's zone. */
  localDate(at: Date): string;
  /** Working milliseconds in one working day (7.5 h = 27,000,000 with the default hours). */
  readonly workingDayMs: number;
}

export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

interface Period {
  start: number; // ms since local midnight
  end: number;
}

const CLOCK_RE = /^(\d{2}):(\d{2})$/;

const invalid = (field: string, rule: string, detail: string, params?: Record<string, string | number>) =>
  new HeweiError('VALIDATION_FAILED', { field, rule, detail, params });

function parseClock(text: unknown, allowMidnightEnd: boolean): number {
  const m = typeof text === 'string' ? CLOCK_RE.exec(text) : null;
  if (m === null) return Number.NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0 && allowMidnightEnd) return DAY_MS;
  if (h > 23 || min > 59) return Number.NaN;
  return h * HOUR_MS + min * MINUTE_MS;
}

function compileWorkingHours(hours: readonly WorkingPeriod[]): Period[] {
  const fail = (why: string): never => {
    throw invalid('workingHours', 'INVALID_WORKING_HOURS', `Invalid working hours: ${why}`);
  };
  if (!Array.isArray(hours) || hours.length === 0) fail('at least one working period is needed');
  const periods: Period[] = [];
  for (const p of hours) {
    const start = parseClock(p?.start, false);
    const end = parseClock(p?.end, true);
    if (Number.isNaN(start) || Number.isNaN(end)) fail(`"${p?.start}–${p?.end}" is not HH:MM–HH:MM`);
    if (end <= start) fail(`${p.start}–${p.end} ends before it starts`);
    const previous = periods[periods.length - 1];
    if (previous !== undefined && start < previous.end)
      fail(`${p.start}–${p.end} overlaps or is out of order`);
    periods.push({ start, end });
  }
  return periods;
}

function checkInstant(at: Date, name: string): number {
  const t = at instanceof Date ? at.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw invalid(name, 'INVALID_INSTANT', `${name} is not a valid instant`);
  return t;
}

function checkAmount(value: number, name: string, integer: boolean): void {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw invalid(
      name,
      'INVALID_AMOUNT',
      `${name} must be a ${integer ? 'whole ' : ''}number >= 0, got ${String(value)}`,
    );
  }
}

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const table = options.holidays ?? holidaysCn;
  const errors = validateHolidayTable(table).filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    // validateHolidayTable gives the administrator the full list; the error carries the count and the first.
    throw invalid('holidays', 'INVALID_HOLIDAY_TABLE', `The holiday table has ${errors.length} error(s)`, {
      errors: errors.length,
      first: errors[0].message,
    });
  }
  const offsetMinutes = options.timeZoneOffsetMinutes ?? SHANGHAI_OFFSET_MINUTES;
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60) {
    throw invalid(
      'timeZoneOffsetMinutes',
      'INVALID_TIME_ZONE_OFFSET',
      `timeZoneOffsetMinutes must be a whole number of minutes within ±14 h, got ${String(offsetMinutes)}`,
    );
  }
  const offsetMs = offsetMinutes * MINUTE_MS;
  const periods = compileWorkingHours(options.workingHours ?? DEFAULT_WORKING_HOURS);
  const firstStart = periods[0].start;
  const lastEnd = periods[periods.length - 1].end;
  let dayWorkMs = 0;
  for (const p of periods) dayWorkMs += p.end - p.start;

  // Per-day lookups over the span of the table's special days; outside it, the weekend rule in closed form.
  const { special, publishedYears } = compileHolidayTable(table);
  let lo = 0;
  let n = 0;
  if (special.size > 0) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const d of special.keys()) {
      if (d < min) min = d;
      if (d > max) max = d;
    }
    lo = min;
    n = max - min + 1;
  }
  const hi = lo + n;
  const work = new Uint8Array(n);
  const prefix = new Int32Array(n + 1); // prefix[i] = working days in [lo, lo + i)
  for (let i = 0; i < n; i++) {
    const s = special.get(lo + i);
    work[i] = (s === undefined ? isWeekday(lo + i) : s) ? 1 : 0;
    prefix[i + 1] = prefix[i] + work[i];
  }
  const total = prefix[n];

  const isWorkDay = (d: number): boolean => (d >= lo && d < hi ? work[d - lo] === 1 : isWeekday(d));

  /** Working days in [lo, d) (negative for d < lo). */
  const workdaysBefore = (d: number): number => {
    if (d <= lo) return -weekdaysBetween(d, lo);
    if (d <= hi) return prefix[d - lo];
    return total + weekdaysBetween(hi, d);
  };

  /** The working day d with workdaysBefore(d) === k. */
  const workdayAt = (k: number): number => {
    if (k >= total) return nthWeekdayFrom(hi, k - total);
    if (k < 0) return nthWeekdayBefore(lo, -k);
    let a = 0;
    let b = n - 1;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (prefix[mid + 1] > k) b = mid;
      else a = mid + 1;
    }
    return lo + a;
  };

  /** Working ms elapsed in a working day by local time-of-day `tod`. */
  const elapsedInDay = (tod: number): number => {
    let acc = 0;
    for (const p of periods) {
      if (tod <= p.start) break;
      acc += Math.min(tod, p.end) - p.start;
    }
    return acc;
  };

  /** Working-time position of an instant (ms since epoch). */
  const position = (t: number): number => {
    const local = t + offsetMs;
    const d = Math.floor(local / DAY_MS);
    const base = workdaysBefore(d) * dayWorkMs;
    return isWorkDay(d) ? base + elapsedInDay(local - d * DAY_MS) : base;
  };

  /** The earliest instant whose position is `pos`. */
  const instantAt = (pos: number): number => {
    const q = Math.floor(pos / dayWorkMs);
    const r = pos - q * dayWorkMs;
    if (r === 0) return workdayAt(q - 1) * DAY_MS + lastEnd - offsetMs;
    const d = workdayAt(q);
    let acc = 0;
    for (const p of periods) {
      const len = p.end - p.start;
      if (r <= acc + len) return d * DAY_MS + p.start + (r - acc) - offsetMs;
      acc += len;
    }
    /* c8 ignore next */
    throw new Error('unreachable: remainder exceeds a working day');
  };

  const addMs = (t: number, ms: number): Date => {
    const rounded = Math.round(ms);
    return rounded === 0 ? new Date(t) : new Date(instantAt(position(t) + rounded));
  };

  const isWorkingAt = (t: number): boolean => {
    const local = t + offsetMs;
    const d = Math.floor(local / DAY_MS);
    if (!isWorkDay(d)) return false;
    const tod = local - d * DAY_MS;
    for (const p of periods) if (tod >= p.start && tod < p.end) return true;
    return false;
  };

  return {
    workingDayMs: dayWorkMs,
    isWorkingDay(date) {
      const day = parseDay(date);
      if (Number.isNaN(day)) {
        throw invalid('date', 'INVALID_DATE', `"${String(date)}" is not a YYYY-MM-DD date`);
      }
      return isWorkDay(day);
    },
    addWorkingHours(from, hours) {
      const t = checkInstant(from, 'from');
      checkAmount(hours, 'hours', false);
      return addMs(t, hours * HOUR_MS);
    },
    addWorkingMs(from, ms) {
      const t = checkInstant(from, 'from');
      checkAmount(ms, 'ms', false);
      return addMs(t, ms);
    },
    addWorkingDays(from, days) {
      const t = checkInstant(from, 'from');
      checkAmount(days, 'days', true);
      return addMs(t, days * dayWorkMs);
    },
    workingMsBetween(a, b) {
      return position(checkInstant(b, 'b')) - position(checkInstant(a, 'a'));
    },
    isWorkingTime(at) {
      return isWorkingAt(checkInstant(at, 'at'));
    },
    nextWorkingInstant(at) {
      const t = checkInstant(at, 'at');
      if (isWorkingAt(t)) return new Date(t);
      const local = t + offsetMs;
      const d = Math.floor(local / DAY_MS);
      if (isWorkDay(d)) {
        const tod = local - d * DAY_MS;
        for (const p of periods) if (tod < p.start) return new Date(d * DAY_MS + p.start - offsetMs);
      }
      const next = workdayAt(workdaysBefore(d + 1));
      return new Date(next * DAY_MS + firstStart - offsetMs);
    },
    coverage(year) {
      return publishedYears.has(year) ? 'published' : 'unpublished';
    },
    coverageBetween(a, b) {
      const ta = checkInstant(a, 'a');
      const tb = checkInstant(b, 'b');
      const first = yearOfDay(Math.floor((Math.min(ta, tb) + offsetMs) / DAY_MS));
      const last = yearOfDay(Math.floor((Math.max(ta, tb) + offsetMs) / DAY_MS));
      for (let y = first; y <= last; y++) if (!publishedYears.has(y)) return 'unpublished';
      return 'published';
    },
    localDate(at) {
      return formatDay(Math.floor((checkInstant(at, 'at') + offsetMs) / DAY_MS));
    },
  };
}

/** Weekends only, no holidays: every year reports coverage 'unpublished'. Kept for existing callers. */
export function createWeekendCalendar(): WorkingCalendar {
  return createWorkingCalendar({ holidays: [] });
}
