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
