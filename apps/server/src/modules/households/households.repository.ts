import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  followUpTasks,
  householdIncidents,
  householdRiskChanges,
  households,
  notifications,
  users,
  visits,
} from '../../db/schema/index.ts';

type Q = Db | Tx;
export type HouseholdRow = typeof households.$inferSelect;
export type TaskRow = typeof followUpTasks.$inferSelect;

/** Region scope in SQL: the row's region path contains the viewer's region. */
export const inRegion = (path: typeof households.regionPath, regionId: string) =>
  sql`${path} @> array[${regionId}]::text[]`;

export const householdsRepository = {
  async load(q: Q, countyId: string, id: string, forUpdate = false) {
    const base = q
      .select()
      .from(households)
      .where(and(eq(households.countyId, countyId), eq(households.id, id)));
    const [row] = forUpdate ? await base.for('update') : await base;
    return row;
  },

  insert: (tx: Tx, row: HouseholdRow) => tx.insert(households).values(row),

  /** Writes a new state of the household if nobody changed it since `version`. */
  async save(tx: Tx, row: HouseholdRow, version: number) {
    const r = await tx
      .update(households)
      .set({ ...row, version: version + 1 })
      .where(
        and(
          eq(households.countyId, row.countyId),
          eq(households.id, row.id),
          eq(households.version, version),
        ),
      )
      .returning({ version: households.version });
    return r.length > 0;
  },

  list: (q: Q, countyId: string, regionId: string, filter: { atRisk?: boolean; limit: number }) =>
    q
      .select()
      .from(households)
      .where(
        and(
          eq(households.countyId, countyId),
          inRegion(households.regionPath, regionId),
          filter.atRisk ? sql`${households.riskLevel} <> 'safe'` : undefined,
        ),
      )
      .orderBy(desc(households.updatedAt), asc(households.id))
      .limit(filter.limit),

  async nextChangeSeq(tx: Tx, countyId: string, householdId: string) {
    const [r] = await tx
      .select({ n: sql<number>`coalesce(max(${householdRiskChanges.seq}), 0)::int` })
      .from(householdRiskChanges)
      .where(
        and(eq(householdRiskChanges.countyId, countyId), eq(householdRiskChanges.householdId, householdId)),
      );
    return (r?.n ?? 0) + 1;
  },

  insertChange: (tx: Tx, row: typeof householdRiskChanges.$inferInsert) =>
    tx.insert(householdRiskChanges).values(row),

  timeline: (q: Q, countyId: string, householdId: string) =>
    q
      .select({ change: householdRiskChanges, actorName: users.displayName })
      .from(householdRiskChanges)
      .leftJoin(users, eq(users.id, householdRiskChanges.actorId))
      .where(
        and(eq(householdRiskChanges.countyId, countyId), eq(householdRiskChanges.householdId, householdId)),
      )
      .orderBy(asc(householdRiskChanges.seq)),

  async lastChangeAt(q: Q, countyId: string, householdId: string): Promise<Date | null> {
    const [r] = await q
      .select({ at: householdRiskChanges.at })
      .from(householdRiskChanges)
      .where(
        and(eq(householdRiskChanges.countyId, countyId), eq(householdRiskChanges.householdId, householdId)),
      )
      .orderBy(desc(householdRiskChanges.seq))
      .limit(1);
    return r?.at ?? null;
  },

  async visitsSince(q: Q, countyId: string, householdId: string, since: Date) {
    const [r] = await q
      .select({ n: sql<number>`count(*)::int` })
      .from(visits)
      .where(and(eq(visits.countyId, countyId), eq(visits.householdId, householdId), gt(visits.at, since)));
    return r?.n ?? 0;
  },

  /** Open follow-ups of a household not yet due are void once its level changes. */
  cancelOpenTasks: (tx: Tx, countyId: string, householdId: string) =>
    tx
      .update(followUpTasks)
      .set({ status: 'cancelled' })
      .where(
        and(
          eq(followUpTasks.countyId, countyId),
          eq(followUpTasks.householdId, householdId),
          eq(followUpTasks.status, 'open'),
        ),
      ),

  insertTasks: (tx: Tx, rows: TaskRow[]) =>
    rows.length ? tx.insert(followUpTasks).values(rows).onConflictDoNothing() : Promise.resolve(),

  tasksOfHousehold: (q: Q, countyId: string, householdId: string) =>
    q
      .select()
      .from(followUpTasks)
      .where(and(eq(followUpTasks.countyId, countyId), eq(followUpTasks.householdId, householdId)))
      .orderBy(asc(followUpTasks.dueAt)),

  linkIncident: (tx: Tx, row: typeof householdIncidents.$inferInsert) =>
    tx
      .insert(householdIncidents)
      .values(row)
      .onConflictDoNothing()
      .returning({ caseId: householdIncidents.caseId }),

  incidents: (q: Q, countyId: string, householdId: string) =>
    q
      .select()
      .from(householdIncidents)
      .where(and(eq(householdIncidents.countyId, countyId), eq(householdIncidents.householdId, householdId)))
      .orderBy(asc(householdIncidents.at)),

  /** Households whose head's phone (by blind index) is among these: a case naming them is an incident. */
  byPhoneDigests: (q: Q, countyId: string, digests: string[]) =>
    q
      .select()
      .from(households)
      .where(and(eq(households.countyId, countyId), inArray(households.headPhoneDigest, digests))),

  /** The grid workers of a village, first one first: the default worker of a household. */
  gridWorkersOf: (q: Q, regionId: string) =>
    q
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.regionId, regionId), eq(users.role, 'grid_worker'), eq(users.active, true)))
      .orderBy(asc(users.id)),

  staffAt: (q: Q, regionId: string, roles: string[]) =>
    q
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.regionId, regionId), inArray(users.role, roles), eq(users.active, true))),

  notify: (tx: Tx, rows: (typeof notifications.$inferInsert)[]) =>
    rows.length ? tx.insert(notifications).values(rows) : Promise.resolve(),
};
