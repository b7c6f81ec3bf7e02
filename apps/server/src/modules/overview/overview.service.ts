import { HeweiError } from '@hewei/domain';
import { eq, inArray } from 'drizzle-orm';
import { grids } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import type { Locale } from '../../http/messages.ts';
import { gridNode, shanghaiDay } from './overview.keys.ts';
import { computeRates, openCount } from './overview.rates.ts';
import { type Node, nodeKey, overviewRepository as repo } from './overview.repository.ts';

const DAY = 86_400_000;
export const DUE_SOON_MS = DAY;
const DIMS = [
  'status',
  'colour',
  'open_colour',
  'kind',
  'channel',
  'category',
  'satisfaction',
  'mediation',
  'timeliness',
];

type Counts = Record<string, Record<string, number>>;

export function overviewService(deps: AppDeps) {
  const { db, org } = deps;
  const regionName = (id: string, locale: Locale) => {
    const r = org.region(id);
    return r ? (locale === 'en' ? r.nameEn : r.name) : id;
  };

  /** The node a viewer asks for, if it lies inside their scope (else: it does not exist for them). */
  async function resolveNode(v: Viewer, q: { regionId?: string; gridId?: string }) {
    if (!v.regionId) throw new HeweiError('FORBIDDEN');
    if (q.gridId) {
      const [g] = await db.select().from(grids).where(eq(grids.id, q.gridId));
      const region = g && org.region(g.regionId);
      if (!g || !region || g.countyId !== v.countyId || !region.path.includes(v.regionId))
        throw new HeweiError('NOT_FOUND');
      return { node: { kind: 'grid', id: g.id } as Node, region, grid: g };
    }
    const region = org.region(q.regionId ?? v.regionId);
    if (!region || region.countyId !== v.countyId || !region.path.includes(v.regionId))
      throw new HeweiError('NOT_FOUND');
    return { node: { kind: 'region', id: region.id, depth: region.path.length } as Node, region, grid: null };
  }

  async function gridNames(ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: grids.id, name: grids.name })
      .from(grids)
      .where(inArray(grids.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  function topCategory(code: string): string {
    let c = org.category(code);
    while (c?.parentCode && org.category(c.parentCode)) c = org.category(c.parentCode);
    return c?.code ?? code;
  }

  return {
    resolveNode,

    async figures(v: Viewer, q: { regionId?: string; gridId?: string }, locale: Locale) {
      const { node, region, grid } = await resolveNode(v, q);
      const now = deps.clock.now();
      const key = nodeKey(node);
      const rows = await repo.counts(db, v.countyId, [key], DIMS);
      const counts: Counts = {};
      for (const r of rows) {
        counts[r.dim] ??= {};
        counts[r.dim][r.value] = r.n;
      }

      // children: sub-regions, or the grids of a village, with their load and overdue work
      const childIds =
        node.kind === 'grid'
          ? []
          : org
              .regions()
              .filter((r) => r.parentId === region.id)
              .map((r) => r.id);
      let gridChildren: string[] = [];
      if (node.kind === 'region') {
        const gridRows = await repo.counts(db, v.countyId, [region.id], ['grid']);
        gridChildren = gridRows.filter((r) => r.value !== '-').map((r) => r.value);
      }
      const childKeys = [...childIds, ...gridChildren.map(gridNode)];
      const childCounts = await repo.counts(db, v.countyId, childKeys, ['status']);
      const due = await repo.dueByChild(db, v.countyId, node, now, new Date(now.getTime() + DUE_SOON_MS));
      const dueOf = new Map(due.map((d) => [d.child, d]));
      const names = await gridNames(gridChildren);
      const children = childKeys.map((k) => {
        const status: Record<string, number> = {};
        for (const r of childCounts) if (r.nodeId === k) status[r.value] = r.n;
        const isGrid = k.startsWith('g:');
        const id = isGrid ? k.slice(2) : k;
        const d = dueOf.get(k);
        return {
          kind: isGrid ? ('grid' as const) : ('region' as const),
          id,
          name: isGrid ? (names.get(id) ?? id) : regionName(id, locale),
          level: isGrid ? 'grid' : (org.region(id)?.level ?? ''),
          total: Object.values(status).reduce((s, n) => s + n, 0),
          open: openCount({ status }),
          overdue: d?.overdue ?? 0,
          dueSoon: d?.dueSoon ?? 0,
        };
      });
      const unplaced = dueOf.get('-');
      // from the rollup; counted from the open cases while rollups made before it lack some
      const open = openCount(counts);
      const rolled = Object.values(counts.open_colour ?? {}).reduce((s, n) => s + n, 0);
      const openColours =
        rolled === open
          ? Object.entries(counts.open_colour ?? {}).map(([key, n]) => ({ key, n }))
          : await repo.openByColour(db, v.countyId, node);

      const today = shanghaiDay(now);
      const from = shanghaiDay(new Date(now.getTime() - 29 * DAY));
      const daily = await repo.daily(db, v.countyId, key, from);
      const trend = Array.from({ length: 30 }, (_, i) => {
        const day = shanghaiDay(new Date(now.getTime() - (29 - i) * DAY));
        const pick = (m: string) => daily.find((d) => String(d.day) === day && d.metric === m)?.n ?? 0;
        return { day, created: pick('created'), closed: pick('closed') };
      });
      const todayRow = trend[trend.length - 1];
      // since Shanghai midnight (UTC+8, no daylight saving)
      const midnight = new Date(Date.parse(`${today}T00:00:00Z`) - 8 * 3600_000);
      const todayChannels = await repo.createdSinceByChannel(db, v.countyId, node, midnight);

      const categories = new Map<string, number>();
      for (const [code, n] of Object.entries(counts.category ?? {})) {
        const top = topCategory(code);
        categories.set(top, (categories.get(top) ?? 0) + n);
      }
      const list = (dim: string) =>
        Object.entries(counts[dim] ?? {})
          .map(([key, n]) => ({ key, n }))
          .sort((a, b) => b.n - a.n);
      return {
        node: {
          kind: node.kind,
          id: node.id,
          name: grid ? grid.name : regionName(region.id, locale),
          level: grid ? 'grid' : region.level,
          path: region.path
            .filter((id) => org.region(id)?.path.includes(v.regionId!))
            .map((id) => ({ kind: 'region' as const, id, name: regionName(id, locale) })),
        },
        total: Object.values(counts.status ?? {}).reduce((s, n) => s + n, 0),
        open,
        byStatus: list('status'),
        byColour: list('colour'),
        openByColour: openColours.sort((a, b) => b.n - a.n),
        byKind: list('kind'),
        byChannel: list('channel'),
        byCategory: [...categories]
          .map(([code, n]) => {
            const c = org.category(code);
            return { code, name: c ? (locale === 'en' ? c.nameEn : c.name) : code, n };
          })
          .sort((a, b) => b.n - a.n),
        today: {
          day: today,
          created: todayRow.created,
          closed: todayRow.closed,
          byChannel: todayChannels.sort((a, b) => b.n - a.n),
        },
        trend,
        due: {
          overdue: due.reduce((s, d) => s + d.overdue, 0),
          dueSoon: due.reduce((s, d) => s + d.dueSoon, 0),
          dueSoonWithinHours: DUE_SOON_MS / 3600_000,
        },
        rates: computeRates(counts, locale),
        children,
        unplaced: { overdue: unplaced?.overdue ?? 0, dueSoon: unplaced?.dueSoon ?? 0 },
        generatedAt: now.toISOString(),
      };
    },
  };
}

export type OverviewService = ReturnType<typeof overviewService>;
