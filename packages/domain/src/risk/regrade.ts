// Changing a household's level. Every change names its reason; raising may jump any number of
// levels at once, while lowering goes one level at a time and only after a follow-up visit since
// the last change, so a family is stepped down on evidence, not on paper.

import { HeweiError } from '../errors.ts';
import { RISK_LEVELS, type RiskLevel, riskRank } from './levels.ts';

export interface RegradeInput {
  from: RiskLevel;
  to: RiskLevel;
  reason: string;
  /** follow-up visits recorded since the level was last set */
  visitsSinceLastChange: number;
}

export type RegradeDirection = 'raise' | 'lower';

/** Checks a change of level; returns its direction or throws a coded error naming the rule. */
export function checkRegrade(input: RegradeInput): RegradeDirection {
  const { from, to } = input;
  if (!input.reason || input.reason.trim().length === 0)
    throw new HeweiError('VALIDATION_FAILED', { field: 'reason', rule: 'RISK_REASON_REQUIRED' });
  const d = riskRank(to) - riskRank(from);
  if (d === 0) throw new HeweiError('RULE_VIOLATION', { rule: 'RISK_LEVEL_UNCHANGED' });
  if (d > 0) return 'raise';
  if (d < -1)
    throw new HeweiError('RULE_VIOLATION', {
      rule: 'RISK_LOWER_ONE_STEP',
      params: { next: RISK_LEVELS[riskRank(from) - 1] },
    });
  if (input.visitsSinceLastChange < 1)
    throw new HeweiError('RULE_VIOLATION', { rule: 'RISK_LOWER_NEEDS_VISIT' });
  return 'lower';
}

export interface IncidentFacts {
  /** the case is a dispute, a complaint … */
  kind: string;
  urgent: boolean;
  /** the case's colour once triaged, if known */
  colour?: string | null;
}

/**
 * A new incident involving the household prompts re-grading: the level the register suggests
 * (never lower than today's). A person decides and gives the reason; nothing changes by itself.
 */
export function suggestedLevelAfterIncident(current: RiskLevel, incident: IncidentFacts): RiskLevel {
  const floor: RiskLevel = incident.urgent || incident.colour === 'red' ? 'medium' : 'micro';
  const bumped = RISK_LEVELS[Math.min(riskRank(current) + 1, RISK_LEVELS.length - 1)];
  return riskRank(bumped) >= riskRank(floor) ? bumped : floor;
}
