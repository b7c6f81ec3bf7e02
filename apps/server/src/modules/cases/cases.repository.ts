import type { Assignment, CaseEvent, CaseState } from '@hewei/domain';
import { runningDeadline } from '@hewei/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  assignments,
  caseEvents,
  caseParties,
  cases,
  idempotencyKeys,
  outbox,
  piiReveals,
  users,
} from '../../db/schema/index.ts';
import { uuidv7 } from '../../lib/ids.ts';

type CaseRow = typeof cases.$inferSelect;
type AssignmentRow = typeof assignments.$inferSelect;
export type PartyRow = typeof caseParties.$inferSelect;
type Q = Db | Tx;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const date = (s: string | null) => (s ? new Date(s) : null);

export function rowToState(r: CaseRow, as: AssignmentRow[]): CaseState {
  return {
    id: r.id,
    countyId: r.countyId,
    trackingCode: r.trackingCode,
    kind: r.kind as CaseState['kind'],
    channel: r.channel as CaseState['channel'],
    categoryCode: r.categoryCode,
    description: r.description,
    address: r.address,
    lat: r.lat,
    lon: r.lon,
    regionPath: r.regionPath,
    gridId: r.gridId,
    ownerRegionId: r.ownerRegionId,
    complexity: r.complexity as CaseState['complexity'],
    colour: r.colour as CaseState['colour'],
    status: r.status as CaseState['status'],
    version: r.version,
    applicantUserId: r.applicantUserId,
    hasContactPhone: r.hasContactPhone,
    assignments: as
      .sort((a, b) => a.position - b.position)
      .map((a) => ({
        id: a.id,
        departmentId: a.departmentId,
        role: a.role as Assignment['role'],
        status: a.status as Assignment['status'],
        assignedAt: a.assignedAt.toISOString(),
        dueAt: iso(a.dueAt),
        objectionDueAt: iso(a.objectionDueAt),
      })),
    poolDepartmentIds: r.poolDepartmentIds,
    acceptBy: iso(r.acceptBy),
    resolveBy: iso(r.resolveBy),
    verifyBy: iso(r.verifyBy),
    callbackBy: iso(r.callbackBy),
    committedWorkingDays: r.committedWorkingDays,
    extensionRequest: r.extensionRequest as CaseState['extensionRequest'],
    satisfaction: r.satisfaction as CaseState['satisfaction'],
    reopenCount: r.reopenCount,
    mergedIntoId: r.mergedIntoId,
    mediationOutcome: r.mediationOutcome as CaseState['mediationOutcome'],
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    closedAt: iso(r.closedAt),
  };
}

export function stateToRow(s: CaseState): CaseRow {
  const { assignments: _a, ...rest } = s;
  return {
    ...rest,
    regionId: s.regionPath[s.regionPath.length - 1],
    acceptBy: date(s.acceptBy),
    resolveBy: date(s.resolveBy),
    verifyBy: date(s.verifyBy),
    callbackBy: date(s.callbackBy),
    dueAt: date(runningDeadline(s)),
    createdAt: new Date(s.createdAt),
    updatedAt: new Date(s.updatedAt),
    closedAt: date(s.closedAt),
  };
}

export function assignmentRows(s: CaseState): AssignmentRow[] {
  return s.assignments.map((a, position) => ({
    countyId: s.countyId,
    caseId: s.id,
    position,
    id: a.id,
    departmentId: a.departmentId,
    role: a.role,
    status: a.status,
    assignedAt: new Date(a.assignedAt),
    dueAt: date(a.dueAt),
    objectionDueAt: date(a.objectionDueAt),
  }));
}

export function eventRow(s: CaseState, e: CaseEvent) {
  return {
    countyId: s.countyId,
    caseId: s.id,
    seq: s.version,
    type: e.type,
    at: new Date(e.at),
    actorId: e.actor.id,
    actorRole: e.actor.role,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
    data: e.data,
  };
}

/** The outbox message a case change leaves (one per timeline event). */
export function outboxRow(s: CaseState, e: CaseEvent) {
  return {
    countyId: s.countyId,
    id: uuidv7(Date.parse(e.at)),
    caseId: s.id,
    topic: e.type,
    payload: {
      caseId: s.id,
      trackingCode: s.trackingCode,
      status: s.status,
      actorRole: e.actor.role,
      at: e.at,
    },
    createdAt: new Date(e.at),
    availableAt: new Date(e.at),
  };
}

