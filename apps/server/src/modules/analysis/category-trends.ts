import { and, eq, gte, sql } from 'drizzle-orm';
import { cases } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import type { Locale } from '../../http/messages.ts';
import { visibleTo } from '../cases/cases.queries.ts';
import { shanghaiDay } from '../overview/overview.keys.ts';

const DAY = 86_400_000;

/**
 * Cases per top-level category and Shanghai calendar day over a window, in the viewer's scope:
 * each category with its daily series, its total, and the last 7 days against the 7 before.
 */
export async function categoryTrends(
  deps: AppDeps,
  v: Viewer,
  q: { days: number; regionId?: string },
  locale: Locale,
) {
  const now = deps.clock.now();
  const days = Array.from({ length: q.days }, (_, k) =>
    shanghaiDay(new Date(now.getTime() - (q.days - 1 - k) * DAY)),
  );
  // from the start of the first day, Shanghai time (UTC+8, no daylight saving)
  const from = new Date(Date.parse(`${days[0]}T00:00:00Z`) - 8 * 3600_000);
  const where = [eq(cases.countyId, v.countyId), visibleTo(v), gte(cases.createdAt, from)];
  if (q.regionId) where.push(sql`${cases.regionPath} @> array[${q.regionId}]::text[]`);
  const day = sql<string>`to_char((${cases.createdAt} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;
  const rows = await deps.db
    .select({ code: sql<string>`left(${cases.categoryCode}, 2)`, day, n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(...where))
    .groupBy(sql`1`, sql`2`);
  const index = new Map(days.map((d, i) => [d, i]));
  const series = new Map<string, number[]>();
  for (const r of rows) {
    const i = index.get(String(r.day));
    if (i === undefined) continue;
    const list = series.get(r.code) ?? Array<number>(days.length).fill(0);
    list[i] += Number(r.n);
    series.set(r.code, list);
  }
  const sum = (l: number[]) => l.reduce((s, n) => s + n, 0);
  return {
    days,
    items: [...series]
      .map(([code, daily]) => {
        const c = deps.org.category(code);
        return {
          code,
          name: c ? (locale === 'en' ? c.nameEn : c.name) : code,
          total: sum(daily),
          last7: sum(daily.slice(-7)),
          previous7: sum(daily.slice(-14, -7)),
          daily,
        };
      })
      .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code)),
  };
}
