import { type CaseEvent, type CaseState, evolve } from '@hewei/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { bulkInsert, inSlices } from '../../db/bulk.ts';
import type { Db, Tx } from '../../db/client.ts';
import { caseEvents, cases, overviewCaseKeys, overviewCounts, overviewDaily } from '../../db/schema/index.ts';
import type { CaseWriteHook } from '../../deps.ts';
import { rowToState } from '../cases/cases.repository.ts';
import { nodesOf, RESULT_EVENTS, rollupKeys, shanghaiDay, slotOf, timelinessOf } from './overview.keys.ts';

type Q = Db | Tx;
type Delta = Map<string, number>;

type Change = Parameters<CaseWriteHook>[1];
interface Prev {
  timeliness: string | null;
  keys: string[];
}

/**
 * What one change does to the rollups: count deltas and daily deltas for its slot, and the case's
 * new keys (null when they stay as they were).
 */
function rollupChange({ before, after, event }: Change, prev: Prev | undefined, counts: Delta, daily: Delta) {
  const timeliness = RESULT_EVENTS.has(event.type)
    ? timelinessOf(event.at, after.resolveBy)
    : (prev?.timeliness ?? null);
  const keys = rollupKeys(after, timeliness);
  const old = new Set(prev?.keys ?? []);
  const now = new Set(keys);
  let moved = false;
  for (const k of keys)
    if (!old.has(k)) {
      counts.set(k, (counts.get(k) ?? 0) + 1);
      moved = true;
    }
  for (const k of old)
    if (!now.has(k)) {
      counts.set(k, (counts.get(k) ?? 0) - 1);
      moved = true;
    }
  if (!before || !prev) addDaily(daily, after, 'created', after.createdAt);
  if (after.closedAt && !before?.closedAt) addDaily(daily, after, 'closed', after.closedAt);
  return moved || !prev || prev.timeliness !== timeliness ? { timeliness, keys } : null;
}

async function saveKeys(
  tx: Tx,
  rows: { countyId: string; caseId: string; timeliness: string | null; keys: string[] }[],
) {
  await bulkInsert(
    tx,
    overviewCaseKeys,
    rows,
    'on conflict (county_id, case_id) do update set timeliness = excluded.timeliness, keys = excluded.keys',
  );
}

/** Keeps the overview rollups in step with every case write, in the write's own transaction. */
export const overviewHook: CaseWriteHook & { batch(tx: Tx, changes: Change[]): Promise<void> } =
  Object.assign(async (tx: Tx, change: Change) => overviewHook.batch(tx, [change]), {
    /** Many changes at once (timers fired in a batch, an import): one read, one write per table and slot. */
    async batch(tx: Tx, changes: Change[]) {
      if (!changes.length) return;
      const prev = new Map<string, Prev>();
      const byCounty = new Map<string, Change[]>();
      for (const c of changes)
        if (c.before) byCounty.set(c.after.countyId, [...(byCounty.get(c.after.countyId) ?? []), c]);
      for (const [countyId, list] of byCounty) {
        const ids = [...new Set(list.map((c) => c.after.id))];
        for (const slice of inSlices(ids)) {
          const rows = await tx
            .select()
            .from(overviewCaseKeys)
            .where(and(eq(overviewCaseKeys.countyId, countyId), inArray(overviewCaseKeys.caseId, slice)));
          for (const r of rows)
            prev.set(`${countyId}\t${r.caseId}`, { timeliness: r.timeliness, keys: r.keys });
        }
      }
      const counts = new Map<string, Delta>();
      const daily = new Map<string, Delta>();
      const keyRows = new Map<
        string,
        { countyId: string; caseId: string; timeliness: string | null; keys: string[] }
      >();
      const deltaOf = (m: Map<string, Delta>, k: string) => m.get(k) ?? m.set(k, new Map()).get(k)!;
      // slots spread concurrent writers; one batch adds all its deltas to one slot, so a large batch
      // (an import) writes one row per key and day, not one per key, day and slot
      const slot = slotOf(changes[0].after.id);
      for (const change of changes) {
        const { countyId, id } = change.after;
        const caseKey = `${countyId}\t${id}`;
        const slotKey = `${countyId}\t${slot}`;
        const next = rollupChange(
          change,
          prev.get(caseKey),
          deltaOf(counts, slotKey),
          deltaOf(daily, slotKey),
        );
        if (next) {
          prev.set(caseKey, next);
          keyRows.set(caseKey, { countyId, caseId: id, ...next });
        }
      }
      await applyCounts(tx, deltaRows(counts));
      await applyDaily(tx, deltaRows(daily));
      await saveKeys(tx, [...keyRows.values()]);
    },
  });

/**
 * The non-zero deltas of each `county \t slot`, as rows in one order for every writer (so two
 * transactions never lock them crosswise).
 */