const isTx = (q: Q): q is Tx => 'rollback' in q;

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  const countyId = sql.placeholder('countyId');
  const id = sql.placeholder('id');
  return {
    caseById: db
      .select()
      .from(cases)
      .where(and(eq(cases.countyId, countyId), eq(cases.id, id)))
      .prepare('hewei_case_by_id'),
    assignmentsOf: db
      .select()
      .from(assignments)
      .where(and(eq(assignments.countyId, countyId), eq(assignments.caseId, id)))
      .prepare('hewei_case_assignments'),
  };
}
function prepared(db: Db) {
  const known = statements.get(db);
  if (known) return known;
  const made = prepare(db);
  statements.set(db, made);
  return made;
}

export const casesRepository = {
  async loadCase(q: Q, countyId: string, id: string, forUpdate = false): Promise<CaseState | undefined> {
    if (!forUpdate && !isTx(q)) {
      // the hottest read of all (every case page, every action's first look): prepared once per pool
      const { caseById, assignmentsOf } = prepared(q);
      const [row] = await caseById.execute({ countyId, id });
      return row ? rowToState(row, await assignmentsOf.execute({ countyId, id })) : undefined;
    }
    const base = q
      .select()
      .from(cases)
      .where(and(eq(cases.countyId, countyId), eq(cases.id, id)));
    const [row] = forUpdate ? await base.for('update') : await base;
    if (!row) return undefined;
    const as = await q
      .select()
      .from(assignments)
      .where(and(eq(assignments.countyId, countyId), eq(assignments.caseId, id)));
    return rowToState(row, as);
  },

  async findIdByTrackingCode(q: Q, countyId: string, code: string) {
    const [row] = await q
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.countyId, countyId), eq(cases.trackingCode, code)));
    return row?.id;
  },

  /** The new case, its parties, its first event and its outbox message: call inside one transaction. */
  async insertCase(tx: Tx, s: CaseState, parties: Omit<PartyRow, 'countyId' | 'caseId'>[], e: CaseEvent) {
    await tx.insert(cases).values(stateToRow(s));
    if (parties.length)
      await tx.insert(caseParties).values(parties.map((p) => ({ ...p, countyId: s.countyId, caseId: s.id })));
    await tx.insert(caseEvents).values(eventRow(s, e));
    await tx.insert(outbox).values(outboxRow(s, e));
  },

  /** Writes a transition if nobody changed the case since `before`; false when someone did. */
  async saveTransition(tx: Tx, before: CaseState, after: CaseState, e: CaseEvent): Promise<boolean> {
    const updated = await tx
      .update(cases)
      .set(stateToRow(after))
      .where(
        and(eq(cases.countyId, after.countyId), eq(cases.id, after.id), eq(cases.version, before.version)),
      )
      .returning({ version: cases.version });
    if (updated.length === 0) return false;
    const rows = assignmentRows(after);
    if (rows.length)
      await tx
        .insert(assignments)
        .values(rows)
        .onConflictDoUpdate({
          target: [assignments.countyId, assignments.id],
          set: {
            status: sql`excluded.status`,
            dueAt: sql`excluded.due_at`,
            objectionDueAt: sql`excluded.objection_due_at`,
          },
        });
    await tx.insert(caseEvents).values(eventRow(after, e));
    await tx.insert(outbox).values(outboxRow(after, e));
    return true;
  },

  async claimIdempotencyKey(
    tx: Tx,
    k: { countyId: string; actorId: string; key: string; requestHash: string; caseId: string; at: Date },
  ) {
    const inserted = await tx
      .insert(idempotencyKeys)
      .values({ ...k, createdAt: k.at })
      .onConflictDoNothing()
      .returning({ caseId: idempotencyKeys.caseId });
    return inserted.length > 0;
  },

  async findIdempotencyKey(q: Q, countyId: string, actorId: string, key: string) {
    const [row] = await q
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.countyId, countyId),
          eq(idempotencyKeys.actorId, actorId),
          eq(idempotencyKeys.key, key),
        ),
      );
    return row;
  },

  timeline: (q: Q, countyId: string, caseId: string) =>
    q
      .select({ event: caseEvents, actorName: users.displayName })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorId))
      .where(and(eq(caseEvents.countyId, countyId), eq(caseEvents.caseId, caseId)))
      .orderBy(asc(caseEvents.seq)),

  parties: (q: Q, countyId: string, caseId: string) =>
    q
      .select()
      .from(caseParties)
      .where(and(eq(caseParties.countyId, countyId), eq(caseParties.caseId, caseId)))
      .orderBy(asc(caseParties.position)),

  recordReveal: (q: Q, row: typeof piiReveals.$inferInsert) => q.insert(piiReveals).values(row),
};
