// Deadline policies: data an administrator can change, and the pure functions that turn a policy and a
// start instant into a deadline, and a deadline and "now" into a due state. Defaults: decisions.md "Time".

import { HeweiError, ruleViolation } from '../errors.ts';
import type { WorkingCalendar } from './calendar.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './days.ts';
import type { HolidayCoverage } from './holiday-table.ts';

export type DeadlineColour = 'red' | 'orange' | 'yellow' | 'green';
/** accept: a center takes the case in; resolve: result reported; verify: on-site verification after the
 * result; callback: call the applicant back after verification; objection: window after dispatch in which a
 * department may contest the assignment. */
export type DeadlineStage = 'accept' | 'resolve' | 'verify' | 'callback' | 'objection';
/** minutes, hours and calendar_days run on the wall clock; working_hours and working_days on the calendar. */
export type DeadlineUnit = 'minutes' | 'hours' | 'working_hours' | 'working_days' | 'calendar_days';
export type DeadlineClock = 'calendar' | 'working';

export const DEADLINE_COLOURS: readonly DeadlineColour[] = ['red', 'orange', 'yellow', 'green'];
export const DEADLINE_STAGES: readonly DeadlineStage[] = [
  'accept',
  'resolve',
  'verify',
  'callback',
  'objection',
];
export const DEADLINE_UNITS: readonly DeadlineUnit[] = [
  'minutes',
  'hours',
  'working_hours',
  'working_days',
  'calendar_days',
];

export interface DeadlinePolicy {
  colour: DeadlineColour;
  /** Only for cases of this category. */
  categoryCode?: string;
  /** Only for cases in exactly this region (no inheritance down the region tree). */
  regionId?: string;
  stage: DeadlineStage;
  /**
   * How long. For the orange 'resolve' stage this is the CEILING on the dispatcher's commitment (in
   * working_days): the deadline itself is the committed number of working days.
   */
  amount: number;
  unit: DeadlineUnit;
}

export function clockOfUnit(unit: DeadlineUnit): DeadlineClock {
  return unit === 'working_hours' || unit === 'working_days' ? 'working' : 'calendar';
}

const everyColour = (stage: DeadlineStage, amount: number, unit: DeadlineUnit): DeadlinePolicy[] =>
  DEADLINE_COLOURS.map((colour) => ({ colour, stage, amount, unit }));

/** decisions.md "Time": the defaults until administrators change them. */
export const defaultDeadlinePolicies: readonly DeadlinePolicy[] = Object.freeze([
  { colour: 'red', stage: 'accept', amount: 30, unit: 'minutes' },
  { colour: 'red', stage: 'resolve', amount: 24, unit: 'hours' },
  { colour: 'green', stage: 'resolve', amount: 1, unit: 'working_days' },
  { colour: 'yellow', stage: 'resolve', amount: 10, unit: 'working_days' },
  { colour: 'orange', stage: 'resolve', amount: 60, unit: 'working_days' },
  ...everyColour('verify', 2, 'working_days'),
  ...everyColour('callback', 3, 'working_days'),
  ...everyColour('objection', 8, 'working_hours'),
] satisfies DeadlinePolicy[]);

export interface DeadlineRequest {
  stage: DeadlineStage;
  colour: DeadlineColour;
  categoryCode?: string;
  regionId?: string;
  /** The instant the clock starts: intake (accept, resolve), dispatch (objection), result (verify),
   * verification (callback). */
  from: Date;
  /** Orange 'resolve' only: the working days the dispatcher commits to (1..policy ceiling). */
  committedWorkingDays?: number;
}

export interface DeadlineResult {
  start: Date;
  deadline: Date;
  clock: DeadlineClock;
  /** The policy that applied (after overrides). */
  policy: DeadlinePolicy;
  /** The amount actually applied (the commitment, for orange 'resolve'). */
  amount: number;
  /**
   * 'unpublished' when the deadline runs on working time through a year whose holiday arrangement is not
   * known, so it was counted on weekends only: a fallback the interface should flag. Calendar-clock
   * deadlines do not depend on holidays and are always 'published'.
   */
  coverage: HolidayCoverage;
}

type PolicyKey = Pick<DeadlineRequest, 'stage' | 'colour' | 'categoryCode' | 'regionId'>;

/**
 * The policy for a request: region+category > category > region > colour default. Among equally specific
 * policies the later one in the list wins (so an appended override replaces an earlier one);
 * validateDeadlinePolicies reports such duplicates.
 */
