import { shanghaiDate } from '@hewei/domain';
import { addDays, followUpDatesFor, followUpDueAt, type RiskLevel } from '@hewei/domain/risk/index.ts';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { followUpTasks, households } from '../../db/schema/index.ts';
import type { HouseholdRow, TaskRow } from './households.repository.ts';

/** How far ahead follow-up tasks exist; a job keeps the window moving. */
export const HORIZON_DAYS = 56;

/** The tasks of a household's current series between two local dates (ids are stable, so re-runs add nothing). */
export function followUpTasksFor(h: HouseholdRow, from: string, to: string, now: Date): TaskRow[] {
  return followUpDatesFor(h.riskLevel as RiskLevel, h.riskSince, from, to).map((dueDate) => ({
    countyId: h.countyId,
    id: `fu:${h.id}:${h.riskSince}:${h.riskLevel}:${dueDate}`,
    householdId: h.id,
    workerId: h.workerId,
    level: h.riskLevel,
    dueDate,
    dueAt: followUpDueAt(dueDate),
    status: 'open',
    visitId: null,
    doneAt: null,
    createdAt: now,
  }));
}

/** After a change of level: the new series from today, re-opening any of it voided earlier today. */
export async function scheduleFollowUps(tx: Tx, h: HouseholdRow, now: Date) {
  const today = shanghaiDate(now);
  const rows = followUpTasksFor(h, today, addDays(today, HORIZON_DAYS), now);
  if (!rows.length) return 0;
  await tx
    .insert(followUpTasks)
    .values(rows)
    .onConflictDoUpdate({
      target: [followUpTasks.countyId, followUpTasks.id],
      set: { status: 'open' },
      where: sql`${followUpTasks.status} = 'cancelled'`,
    });
  return rows.length;
}

/** The job: every household at risk has its tasks up to the horizon. Returns how many were added. */
export async function extendFollowUps(db: Db, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  const atRisk = await db.select().from(households).where(ne(households.riskLevel, 'safe'));
  let added = 0;
  for (const h of atRisk) {
    const rows = followUpTasksFor(h, today, addDays(today, HORIZON_DAYS), now);
    if (!rows.length) continue;
    const r = await db
      .insert(followUpTasks)
      .values(rows)
      .onConflictDoNothing()
      .returning({ id: followUpTasks.id });
    added += r.length;
  }
  return added;
}

/** A follow-up visit completes the task it names, or the household's earliest open one. */
export async function completeFollowUp(
  tx: Tx,
  p: { countyId: string; householdId: string; taskId?: string | null; visitId: string; at: Date },
) {
  const open = await tx
    .select()
    .from(followUpTasks)
    .where(
      and(
        eq(followUpTasks.countyId, p.countyId),
        eq(followUpTasks.householdId, p.householdId),
        eq(followUpTasks.status, 'open'),
      ),
    )
    .orderBy(followUpTasks.dueAt);
  const task = (p.taskId && open.find((t) => t.id === p.taskId)) || open[0];
  if (!task) return null;
  await tx
    .update(followUpTasks)
    .set({ status: 'done', visitId: p.visitId, doneAt: p.at })
    .where(and(eq(followUpTasks.countyId, p.countyId), eq(followUpTasks.id, task.id)));
  return task.id;
}
