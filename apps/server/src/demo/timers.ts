import {
  applySystemTransition,
  type CaseEvent,
  type CaseState,
  escalationPolicyFor,
  HeweiError,
  planTimers,
  runningDeadline,
  stageOf,
  timerAction,
  type WorkingCalendar,
} from '@hewei/domain';
import type { SeedTimer } from '../modules/deadlines/seed-timers.ts';

export interface TimedCase {
  state: CaseState;
  events: CaseEvent[];
  timers: SeedTimer[];
  /** urges and supervision orders the timers gave, with the state they produced */
  supervisions: { state: CaseState; event: CaseEvent }[];
}

/**
 * What the deadlines hook does after every case write, in memory: the pending timers become the
 * plan of the case (a pending timer still planned keeps its fire time, fired ones stay). Returns
 * the timers added, for the simulation to schedule.
 */
export function syncTimers(
  c: TimedCase,
  before: CaseState | null,
  event: CaseEvent,
  calendar: WorkingCalendar,
): SeedTimer[] {
  const after = c.state;
  const moved =
    !before ||
    runningDeadline(before) !== runningDeadline(after) ||
    stageOf(before.status) !== stageOf(after.status);
  const plan = planTimers(after, new Date(moved ? event.at : after.createdAt), { calendar });
  const planned = new Set(plan.map((t) => t.key));
  c.timers = c.timers.filter((t) => t.firedAt !== null || planned.has(t.key));
  const have = new Set(c.timers.map((t) => t.key));
  const added = plan
    .filter((t) => !have.has(t.key))
    .map((t) => ({ ...t, firedAt: null, outcome: null, eventSeq: null }));
  c.timers.push(...added);
  return added;
}

/**
 * A due timer fires as the deadlines job fires it: through the lifecycle as the system, or
 * skipped with the rule that refused it. Returns the write (for the hook's re-sync), or null.
 */
export function fireTimer(
  c: TimedCase,
  t: SeedTimer,
  ctx: { calendar: WorkingCalendar; newId: () => string },
): { before: CaseState; event: CaseEvent } | null {
  if (t.firedAt || !c.timers.includes(t)) return null;
  const before = c.state;
  const now = t.fireAt;
  const { action, payload } = timerAction(t, escalationPolicyFor(before.colour));
  t.firedAt = now;
  try {
    const r = applySystemTransition(before, action, payload, {
      now,
      calendar: ctx.calendar,
      newId: ctx.newId,
    });
    t.outcome = 'fired';
    t.eventSeq = r.state.version;
    c.state = r.state;
    c.events.push(r.event);
    if (r.event.type === 'case.urged' || r.event.type === 'case.supervised')
      c.supervisions.push({ state: r.state, event: r.event });
    return { before, event: r.event };
  } catch (e) {
    if (!(e instanceof HeweiError) || e.status >= 500) throw e;
    t.outcome = `skipped:${e.rule ?? e.code}`;
    return null;
  }
}