export function resolveDeadlinePolicy(
  request: PolicyKey,
  policies: readonly DeadlinePolicy[],
): DeadlinePolicy | undefined {
  let best: DeadlinePolicy | undefined;
  let bestRank = -1;
  for (const p of policies) {
    if (p.stage !== request.stage || p.colour !== request.colour) continue;
    let rank = 0;
    if (p.categoryCode !== undefined) {
      if (p.categoryCode !== request.categoryCode) continue;
      rank += 2;
    }
    if (p.regionId !== undefined) {
      if (p.regionId !== request.regionId) continue;
      rank += 1;
    }
    if (rank >= bestRank) {
      best = p;
      bestRank = rank;
    }
  }
  return best;
}

function policyProblem(p: DeadlinePolicy): string | undefined {
  if (!DEADLINE_UNITS.includes(p.unit)) return `unknown unit "${String(p.unit)}"`;
  if (typeof p.amount !== 'number' || !Number.isFinite(p.amount) || p.amount < 0) {
    return `amount must be a number >= 0, got ${String(p.amount)}`;
  }
  if (p.unit === 'working_days' && !Number.isInteger(p.amount)) return 'working_days must be a whole number';
  if (p.colour === 'orange' && p.stage === 'resolve' && p.unit !== 'working_days') {
    return 'the orange resolve ceiling must be in working_days';
  }
  return undefined;
}

function describePolicy(p: PolicyKey): string {
  const scope = [p.categoryCode && `category ${p.categoryCode}`, p.regionId && `region ${p.regionId}`]
    .filter(Boolean)
    .join(', ');
  return `${p.colour}/${p.stage}${scope ? ` (${scope})` : ''}`;
}

/** computeDeadline, with the policy applied, the clock and the holiday coverage of the span. */
export function computeDeadlineDetailed(
  request: DeadlineRequest,
  policies: readonly DeadlinePolicy[],
  calendar: WorkingCalendar,
): DeadlineResult {
  const from = request.from;
  if (!(from instanceof Date) || Number.isNaN(from.getTime())) {
    throw new HeweiError('VALIDATION_FAILED', { field: 'from', rule: 'INVALID_INSTANT' });
  }
  const policy = resolveDeadlinePolicy(request, policies);
  if (policy === undefined) {
    throw ruleViolation('NO_DEADLINE_POLICY', { colour: request.colour, stage: request.stage });
  }
  const problem = policyProblem(policy);
  if (problem !== undefined) {
    throw new HeweiError('VALIDATION_FAILED', {
      field: 'policies',
      rule: 'INVALID_DEADLINE_POLICY',
      detail: `Deadline policy ${describePolicy(policy)}: ${problem}`,
    });
  }

  let amount = policy.amount;
  if (policy.colour === 'orange' && policy.stage === 'resolve') {
    const committed = request.committedWorkingDays;
    if (committed === undefined) {
      throw ruleViolation('ORANGE_NEEDS_COMMITMENT', { max: policy.amount });
    }
    if (typeof committed !== 'number' || !Number.isInteger(committed) || committed < 1) {
      throw new HeweiError('VALIDATION_FAILED', {
        field: 'committedWorkingDays',
        rule: 'INVALID_COMMITMENT',
        detail: `The commitment must be a whole number of working days >= 1, got ${String(committed)}`,
      });
    }
    if (committed > policy.amount) {
      throw ruleViolation('COMMITMENT_TOO_LONG', { max: policy.amount, committed });
    }
    amount = committed;
  }

  const t = from.getTime();
  let deadline: Date;
  switch (policy.unit) {
    case 'minutes':
      deadline = new Date(t + Math.round(amount * MINUTE_MS));
      break;
    case 'hours':
      deadline = new Date(t + Math.round(amount * HOUR_MS));
      break;
    case 'calendar_days':
      // Fixed-offset zone (no DST in China): a calendar day is always 24 hours.
      deadline = new Date(t + Math.round(amount * DAY_MS));
      break;
    case 'working_hours':
      deadline = calendar.addWorkingHours(from, amount);
      break;
    case 'working_days':
      deadline = calendar.addWorkingDays(from, amount);
      break;
  }
  const clock = clockOfUnit(policy.unit);
  const coverage: HolidayCoverage =
    clock === 'working' ? calendar.coverageBetween(from, deadline) : 'published';
  return { start: new Date(t), deadline, clock, policy, amount, coverage };
}

/**
 * The deadline for a stage of a case. Refusals are HeweiError with a rule: RULE_VIOLATION
 * NO_DEADLINE_POLICY, ORANGE_NEEDS_COMMITMENT, COMMITMENT_TOO_LONG { max, committed } (an orange commitment
 * above the ceiling, 60 working days by default); VALIDATION_FAILED INVALID_COMMITMENT,
 * INVALID_DEADLINE_POLICY, INVALID_INSTANT.
 */
export function computeDeadline(
  request: DeadlineRequest,
  policies: readonly DeadlinePolicy[],
  calendar: WorkingCalendar,
): Date {
  return computeDeadlineDetailed(request, policies, calendar).deadline;
}

