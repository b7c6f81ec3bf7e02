// Official public holidays and make-up working days (调休) in mainland China, one entry per year, as
// arranged by the General Office of the State Council (国务院办公厅) in its yearly notice
// 《国务院办公厅关于YYYY年部分节假日安排的通知》. Plain data: an administrator may replace or extend it
// (validateHolidayTable checks an edited copy). Sources and verification: docs/decisions/0004-working-calendar.md.
//
// `holidays` lists every day off in each published block, weekend days included, exactly as the notice
// gives the block; `makeUpWorkdays` lists the weekend days the notice turns into working days.
// A year whose notice is not out yet is `published: false` with no days: the calendar then counts
// weekends only for that year and reports coverage(year) === 'unpublished'. It never guesses.
import type { HolidayTable } from './holiday-table.ts';

// biome-ignore format: one line per holiday block keeps the data readable and diffable
export const holidaysCn: HolidayTable = [
  {
    year: 2020,
    published: true,
    verified: true,
    source: 'State Council notice 国办发明电〔2019〕16号, amended by 国办发明电〔2020〕1号',
    notes:
      'Spring Festival extended to 2020-02-02 by the amending notice (COVID-19); the Saturday make-up ' +
      'day 2020-02-01 became a day off. Some provinces extended further locally; those are not national ' +
      'and are not here.',
    holidays: [
      '2020-01-01',
      '2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29', '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02',
      '2020-04-04', '2020-04-05', '2020-04-06',
      '2020-05-01', '2020-05-02', '2020-05-03', '2020-05-04', '2020-05-05',
      '2020-06-25', '2020-06-26', '2020-06-27',
      '2020-10-01', '2020-10-02', '2020-10-03', '2020-10-04', '2020-10-05', '2020-10-06', '2020-10-07', '2020-10-08',
    ],
    makeUpWorkdays: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  },
  {
    year: 2021,
    published: true,
    verified: true,
    source: 'State Council notice 国办发明电〔2020〕27号',
    holidays: [
      '2021-01-01', '2021-01-02', '2021-01-03',
      '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16', '2021-02-17',
      '2021-04-03', '2021-04-04', '2021-04-05',
      '2021-05-01', '2021-05-02', '2021-05-03', '2021-05-04', '2021-05-05',
      '2021-06-12', '2021-06-13', '2021-06-14',
      '2021-09-19', '2021-09-20', '2021-09-21',
      '2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07',
    ],
    makeUpWorkdays: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  {
    year: 2022,
    published: true,
    verified: true,
    source: 'State Council notice 国办发明电〔2021〕11号',
    holidays: [
      '2022-01-01', '2022-01-02', '2022-01-03',
      '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-02-05', '2022-02-06',
      '2022-04-03', '2022-04-04', '2022-04-05',
      '2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03', '2022-05-04',
      '2022-06-03', '2022-06-04', '2022-06-05',
      '2022-09-10', '2022-09-11', '2022-09-12',
      '2022-10-01', '2022-10-02', '2022-10-03', '2022-10-04', '2022-10-05', '2022-10-06', '2022-10-07',
    ],
    makeUpWorkdays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  {
    year: 2023,
    published: true,
    verified: true,
    source: 'State Council notice 国办发明电〔2022〕16号',
    notes:
      'The New Year block starts on Saturday 2022-12-31, listed here because it belongs to this notice.',
    holidays: [
      '2022-12-31', '2023-01-01', '2023-01-02',
      '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27',
      '2023-04-05',
      '2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03',
      '2023-06-22', '2023-06-23', '2023-06-24',
      '2023-09-29', '2023-09-30', '2023-10-01', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06',
    ],
    makeUpWorkdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  {
    year: 2024,
    published: true,
    verified: true,
    source: 'State Council notice 国办发明电〔2023〕7号',
    holidays: [
      '2024-01-01',
      '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16', '2024-02-17',
      '2024-04-04', '2024-04-05', '2024-04-06',
      '2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05',
      '2024-06-10',
      '2024-09-15', '2024-09-16', '2024-09-17',
      '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07',
    ],
    makeUpWorkdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  {
    year: 2025,
    published: true,
    verified: true,
    source: 'State Council notice 国办发明电〔2024〕12号',
    notes:
      'First year under the amended 全国年节及纪念日放假办法 (amended November 2024): Spring Festival ' +
      'Eve (除夕) and 2 May become statutory holidays, 13 statutory days in all.',
    holidays: [
      '2025-01-01',
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
      '2025-04-04', '2025-04-05', '2025-04-06',
      '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
      '2025-05-31', '2025-06-01', '2025-06-02',
      '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
    ],
    makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    published: true,
    verified: true,
    source: 'State Council notice 国办发明电〔2025〕7号',
    holidays: [
      '2026-01-01', '2026-01-02', '2026-01-03',
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
      '2026-04-04', '2026-04-05', '2026-04-06',
      '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
      '2026-06-19', '2026-06-20', '2026-06-21',
      '2026-09-25', '2026-09-26', '2026-09-27',
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ],
    makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    year: 2027,
    published: false,
    verified: false,
    source: 'State Council notice for 2027: not entered (not known to this data set when written, 2026-11)',
    notes:
      'The notice usually appears in November of the year before. Enter its dates here and set published: true.',
    holidays: [],
    makeUpWorkdays: [],
  },
];