function deltaRows(bySlot: Map<string, Delta>) {
  const out: { countyId: string; slot: number; key: string[]; n: number; sort: string }[] = [];
  for (const [slotKey, delta] of bySlot) {
    const [countyId, slot] = slotKey.split('\t');
    for (const [k, n] of delta)
      if (n !== 0)
        out.push({ countyId, slot: Number(slot), key: k.split('\t'), n, sort: `${slotKey}\t${k}` });
  }
  return out.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
}

function addDaily(d: Delta, c: CaseState, metric: string, at: string, by = 1) {
  const day = shanghaiDay(at);
  for (const node of nodesOf(c)) {
    const k = `${node}\t${metric}\t${day}`;
    d.set(k, (d.get(k) ?? 0) + by);
  }
}

type DeltaRow = ReturnType<typeof deltaRows>[number];

/** One upsert for every count a batch moves (chunked only past a few thousand rows). */
async function applyCounts(q: Q, rows: DeltaRow[]) {
  await bulkInsert(
    q,
    overviewCounts,
    rows.map(({ countyId, slot, key: [nodeId, dim, value], n }) => ({
      countyId,
      nodeId,
      dim,
      value,
      slot,
      n,
    })),
    'on conflict (county_id, node_id, dim, value, slot) do update set n = overview_counts.n + excluded.n',
  );
}

async function applyDaily(q: Q, rows: DeltaRow[]) {
  await bulkInsert(
    q,
    overviewDaily,
    rows.map(({ countyId, slot, key: [nodeId, metric, day], n }) => ({
      countyId,
      nodeId,
      metric,
      day,
      slot,
      n,
    })),
    'on conflict (county_id, node_id, metric, day, slot) do update set n = overview_daily.n + excluded.n',
  );
}

/**
 * Rebuilds every rollup of a county from the base rows, replaying each timeline to judge its
 * latest result against the deadline then running. For data written without hooks (the demo
 * seeder, a bulk import); live writes keep the rollups in step themselves.
 */
export async function rebuildOverview(db: Db, countyId: string) {
  await db.transaction(async (tx) => {
    await tx.delete(overviewCounts).where(eq(overviewCounts.countyId, countyId));
    await tx.delete(overviewDaily).where(eq(overviewDaily.countyId, countyId));
    await tx.delete(overviewCaseKeys).where(eq(overviewCaseKeys.countyId, countyId));
    const ids = (
      await tx.select({ id: cases.id }).from(cases).where(eq(cases.countyId, countyId)).orderBy(asc(cases.id))
    ).map((r) => r.id);
    const counts = new Map<string, Delta>();
    const daily = new Map<string, Delta>();
    for (let i = 0; i < ids.length; i += 1000) {
      const page = ids.slice(i, i + 1000);
      const rows = await tx
        .select()
        .from(cases)
        .where(and(eq(cases.countyId, countyId), inArray(cases.id, page)));
      const timeliness = await timelinessFromEvents(tx, countyId, page);
      const keyRows = rows.map((r) => {
        const s = rowToState(r, []);
        const t = timeliness.get(s.id) ?? null;
        const keys = rollupKeys(s, t);
        const slot = `${countyId}\t${slotOf(s.id)}`;
        const c = counts.get(slot) ?? new Map();
        counts.set(slot, c);
        for (const k of keys) c.set(k, (c.get(k) ?? 0) + 1);
        const d = daily.get(slot) ?? new Map();
        daily.set(slot, d);
        addDaily(d, s, 'created', s.createdAt);
        if (s.closedAt) addDaily(d, s, 'closed', s.closedAt);
        return { countyId, caseId: s.id, timeliness: t, keys };
      });
      if (keyRows.length) await tx.insert(overviewCaseKeys).values(keyRows);
    }
    await applyCounts(tx, deltaRows(counts));
    await applyDaily(tx, deltaRows(daily));
  });
}

async function timelinessFromEvents(q: Q, countyId: string, caseIds: string[]) {
  const rows = await q
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.countyId, countyId), inArray(caseEvents.caseId, caseIds)))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
  const out = new Map<string, string>();
  let state: CaseState | null = null;
  let current = '';
  for (const r of rows) {
    if (r.caseId !== current) {
      current = r.caseId;
      state = null;
    }
    const e: CaseEvent = {
      type: r.type,
      at: r.at.toISOString(),
      actor: { id: r.actorId, role: r.actorRole as CaseEvent['actor']['role'] },
      fromStatus: r.fromStatus as CaseEvent['fromStatus'],
      toStatus: r.toStatus as CaseEvent['toStatus'],
      reason: r.reason,
      data: r.data as Record<string, unknown>,
    };
    state = evolve(state, e);
    if (RESULT_EVENTS.has(e.type)) out.set(r.caseId, timelinessOf(e.at, state.resolveBy));
  }
  return out;
}
