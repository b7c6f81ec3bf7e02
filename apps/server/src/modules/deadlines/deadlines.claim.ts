import type { CaseState } from '@hewei/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { assignments, cases } from '../../db/schema/index.ts';
import { rowToState } from '../cases/cases.repository.ts';
import type { DueTimer } from './deadlines.repository.ts';

type Raw = Record<string, unknown>;

/**
 * Claims up to `limit` due timers in one statement: the inner SELECT locks them and their cases,
 * skipping rows another instance holds (SKIP LOCKED), and the UPDATE marks them fired and returns
 * them. Committed with the firings' writes, so a timer fires exactly once; a crash rolls it back.
 */
export async function claimBatch(tx: Tx, now: Date, limit: number): Promise<DueTimer[]> {
  const r = await tx.execute<Raw>(sql`
    update case_timers t set fired_at = ${now.toISOString()}::timestamptz, attempts = t.attempts + 1
    where (t.county_id, t.case_id, t.key) in (
      select d.county_id, d.case_id, d.key
      from case_timers d
      join cases c on c.county_id = d.county_id and c.id = d.case_id
      where d.fired_at is null and d.fire_at <= ${now.toISOString()}::timestamptz
      order by d.fire_at, d.ord
      limit ${limit}
      for update of d, c skip locked)
    returning t.county_id, t.case_id, t.key, t.kind, t.stage, t.deadline, t.fire_at, t.ord`);
  return r.rows
    .map((x) => ({
      countyId: String(x.county_id),
      caseId: String(x.case_id),
      key: String(x.key),
      kind: x.kind as DueTimer['kind'],
      stage: x.stage as DueTimer['stage'],
      deadline: new Date(x.deadline as string).toISOString(),
      fireAt: new Date(x.fire_at as string),
      ord: Number(x.ord),
    }))
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.ord - b.ord)
    .map(({ ord: _o, ...t }) => t);
}

/** The cases of the claimed timers (already locked by the claim), with their assignments: two queries a county. */
export async function loadCasesForTimers(tx: Tx, timers: DueTimer[]): Promise<Map<string, CaseState>> {
  const idsByCounty = new Map<string, Set<string>>();
  for (const t of timers)
    idsByCounty.set(t.countyId, (idsByCounty.get(t.countyId) ?? new Set()).add(t.caseId));
  const out = new Map<string, CaseState>();
  for (const [countyId, set] of idsByCounty) {
    const ids = [...set];
    const rows = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.countyId, countyId), inArray(cases.id, ids)));
    const as = await tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.countyId, countyId), inArray(assignments.caseId, ids)));
    const byCase = new Map<string, (typeof as)[number][]>();
    for (const a of as) byCase.set(a.caseId, [...(byCase.get(a.caseId) ?? []), a]);
    for (const r of rows) out.set(`${countyId}\t${r.id}`, rowToState(r, byCase.get(r.id) ?? []));
  }
  return out;
}
