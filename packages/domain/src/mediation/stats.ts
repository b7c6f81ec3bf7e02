// Outcome statistics per mediator and per mediation organisation, from recorded outcomes.
import { addMonths, isIsoInstant, shanghaiDateOf } from './dates.ts';

export type MediationOutcome = 'agreement' | 'failed' | 'referred' | 'withdrawn' | 'in_progress';

export interface MediationOutcomeRecord {
  mediationId: string;
  mediatorIds: string[];
  organisationId: string;
  /** RFC 3339. */
  startedAt: string;
  /** RFC 3339, absent while in progress. */
  endedAt?: string;
  outcome: MediationOutcome;
  /** Applicant's satisfaction 1 (very dissatisfied) … 5 (very satisfied), when asked. */
  satisfaction?: number;
}

export interface MediationStats {
  key: string;
  total: number;
  inProgress: number;
  /** agreement + failed + referred: mediations that reached a result (withdrawals excluded). */
  concluded: number;
  succeeded: number;
  failed: number;
  referred: number;
  withdrawn: number;
  /** succeeded / concluded, null without concluded cases. */
  successRate: number | null;
  /** Mean days from start to end over finished mediations, null without any. */
  meanDurationDays: number | null;
  /** Finished within the one-month limit (MoJ 2002 rules Art. 33) / finished. */
  withinTimeLimitRate: number | null;
  meanSatisfaction: number | null;
  satisfactionCount: number;
  /** Satisfied (4 or 5) / answered. */
  satisfiedRate: number | null;
}

/** The general one-month time limit for a mediation (人民调解工作若干规定 Art. 33). */
export function mediationTimeLimit(startedAt: string): string {
  return addMonths(shanghaiDateOf(startedAt), 1);
}

export function finishedWithinTimeLimit(record: MediationOutcomeRecord): boolean | null {
  if (record.endedAt === undefined || !isIsoInstant(record.endedAt)) return null;
  return shanghaiDateOf(record.endedAt) <= mediationTimeLimit(record.startedAt);
}

/** Aggregate outcome records by mediator (a record counts for each of its mediators) or organisation. */
export function mediationStats(
  records: readonly MediationOutcomeRecord[],
  by: 'mediator' | 'organisation',
): MediationStats[] {
  const groups = new Map<string, MediationOutcomeRecord[]>();
  for (const r of records) {
    const keys = by === 'mediator' ? [...new Set(r.mediatorIds)] : [r.organisationId];
    for (const k of keys) {
      const list = groups.get(k);
      if (list === undefined) groups.set(k, [r]);
      else list.push(r);
    }
  }
  return [...groups.entries()]
    .map(([key, list]) => summarise(key, list))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** One summary over all records (for a county or a period). */
export function summarise(key: string, records: readonly MediationOutcomeRecord[]): MediationStats {
  let inProgress = 0;
  let succeeded = 0;
  let failed = 0;
  let referred = 0;
  let withdrawn = 0;
  let durationSum = 0;
  let durationCount = 0;
  let withinLimit = 0;
  let satisfactionSum = 0;
  let satisfactionCount = 0;
  let satisfied = 0;
  for (const r of records) {
    if (r.outcome === 'in_progress') inProgress++;
    else if (r.outcome === 'agreement') succeeded++;
    else if (r.outcome === 'failed') failed++;
    else if (r.outcome === 'referred') referred++;
    else if (r.outcome === 'withdrawn') withdrawn++;
    if (r.outcome !== 'in_progress' && r.endedAt !== undefined) {
      const ms = Date.parse(r.endedAt) - Date.parse(r.startedAt);
      if (Number.isFinite(ms) && ms >= 0) {
        durationSum += ms / 86_400_000;
        durationCount++;
        if (finishedWithinTimeLimit(r)) withinLimit++;
      }
    }
    if (
      r.satisfaction !== undefined &&
      Number.isFinite(r.satisfaction) &&
      r.satisfaction >= 1 &&
      r.satisfaction <= 5
    ) {
      satisfactionSum += r.satisfaction;
      satisfactionCount++;
      if (r.satisfaction >= 4) satisfied++;
    }
  }
  const concluded = succeeded + failed + referred;
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    key,
    total: records.length,
    inProgress,
    concluded,
    succeeded,
    failed,
    referred,
    withdrawn,
    successRate: ratio(succeeded, concluded),
    meanDurationDays: ratio(durationSum, durationCount),
    withinTimeLimitRate: ratio(withinLimit, durationCount),
    meanSatisfaction: ratio(satisfactionSum, satisfactionCount),
    satisfactionCount,
    satisfiedRate: ratio(satisfied, satisfactionCount),
  };
}
