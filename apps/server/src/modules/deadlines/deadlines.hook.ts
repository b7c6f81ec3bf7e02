import { type CaseEvent, type CaseState, planTimers, runningDeadline, stageOf } from '@hewei/domain';
import type { Tx } from '../../db/client.ts';
import type { AppDeps, CaseWriteHook } from '../../deps.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { batchRepository as batchRepo } from './deadlines.batch-repository.ts';
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
export function deadlineTimersHook(deps: Pick<AppDeps, 'calendar' | 'deadlinePolicies' | 'deadlines'>) {
  const planOf = (before: CaseState | null, after: CaseState, event: CaseEvent) => {
    const moved =
      !before ||
      runningDeadline(before) !== runningDeadline(after) ||
      stageOf(before.status) !== stageOf(after.status);
    // the window of an unchanged deadline started earlier; its timers exist and are kept as they are
    const windowStart = new Date(moved ? event.at : after.createdAt);
    return planTimers(after, windowStart, {
      calendar: deps.calendar,
      deadlinePolicies: deps.deadlinePolicies,
      escalationPolicies: deps.deadlines?.escalation(after.countyId),
    });
  };
  const hook: CaseWriteHook = async (tx, { before, after, event }) => {
    await repo.syncTimers(tx, after, planOf(before, after, event));
    if (event.type === 'case.urged' || event.type === 'case.supervised')
      await repo.recordSupervision(tx, after, event);
    if (NOTIFY.has(event.type)) await notifyWhoMustAct(tx, after, event);
  };
  /** The same for many changes (several may follow one another on a case), in a few statements. */
  const batch = async (tx: Tx, changes: Parameters<CaseWriteHook>[1][]) => {
    const chains = new Map<string, { before: CaseState | null; after: CaseState; event: CaseEvent }>();
    for (const c of changes) {
      const k = `${c.after.countyId}\t${c.after.id}`;
      const prev = chains.get(k);
      chains.set(k, { before: prev ? prev.before : c.before, after: c.after, event: c.event });
    }
    await batchRepo.syncTimersMany(
      tx,
      [...chains.values()].map((c) => ({ state: c.after, plan: planOf(c.before, c.after, c.event) })),
    );
    await batchRepo.recordSupervisions(
      tx,
      changes.filter((c) => c.event.type === 'case.urged' || c.event.type === 'case.supervised'),
    );
    await batchRepo.notifyMany(
      tx,
      changes.filter((c) => NOTIFY.has(c.event.type)).map((c) => noticeOf(c.after, c.event)),
    );
  };
  return Object.assign(hook, { batch });
}

/** Who must hear of an event, and what they are told. */
export function noticeOf(s: CaseState, e: CaseEvent) {
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
  return {
    id: uuidv7(at.getTime()),
    countyId: s.countyId,
    caseId: s.id,
    kind: e.type,
    payload,
    at,
    departments,
    regionId: s.ownerRegionId,
    roles,
  };
}

async function notifyWhoMustAct(tx: Tx, s: CaseState, e: CaseEvent) {
  const n = noticeOf(s, e);
  await repo.notifyWhoMustAct(tx, n, n.departments, n.regionId, n.roles);
}

function pick(d: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => d[k] !== undefined).map((k) => [k, d[k]]));
}
