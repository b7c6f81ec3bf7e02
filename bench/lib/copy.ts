// COPY of a generated tier: base rows and the rows the hooks keep in step, generation overlapping
// PostgreSQL's work (two cores: Node builds the next batch while the server ingests this one).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { OrgSpec } from '../../apps/server/src/demo/org.ts';
import type { AppDeps } from '../../apps/server/src/deps.ts';
import { PARTY_PURPOSE } from '../../apps/server/src/lib/pii/columns.ts';
import {
  ASSIGNMENT_COLUMNS,
  CASE_COLUMNS,
  CASE_KEYS_COLUMNS,
  COUNTS_COLUMNS,
  DAILY_COLUMNS,
  EVENT_COLUMNS,
  PARTY_COLUMNS,
  PARTY_INDEX_COLUMNS,
  SEARCH_COLUMNS,
  STAMP_COLUMNS,
  TIMER_COLUMNS,
} from './columns.ts';
import { generateCases } from './dataset.ts';
import { createDeriver } from './derived.ts';

/** Tables in COPY order (cases first: the others refer to them), with their columns. */
const TABLES = {
  cases: ['cases', CASE_COLUMNS],
  assignments: ['assignments', ASSIGNMENT_COLUMNS],
  parties: ['case_parties', PARTY_COLUMNS],
  partyIndex: ['party_pii_index', PARTY_INDEX_COLUMNS],
  events: ['case_events', EVENT_COLUMNS],
  caseKeys: ['overview_case_keys', CASE_KEYS_COLUMNS],
  search: ['case_search', SEARCH_COLUMNS],
  stamps: ['case_grid_stamps', STAMP_COLUMNS],
  timers: ['case_timers', TIMER_COLUMNS],
  overview_counts: ['overview_counts', COUNTS_COLUMNS],
  overview_daily: ['overview_daily', DAILY_COLUMNS],
} as const;
type Table = keyof typeof TABLES;
/** Tables whose secondary indexes are built once after the load instead of row by row. */
const BULK_TABLES = [...new Set(Object.values(TABLES).map(([t]) => t))];

async function copy(client: pg.Client, table: Table, lines: string[]) {
  if (!lines.length) return;
  const [name, cols] = TABLES[table];
  // ~1 MB chunks: few stream writes, bounded strings
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += 4000) chunks.push(lines.slice(i, i + 4000).join(''));
  await pipeline(
    Readable.from(chunks),
    client.query(copyFrom(`copy ${name} (${cols.join(',')}) from stdin`)),
  );
}

export async function copyTier(
  client: pg.Client,
  deps: Pick<AppDeps, 'org' | 'calendar' | 'deadlinePolicies' | 'deadlines' | 'pii'>,
  spec: OrgSpec,
  cases: number,
  now: Date,
  log: (s: string) => void,
) {
  const deriver = createDeriver(deps);
  const gridsByVillage = new Map<string, string[]>();
  for (const g of deps.org.grids())
    if (g.active) gridsByVillage.set(g.regionId, [...(gridsByVillage.get(g.regionId) ?? []), g.id]);
  const counts = Object.fromEntries(Object.keys(TABLES).map((t) => [t, 0])) as Record<Table, number>;
  const empty = () =>
    Object.fromEntries(Object.keys(TABLES).map((t) => [t, [] as string[]])) as Record<Table, string[]>;
  let buffers = empty();
  let deriveMs = 0;
  let pending: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = buffers;
    buffers = empty();
    await pending; // one COPY at a time on the connection; the next batch is generated meanwhile
    pending = (async () => {
      for (const t of Object.keys(TABLES) as Table[]) await copy(client, t, batch[t]);
    })();
    pending.catch(() => {}); // awaited at the next flush or at the end
  };
  const started = performance.now();
  const generator = generateCases(spec, cases, now, {
    gridsOf: (v) => gridsByVillage.get(v) ?? [],
    sealPhone: (p) => deps.pii.seal(p, PARTY_PURPOSE.phone)!,
  });
  for (const { rows, generated } of generator) {
    await new Promise(setImmediate); // let the COPY stream write while the next batch is generated
    for (const k of Object.keys(rows) as (keyof typeof rows)[]) buffers[k].push(...rows[k]);
    const t0 = performance.now();
    for (const g of generated) deriver.add(g, buffers);
    deriveMs += performance.now() - t0;
    if (buffers.events.length > 100_000) {
      for (const t of Object.keys(TABLES) as Table[]) counts[t] += buffers[t].length;
      await flush();
      const done = counts.cases;
      const rate = Math.round(done / ((performance.now() - started) / 1000));
      if (done % 100_000 < 12_000) log(`  ${done} cases… (${rate} cases/s)`);
    }
  }
  const t0 = performance.now();
  for (const r of deriver.rollups()) buffers[r.table].push(r.line);
  deriveMs += performance.now() - t0;
  for (const t of Object.keys(TABLES) as Table[]) counts[t] += buffers[t].length;
  await flush();
  await pending;
  return { rows: counts, deriveSeconds: deriveMs / 1000 };
}

/**
 * Before COPY: drops the tables' non-constraint indexes and their foreign keys (checked row by row
 * otherwise), returning their definitions to put them back.
 */
export async function dropForBulkLoad(client: pg.Client) {
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i join pg_class t on t.oid = i.indrelid
      where t.relname = any($1) and t.relnamespace = 'public'::regnamespace
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by 1`,
    [BULK_TABLES],
  );
  const { rows: fks } = await client.query<{ table: string; name: string; def: string }>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
       from pg_constraint where contype = 'f' and conrelid::regclass::text = any($1) order by 2`,
    [BULK_TABLES],
  );
  for (const f of fks) await client.query(`alter table ${f.table} drop constraint ${f.name}`);
  for (const r of indexes) await client.query(`drop index ${r.name}`);
  return { indexes, fks };
}

/**
 * After COPY: builds the indexes from their own definitions and adds the foreign keys back (each
 * validated over every row), then checks both are exactly as they were.
 */
export async function restoreAfterBulkLoad(
  client: pg.Client,
  dropped: Awaited<ReturnType<typeof dropForBulkLoad>>,
) {
  await client.query(`set maintenance_work_mem = '512MB'`);
  for (const r of dropped.indexes) await client.query(r.def);
  for (const f of dropped.fks) await client.query(`alter table ${f.table} add constraint ${f.name} ${f.def}`);
  const { rows } = await client.query<{ def: string }>(
    `select pg_get_indexdef(c.oid) as def from pg_class c where c.relname = any($1) and c.relkind = 'i'
     union all select pg_get_constraintdef(oid) from pg_constraint where contype = 'f' and conname = any($2)`,
    [dropped.indexes.map((r) => r.name), dropped.fks.map((f) => f.name)],
  );
  const back = new Set(rows.map((r) => r.def));
  const missing = [...dropped.indexes, ...dropped.fks].filter((r) => !back.has(r.def));
  if (missing.length) throw new Error(`not restored as they were: ${missing.map((m) => m.name).join(', ')}`);
}
