import { type CaseState, HeweiError } from '@hewei/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { asJson, columnsOf, inSlices } from '../../db/bulk.ts';
import type { Db, Tx } from '../../db/client.ts';
import { assignments, cases, importBatches, importOrders } from '../../db/schema/index.ts';
import { rowToState, stateToRow } from '../cases/cases.repository.ts';

type Q = Db | Tx;
export const importsRepository = {
  async ordersFor(q: Q, countyId: string, source: string, orderIds: string[]) {
    const out = new Map<string, typeof importOrders.$inferSelect>();
    for (const slice of inSlices(orderIds)) {
      const rows = await q
        .select()
        .from(importOrders)
        .where(
          and(
            eq(importOrders.countyId, countyId),
            eq(importOrders.source, source),
            inArray(importOrders.orderId, slice),
          ),
        );
      for (const r of rows) out.set(r.orderId, r);
    }
    return out;
  },

  /** Locks the cases an update batch moves on, and reads them as the lifecycle sees them. */
  async loadForUpdate(tx: Tx, countyId: string, ids: string[]) {
    const out = new Map<string, CaseState>();
    for (const slice of inSlices(ids)) {
      const rows = await tx
        .select()
        .from(cases)
        .where(and(eq(cases.countyId, countyId), inArray(cases.id, slice)))
        .for('update');
      const byCase = new Map<string, (typeof assignments.$inferSelect)[]>();
      for (const a of await tx
        .select()
        .from(assignments)
        .where(and(eq(assignments.countyId, countyId), inArray(assignments.caseId, slice))))
        byCase.set(a.caseId, [...(byCase.get(a.caseId) ?? []), a]);
      for (const r of rows) out.set(r.id, rowToState(r, byCase.get(r.id) ?? []));
    }
    return out;
  },

  async updateOrders(
    tx: Tx,
    m: { countyId: string; source: string; batchId: string; now: Date },
    rows: { orderId: string; hash: string; status: string }[],
  ) {
    if (!rows.length) return;
    await tx.execute(sql`
      update import_orders o set row_hash = x.hash, source_status = x.status,
             batch_id = ${m.batchId}, updated_at = ${m.now.toISOString()}::timestamptz
        from json_to_recordset(${JSON.stringify(rows)}::json) as x("orderId" text, hash text, status text)
       where o.county_id = ${m.countyId} and o.source = ${m.source} and o.order_id = x."orderId"`);
  },

  /**
   * Cases a re-import moved on: every row replaced in one UPDATE guarded by the version it was
   * read at, and their assignments dropped in one DELETE (the caller inserts the new ones).
   */
  async saveMoved(tx: Tx, moved: { before: CaseState; after: CaseState }[]) {
    if (!moved.length) return;
    const rows = moved.map((m) => stateToRow(m.after));
    const names = columnsOf(cases, rows[0])
      .filter(([, c]) => c !== 'county_id' && c !== 'id')
      .map(([, c]) => `"${c}"`);
    const was = JSON.stringify(moved.map((m) => [m.after.countyId, m.after.id, m.before.version]));
    const done = await tx.execute(sql`
      update cases c set ${sql.raw(names.map((n) => `${n} = x.${n}`).join(', '))}
        from json_populate_recordset(null::cases, ${asJson(cases, rows)}::json) x,
             json_array_elements(${was}::json) w
       where w->>0 = x.county_id and w->>1 = x.id
         and c.county_id = x.county_id and c.id = x.id and c.version = (w->>2)::int
      returning c.id`);
    if (done.rows.length !== moved.length) throw new HeweiError('VERSION_CONFLICT');
    await tx.execute(sql`
      delete from assignments a using json_array_elements(${was}::json) w
       where a.county_id = w->>0 and a.case_id = w->>1`);
  },

  insertBatch: (q: Q, row: typeof importBatches.$inferInsert) => q.insert(importBatches).values(row),

  async batch(q: Q, countyId: string, id: string) {
    const [row] = await q
      .select()
      .from(importBatches)
      .where(and(eq(importBatches.countyId, countyId), eq(importBatches.id, id)));
    return row;
  },
};
