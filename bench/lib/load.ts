// Creates a benchmark database for a tier and fills it at COPY speed; reports the load rate and size.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openPostgres } from '../../apps/server/src/db/client.ts';
import { insertOrg } from '../../apps/server/src/demo/org.ts';
import { createRng } from '../../apps/server/src/demo/rng.ts';
import { DEMO_PASSWORD } from '../../apps/server/src/demo/seed.ts';
import { demoOrgSpec } from '../../apps/server/src/demo/spec.ts';
import {
  ASSIGNMENT_COLUMNS,
  CASE_COLUMNS,
  EVENT_COLUMNS,
  generateCases,
  PARTY_COLUMNS,
  type Rows,
} from './dataset.ts';

export const GENERATOR_VERSION = 2;

export function tierUrl(base: string, tier: string) {
  const u = new URL(base);
  u.pathname = `/hewei_bench_${tier}`;
  return u.toString();
}

export async function ensureTier(base: string, tier: string, cases: number, now: Date, log = console.log) {
  const url = tierUrl(base, tier);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [`hewei_bench_${tier}`]))
    .rowCount;
  if (exists) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const meta = await c
      .query(`select value from app_meta where key = 'bench'`)
      .catch(() => ({ rows: [] as { value: any }[] }));
    await c.end();
    const v = meta.rows[0]?.value;
    if (v?.version === GENERATOR_VERSION && v?.cases === cases) {
      await admin.end();
      log(`tier ${tier}: reusing hewei_bench_${tier} (${cases} cases, loaded ${v.loadedAt})`);
      return { url, reused: true, load: v };
    }
    await admin.query(`drop database hewei_bench_${tier} with (force)`);
  }
  await admin.query(
    `create database hewei_bench_${tier} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
  );
  await admin.end();

  const database = await openPostgres(url, 2); // migrations: the production schema, nothing more
  const spec = demoOrgSpec(createRng(20_261_122));
  await insertOrg(
    database.db,
    spec,
    await hash(DEMO_PASSWORD, { algorithm: 2 }),
    new Date(now.getTime() - 6 * 365 * 86_400_000),
  );
  await database.close();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const counts = { cases: 0, events: 0, assignments: 0, parties: 0 };
  const gen = generateCases(spec, cases, now);
  const buffers: Record<keyof Rows, string[]> = { cases: [], events: [], assignments: [], parties: [] };
  const flush = async (table: keyof Rows, name: string, cols: string[]) => {
    const chunk = buffers[table];
    if (!chunk.length) return;
    buffers[table] = [];
    await pipeline(
      Readable.from(chunk),
      client.query(copyFrom(`copy ${name} (${cols.join(',')}) from stdin`)),
    );
  };
  for (const rows of gen) {
    for (const k of Object.keys(counts) as (keyof Rows)[]) {
      buffers[k].push(...rows[k]);
      counts[k] += rows[k].length;
    }
    if (buffers.events.length > 60_000) {
      await flush('cases', 'cases', CASE_COLUMNS);
      await flush('assignments', 'assignments', ASSIGNMENT_COLUMNS);
      await flush('parties', 'case_parties', PARTY_COLUMNS);
      await flush('events', 'case_events', EVENT_COLUMNS);
      log(`  ${counts.cases} cases…`);
    }
  }
  await flush('cases', 'cases', CASE_COLUMNS);
  await flush('assignments', 'assignments', ASSIGNMENT_COLUMNS);
  await flush('parties', 'case_parties', PARTY_COLUMNS);
  await flush('events', 'case_events', EVENT_COLUMNS);
  const seconds = (performance.now() - started) / 1000;
  await client.query('analyze');
  const size = (await client.query(`select pg_database_size(current_database())::bigint as b`)).rows[0].b;
  const load = {
    version: GENERATOR_VERSION,
    cases,
    rows: counts,
    seconds: Math.round(seconds * 10) / 10,
    casesPerSecond: Math.round(cases / seconds),
    rowsPerSecond: Math.round(Object.values(counts).reduce((a, b) => a + b, 0) / seconds),
    diskBytes: Number(size),
    loadedAt: new Date().toISOString(),
  };
  await client.query(
    `insert into app_meta (key, value) values ('bench', $1) on conflict (key) do update set value = excluded.value`,
    [load],
  );
  await client.end();
  log(
    `tier ${tier}: loaded ${cases} cases (${load.rowsPerSecond} rows/s, ${(load.diskBytes / 1e9).toFixed(2)} GB)`,
  );
  return { url, reused: false, load };
}
