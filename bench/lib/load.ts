// Creates a benchmark database for a tier and fills it at COPY speed; reports the load rate and size.

import { mkdtempSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres } from '../../apps/server/src/db/client.ts';
import { insertOrg } from '../../apps/server/src/demo/org.ts';
import { createRng } from '../../apps/server/src/demo/rng.ts';
import { DEMO_PASSWORD } from '../../apps/server/src/demo/seed.ts';
import { demoOrgSpec } from '../../apps/server/src/demo/spec.ts';
import { createDeps } from '../../apps/server/src/deps.ts';
import { ManualClock } from '../../apps/server/src/lib/clock.ts';
import { checkSearchEntries, checkTier } from './check.ts';
import { copyTier, dropForBulkLoad, restoreAfterBulkLoad } from './copy.ts';

const KEYRING_META = 'bench-keyring';

/** The keyring the tier was sealed with, for the server (HEWEI_PII_KEYRING). */
export async function tierKeyring(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query(`select value from app_meta where key = $1`, [KEYRING_META]);
  await c.end();
  if (!rows[0]) throw new Error('the tier has no keyring: load it again');
  return JSON.stringify(rows[0].value);
}

/** Disk a tier takes per case: 8.21 GB for the 1 M tier (base rows, derived rows, indexes). */
const BYTES_PER_CASE = 8_200;
const KEEP_FREE = 15e9;

/** Refuses to start a load that would leave less than 15 GB free where PostgreSQL keeps its data. */
async function refuseWithoutRoom(admin: pg.Client, tier: string, cases: number) {
  const dir = (await admin.query(`select setting from pg_settings where name = 'data_directory'`)).rows[0]
    .setting;
  const fs = statfsSync(dir);
  const free = fs.bavail * fs.bsize;
  const need = cases * BYTES_PER_CASE;
  if (free - need < KEEP_FREE) {
    await admin.end();
    const gb = (x: number) => `${(x / 1e9).toFixed(0)} GB`;
    throw new Error(
      `tier ${tier}: needs ~${gb(need)}, ${gb(free)} free; ${gb(KEEP_FREE)} must stay free — not loading`,
    );
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Bump when the generated rows change: an older tier database is dropped and loaded again. */
export const GENERATOR_VERSION = 4;

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
      return { url, reused: true, load: v, check: await checkTier(url, log) };
    }
    await admin.query(`drop database hewei_bench_${tier} with (force)`);
  }
  await refuseWithoutRoom(admin, tier, cases);
  await admin.query(
    `create database hewei_bench_${tier} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
  );
  await admin.end();

  const database = await openPostgres(url, 2); // migrations: the production schema, nothing more
  const spec = demoOrgSpec(createRng(20_261_122));
  // the modules' own directory, calendar, deadline policies and keyring, as the server builds them
  const deps = createDeps({
    db: database.db,
    dbKind: 'postgres',
    clock: new ManualClock(now),
    dataDir: mkdtempSync(join(tmpdir(), 'hewei-bench-load-')),
    config: { demo: false, cookieSecure: false, defaultCountyId: null, webDist: null, logLevel: 'silent' },
  });
  await insertOrg(
    database.db,
    spec,
    await hash(DEMO_PASSWORD, { algorithm: 2 }),
    new Date(now.getTime() - 6 * 365 * 86_400_000),
    { pii: deps.pii },
  );
  await deps.org.refresh();
  await deps.deadlines?.refresh();
  // the tier's personal data is sealed with this keyring; every server run on the tier uses it
  await database.db.execute(
    sql`insert into app_meta (key, value) values (${KEYRING_META}, ${JSON.stringify(deps.pii.spec())}::jsonb)`,
  );

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const dropped = await dropForBulkLoad(client);
  const copied = await copyTier(client, deps, spec, cases, now, log);
  const indexStarted = performance.now();
  await restoreAfterBulkLoad(client, dropped);
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  await checkSearchEntries(client, deps.org);
  await database.close();
  const seconds = (performance.now() - started) / 1000;
  // as autovacuum would after a load: statistics, and the visibility map that index-only scans need
  await client.query('vacuum (analyze)');
  const size = (await client.query(`select pg_database_size(current_database())::bigint as b`)).rows[0].b;
  const counts = copied.rows;
  const load = {
    version: GENERATOR_VERSION,
    cases,
    rows: counts,
    seconds: Math.round(seconds * 10) / 10,
    casesPerSecond: Math.round(cases / seconds),
    rowsPerSecond: Math.round(Object.values(counts).reduce((a, b) => a + b, 0) / seconds),
    /** building the derived rows in Node (rollup keys, jieba terms, timer plans, stamps), inside the load */
    deriveSeconds: round1(copied.deriveSeconds),
    /** secondary indexes and foreign keys, dropped before COPY and put back from their own definitions */
    indexSeconds: round1(indexSeconds),
    diskBytes: Number(size),
    loadedAt: new Date().toISOString(),
  };
  const check = await checkTier(url, log); // throws when a rollup disagrees with the base rows
  await client.query(
    `insert into app_meta (key, value) values ('bench', $1) on conflict (key) do update set value = excluded.value`,
    [load],
  );
  await client.end();
  log(
    `tier ${tier}: loaded ${cases} cases in ${load.seconds} s (${load.rowsPerSecond} rows/s, ` +
      `derived rows ${load.deriveSeconds} s, indexes ${load.indexSeconds} s, ${(load.diskBytes / 1e9).toFixed(2)} GB)`,
  );
  return { url, reused: false, load, check };
}
