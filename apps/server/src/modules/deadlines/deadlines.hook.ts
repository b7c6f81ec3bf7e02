import { type CaseEvent, type CaseState, planTimers, runningDeadline, stageOf } from '@hewei/domain';
import type { Tx } from '../../db/client.ts';
import type { AppDeps, CaseWriteHook } from '../../deps.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { deadlinesRepository as repo } from './deadlines.repository.ts';

/** The events that ask someone to act now; they reach that someone in-app, in the same transaction. */
const NOTIFY = new Set([
  'case.due_soon_warned',
  'case.overdue_marked',
  'case.urged',
  'case.supervised',
  'case.escalated',
]);

/**
 * Keeps case_timers equal to the plan of the case after every write, in the write's transaction;
 * records urges and supervision orders; notifies whoever must act.
 */
export function deadlineTimersHook(deps: Pick<AppDeps, 'calendar' | 'deadlinePolicies'>): CaseWriteHook {
  return async (tx, { before, after, event }) => {
    const moved =
      !before ||
      runningDeadline(before) !== runningDeadline(after) ||
      stageOf(before.status) !== stageOf(after.status);
    // the window of an unchanged deadline started earlier; its timers exist and are kept as they are
    const windowStart = new Date(moved ? event.at : after.createdAt);
    const plan = planTimers(after, windowStart, {
      calendar: deps.calendar,
      deadlinePolicies: deps.deadlinePolicies,
    });
    await repo.syncTimers(tx, after, plan);
    if (event.type === 'case.urged' || event.type === 'case.supervised')
      await repo.recordSupervision(tx, after, event);
    if (NOTIFY.has(event.type)) await notifyWhoMustAct(tx, after, event);
  };
}

async function notifyWhoMustAct(tx: Tx, s: CaseState, e: CaseEvent) {
  const departments = s.assignments
    .filter((a) => a.status === 'pending' || a.status === 'acknowledged' || a.status === 'objected')
    .map((a) => a.departmentId);
  const roles =
    e.type === 'case.escalated' || e.type === 'case.supervised'
      ? ['dispatcher', 'supervisor', 'leader']
      : ['dispatcher'];
  const payload = {
    caseId: s.id,
    trackingCode: s.trackingCode,
    status: s.status,
    actorRole: e.actor.role,
    at: e.at,
    ...pick(e.data, ['stage', 'deadline', 'dueAt', 'toRegionId']),
  };
  const at = new Date(e.at);
  const id = uuidv7(at.getTime());
  await repo.notifyWhoMustAct(
    tx,
    { countyId: s.countyId, caseId: s.id, kind: e.type, payload, at, id },
    departments,
    s.ownerRegionId,
    roles,
  );
}

function pick(d: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => d[k] !== undefined).map((k) => [k, d[k]]));
}
