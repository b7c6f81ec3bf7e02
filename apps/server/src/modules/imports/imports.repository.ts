import { and, eq, getTableColumns, getTableName, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.ts';
import { assignments, cases, importBatches, importOrders } from '../../db/schema/index.ts';
import { rowToState } from '../cases/cases.repository.ts';

type Q = Db | Tx;
const CHUNK = 4000;

/**
 * Many rows in one statement: the rows travel as one JSON document that PostgreSQL expands with
 * json_populate_recordset, so a chunk costs one round trip and no per-row parameters.
 */
export async function bulkInsert(q: Q, table: PgTable, rows: Record<string, unknown>[], conflict = '') {
  if (!rows.length) return;
  const cols = Object.entries(getTableColumns(table)).filter(([prop]) => prop in rows[0]);
  const names = cols.map(([, c]) => `"${c.name}"`).join(', ');
  const name = getTableName(table);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(
      rows.slice(i, i + CHUNK).map((r) => {
        const o: Record<string, unknown> = {};
        for (const [prop, c] of cols) o[c.name] = r[prop];
        return o;
      }),
    );
    await q.execute(
      sql`insert into ${sql.raw(`"${name}" (${names})`)} select ${sql.raw(names)}
          from json_populate_recordset(${sql.raw(`null::"${name}"`)}, ${json}::json) ${sql.raw(conflict)}`,
    );
  }
}

export const importsRepository = {
  async ordersFor(q: Q, countyId: string, source: string, orderIds: string[]) {
    const out = new Map<string, typeof importOrders.$inferSelect>();
    for (let i = 0; i < orderIds.length; i += 5000) {
      const rows = await q
        .select()
        .from(importOrders)
        .where(
          and(
            eq(importOrders.countyId, countyId),
            eq(importOrders.source, source),
            inArray(importOrders.orderId, orderIds.slice(i, i + 5000)),
          ),
        );
      for (const r of rows) out.set(r.orderId, r);
    }
    return out;
  },

  /** Locks the cases an update batch moves on, and reads them as the lifecycle sees them. */
  async loadForUpdate(tx: Tx, countyId: string, ids: string[]) {
    if (!ids.length) return new Map();
    const rows = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.countyId, countyId), inArray(cases.id, ids)))
      .for('update');
    const as = await tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.countyId, countyId), inArray(assignments.caseId, ids)));
    return new Map(
      rows.map((r) => [
        r.id,
        rowToState(
          r,
          as.filter((a) => a.caseId === r.id),
        ),
      ]),
    );
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
