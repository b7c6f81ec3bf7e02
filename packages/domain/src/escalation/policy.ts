// What happens after a deadline passes, per colour: data an administrator may change. Steps are
// counted from the deadline on their own clock (DeadlineUnit); the supervision order carries its own
// time limit; each escalation moves the case one rung up (none past the county).

import type { Colour } from '../case/types.ts';
import type { DeadlineStage, DeadlineUnit } from '../time/deadlines.ts';

export interface Span {
  amount: number;
  unit: DeadlineUnit;
}

export interface EscalationPolicy {
  colour: Colour;
  /** warn when this fraction of the allowed time remains (0 = never warn) */
  dueSoonFraction: number;
  urgeAfter: Span | null;
  superviseAfter: Span | null;
  /** the time limit the supervision order sets, in working days */
  superviseWorkingDays: number;
  /** one escalation per entry, each one rung up */
  escalateAfter: readonly Span[];
  /** stages whose overdue deadline is urged, supervised and escalated; others only warn and mark */
  stages: readonly DeadlineStage[];
}

const wd = (amount: number): Span => ({ amount, unit: 'working_days' });
const ACT_STAGES: readonly DeadlineStage[] = ['accept', 'resolve'];

/** Defaults (decisions.md: red is escalated at once; green is settled on the spot, never escalated). */
export const defaultEscalationPolicies: readonly EscalationPolicy[] = Object.freeze([
  {
    colour: 'red',
    dueSoonFraction: 0.2,
    urgeAfter: { amount: 0, unit: 'minutes' },
    superviseAfter: { amount: 30, unit: 'minutes' },
    superviseWorkingDays: 1,
    escalateAfter: [
      { amount: 1, unit: 'hours' },
      { amount: 2, unit: 'hours' },
    ],
    stages: ACT_STAGES,
  },
  {
    colour: 'orange',
    dueSoonFraction: 0.2,
    urgeAfter: wd(0),
    superviseAfter: wd(2),
    superviseWorkingDays: 3,
    escalateAfter: [wd(5), wd(10)],
    stages: ACT_STAGES,
  },
  {
    colour: 'yellow',
    dueSoonFraction: 0.2,
    urgeAfter: wd(0),
    superviseAfter: wd(1),
    superviseWorkingDays: 2,
    escalateAfter: [wd(2), wd(4)],
    stages: ACT_STAGES,
  },
  {
    colour: 'green',
    dueSoonFraction: 0.2,
    urgeAfter: wd(0),
    superviseAfter: wd(1),
    superviseWorkingDays: 1,
    escalateAfter: [],
    stages: ACT_STAGES,
  },
] satisfies EscalationPolicy[]);

export function escalationPolicyFor(
  colour: Colour | null,
  policies: readonly EscalationPolicy[] = defaultEscalationPolicies,
): EscalationPolicy | undefined {
  // a case not yet coloured is treated as yellow, the ordinary complex case
  return policies.find((p) => p.colour === (colour ?? 'yellow'));
}

export interface EscalationPolicyIssue {
  /** index in the list; field names the property */
  index: number;
  field: string;
  message: string;
}

const SPAN_UNITS = ['minutes', 'hours', 'working_hours', 'working_days', 'calendar_days'];
const STAGES = ['accept', 'resolve', 'verify', 'callback', 'objection'];

/**
 * Checks an edited escalation ladder: one entry per colour, spans with a known unit and a whole
 * amount ≥ 0, at most three escalation steps, a supervision deadline of 1–30 working days, a
 * due-soon fraction in [0, 1). Empty list = no issues.
 */
export function validateEscalationPolicies(policies: readonly EscalationPolicy[]): EscalationPolicyIssue[] {
  const issues: EscalationPolicyIssue[] = [];
  const seen = new Set<string>();
  const badSpan = (s: Span | null | undefined) =>
    !!s && (!SPAN_UNITS.includes(s.unit) || !Number.isInteger(s.amount) || s.amount < 0 || s.amount > 10_000);
  policies.forEach((p, index) => {
    const bad = (field: string, message: string) => issues.push({ index, field, message });
    if (!['red', 'orange', 'yellow', 'green'].includes(p.colour))
      bad('colour', `unknown colour "${p.colour}"`);
    else if (seen.has(p.colour)) bad('colour', `colour ${p.colour} is defined twice`);
    seen.add(p.colour);
    if (!(p.dueSoonFraction >= 0 && p.dueSoonFraction < 1)) bad('dueSoonFraction', 'must be ≥ 0 and < 1');
    if (badSpan(p.urgeAfter)) bad('urgeAfter', 'invalid span');
    if (badSpan(p.superviseAfter)) bad('superviseAfter', 'invalid span');
    if (
      !Number.isInteger(p.superviseWorkingDays) ||
      p.superviseWorkingDays < 1 ||
      p.superviseWorkingDays > 30
    )
      bad('superviseWorkingDays', 'must be a whole number from 1 to 30');
    if (p.escalateAfter.length > 3) bad('escalateAfter', 'at most 3 steps (village → town → county)');
    p.escalateAfter.forEach((s, i) => {
      if (badSpan(s)) bad(`escalateAfter.${i}`, 'invalid span');
    });
    if (p.stages.some((s) => !STAGES.includes(s))) bad('stages', 'unknown stage');
  });
  return issues;
}
