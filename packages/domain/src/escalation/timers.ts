// The timers a case needs now, as a pure function of its state: the server keeps its case_timers
// rows equal to this plan on every write. A timer's key names the deadline it belongs to, so a
// changed deadline (extension, next stage) makes new timers and one that fired never fires again.

import { type PolicyContext, policyForCase } from '../case/deadline-policy.ts';
import { runningDeadline } from '../case/deadlines.ts';
import type { CaseState, CaseStatus } from '../case/types.ts';
import type { WorkingCalendar } from '../time/calendar.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time/days.ts';
import { clockOfUnit, type DeadlineStage, defaultDeadlinePolicies } from '../time/deadlines.ts';
import { type EscalationPolicy, escalationPolicyFor, type Span } from './policy.ts';

export const TIMER_KINDS = ['due_soon', 'overdue', 'urge', 'supervise', 'escalate'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export interface PlannedTimer {
  key: string;
  kind: TimerKind;
  /** order among timers firing at the same instant */
  ord: number;
  fireAt: Date;
  stage: DeadlineStage;
  deadline: string;
  step: number;
}

export function stageOf(status: CaseStatus): DeadlineStage | null {
  if (status === 'submitted') return 'accept';
  if (status === 'resolved') return 'verify';
  if (status === 'verified') return 'callback';
  if (
    [
      'accepted',
      'triaged',
      'in_pool',
      'dispatched',
      'objected',
      'in_progress',
      'extension_requested',
    ].includes(status)
  )
    return 'resolve';
  return null;
}

export function addSpan(from: Date, span: Span, calendar: WorkingCalendar): Date {
  const t = from.getTime();
  switch (span.unit) {
    case 'minutes':
      return new Date(t + span.amount * MINUTE_MS);
    case 'hours':
      return new Date(t + span.amount * HOUR_MS);
    case 'calendar_days':
      return new Date(t + span.amount * DAY_MS);
    case 'working_hours':
      return calendar.addWorkingHours(from, span.amount);
    case 'working_days':
      return calendar.addWorkingDays(from, span.amount);
  }
}

export interface PlanContext extends PolicyContext {
  escalationPolicies?: readonly EscalationPolicy[];
}

/**
 * The pending timers of a case whose running deadline started at `windowStart` (the instant the
 * deadline was set; it places the due-soon warning in the last fraction of the allowed time).
 */
export function planTimers(state: CaseState, windowStart: Date, ctx: PlanContext): PlannedTimer[] {
  const deadline = runningDeadline(state);
  const stage = stageOf(state.status);
  if (state.closedAt || !deadline || !stage) return [];
  const policy = escalationPolicyFor(state.colour, ctx.escalationPolicies);
  if (!policy) return [];
  const cal = ctx.calendar;
  const D = new Date(deadline);
  const out: PlannedTimer[] = [];
  const add = (kind: TimerKind, fireAt: Date, step = 0) => {
    out.push({
      key: `${kind}:${stage}:${deadline}:${step}`,
      kind,
      ord: TIMER_KINDS.indexOf(kind) * 10 + step,
      fireAt,
      stage,
      deadline,
      step,
    });
  };

  if (policy.dueSoonFraction > 0 && windowStart < D) {
    const working = clockOf(state, stage, ctx) === 'working';
    const allowed = working ? cal.workingMsBetween(windowStart, D) : D.getTime() - windowStart.getTime();
    const used = allowed * (1 - policy.dueSoonFraction);
    add('due_soon', working ? cal.addWorkingMs(windowStart, used) : new Date(windowStart.getTime() + used));
  }
  add('overdue', D);
  if (policy.stages.includes(stage)) {
    if (policy.urgeAfter) add('urge', addSpan(D, policy.urgeAfter, cal));
    if (policy.superviseAfter) add('supervise', addSpan(D, policy.superviseAfter, cal));
    for (const [i, span] of policy.escalateAfter.entries()) add('escalate', addSpan(D, span, cal), i + 1);
  }
  return out;
}

function clockOf(state: CaseState, stage: DeadlineStage, ctx: PolicyContext) {
  if (!state.colour) return 'working';
  const policies = ctx.deadlinePolicies?.(state.countyId) ?? defaultDeadlinePolicies;
  const p = policyForCase(stage, { ...state, colour: state.colour }, policies);
  return p ? clockOfUnit(p.unit) : 'working';
}

/** What a timer asks of the lifecycle when it fires. */
export function timerAction(t: Pick<PlannedTimer, 'kind' | 'stage' | 'deadline'>, policy?: EscalationPolicy) {
  switch (t.kind) {
    case 'due_soon':
      return { action: 'warnDueSoon' as const, payload: { stage: t.stage, deadline: t.deadline } };
    case 'overdue':
      return { action: 'markOverdue' as const, payload: { stage: t.stage, deadline: t.deadline } };
    case 'urge':
      return { action: 'urge' as const, payload: { reason: '已超过办理时限，系统自动催办' } };
    case 'supervise':
      return {
        action: 'supervise' as const,
        payload: { reason: '超期未办结，系统自动督办', workingDays: policy?.superviseWorkingDays ?? 2 },
      };
    case 'escalate':
      return { action: 'escalate' as const, payload: { reason: '超期未办结，系统自动逐级上报' } };
  }
}
