// The schema stays shardable by county (docs/decisions/0017-beyond-one-database.md): a county's
// cases and everything hanging off them can live on one shard, so every table that belongs to a
// case carries county_id, and every primary key, unique constraint and foreign key among those
// tables includes it — a distributed engine (e.g. Citus) can then co-locate them by county_id.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../test/database.ts';
import type { Database } from './client.ts';

let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

interface Constraint {
  table: string;
  name: string;
  type: 'p' | 'u' | 'f';
  columns: string[];
  references: string | null;
}

async function caseTables(): Promise<Set<string>> {
  // tables with a case_id, and tables a case table's foreign key points at or comes from, with county_id
  const rows = (
    await database.db.execute(sql`select table_name, array_agg(column_name::text) as columns
      from information_schema.columns where table_schema = 'public' group by table_name`)
  ).rows as { table_name: string; columns: string[] }[];
  return new Set(
    rows.filter((r) => r.columns.includes('case_id') || r.table_name === 'cases').map((r) => r.table_name),
  );
}

async function constraints(): Promise<Constraint[]> {
  const rows = (
    await database.db.execute(sql`
      select c.conrelid::regclass::text as "table", c.conname as name, c.contype as type,
             array(select a.attname::text from unnest(c.conkey) k join pg_attribute a
                   on a.attrelid = c.conrelid and a.attnum = k) as columns,
             case when c.contype = 'f' then c.confrelid::regclass::text end as "references"
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = 'public' and c.contype in ('p', 'u', 'f')`)
  ).rows as unknown as Constraint[];
  return rows.map((r) => ({
    ...r,
    table: r.table.replace(/^"|"$/g, ''),
    references: r.references?.replace(/^"|"$/g, '') ?? null,
  }));
}

describe('the schema is shardable by county', () => {
  it('every table that belongs to a case carries county_id', async () => {
    const tables = await caseTables();
    assert.ok(tables.size > 10, `found ${tables.size} case tables`);
    const rows = (
      await database.db.execute(sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'county_id'`)
    ).rows as { table_name: string }[];
    const withCounty = new Set(rows.map((r) => r.table_name));
    assert.deepEqual([...tables].filter((t) => !withCounty.has(t)).sort(), []);
  });

  it('every primary key, unique constraint and foreign key among them includes county_id', async () => {
    const tables = await caseTables();
    const bad = (await constraints())
      .filter((c) => tables.has(c.table))
      .filter((c) => c.type !== 'f' || (c.references !== null && tables.has(c.references)))
      .filter((c) => !c.columns.includes('county_id'))
      .map((c) => `${c.table}.${c.name} (${c.columns.join(', ')})`);
    assert.deepEqual(bad.sort(), []);
  });
});
