import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cases, overviewCounts, overviewDaily } from '../../db/schema/index.ts';
import { gridNode } from './overview.keys.ts';

/** Where a figure is taken: a region (its whole subtree) or one grid. */
export type Node = { kind: 'region'; id: string; depth: number } | { kind: 'grid'; id: string };

export const nodeKey = (n: Node) => (n.kind === 'grid' ? gridNode(n.id) : n.id);

const inNode = (n: Node) =>
  n.kind === 'grid' ? eq(cases.gridId, n.id) : sql`${cases.regionPath} @> array[${n.id}]::text[]`;

export const overviewRepository = {
  /** Rollup counts per node, dimension and value (slots summed). */
  async counts(db: Db, countyId: string, nodeIds: string[], dims?: string[]) {
    if (!nodeIds.length) return [];
    const where = [eq(overviewCounts.countyId, countyId), inArray(overviewCounts.nodeId, nodeIds)];
    if (dims) where.push(inArray(overviewCounts.dim, dims));
    return db
      .select({
        nodeId: overviewCounts.nodeId,
        dim: overviewCounts.dim,
        value: overviewCounts.value,
        n: sql<number>`sum(${overviewCounts.n})::int`,
      })
      .from(overviewCounts)
      .where(and(...where))
      .groupBy(overviewCounts.nodeId, overviewCounts.dim, overviewCounts.value)
      .having(sql`sum(${overviewCounts.n}) <> 0`);
  },

  async daily(db: Db, countyId: string, nodeId: string, fromDay: string) {
    return db
      .select({
        day: overviewDaily.day,
        metric: overviewDaily.metric,
        n: sql<number>`sum(${overviewDaily.n})::int`,
      })
      .from(overviewDaily)
      .where(
        and(
          eq(overviewDaily.countyId, countyId),
          eq(overviewDaily.nodeId, nodeId),
          // the key runs (node, metric, day): naming the metrics makes each a short day range
          inArray(overviewDaily.metric, ['created', 'closed']),
          gte(overviewDaily.day, fromDay),
        ),
      )
      .groupBy(overviewDaily.day, overviewDaily.metric);
  },

  /**
   * Open cases by colour, for rollups made before `open_colour` was kept: an index-only scan of
   * `cases_open_due_idx` (open cases only; it holds colour, grid and region path).
   */
  async openByColour(db: Db, countyId: string, n: Node) {
    return db
      .select({ key: sql<string>`coalesce(${cases.colour}, 'none')`, n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(eq(cases.countyId, countyId), sql`${cases.closedAt} is null`, inNode(n)))
      .groupBy(sql`1`);
  },

  /** Cases created since an instant (today's intake) by channel: a short range of the list index. */
  async createdSinceByChannel(db: Db, countyId: string, n: Node, since: Date) {
    return db
      .select({ key: cases.channel, n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(eq(cases.countyId, countyId), gte(cases.createdAt, since), inNode(n)))
      .groupBy(cases.channel);
  },

  /**
   * Open cases past (or near) their running deadline, per child of the node. Time-dependent, so
   * counted at read time, but from `cases_open_due_idx` alone (an index-only range on the deadline
   * holding grid and region path), never from the case rows.
   */
  async dueByChild(db: Db, countyId: string, n: Node, now: Date, soonUntil: Date) {
    const child =
      n.kind === 'grid'
        ? sql<string>`${cases.gridId}`
        : sql<string>`coalesce(case when cardinality(${cases.regionPath}) > ${sql.raw(String(n.depth | 0))} then ${cases.regionPath}[${sql.raw(String((n.depth | 0) + 1))}] end, 'g:' || ${cases.gridId}, '-')`;
    return db
      .select({
        child,
        overdue: sql<number>`count(*) filter (where ${cases.dueAt} < ${now.toISOString()}::timestamptz)::int`,
        dueSoon: sql<number>`count(*) filter (where ${cases.dueAt} >= ${now.toISOString()}::timestamptz and ${cases.dueAt} < ${soonUntil.toISOString()}::timestamptz)::int`,
      })
      .from(cases)
      .where(
        and(
          eq(cases.countyId, countyId),
          sql`${cases.closedAt} is null`,
          inNode(n),
          sql`${cases.dueAt} < ${soonUntil.toISOString()}::timestamptz`,
        ),
      )
      .groupBy(sql`1`);
  },
};

export { inNode };
