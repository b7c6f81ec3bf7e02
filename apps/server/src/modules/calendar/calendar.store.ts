import {
  createWorkingCalendar,
  type HolidayTable,
  type HolidayYear,
  holidaysCn,
  validateHolidayTable,
  type WorkingCalendar,
} from '@hewei/domain';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { holidayYearVersions, users } from '../../db/schema/index.ts';

type Q = Db | Tx;

export interface YearOverride extends HolidayYear {
  version: number;
  changedBy: string;
  changedAt: Date;
  reason: string;
}

/** The bundled table with each year an administrator saved replaced by (or added as) their newest version. */
export function mergeHolidayTable(overrides: readonly HolidayYear[]): HolidayTable {
  const byYear = new Map<number, HolidayYear>(holidaysCn.map((y) => [y.year, y]));
  for (const o of overrides) byYear.set(o.year, o);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * The working calendar's holiday table as administrators edited it. The app's calendar object is
 * updated in place on refresh, so every module holding deps.calendar follows the change.
 */
export function createCalendarStore(db: Db, calendar: WorkingCalendar) {
  let table: HolidayTable = holidaysCn;
  let overrides: YearOverride[] = [];
  const store = {
    table: () => table,
    overrides: () => overrides,
    /** the newest version of each edited year */
    async refresh() {
      overrides = await latestYears(db);
      const next = mergeHolidayTable(overrides);
      if (validateHolidayTable(next).some((i) => i.severity === 'error')) return;
      if (next.length === table.length && JSON.stringify(next) === JSON.stringify(table)) return;
      table = next;
      Object.assign(calendar, createWorkingCalendar({ holidays: table }));
    },
  };
  return store;
}

export type CalendarStore = ReturnType<typeof createCalendarStore>;

async function latestYears(q: Q): Promise<YearOverride[]> {
  const r = await q.execute<{
    year: number;
    version: number;
    published: boolean;
    holidays: string[];
    make_up_workdays: string[];
    source: string;
    changed_by: string;
    changed_at: string | Date;
    reason: string;
  }>(sql`select distinct on (year) * from holiday_year_versions order by year, version desc`);
  return r.rows.map((x) => ({
    year: Number(x.year),
    version: Number(x.version),
    published: x.published,
    source: x.source,
    holidays: x.holidays,
    makeUpWorkdays: x.make_up_workdays,
    changedBy: x.changed_by,
    changedAt: new Date(x.changed_at),
    reason: x.reason,
  }));
}

export const calendarRepository = {
  history: (q: Q, year: number) =>
    q
      .select({
        version: holidayYearVersions.version,
        changedBy: sql<string>`coalesce(${users.displayName}, ${holidayYearVersions.changedBy})`,
        changedAt: holidayYearVersions.changedAt,
        reason: holidayYearVersions.reason,
      })
      .from(holidayYearVersions)
      .leftJoin(users, eq(users.id, holidayYearVersions.changedBy))
      .where(eq(holidayYearVersions.year, year))
      .orderBy(desc(holidayYearVersions.version))
      .limit(50),

  /** A new version of a year; false when someone saved that version first. */
  async save(tx: Tx, row: typeof holidayYearVersions.$inferInsert) {
    const r = await tx
      .insert(holidayYearVersions)
      .values(row)
      .onConflictDoNothing()
      .returning({ v: holidayYearVersions.version });
    return r.length > 0;
  },
};

const stores = new WeakMap<object, CalendarStore>();

/** The app's calendar store (made once per deps, by registerDeadlines). */
export function calendarStoreOf(deps: { db: Db; calendar: WorkingCalendar }): CalendarStore {
  let s = stores.get(deps);
  if (!s) {
    s = createCalendarStore(deps.db, deps.calendar);
    stores.set(deps, s);
  }
  return s;
}
