import { and, asc, desc, eq, gte, inArray, isNull, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  assignments,
  caseEvents,
  cases,
  open311ApiKeys,
  open311Requests,
  open311Updates,
  users,
} from '../../db/schema/index.ts';

type Q = Db | Tx;
export type ApiKeyRow = typeof open311ApiKeys.$inferSelect;
const PRIVATE_KINDS = ['dispute', 'petition'];

export interface RequestFilter {
  countyId: string;
  /** `service_request_id`s: case ids */
  ids?: string[];
  serviceCodes?: string[];
  status?: ('open' | 'closed')[];
  requestedFrom?: Date;
  requestedTo?: Date;
  updatedFrom?: Date;
  updatedTo?: Date;
  limit: number;
  offset: number;
}

const leadDepartment = sql<string | null>`(select a.department_id from ${assignments} a
  where a.county_id = ${cases.countyId} and a.case_id = ${cases.id} and a.role = 'lead'
  order by a.position desc limit 1)`;
// the time the public sees the request last changed: its close time once closed
const updatedAt = sql<Date>`coalesce(${cases.closedAt}, ${cases.updatedAt})`;

export const open311Repository = {
  async keyByHash(q: Q, keyHash: string) {
    const [row] = await q
      .select({ key: open311ApiKeys, user: users })
      .from(open311ApiKeys)
      .innerJoin(users, eq(users.id, open311ApiKeys.userId))
      .where(and(eq(open311ApiKeys.keyHash, keyHash), isNull(open311ApiKeys.revokedAt)));
    return row;
  },

  listKeys: (q: Q, countyId: string) =>
    q
      .select()
      .from(open311ApiKeys)
      .where(eq(open311ApiKeys.countyId, countyId))
      .orderBy(desc(open311ApiKeys.createdAt)),

  async insertKey(q: Q, key: ApiKeyRow, user: typeof users.$inferInsert) {
    await q.transaction(async (tx) => {
      await tx.insert(users).values(user).onConflictDoNothing();
      await tx.insert(open311ApiKeys).values(key).onConflictDoNothing();
    });
  },

  async revokeKey(q: Q, countyId: string, id: string, by: string, at: Date) {
    const rows = await q
      .update(open311ApiKeys)
      .set({ revokedAt: at, revokedBy: by })
      .where(
        and(
          eq(open311ApiKeys.countyId, countyId),
          eq(open311ApiKeys.id, id),
          isNull(open311ApiKeys.revokedAt),
        ),
      )
      .returning();
    if (rows[0]) await q.update(users).set({ active: false }).where(eq(users.id, rows[0].userId));
    return rows[0];
  },

  insertRequestExtras: (q: Q, row: typeof open311Requests.$inferInsert) =>
    q.insert(open311Requests).values(row).onConflictDoNothing(),

  async caseIdByToken(q: Q, countyId: string, token: string) {
    const [row] = await q
      .select({ caseId: open311Requests.caseId })
      .from(open311Requests)
      .where(and(eq(open311Requests.countyId, countyId), eq(open311Requests.clientToken, token)));
    return row;
  },

  /** Public requests in the newest-first order that paging relies on. */
  listRequests(q: Q, f: RequestFilter) {
    const where: SQL[] = [eq(cases.countyId, f.countyId), notInArray(cases.kind, PRIVATE_KINDS)];
    if (f.ids) where.push(inArray(cases.id, f.ids));
    else {
      if (f.serviceCodes) where.push(inArray(cases.categoryCode, f.serviceCodes));
      if (f.status?.length === 1)
        where.push(
          f.status[0] === 'open' ? sql`${cases.closedAt} is null` : sql`${cases.closedAt} is not null`,
        );
      if (f.requestedFrom) where.push(gte(cases.createdAt, f.requestedFrom));
      if (f.requestedTo) where.push(lte(cases.createdAt, f.requestedTo));
      if (f.updatedFrom) where.push(sql`${updatedAt} >= ${f.updatedFrom.toISOString()}::timestamptz`);
      if (f.updatedTo) where.push(sql`${updatedAt} <= ${f.updatedTo.toISOString()}::timestamptz`);
    }
    return q
      .select({
        c: cases,
        leadDepartmentId: leadDepartment,
        mediaUrl: open311Requests.mediaUrl,
        addressId: open311Requests.addressId,
      })
      .from(cases)
      .leftJoin(
        open311Requests,
        and(eq(open311Requests.countyId, cases.countyId), eq(open311Requests.caseId, cases.id)),
      )
      .where(and(...where))
      .orderBy(desc(cases.createdAt), desc(cases.id))
      .limit(f.limit)
      .offset(f.offset);
  },

  notes: (q: Q, countyId: string, caseIds: string[]) =>
    caseIds.length
      ? q
          .select()
          .from(caseEvents)
          .where(and(eq(caseEvents.countyId, countyId), inArray(caseEvents.caseId, caseIds)))
          .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq))
      : Promise.resolve([]),

  /** Timeline events of public cases in a window, oldest first: what servicerequestupdates serves. */
  updatesBetween: (q: Q, countyId: string, from: Date, to: Date, limit: number) =>
    q
      .select({ e: caseEvents, closedAt: cases.closedAt })
      .from(caseEvents)
      .innerJoin(cases, and(eq(cases.countyId, caseEvents.countyId), eq(cases.id, caseEvents.caseId)))
      .where(
        and(
          eq(caseEvents.countyId, countyId),
          notInArray(cases.kind, PRIVATE_KINDS),
          gte(caseEvents.at, from),
          lte(caseEvents.at, to),
        ),
      )
      .orderBy(asc(caseEvents.at), asc(caseEvents.caseId), asc(caseEvents.seq))
      .limit(limit),

  /** Records a client's update once; false when that client already sent this update_id. */
  async insertUpdate(q: Q, row: typeof open311Updates.$inferInsert) {
    const inserted = await q.insert(open311Updates).values(row).onConflictDoNothing().returning();
    return inserted.length > 0;
  },

  clientUpdates: (q: Q, countyId: string, caseIds: string[]) =>
    caseIds.length
      ? q
          .select()
          .from(open311Updates)
          .where(and(eq(open311Updates.countyId, countyId), inArray(open311Updates.caseId, caseIds)))
          .orderBy(asc(open311Updates.receivedAt))
      : Promise.resolve([]),

  async extrasOf(q: Q, countyId: string, caseId: string) {
    const [row] = await q
      .select()
      .from(open311Requests)
      .where(and(eq(open311Requests.countyId, countyId), eq(open311Requests.caseId, caseId)));
    return row;
  },

  async publicCaseById(q: Q, countyId: string, id: string) {
    const [row] = await q
      .select({ id: cases.id, kind: cases.kind })
      .from(cases)
      .where(and(eq(cases.countyId, countyId), eq(cases.id, id)));
    return row && !PRIVATE_KINDS.includes(row.kind) ? row : undefined;
  },
};
