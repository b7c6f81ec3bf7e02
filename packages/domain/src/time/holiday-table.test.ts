import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HolidayYear } from './holiday-table.ts';
import { validateHolidayTable } from './holiday-table.ts';
import { holidaysCn } from './holidays-cn.ts';

const year = (patch: Partial<HolidayYear>): HolidayYear => ({
  year: 2024,
  published: true,
  source: 'State Council notice 国办发明电〔2023〕7号',
  holidays: ['2024-10-01'],
  makeUpWorkdays: ['2024-10-12'],
  ...patch,
});
const codes = (table: unknown) => validateHolidayTable(table).map((i) => `${i.severity}:${i.code}`);

describe('the bundled table', () => {
  it('validates with no errors and no warnings', () => {
    assert.deepEqual(validateHolidayTable(holidaysCn), []);
  });

  it('covers 2020–2026 as published and verified; 2027 is an unpublished placeholder', () => {
    for (const entry of holidaysCn) {
      if (entry.year <= 2026) {
        assert.equal(entry.published, true, String(entry.year));
        assert.equal(entry.verified, true, String(entry.year));
        assert.match(entry.source, /^State Council notice 国办发明电〔\d{4}〕\d+号/);
      } else {
        assert.equal(entry.published, false);
        assert.equal(entry.verified, false);
        assert.equal(entry.holidays.length + entry.makeUpWorkdays.length, 0);
      }
    }
    assert.deepEqual(
      holidaysCn.map((e) => e.year),
      [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027],
    );
  });

  it('every make-up working day is a Saturday or Sunday', () => {
    for (const entry of holidaysCn) {
      for (const d of entry.makeUpWorkdays) {
        const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
        assert.ok(dow === 0 || dow === 6, d);
      }
    }
  });
});

describe('validateHolidayTable', () => {
  it('accepts an empty table (weekends only)', () => {
    assert.deepEqual(validateHolidayTable([]), []);
  });

  it('reports bad dates', () => {
    assert.deepEqual(codes([year({ holidays: ['2024-02-30', '2024/10/01', '24-10-01'] })]), [
      'error:invalid_date',
      'error:invalid_date',
      'error:invalid_date',
    ]);
  });

  it('reports a date that is both a holiday and a make-up day, within a year and across years', () => {
    assert.deepEqual(codes([year({ holidays: ['2024-10-05'], makeUpWorkdays: ['2024-10-05'] })]), [
      'error:holiday_and_make_up_day',
    ]);
    const issues = validateHolidayTable([
      year({ year: 2023, source: 's', holidays: ['2023-12-30'], makeUpWorkdays: [] }),
      year({ holidays: [], makeUpWorkdays: ['2023-12-30'] }),
    ]).filter((i) => i.severity === 'error');
    assert.equal(issues.length, 1);
    assert.equal(issues[0].code, 'holiday_and_make_up_day');
    assert.equal(issues[0].date, '2023-12-30');
  });

  it('allows the December before the year, nothing else outside it', () => {
    assert.deepEqual(codes([year({ holidays: ['2023-12-31', '2024-01-01'] })]), []);
    assert.deepEqual(codes([year({ holidays: ['2023-11-30'] })]), ['error:date_outside_year']);
    assert.deepEqual(codes([year({ holidays: ['2025-01-01'] })]), ['error:date_outside_year']);
  });

  it('reports duplicate years, duplicate dates and make-up days on weekdays', () => {
    assert.deepEqual(codes([year({}), year({})]), [
      'error:duplicate_year',
      'warning:duplicate_date',
      'warning:duplicate_date',
    ]);
    assert.deepEqual(codes([year({ holidays: ['2024-10-01', '2024-10-01'] })]), ['warning:duplicate_date']);
    assert.deepEqual(codes([year({ makeUpWorkdays: ['2024-10-11'] })]), ['warning:make_up_day_on_weekday']);
  });

  it('unpublished years carry no dates; published years say where they come from', () => {
    assert.deepEqual(codes([year({ published: false })]), ['error:unpublished_with_days']);
    assert.deepEqual(codes([year({ published: false, holidays: [], makeUpWorkdays: [] })]), []);
    assert.deepEqual(codes([year({ source: ' ' })]), ['error:missing_source']);
    assert.deepEqual(codes([year({ holidays: [], makeUpWorkdays: [] })]), ['warning:published_without_days']);
  });

  it('reports malformed input rather than throwing', () => {
    assert.deepEqual(codes({}), ['error:not_a_list']);
    assert.deepEqual(codes([null]), ['error:invalid_entry']);
    assert.deepEqual(codes([{ year: 'x' }]), ['error:invalid_year']);
    assert.deepEqual(codes([{ year: 2024, published: true, source: 's' }]), ['error:invalid_entry']);
    assert.deepEqual(codes([year({ holidays: [20241001 as unknown as string] })]), ['error:invalid_date']);
  });
});
