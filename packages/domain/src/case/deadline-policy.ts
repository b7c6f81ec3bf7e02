import { ruleViolation } from '../errors.ts';
import type { WorkingCalendar } from '../time/calendar.ts';
import {
  computeDeadlineDetailed,
  type DeadlinePolicy,
  type DeadlineResult,
  type DeadlineStage,
  defaultDeadlinePolicies,
  resolveDeadlinePolicy,
} from '../time/deadlines.ts';
import type { Colour } from './types.ts';

/** What of a case decides which policy applies. */
export interface PolicyScope {
  colour: Colour;
  categoryCode: string;
  /** region ids from the county down to the case's place */
  regionPath: readonly string[];
}

export interface PolicyContext {
  calendar: WorkingCalendar;
  /** the county's deadline policies as administrators set them; decisions.md defaults when absent */
  deadlinePolicies?: (countyId: string) => readonly DeadlinePolicy[];
}

/**
 * The policy for a stage of a case: region+category > category > region > colour default, as in
 * time/deadlines.ts; a regional override applies to its region and every region below it, the
 * deepest one winning among equals.
 */
export function policyForCase(
  stage: DeadlineStage,
  scope: PolicyScope,
  policies: readonly DeadlinePolicy[],
): DeadlinePolicy | undefined {
  let best: DeadlinePolicy | undefined;
  let bestRank = -1;
  for (const regionId of [undefined, ...scope.regionPath]) {
    const p = resolveDeadlinePolicy(
      { stage, colour: scope.colour, categoryCode: scope.categoryCode, regionId },
      policies,
    );
    if (!p || (regionId !== undefined && p.regionId !== regionId)) continue;
    const rank = (p.categoryCode !== undefined ? 2 : 0) + (p.regionId !== undefined ? 1 : 0);
    if (rank >= bestRank) {
      best = p;
      bestRank = rank;
    }
  }
  return best;
}

/** The deadline of a stage, counted from `from` under the case's policy. */
export function stageDeadlineDetailed(
  stage: DeadlineStage,
  scope: PolicyScope & { countyId: string },
  from: Date,
  ctx: PolicyContext,
  committedWorkingDays?: number | null,
): DeadlineResult {
  const policies = ctx.deadlinePolicies?.(scope.countyId) ?? defaultDeadlinePolicies;
  const policy = policyForCase(stage, scope, policies);
  if (!policy) throw ruleViolation('NO_DEADLINE_POLICY', { colour: scope.colour, stage });
  return computeDeadlineDetailed(
    {
      stage,
      colour: scope.colour,
      categoryCode: policy.categoryCode,
      regionId: policy.regionId,
      from,
      committedWorkingDays: committedWorkingDays ?? undefined,
    },
    [policy],
    ctx.calendar,
  );
}

export const stageDeadline = (...args: Parameters<typeof stageDeadlineDetailed>): string =>
  stageDeadlineDetailed(...args).deadline.toISOString();
