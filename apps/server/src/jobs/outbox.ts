import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { caseParties, cases, notifications, outbox, users } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { uuidv7 } from '../lib/ids.ts';
import { PARTY_PURPOSE } from '../lib/pii/columns.ts';
import { notificationsRepository } from '../modules/notifications/notifications.repository.ts';
import { RESIDENT_TEMPLATES, residentText } from '../modules/notifications/notifications.templates.ts';
import { enqueueWebhooks } from '../modules/webhooks/webhooks.service.ts';

type Message = typeof outbox.$inferSelect;

// staff hear of work as it arrives; residents by SMS, from the templates, unless they opted out
const TO_DEPARTMENTS = new Set(['case.dispatched', 'case.redispatched', 'case.published_to_pool']);

const LEASE_MS = 60_000;

/**
 * Delivers what transitions left in the outbox: SMS to the resident, in-app notices to staff.
 * A batch is claimed with SKIP LOCKED and leased (available_at moves on), so several instances
 * never take the same rows; each message is then delivered and marked sent. A crash between the
 * two re-delivers after the lease: at least once, never lost.
 */
export async function drainOutbox(deps: AppDeps, batch = 100): Promise<number> {
  const now = deps.clock.now();
  const rows = await deps.db.transaction(async (tx) => {
    const claimed = await tx
      .select()
      .from(outbox)
      .where(and(isNull(outbox.sentAt), lte(outbox.availableAt, now)))
      .orderBy(asc(outbox.availableAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    if (claimed.length)
      await tx
        .update(outbox)
        .set({ availableAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${outbox.attempts} + 1` })
        .where(
          inArray(
            outbox.id,
            claimed.map((r) => r.id),
          ),
        );
    // webhooks fan out as the messages are claimed, whatever becomes of the SMS (once per message)
    await enqueueWebhooks(tx, claimed, now);
    return claimed;
  });
  for (const m of rows) {
    const mark = and(eq(outbox.countyId, m.countyId), eq(outbox.id, m.id));
    try {
      const notices = await deliver(deps, m, now);
      await deps.db.transaction(async (tx) => {
        await notify(tx, m, notices, now);
        await tx.update(outbox).set({ sentAt: now, lastError: null }).where(mark);
      });
    } catch (e) {
      await deps.db
        .update(outbox)
        .set({ lastError: String(e).slice(0, 500) })
        .where(mark);
    }
  }
  return rows.length;
}

/** Sends the resident's SMS; returns who on the staff (or the resident in-app) hears of it. */
async function deliver(deps: AppDeps, m: Message, now: Date): Promise<string[]> {
  const q = deps.db;
  const out: string[] = [];
  if (!m.caseId) return out;
  const p = m.payload as { trackingCode: string; status: string };
  if (RESIDENT_TEMPLATES[m.topic]) {
    const [applicant] = await q
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
    const phone = deps.pii.open(applicant?.phone ?? null, PARTY_PURPOSE.phone);
    if (phone && !(await notificationsRepository.optedOut(q, m.countyId, deps.pii.blind('phone', phone)))) {
      const department = m.topic === 'case.dispatched' ? await leadDepartmentName(q, deps, m) : undefined;
      const body = residentText(m.topic, 'zh-CN', { code: p.trackingCode, department })!;
      await deps.sms.send({ phone, body, purpose: m.topic }, now);
    }
    const [c] = await q
      .select({ applicantUserId: cases.applicantUserId })
      .from(cases)
      .where(and(eq(cases.countyId, m.countyId), eq(cases.id, m.caseId)));
    if (c?.applicantUserId) out.push(c.applicantUserId);
  }
  if (TO_DEPARTMENTS.has(m.topic)) {
    const depts = await q.execute<{ department_id: string }>(
      sql`select department_id from assignments where county_id = ${m.countyId} and case_id = ${m.caseId} and status = 'pending'
          union select unnest(pool_department_ids) from cases where county_id = ${m.countyId} and id = ${m.caseId}`,
    );
    const ids = depts.rows.map((r) => r.department_id);
    if (ids.length) {
      const handlers = await q.select({ id: users.id }).from(users).where(inArray(users.departmentId, ids));
      out.push(...handlers.map((h) => h.id));
    }
  }
  return out;
}

async function leadDepartmentName(q: AppDeps['db'], deps: AppDeps, m: Message) {
  const r = await q.execute<{ department_id: string }>(
    sql`select department_id from assignments where county_id = ${m.countyId} and case_id = ${m.caseId} and role = 'lead' order by position desc limit 1`,
  );
  const id = r.rows[0]?.department_id;
  return id ? deps.org.department(id)?.name : undefined;
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
