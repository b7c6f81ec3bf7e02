// The mediation sweep: sends session reminders that have come due (claimed with SKIP LOCKED, so
// several instances never send one twice) and flags obligations past their due date as breached,
// telling the mediators (People's Mediation Law Art. 31: the committee supervises performance).
import { inArray } from 'drizzle-orm';
import { mediationMediators, mediations, notifications } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { REMINDER_PHONE_PURPOSE } from '../../lib/pii/columns.ts';
import { mediationRepository as repo } from './mediation.repository.ts';

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export async function mediationSweep(
  deps: AppDeps,
  batch = 200,
): Promise<{ reminders: number; breaches: number }> {
  const now = deps.clock.now();
  // claimed and marked in one transaction; the SMS gateway is called after the commit
  const due = await deps.db.transaction(async (tx) => {
    const due = await repo.dueReminders(tx, now, batch);
    for (const r of due) {
      if (r.userId)
        await tx.insert(notifications).values({
          id: uuidv7(now.getTime()),
          countyId: r.countyId,
          userId: r.userId,
          caseId: null,
          kind: 'mediation.session_reminder',
          payload: { mediationId: r.mediationId, sessionId: r.sessionId, body: r.body },
          createdAt: now,
        });
    }
    if (due.length)
      await repo.markRemindersSent(
        tx,
        due.map((r) => r.id),
        now,
      );
    return due;
  });
  for (const r of due)
    if (r.phone)
      await deps.sms.send(
        {
          phone: deps.pii.open(r.phone, REMINDER_PHONE_PURPOSE)!,
          body: r.body,
          purpose: 'mediation.session_reminder',
        },
        now,
      );
  const reminders = due.length;

  const breaches = await deps.db.transaction(async (tx) => {
    const overdue = await repo.overduePerformance(tx, shanghaiDate(now), batch);
    if (!overdue.length) return 0;
    const ids = [...new Set(overdue.map((p) => p.mediationId))];
    const links = await tx
      .select()
      .from(mediationMediators)
      .where(inArray(mediationMediators.mediationId, ids));
    const ms = await tx.select().from(mediations).where(inArray(mediations.id, ids));
    for (const p of overdue) {
      await repo.updatePerformance(tx, p, { status: 'breached', flaggedAt: now });
      await repo.appendEvent(tx, {
        countyId: p.countyId,
        mediationId: p.mediationId,
        at: now,
        type: 'performance.breached',
        actorId: 'system',
        actorRole: 'system',
        actorName: '系统',
        sessionId: null,
        data: { agreementId: p.agreementId, termId: p.termId, instalment: p.instalment, dueDate: p.dueDate },
      });
      const caseId = ms.find((m) => m.id === p.mediationId && m.countyId === p.countyId)?.caseId ?? null;
      const to = links.filter(
        (l) => l.countyId === p.countyId && l.mediationId === p.mediationId && l.status === 'accepted',
      );
      if (to.length)
        await tx.insert(notifications).values(
          to.map((l) => ({
            id: uuidv7(now.getTime()),
            countyId: p.countyId,
            userId: l.userId,
            caseId,
            kind: 'mediation.performance_breached',
            payload: {
              mediationId: p.mediationId,
              agreementId: p.agreementId,
              termId: p.termId,
              instalment: p.instalment,
              dueDate: p.dueDate,
            },
            createdAt: now,
          })),
        );
    }
    return overdue.length;
  });
  return { reminders, breaches };
}
