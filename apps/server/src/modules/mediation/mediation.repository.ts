import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  type agreementSignatures,
  type agreements,
  type mediationDocuments,
  mediationEvents,
  mediationMediators,
  mediationOrgProfiles,
  mediationReminders,
  mediationSessions,
  mediations,
  mediatorProfiles,
  type performanceItems,
  sessionParticipants,
  users,
} from '../../db/schema/index.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { agreementsRepository } from './agreements.repository.ts';

type Q = Db | Tx;
export type MediationRow = typeof mediations.$inferSelect;
export type MediatorLinkRow = typeof mediationMediators.$inferSelect;
export type ProfileRow = typeof mediatorProfiles.$inferSelect;
export type SessionRow = typeof mediationSessions.$inferSelect;
export type ParticipantRow = typeof sessionParticipants.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;
export type SignatureRow = typeof agreementSignatures.$inferSelect;
export type PerformanceRow = typeof performanceItems.$inferSelect;
export type DocumentRow = typeof mediationDocuments.$inferSelect;
export type EventRow = typeof mediationEvents.$inferSelect;
export type UserRow = typeof users.$inferSelect;

const OPEN = ['requested', 'active'];

export const mediationRepository = {
  // --- people -----------------------------------------------------------------------------------
  async users(q: Q, ids: string[]): Promise<Map<string, UserRow>> {
    if (ids.length === 0) return new Map();
    const rows = await q
      .select()
      .from(users)
      .where(inArray(users.id, [...new Set(ids)]));
    return new Map(rows.map((u) => [u.id, u]));
  },
  async upsertProfile(q: Q, row: ProfileRow) {
    const { countyId: _c, userId: _u, ...set } = row;
    await q
      .insert(mediatorProfiles)
      .values(row)
      .onConflictDoUpdate({ target: [mediatorProfiles.countyId, mediatorProfiles.userId], set });
  },
  profiles: (q: Q, countyId: string, kind?: string) =>
    q
      .select()
      .from(mediatorProfiles)
      .where(
        kind
          ? and(eq(mediatorProfiles.countyId, countyId), eq(mediatorProfiles.kind, kind))
          : eq(mediatorProfiles.countyId, countyId),
      )
      .orderBy(asc(mediatorProfiles.userId)),
  async profile(q: Q, countyId: string, userId: string) {
    const [row] = await q
      .select()
      .from(mediatorProfiles)
      .where(and(eq(mediatorProfiles.countyId, countyId), eq(mediatorProfiles.userId, userId)));
    return row;
  },
  async upsertOrgProfile(q: Q, row: typeof mediationOrgProfiles.$inferSelect) {
    const { countyId: _c, organisationId: _o, ...set } = row;
    await q
      .insert(mediationOrgProfiles)
      .values(row)
      .onConflictDoUpdate({
        target: [mediationOrgProfiles.countyId, mediationOrgProfiles.organisationId],
        set,
      });
  },
  orgProfiles: (q: Q, countyId: string) =>
    q.select().from(mediationOrgProfiles).where(eq(mediationOrgProfiles.countyId, countyId)),

  /** Mediations in progress per mediator (accepted or still to answer, on open mediations). */
  async caseloads(q: Q, countyId: string): Promise<Map<string, number>> {
    const rows = await q
      .select({ userId: mediationMediators.userId, n: sql<number>`count(*)::int` })
      .from(mediationMediators)
      .innerJoin(
        mediations,
        and(
          eq(mediations.countyId, mediationMediators.countyId),
          eq(mediations.id, mediationMediators.mediationId),
        ),
      )
      .where(
        and(
          eq(mediationMediators.countyId, countyId),
          inArray(mediationMediators.status, ['invited', 'accepted']),
          inArray(mediations.status, OPEN),
        ),
      )
      .groupBy(mediationMediators.userId);
    return new Map(rows.map((r) => [r.userId, r.n]));
  },

  /** Every concluded or open mediation with its accepted mediators: the facts statistics are made of. */
  async outcomeFacts(q: Q, countyId: string) {
    return q
      .select({
        id: mediations.id,
        organisationId: mediations.organisationId,
        status: mediations.status,
        outcome: mediations.outcome,
        satisfaction: mediations.satisfaction,
        createdAt: mediations.createdAt,
        startedAt: mediations.startedAt,
        endedAt: mediations.endedAt,
        mediatorIds: sql<
          string[]
        >`coalesce(array_agg(${mediationMediators.userId}) filter (where ${mediationMediators.status} = 'accepted'), '{}')`,
      })
      .from(mediations)
      .leftJoin(
        mediationMediators,
        and(
          eq(mediations.countyId, mediationMediators.countyId),
          eq(mediations.id, mediationMediators.mediationId),
        ),
      )
      .where(and(eq(mediations.countyId, countyId), inArray(mediations.status, ['active', 'concluded'])))
      .groupBy(mediations.countyId, mediations.id);
  },

  // --- mediations -------------------------------------------------------------------------------
  insertMediation: (q: Q, row: MediationRow) => q.insert(mediations).values(row),
  async mediation(q: Q, countyId: string, id: string, forUpdate = false) {
    const base = q
      .select()
      .from(mediations)
      .where(and(eq(mediations.countyId, countyId), eq(mediations.id, id)));
    const [row] = forUpdate ? await base.for('update') : await base;
    return row;
  },
  mediationsOfCase: (q: Q, countyId: string, caseId: string) =>
    q
      .select()
      .from(mediations)
      .where(and(eq(mediations.countyId, countyId), eq(mediations.caseId, caseId)))
      .orderBy(desc(mediations.createdAt)),
  async openMediationOfCase(q: Q, countyId: string, caseId: string) {
    const [row] = await q
      .select()
      .from(mediations)
      .where(
        and(
          eq(mediations.countyId, countyId),
          eq(mediations.caseId, caseId),
          inArray(mediations.status, OPEN),
        ),
      );
    return row;
  },
  /** Writes the new fields if nobody changed the mediation since `version`. */
  async updateMediation(q: Q, m: MediationRow, set: Partial<MediationRow>) {
    const rows = await q
      .update(mediations)
      .set({ ...set, version: m.version + 1 })
      .where(
        and(eq(mediations.countyId, m.countyId), eq(mediations.id, m.id), eq(mediations.version, m.version)),
      )
      .returning();
    return rows[0];
  },
  mediationsOfUser: (q: Q, countyId: string, userId: string) =>
    q
      .select({ m: mediations, link: mediationMediators })
      .from(mediationMediators)
      .innerJoin(
        mediations,
        and(
          eq(mediations.countyId, mediationMediators.countyId),
          eq(mediations.id, mediationMediators.mediationId),
        ),
      )
      .where(and(eq(mediationMediators.countyId, countyId), eq(mediationMediators.userId, userId)))
      .orderBy(desc(mediations.createdAt))
      .limit(200),

  // --- mediators on a mediation -----------------------------------------------------------------
  insertLink: (q: Q, row: MediatorLinkRow) => q.insert(mediationMediators).values(row).onConflictDoNothing(),
  links: (q: Q, countyId: string, mediationId: string) =>
    q
      .select()
      .from(mediationMediators)
      .where(and(eq(mediationMediators.countyId, countyId), eq(mediationMediators.mediationId, mediationId)))
      .orderBy(asc(mediationMediators.invitedAt)),
  updateLink: (q: Q, l: MediatorLinkRow, set: Partial<MediatorLinkRow>) =>
    q
      .update(mediationMediators)
      .set(set)
      .where(
        and(
          eq(mediationMediators.countyId, l.countyId),
          eq(mediationMediators.mediationId, l.mediationId),
          eq(mediationMediators.userId, l.userId),
        ),
      ),

  // --- the mediation's own timeline -------------------------------------------------------------
  async appendEvent(q: Q, e: Omit<EventRow, 'id'>) {
    const row = { ...e, id: uuidv7(e.at.getTime()) };
    await q.insert(mediationEvents).values(row);
    return row;
  },
  events: (q: Q, countyId: string, mediationId: string) =>
    q
      .select()
      .from(mediationEvents)
      .where(and(eq(mediationEvents.countyId, countyId), eq(mediationEvents.mediationId, mediationId)))
      .orderBy(asc(mediationEvents.at), asc(mediationEvents.id)),

  // --- sessions ---------------------------------------------------------------------------------
  insertSession: (q: Q, row: SessionRow) => q.insert(mediationSessions).values(row),
  async session(q: Q, countyId: string, id: string) {
    const [row] = await q
      .select()
      .from(mediationSessions)
      .where(and(eq(mediationSessions.countyId, countyId), eq(mediationSessions.id, id)));
    return row;
  },
  sessions: (q: Q, countyId: string, mediationId: string) =>
    q
      .select()
      .from(mediationSessions)
      .where(and(eq(mediationSessions.countyId, countyId), eq(mediationSessions.mediationId, mediationId)))
      .orderBy(asc(mediationSessions.scheduledAt)),
  updateSession: (q: Q, s: SessionRow, set: Partial<SessionRow>) =>
    q
      .update(mediationSessions)
      .set(set)
      .where(and(eq(mediationSessions.countyId, s.countyId), eq(mediationSessions.id, s.id))),
  insertParticipants: (q: Q, rows: ParticipantRow[]) =>
    rows.length ? q.insert(sessionParticipants).values(rows) : Promise.resolve(),
  participants: (q: Q, countyId: string, sessionId: string) =>
    q
      .select()
      .from(sessionParticipants)
      .where(and(eq(sessionParticipants.countyId, countyId), eq(sessionParticipants.sessionId, sessionId)))
      .orderBy(asc(sessionParticipants.invitedAt), asc(sessionParticipants.id)),
  async participantByToken(q: Q, tokenHash: string) {
    const [row] = await q
      .select()
      .from(sessionParticipants)
      .where(eq(sessionParticipants.tokenHash, tokenHash));
    return row;
  },
  updateParticipant: (q: Q, p: ParticipantRow, set: Partial<ParticipantRow>) =>
    q
      .update(sessionParticipants)
      .set(set)
      .where(and(eq(sessionParticipants.countyId, p.countyId), eq(sessionParticipants.id, p.id))),

  // --- reminders (a small outbox of their own) --------------------------------------------------
  insertReminders: (q: Q, rows: (typeof mediationReminders.$inferSelect)[]) =>
    rows.length ? q.insert(mediationReminders).values(rows) : Promise.resolve(),
  dueReminders: (tx: Tx, now: Date, limit: number) =>
    tx
      .select()
      .from(mediationReminders)
      .where(and(isNull(mediationReminders.sentAt), lte(mediationReminders.dueAt, now)))
      .orderBy(asc(mediationReminders.dueAt))
      .limit(limit)
      .for('update', { skipLocked: true }),
  markRemindersSent: (tx: Tx, ids: string[], now: Date) =>
    tx.update(mediationReminders).set({ sentAt: now }).where(inArray(mediationReminders.id, ids)),
  cancelReminders: (q: Q, countyId: string, sessionId: string, now: Date) =>
    q
      .update(mediationReminders)
      .set({ sentAt: now, body: sql`'[cancelled] ' || ${mediationReminders.body}` })
      .where(
        and(
          eq(mediationReminders.countyId, countyId),
          eq(mediationReminders.sessionId, sessionId),
          isNull(mediationReminders.sentAt),
        ),
      ),

  ...agreementsRepository,
};
