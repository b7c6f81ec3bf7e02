// The five-step mediation ladder (五步调解): on site → diverted → town joint → county joint →
// arbitration or court. A dispute climbs one step at a time; adjudication is the last step.

export type MediationStep = 'on_site' | 'diverted' | 'town_joint' | 'county_joint' | 'adjudication';

export const MEDIATION_STEPS: readonly MediationStep[] = [
  'on_site',
  'diverted',
  'town_joint',
  'county_joint',
  'adjudication',
];

export const MEDIATION_STEP_LABELS: Readonly<Record<MediationStep, { zh: string; en: string }>> = {
  on_site: { zh: '现场调解', en: 'On-site mediation' },
  diverted: { zh: '分流调解', en: 'Diverted mediation' },
  town_joint: { zh: '乡镇联合调解', en: 'Town joint mediation' },
  county_joint: { zh: '县级联合调解', en: 'County joint mediation' },
  adjudication: { zh: '仲裁或司法裁判', en: 'Arbitration or court' },
};

export function isMediationStep(value: unknown): value is MediationStep {
  return typeof value === 'string' && (MEDIATION_STEPS as readonly string[]).includes(value);
}

/** The step above, or null from the last step (adjudication). */
export function nextStep(step: MediationStep): MediationStep | null {
  const i = MEDIATION_STEPS.indexOf(step);
  if (i < 0) throw new RangeError(`unknown mediation step: ${String(step)}`);
  return i + 1 < MEDIATION_STEPS.length ? MEDIATION_STEPS[i + 1] : null;
}

/** Position on the ladder, 0 for on_site … 4 for adjudication. */
export function stepRank(step: MediationStep): number {
  const i = MEDIATION_STEPS.indexOf(step);
  if (i < 0) throw new RangeError(`unknown mediation step: ${String(step)}`);
  return i;
}

/** Steps still mediation (all but adjudication): an agreement can only come out of these. */
export function isMediationStage(step: MediationStep): boolean {
  return step !== 'adjudication';
}
