import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.ts';

/** Rows per statement: one JSON document of a few megabytes at most. */
const CHUNK = 5000;

/**
 * Many rows in one statement: the rows travel as one JSON document that PostgreSQL expands with
 * json_populate_recordset, so a chunk costs one round trip and no per-row parameters. `conflict`
 * is an ON CONFLICT clause (an upsert); the rows of one call must then differ in its target.
 */
export async function bulkInsert(q: Db | Tx, table: PgTable, rows: Record<string, unknown>[], conflict = '') {
  if (!rows.length) return;
  const names = columnsOf(table, rows[0])
    .map(([, c]) => `"${c}"`)
    .join(', ');
  const name = getTableName(table);
  for (let i = 0; i < rows.length; i += CHUNK)
    await q.execute(
      sql`insert into ${sql.raw(`"${name}" (${names})`)} select ${sql.raw(names)}
          from json_populate_recordset(${sql.raw(`null::"${name}"`)}, ${asJson(table, rows.slice(i, i + CHUNK))}::json) ${sql.raw(conflict)}`,
    );
}

/** A statement takes at most 65,535 parameters: a long list of keys is asked for in slices. */
export function inSlices<T>(list: readonly T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The table's columns a row gives (property → column name). */
export function columnsOf(table: PgTable, row: Record<string, unknown>): [string, string][] {
  return Object.entries(getTableColumns(table))
    .filter(([prop]) => prop in row)
    .map(([prop, c]) => [prop, c.name]);
}

/** Rows with drizzle's property names as one JSON array of objects keyed by column name. */
export function asJson(table: PgTable, rows: Record<string, unknown>[]) {
  if (!rows.length) return '[]';
  const cols = columnsOf(table, rows[0]);
  return JSON.stringify(
    rows.map((r) => {
      const o: Record<string, unknown> = {};
      for (const [prop, name] of cols) o[name] = r[prop];
      return o;
    }),
  );
}
