// The escalation ladders: whom a stalled case goes up to. Ownership rises grid > village > town >
// county (a grid's matter belongs to its village's center, decisions.md); a dispute also climbs the
// five-step mediation ladder, whose joint steps are held by the town and the county.

import { MEDIATION_STEPS, type MediationStep } from '../mediation/ladder.ts';

export type RungLevel = 'grid' | 'village' | 'town' | 'county';
export const REGION_LADDER: readonly RungLevel[] = ['grid', 'village', 'town', 'county'];

export interface Rung {
  level: RungLevel;
  id: string;
}

/** The rungs a case can stand on, from its grid (if any) up to the county. */
export function ladderOf(c: { regionPath: readonly string[]; gridId: string | null }): Rung[] {
  const levels: RungLevel[] = ['county', 'town', 'village'];
  const regions = c.regionPath.map((id, i) => ({ level: levels[i] ?? 'village', id }));
  return [...(c.gridId ? [{ level: 'grid' as const, id: c.gridId }] : []), ...regions.reverse()];
}

/**
 * One step up from the center that owns the case: the region above its owner, or null at the
 * county (the top). A grid is never an owner: its village's center is the first rung that holds a queue.
 */
export function nextOwner(c: { regionPath: readonly string[]; ownerRegionId: string }): string | null {
  const i = c.regionPath.indexOf(c.ownerRegionId);
  return i > 0 ? c.regionPath[i - 1] : null;
}

/** How many more times the case can be escalated before it reaches the county. */
export const stepsToTop = (c: { regionPath: readonly string[]; ownerRegionId: string }) =>
  Math.max(0, c.regionPath.indexOf(c.ownerRegionId));

/** The region level that holds each mediation step (on site at the village, adjudication outside). */
export const MEDIATION_STEP_LEVEL: Readonly<Record<MediationStep, RungLevel | null>> = {
  on_site: 'village',
  diverted: 'village',
  town_joint: 'town',
  county_joint: 'county',
  adjudication: null,
};

/**
 * The mediation step a failed step escalates to, skipping steps held below the case's current
 * owner (a case owned by the town goes from on_site straight to town_joint); null after adjudication.
 */
export function nextMediationStep(
  step: MediationStep,
  ownerLevel: RungLevel = 'village',
): MediationStep | null {
  const floor = REGION_LADDER.indexOf(ownerLevel);
  for (const s of MEDIATION_STEPS.slice(MEDIATION_STEPS.indexOf(step) + 1)) {
    const level = MEDIATION_STEP_LEVEL[s];
    if (level === null || REGION_LADDER.indexOf(level) >= floor) return s;
  }
  return null;
}
