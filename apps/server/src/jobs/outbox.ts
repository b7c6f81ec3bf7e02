import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { caseParties, cases, notifications, outbox, users } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { uuidv7 } from '../lib/ids.ts';

type Message = typeof outbox.$inferSelect;

const RESIDENT_TEXT: Record<string, (code: string) => string> = {
  'case.accepted': (c) => `【和为贵】您的诉求（编号${c}）已受理，我们将尽快办理。`,
  'case.rejected': (c) => `【和为贵】您的诉求（编号${c}）未予受理，原因可凭编号查询。`,
  'case.result_reported': (c) => `【和为贵】您的诉求（编号${c}）已办理完毕，稍后将向您回访。`,
  'case.resolved_on_spot': (c) => `【和为贵】您的诉求（编号${c}）已当场办结，稍后将向您回访。`,
  'case.closed': (c) => `【和为贵】您的诉求（编号${c}）已办结，感谢您的支持。`,
};
const TO_DEPARTMENTS = new Set(['case.dispatched', 'case.redispatched', 'case.published_to_pool']);

/**
 * Delivers what transitions left in the outbox: SMS to the resident, in-app notices to staff.
 * Rows are claimed with SKIP LOCKED, so several instances never deliver one message twice.
 */
export async function drainOutbox(deps: AppDeps, batch = 100): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(and(isNull(outbox.sentAt), lte(outbox.availableAt, now)))
      .orderBy(asc(outbox.availableAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    for (const m of rows) await deliver(tx, deps, m, now);
    if (rows.length)
      await tx
        .update(outbox)
        .set({ sentAt: now, attempts: sql`${outbox.attempts} + 1` })
        .where(
          and(
            inArray(
              outbox.id,
              rows.map((r) => r.id),
            ),
            isNull(outbox.sentAt),
          ),
        );
    return rows.length;
  });
}

async function deliver(tx: Tx, deps: AppDeps, m: Message, now: Date) {
  if (!m.caseId) return;
  const p = m.payload as { trackingCode: string; status: string };
  const text = RESIDENT_TEXT[m.topic];
  if (text) {
    const [applicant] = await tx
      .select({ phone: caseParties.phone })
      .from(caseParties)
      .where(
        and(
          eq(caseParties.countyId, m.countyId),
          eq(caseParties.caseId, m.caseId),
          eq(caseParties.role, 'applicant'),
        ),
      )
      .limit(1);
    if (applicant?.phone)
      await deps.sms.send({ phone: applicant.phone, body: text(p.trackingCode), purpose: m.topic }, now);
    const [c] = await tx
      .select({ applicantUserId: cases.applicantUserId })
      .from(cases)
      .where(and(eq(cases.countyId, m.countyId), eq(cases.id, m.caseId)));
    if (c?.applicantUserId) await notify(tx, m, [c.applicantUserId], now);
  }
  if (TO_DEPARTMENTS.has(m.topic)) {
    const depts = await tx.execute<{ department_id: string }>(
      sql`select department_id from assignments where county_id = ${m.countyId} and case_id = ${m.caseId} and status = 'pending'
          union select unnest(pool_department_ids) from cases where county_id = ${m.countyId} and id = ${m.caseId}`,
    );
    const ids = depts.rows.map((r) => r.department_id);
    if (ids.length) {
      const handlers = await tx.select({ id: users.id }).from(users).where(inArray(users.departmentId, ids));
      await notify(
        tx,
        m,
        handlers.map((h) => h.id),
        now,
      );
    }
  }
}

async function notify(tx: Tx, m: Message, userIds: string[], now: Date) {
  if (!userIds.length) return;
  await tx.insert(notifications).values(
    userIds.map((userId) => ({
      id: uuidv7(now.getTime()),
      countyId: m.countyId,
      userId,
      caseId: m.caseId,
      kind: m.topic,
      payload: m.payload,
      createdAt: now,
    })),
  );
}
