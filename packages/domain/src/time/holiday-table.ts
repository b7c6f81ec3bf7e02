// The holiday table: plain data an administrator can edit (one entry per year, as the State Council
// publishes one notice per year), and the checks that run before a calendar is built from it.
import { dayOfWeek, isWeekday, parseDay, yearOfDay } from './days.ts';

export interface HolidayYear {
  /** The year the notice arranges. */
  year: number;
  /** true once the notice for the year is out. false = placeholder: no days, the year falls back to weekends only. */
  published: boolean;
  /** true when every date was checked against a second copy of the notice (see docs/decisions/0004). */
  verified?: boolean;
  /** Where the dates come from, e.g. 'State Council notice 国办发明电〔2023〕7号'. */
  source: string;
  notes?: string;
  /** Days off (放假), YYYY-MM-DD in Asia/Shanghai, including weekend days inside a holiday block. */
  holidays: readonly string[];
  /** Make-up working days (调休上班): weekend days that are working days. */
  makeUpWorkdays: readonly string[];
}

export type HolidayTable = readonly HolidayYear[];

export type HolidayCoverage = 'published' | 'unpublished';

export type HolidayTableIssueCode =
  | 'not_a_list'
  | 'invalid_entry'
  | 'invalid_year'
  | 'duplicate_year'
  | 'invalid_date'
  | 'date_outside_year'
  | 'duplicate_date'
  | 'holiday_and_make_up_day'
  | 'make_up_day_on_weekday'
  | 'unpublished_with_days'
  | 'published_without_days'
  | 'missing_source';

export interface HolidayTableIssue {
  /** Errors stop a calendar from being built; warnings are shown to the administrator. */
  severity: 'error' | 'warning';
  code: HolidayTableIssueCode;
  year?: number;
  date?: string;
  message: string;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Checks an edited holiday table. Accepts unknown input (it may come from a form or a JSON file).
 * A date may lie in its entry's year or in the December before it (New Year blocks such as
 * 2022-12-31..2023-01-02 belong to the next year's notice); anything else is reported.
 */
export function validateHolidayTable(table: unknown): HolidayTableIssue[] {
  const issues: HolidayTableIssue[] = [];
  if (!Array.isArray(table)) {
    return [{ severity: 'error', code: 'not_a_list', message: 'The holiday table must be a list of years.' }];
  }
  const years = new Set<number>();
  // date -> what it was declared as, and in which year's entry
  const seen = new Map<string, { kind: 'holiday' | 'make-up day'; year: number }>();

  table.forEach((raw: unknown, index: number) => {
    if (typeof raw !== 'object' || raw === null) {
      issues.push({ severity: 'error', code: 'invalid_entry', message: `Entry ${index} is not an object.` });
      return;
    }
    const entry = raw as Partial<Record<keyof HolidayYear, unknown>>;
    const year = entry.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2999) {
      issues.push({
        severity: 'error',
        code: 'invalid_year',
        message: `Entry ${index} has an invalid year: ${String(year)}.`,
      });
      return;
    }
    if (years.has(year)) {
      issues.push({
        severity: 'error',
        code: 'duplicate_year',
        year,
        message: `Year ${year} appears twice.`,
      });
    }
    years.add(year);
    if (typeof entry.published !== 'boolean') {
      issues.push({
        severity: 'error',
        code: 'invalid_entry',
        year,
        message: `Year ${year}: "published" must be true or false.`,
      });
    }
    if (!Array.isArray(entry.holidays) || !Array.isArray(entry.makeUpWorkdays)) {
      issues.push({
        severity: 'error',
        code: 'invalid_entry',
        year,
        message: `Year ${year}: "holidays" and "makeUpWorkdays" must be lists of dates.`,
      });
      return;
    }
    if (typeof entry.source !== 'string' || entry.source.trim() === '') {
      issues.push({
        severity: entry.published === true ? 'error' : 'warning',
        code: 'missing_source',
        year,
        message: `Year ${year}: say where the dates come from (the notice number).`,
      });
    }
    const count = entry.holidays.length + entry.makeUpWorkdays.length;
    if (entry.published === false && count > 0) {
      issues.push({
        severity: 'error',
        code: 'unpublished_with_days',
        year,
        message: `Year ${year} is marked unpublished but lists ${count} dates; publish it or remove the dates.`,
      });
    }
    if (entry.published === true && entry.holidays.length === 0) {
      issues.push({
        severity: 'warning',
        code: 'published_without_days',
        year,
        message: `Year ${year} is marked published but lists no holidays.`,
      });
    }
    const check = (value: unknown, kind: 'holiday' | 'make-up day') => {
      const date = String(value);
      const day = typeof value === 'string' ? parseDay(value) : Number.NaN;
      if (Number.isNaN(day)) {
        issues.push({
          severity: 'error',
          code: 'invalid_date',
          year,
          date,
          message: `Year ${year}: "${date}" is not a valid YYYY-MM-DD date (${kind}).`,
        });
        return;
      }
      const dateYear = yearOfDay(day);
      const inDecemberBefore = dateYear === year - 1 && date.slice(5, 7) === '12';
      if (dateYear !== year && !inDecemberBefore) {
        issues.push({
          severity: 'error',
          code: 'date_outside_year',
          year,
          date,
          message: `Year ${year}: ${kind} ${date} lies outside the year (only the December before is allowed).`,
        });
      }
      if (kind === 'make-up day' && isWeekday(day)) {
        issues.push({
          severity: 'warning',
          code: 'make_up_day_on_weekday',
          year,
          date,
          message: `Year ${year}: make-up day ${date} is a ${WEEKDAY_NAMES[dayOfWeek(day)]}, already a working day.`,
        });
      }
      const earlier = seen.get(date);
      if (earlier === undefined) {
        seen.set(date, { kind, year });
      } else if (earlier.kind !== kind) {
        issues.push({
          severity: 'error',
          code: 'holiday_and_make_up_day',
          year,
          date,
          message: `${date} is both a holiday and a make-up working day (years ${earlier.year} and ${year}).`,
        });
      } else {
        issues.push({
          severity: 'warning',
          code: 'duplicate_date',
          year,
          date,
          message: `${date} is listed twice as a ${kind}.`,
        });
      }
    };
    for (const d of entry.holidays) check(d, 'holiday');
    for (const d of entry.makeUpWorkdays) check(d, 'make-up day');
  });
  return issues;
}

export interface CompiledHolidayTable {
  /** day number -> true (make-up working day) | false (holiday) */
  special: Map<number, boolean>;
  publishedYears: Set<number>;
}

/** Turns a table that passed validation (no errors) into day-number lookups. */
export function compileHolidayTable(table: HolidayTable): CompiledHolidayTable {
  const special = new Map<number, boolean>();
  const publishedYears = new Set<number>();
  for (const entry of table) {
    if (!entry.published) continue;
    publishedYears.add(entry.year);
    for (const d of entry.holidays) special.set(parseDay(d), false);
    for (const d of entry.makeUpWorkdays) special.set(parseDay(d), true);
  }
  return { special, publishedYears };
}
