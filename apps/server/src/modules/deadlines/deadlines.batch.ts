import {
  applySystemTransition,
  type CaseState,
  escalationPolicyFor,
  HeweiError,
  timerAction,
} from '@hewei/domain';
import { sql } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk.ts';
import type { Tx } from '../../db/client.ts';
import { caseEvents, outbox } from '../../db/schema/index.ts';
import type { AppDeps, CaseChange } from '../../deps.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { runCaseWriteHooksBatch } from '../cases/case-hooks.ts';
import { eventRow, outboxRow, stateToRow } from '../cases/cases.repository.ts';
import { loadCasesForTimers } from './deadlines.claim.ts';
import type { DueTimer } from './deadlines.repository.ts';

type Change = CaseChange;

/** The case columns a timer's transition may move; anything else falls back to the one-by-one path. */
const MOVABLE = new Set(['version', 'ownerRegionId', 'updatedAt']);

/**
 * Fires `claimed` timers (already claimed, with their cases locked) set-based: the cases are read in
 * one query, each case's timers go through the lifecycle in memory in fire order, then the case rows,
 * timeline events, outbox messages, timer outcomes and every hook's rows are written in bulk.
 */
export async function fireClaimed(tx: Tx, deps: AppDeps, claimed: DueTimer[], now: Date) {
  if (!claimed.length) return;
  const states = await loadCasesForTimers(tx, claimed);
  const byCase = new Map<string, DueTimer[]>();
  for (const t of claimed) {
    const k = `${t.countyId}\t${t.caseId}`;
    byCase.set(k, [...(byCase.get(k) ?? []), t]);
  }
  const outcomes: {
    county_id: string;
    case_id: string;
    key: string;
    outcome: string;
    event_seq: number | null;
  }[] = [];
  const changes: Change[] = [];
  const moved: { before: CaseState; after: CaseState }[] = [];
  const ctx = {
    now,
    calendar: deps.calendar,
    deadlinePolicies: deps.deadlinePolicies,
    newId: () => uuidv7(now.getTime()),
  };
  for (const [k, timers] of byCase) {
    const first = states.get(k);
    const mark = (t: DueTimer, outcome: string, seq: number | null) =>
      outcomes.push({ county_id: t.countyId, case_id: t.caseId, key: t.key, outcome, event_seq: seq });
    if (!first) {
      for (const t of timers) mark(t, 'skipped:CASE_GONE', null);
      continue;
    }
    let s = first;
    for (const t of timers) {
      const { action, payload } = timerAction(
        t,
        escalationPolicyFor(s.colour, deps.deadlines?.escalation(s.countyId)),
      );
      try {
        const r = applySystemTransition(s, action, payload, ctx);
        changes.push({ before: s, after: r.state, event: r.event });
        s = r.state;
        mark(t, 'fired', s.version);
      } catch (e) {
        if (e instanceof HeweiError && e.status < 500) mark(t, `skipped:${e.rule ?? e.code}`, null);
        else throw e;
      }
    }
    if (s !== first) moved.push({ before: first, after: s });
  }
  for (const m of moved) assertOnlyMovable(m.before, m.after);
  await saveCases(tx, moved);
  await bulkInsert(
    tx,
    caseEvents,
    changes.map((c) => eventRow(c.after, c.event)),
  );
  await bulkInsert(
    tx,
    outbox,
    changes.map((c) => outboxRow(c.after, c.event)),
  );
  await setOutcomes(tx, outcomes);
  await runCaseWriteHooksBatch(deps, tx, changes);
}

function assertOnlyMovable(before: CaseState, after: CaseState) {
  const a = stateToRow(before) as Record<string, unknown>;
  const b = stateToRow(after) as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (MOVABLE.has(key)) continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
      throw new Error(`timer transition moved ${key}: the batch path cannot write it`);
  }
  if (JSON.stringify(before.assignments) !== JSON.stringify(after.assignments))
    throw new Error('timer transition moved assignments: the batch path cannot write them');
}

/** One UPDATE for all cases, each guarded by the version it was read at. */
async function saveCases(tx: Tx, moved: { before: CaseState; after: CaseState }[]) {
  if (!moved.length) return;
  const rows = moved.map((m) => ({
    county_id: m.after.countyId,
    id: m.after.id,
    was: m.before.version,
    version: m.after.version,
    owner_region_id: m.after.ownerRegionId,
    updated_at: m.after.updatedAt,
  }));
  const r = await tx.execute(sql`
    update cases c set version = x.version, owner_region_id = x.owner_region_id, updated_at = x.updated_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(county_id text, id text, was int, version int, owner_region_id text, updated_at timestamptz)
    where c.county_id = x.county_id and c.id = x.id and c.version = x.was
    returning c.id`);
  if (r.rows.length !== moved.length) throw new Error('a case changed under a held lock');
}

async function setOutcomes(
  tx: Tx,
  rows: { county_id: string; case_id: string; key: string; outcome: string; event_seq: number | null }[],
) {
  if (!rows.length) return;
  await tx.execute(sql`
    update case_timers t set outcome = x.outcome, event_seq = x.event_seq
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(county_id text, case_id text, key text, outcome text, event_seq int)
    where t.county_id = x.county_id and t.case_id = x.case_id and t.key = x.key`);
}
