import { clusterBySimilarity, contentWords, topWords } from '@hewei/domain/triage/index.ts';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { cases } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import type { Locale } from '../../http/messages.ts';
import { presentRow } from '../cases/cases.presenter.ts';
import { visibleTo } from '../cases/cases.queries.ts';
import { shanghaiDay } from '../overview/overview.keys.ts';
import { words } from '../search/segment.ts';
import { cached } from './hot-topics.cache.ts';
import { commonPath } from './warnings.detect.ts';

const DAY = 86_400_000;
const MIN_CASES = 3;

/**
 * Clusters of similar matters in one place and time: cases of the window, grouped by village
 * and category, clustered by the words they share; each with its trend against the window before.
 */
export async function hotTopics(
  deps: AppDeps,
  v: Viewer,
  q: { days: number; regionId?: string },
  locale: Locale,
) {
  const scope = v.role === 'handler' ? `d:${v.departmentId}` : `r:${v.regionId}`;
  const key = `${v.countyId}|${scope}|${q.days}|${q.regionId ?? ''}`;
  const at = deps.clock.now();
  const found = await cached(deps.db, v.countyId, key, at.getTime(), () => clusters(deps, v, q, at));
  return present(deps, found, q.days, locale);
}

/** The clusters of the window ending at `now`, with at least MIN_CASES cases in its recent half. */
async function clusters(deps: AppDeps, v: Viewer, q: { days: number; regionId?: string }, now: Date) {
  const from = new Date(now.getTime() - 2 * q.days * DAY);
  const split = now.getTime() - q.days * DAY;
  const where = [eq(cases.countyId, v.countyId), visibleTo(v), gte(cases.createdAt, from)];
  if (q.regionId) where.push(sql`${cases.regionPath} @> array[${q.regionId}]::text[]`);
  const rows = await deps.db
    .select()
    .from(cases)
    .where(and(...where))
    .orderBy(desc(cases.createdAt))
    .limit(5000);
  const items = rows.map((row) => ({
    id: row.id,
    row,
    // clustered within a category group; the place is the deepest region the cluster shares
    group: row.categoryCode.slice(0, 2),
    list: contentWords(words(row.description)),
    words: new Set<string>(),
    recent: row.createdAt.getTime() >= split,
  }));
  for (const i of items) i.words = new Set(i.list);
  const found = clusterBySimilarity(items, 0.15).filter((c) => c.filter((i) => i.recent).length >= MIN_CASES);
  return { now, found };
}

function present(
  deps: AppDeps,
  { now, found }: Awaited<ReturnType<typeof clusters>>,
  days: number,
  locale: Locale,
) {
  return found
    .map((members) => {
      const current = members.filter((i) => i.recent);
      const first = current[0].row;
      const shared = commonPath(current.map((i) => i.row.regionPath));
      const placeId = shared[shared.length - 1] ?? first.regionId;
      const region = deps.org.region(placeId);
      const cat = deps.org.category(first.categoryCode);
      const placeName = region ? (locale === 'en' ? region.nameEn : region.name) : placeId;
      const catName = cat ? (locale === 'en' ? cat.nameEn : cat.name) : first.categoryCode;
      const keywords = topWords(
        current.map((i) => i.list),
        4,
      );
      const window = Array.from({ length: days }, (_, k) =>
        shanghaiDay(new Date(now.getTime() - (days - 1 - k) * DAY)),
      );
      return {
        key: `${placeId}|${first.categoryCode}|${keywords.slice(0, 2).join('+')}`,
        label: `${placeName} · ${catName} · ${keywords.slice(0, 3).join(locale === 'en' ? ' ' : '、')}`,
        regionId: placeId,
        regionName: placeName,
        categoryCode: first.categoryCode,
        categoryName: catName,
        keywords,
        count: current.length,
        previousCount: members.length - current.length,
        open: current.filter((i) => !i.row.closedAt).length,
        daily: window.map((day) => ({
          day,
          n: current.filter((i) => shanghaiDay(i.row.createdAt) === day).length,
        })),
        samples: current.slice(0, 3).map((i) => presentRow(i.row, deps.org, locale, deps.clock.now())),
        caseIds: current.map((i) => i.id),
      };
    })
    .sort((a, b) => b.count - a.count || b.count - b.previousCount - (a.count - a.previousCount))
    .slice(0, 20);
}
