import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  fieldUploads,
  followUpTasks,
  households,
  patrolPoints,
  patrols,
  registerEntries,
  screeningCampaigns,
  screeningResponses,
  visits,
} from '../../db/schema/index.ts';

type Q = Db | Tx;
export type PatrolRow = typeof patrols.$inferSelect;
export type PointRow = typeof patrolPoints.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;
export type EntryRow = typeof registerEntries.$inferSelect;
export type CampaignRow = typeof screeningCampaigns.$inferSelect;

export const fieldRepository = {
  async patrol(q: Q, countyId: string, id: string, forUpdate = false) {
    const base = q
      .select()
      .from(patrols)
      .where(and(eq(patrols.countyId, countyId), eq(patrols.id, id)));
    const [row] = forUpdate ? await base.for('update') : await base;
    return row;
  },
  insertPatrol: (tx: Tx, row: PatrolRow) => tx.insert(patrols).values(row),
  endPatrol: (tx: Tx, countyId: string, id: string, at: Date) =>
    tx
      .update(patrols)
      .set({ endedAt: at })
      .where(and(eq(patrols.countyId, countyId), eq(patrols.id, id), isNull(patrols.endedAt))),
  async nextPointSeq(tx: Tx, countyId: string, patrolId: string) {
    const [r] = await tx
      .select({ n: sql<number>`coalesce(max(${patrolPoints.seq}), 0)::int` })
      .from(patrolPoints)
      .where(and(eq(patrolPoints.countyId, countyId), eq(patrolPoints.patrolId, patrolId)));
    return (r?.n ?? 0) + 1;
  },
  insertPoint: (tx: Tx, row: PointRow) => tx.insert(patrolPoints).values(row),

  patrolsOf: (q: Q, countyId: string, workerIds: string[], from: Date, to: Date) =>
    workerIds.length
      ? q
          .select()
          .from(patrols)
          .where(
            and(
              eq(patrols.countyId, countyId),
              inArray(patrols.workerId, workerIds),
              gte(patrols.startedAt, from),
              lt(patrols.startedAt, to),
            ),
          )
          .orderBy(asc(patrols.startedAt))
      : Promise.resolve([] as PatrolRow[]),
  pointsOf: (q: Q, countyId: string, patrolIds: string[]) =>
    patrolIds.length
      ? q
          .select()
          .from(patrolPoints)
          .where(and(eq(patrolPoints.countyId, countyId), inArray(patrolPoints.patrolId, patrolIds)))
          .orderBy(asc(patrolPoints.patrolId), asc(patrolPoints.seq))
      : Promise.resolve([] as PointRow[]),

  async visit(q: Q, countyId: string, id: string) {
    const [row] = await q
      .select()
      .from(visits)
      .where(and(eq(visits.countyId, countyId), eq(visits.id, id)));
    return row;
  },
  insertVisit: (tx: Tx, row: VisitRow) => tx.insert(visits).values(row),
  visitsOf: (q: Q, countyId: string, workerIds: string[], from: Date, to: Date) =>
    workerIds.length
      ? q
          .select()
          .from(visits)
          .where(
            and(
              eq(visits.countyId, countyId),
              inArray(visits.workerId, workerIds),
              gte(visits.at, from),
              lt(visits.at, to),
            ),
          )
          .orderBy(asc(visits.at))
      : Promise.resolve([] as VisitRow[]),
  visitsOfPeople: (q: Q, countyId: string, personIds: string[], from: Date) =>
    personIds.length
      ? q
          .select({ personId: visits.watchedPersonId, n: sql<number>`count(*)::int` })
          .from(visits)
          .where(
            and(
              eq(visits.countyId, countyId),
              inArray(visits.watchedPersonId, personIds),
              gte(visits.at, from),
            ),
          )
          .groupBy(visits.watchedPersonId)
      : Promise.resolve([] as { personId: string | null; n: number }[]),

  tasksOf: (q: Q, countyId: string, workerIds: string[], fromDate: string, toDate: string) =>
    workerIds.length
      ? q
          .select({ task: followUpTasks, address: households.address, headName: households.headName })
          .from(followUpTasks)
          .innerJoin(
            households,
            and(
              eq(households.countyId, followUpTasks.countyId),
              eq(households.id, followUpTasks.householdId),
            ),
          )
          .where(
            and(
              eq(followUpTasks.countyId, countyId),
              inArray(followUpTasks.workerId, workerIds),
              gte(followUpTasks.dueDate, fromDate),
              lte(followUpTasks.dueDate, toDate),
            ),
          )
          .orderBy(asc(followUpTasks.dueAt))
      : Promise.resolve([]),
  /** Open follow-ups due by `toDate`, however old: what a worker still owes. */
  owedTasks: (q: Q, countyId: string, workerId: string, toDate: string) =>
    q
      .select({ task: followUpTasks, address: households.address, headName: households.headName })
      .from(followUpTasks)
      .innerJoin(
        households,
        and(eq(households.countyId, followUpTasks.countyId), eq(households.id, followUpTasks.householdId)),
      )
      .where(
        and(
          eq(followUpTasks.countyId, countyId),
          eq(followUpTasks.workerId, workerId),
          eq(followUpTasks.status, 'open'),
          lte(followUpTasks.dueDate, toDate),
        ),
      )
      .orderBy(asc(followUpTasks.dueAt)),

  insertEntry: (tx: Tx, row: EntryRow) => tx.insert(registerEntries).values(row),
  async entry(q: Q, countyId: string, id: string) {
    const [row] = await q
      .select()
      .from(registerEntries)
      .where(and(eq(registerEntries.countyId, countyId), eq(registerEntries.id, id)));
    return row;
  },
  entries: (q: Q, countyId: string, regionId: string, kind: string | undefined, watchedOnly: boolean) =>
    q
      .select()
      .from(registerEntries)
      .where(
        and(
          eq(registerEntries.countyId, countyId),
          sql`${registerEntries.regionPath} @> array[${regionId}]::text[]`,
          kind ? eq(registerEntries.kind, kind) : undefined,
          watchedOnly ? sql`${registerEntries.concern} is not null` : undefined,
        ),
      )
      .orderBy(desc(registerEntries.createdAt))
      .limit(1000),

  insertCampaign: (tx: Tx, row: CampaignRow) => tx.insert(screeningCampaigns).values(row),
  async campaign(q: Q, countyId: string, id: string) {
    const [row] = await q
      .select()
      .from(screeningCampaigns)
      .where(and(eq(screeningCampaigns.countyId, countyId), eq(screeningCampaigns.id, id)));
    return row;
  },
  activeCampaigns: (q: Q, countyId: string, regionPath: string[], today: string) =>
    q
      .select()
      .from(screeningCampaigns)
      .where(
        and(
          eq(screeningCampaigns.countyId, countyId),
          inArray(screeningCampaigns.regionId, regionPath),
          lte(screeningCampaigns.startsOn, today),
          gte(screeningCampaigns.endsOn, today),
        ),
      ),
  insertResponse: (tx: Tx, row: typeof screeningResponses.$inferInsert) =>
    tx.insert(screeningResponses).values(row).onConflictDoNothing().returning({ id: screeningResponses.id }),
  responseCounts: (q: Q, countyId: string, campaignIds: string[], regionId: string) =>
    campaignIds.length
      ? q
          .select({ campaignId: screeningResponses.campaignId, n: sql<number>`count(*)::int` })
          .from(screeningResponses)
          .innerJoin(
            households,
            and(
              eq(households.countyId, screeningResponses.countyId),
              eq(households.id, screeningResponses.householdId),
            ),
          )
          .where(
            and(
              eq(screeningResponses.countyId, countyId),
              inArray(screeningResponses.campaignId, campaignIds),
              sql`${households.regionPath} @> array[${regionId}]::text[]`,
            ),
          )
          .groupBy(screeningResponses.campaignId)
      : Promise.resolve([] as { campaignId: string; n: number }[]),

  completeUploads: (q: Q, countyId: string, hashes: string[]) =>
    hashes.length
      ? q
          .select({ sha256: fieldUploads.sha256 })
          .from(fieldUploads)
          .where(
            and(
              eq(fieldUploads.countyId, countyId),
              inArray(fieldUploads.sha256, hashes),
              sql`${fieldUploads.completedAt} is not null`,
            ),
          )
      : Promise.resolve([] as { sha256: string }[]),
};