export type DueState = 'on_time' | 'due_soon' | 'overdue';

/** A deadline with the instant its clock started and the clock it runs on (a DeadlineResult is one). */
export interface DeadlineWindow {
  start: Date;
  deadline: Date;
  clock: DeadlineClock;
}

/** Due soon = in the last 20 % of the time allowed. */
export const DEFAULT_DUE_SOON_FRACTION = 0.2;
/** When only the deadline is known (no start): due soon = the last 4 working hours. */
export const DEFAULT_DUE_SOON_WORKING_HOURS = 4;

/**
 * - 'overdue' once `now` is strictly after the deadline (at the deadline instant itself it is not overdue).
 * - 'due_soon' when what remains is at most `dueSoonFraction` (default 20 %) of what was allowed, both
 *   measured on the deadline's own clock (working time for working units, wall-clock time otherwise).
 *   Pass a DeadlineWindow (e.g. the result of computeDeadlineDetailed) for this rule.
 * - With a bare Date the allowed time is unknown: 'due_soon' when at most 4 working hours remain.
 * - otherwise 'on_time'.
 */
export function dueState(
  deadline: Date | DeadlineWindow,
  now: Date,
  calendar: WorkingCalendar,
  dueSoonFraction: number = DEFAULT_DUE_SOON_FRACTION,
): DueState {
  if (!(dueSoonFraction >= 0 && dueSoonFraction <= 1)) {
    throw new HeweiError('VALIDATION_FAILED', { field: 'dueSoonFraction', rule: 'INVALID_AMOUNT' });
  }
  const end = deadline instanceof Date ? deadline : deadline.deadline;
  if (now.getTime() > end.getTime()) return 'overdue';
  if (deadline instanceof Date) {
    return calendar.workingMsBetween(now, end) <= DEFAULT_DUE_SOON_WORKING_HOURS * HOUR_MS
      ? 'due_soon'
      : 'on_time';
  }
  const working = deadline.clock === 'working';
  const allowed = working
    ? calendar.workingMsBetween(deadline.start, end)
    : end.getTime() - deadline.start.getTime();
  const remaining = working ? calendar.workingMsBetween(now, end) : end.getTime() - now.getTime();
  return remaining <= dueSoonFraction * allowed ? 'due_soon' : 'on_time';
}

export type DeadlinePolicyIssueCode =
  | 'unknown_colour'
  | 'unknown_stage'
  | 'invalid_policy'
  | 'duplicate_policy'
  | 'missing_default';

export interface DeadlinePolicyIssue {
  severity: 'error' | 'warning';
  code: DeadlinePolicyIssueCode;
  /** Index in the list, when the issue is about one entry. */
  index?: number;
  message: string;
}

/**
 * Checks an edited policy list: unknown colours, stages or units, bad amounts, two policies for the same
 * scope (the later wins; reported as a warning), and colour/stage pairs without a default that the defaults
 * cover (reported as a warning: computeDeadline would refuse with NO_DEADLINE_POLICY).
 */
export function validateDeadlinePolicies(policies: readonly DeadlinePolicy[]): DeadlinePolicyIssue[] {
  const issues: DeadlinePolicyIssue[] = [];
  const scopes = new Map<string, number>();
  policies.forEach((p, index) => {
    if (!DEADLINE_COLOURS.includes(p.colour)) {
      issues.push({
        severity: 'error',
        code: 'unknown_colour',
        index,
        message: `unknown colour "${p.colour}"`,
      });
      return;
    }
    if (!DEADLINE_STAGES.includes(p.stage)) {
      issues.push({ severity: 'error', code: 'unknown_stage', index, message: `unknown stage "${p.stage}"` });
      return;
    }
    const problem = policyProblem(p);
    if (problem !== undefined) {
      issues.push({
        severity: 'error',
        code: 'invalid_policy',
        index,
        message: `${describePolicy(p)}: ${problem}`,
      });
    }
    const key = `${p.colour}|${p.stage}|${p.categoryCode ?? ''}|${p.regionId ?? ''}`;
    const earlier = scopes.get(key);
    if (earlier !== undefined) {
      issues.push({
        severity: 'warning',
        code: 'duplicate_policy',
        index,
        message: `${describePolicy(p)} is defined again (entries ${earlier} and ${index}); the later one applies`,
      });
    }
    scopes.set(key, index);
  });
  for (const d of defaultDeadlinePolicies) {
    if (!scopes.has(`${d.colour}|${d.stage}||`)) {
      issues.push({
        severity: 'warning',
        code: 'missing_default',
        message: `no colour default for ${describePolicy(d)}; cases outside any override will have no deadline`,
      });
    }
  }
  return issues;
}
