import type { PlannedTimer } from '@hewei/domain';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

/** A case_timers row as a batch writer (the demo seed) hands it over: pending, or already fired. */
export interface SeedTimer extends PlannedTimer {
  firedAt: Date | null;
  /** 'fired', or 'skipped:<RULE>' */
  outcome: string | null;
  eventSeq: number | null;
}

/**
 * The batch form of what deadlineTimersHook writes case by case: the timer rows of many cases in
 * one statement per chunk (the caller has planned them with planTimers, as the hook does).
 */
export async function insertSeedTimers(
  tx: Tx,
  list: { countyId: string; caseId: string; timers: SeedTimer[] }[],
) {
  const rows = list.flatMap(({ countyId, caseId, timers }) =>
    timers.map((t) => ({
      county_id: countyId,
      case_id: caseId,
      key: t.key,
      kind: t.kind,
      stage: t.stage,
      deadline: t.deadline,
      step: t.step,
      ord: t.ord,
      fire_at: t.fireAt.toISOString(),
      fired_at: t.firedAt?.toISOString() ?? null,
      outcome: t.outcome,
      event_seq: t.eventSeq,
      attempts: t.firedAt ? 1 : 0,
    })),
  );
  for (let i = 0; i < rows.length; i += 2000) {
    await tx.execute(sql`
      insert into case_timers (county_id, case_id, key, kind, stage, deadline, step, ord, fire_at, fired_at, outcome, event_seq, attempts)
      select county_id, case_id, key, kind, stage, deadline, step, ord, fire_at, fired_at, outcome, event_seq, attempts
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 2000))}::jsonb) as x(county_id text, case_id text,
        key text, kind text, stage text, deadline timestamptz, step int, ord int, fire_at timestamptz,
        fired_at timestamptz, outcome text, event_seq int, attempts int)`);
  }
  return rows.length;
}
