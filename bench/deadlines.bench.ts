// Durable timers on PostgreSQL (performance.md P6). Run:
//   ./node_modules/.bin/node bench/deadlines.bench.ts [--open 1000000] [--overdue 100000] [--due 1000] [--instances 2]
// 1. `--open` pending timers far in the future (bulk-made from a case opened through the lifecycle);
// 2. lateness: `--due` timers falling due over 20 s of real time while `--instances` job loops poll
//    every 250 ms as the server does; lateness = when the firing committed − when it was due;
// 3. catch-up: `--overdue` cases whose deadline passed an hour ago, fired by the instances together;
//    checks each case got exactly one overdue event; `--batch n` sets how many timers a catch-up
//    transaction claims. Writes bench/results/deadlines.json (or --out).
//    The machine is shared: os.loadavg() is recorded at the start and the end.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres } from '../apps/server/src/db/client.ts';
import { insertOrg } from '../apps/server/src/demo/org.ts';
import { createDeps } from '../apps/server/src/deps.ts';
import { systemClock } from '../apps/server/src/lib/clock.ts';
import { fireDueTimers } from '../apps/server/src/modules/deadlines/deadlines.job.ts';
import { openCasesForTimers } from '../apps/server/src/modules/deadlines/deadlines.seed.ts';
import { TEST_ORG } from '../apps/server/src/test/app.ts';

const args = process.argv.slice(2);
const flag = (n: string, d: number) =>
  args.includes(`--${n}`) ? Number(args[args.indexOf(`--${n}`) + 1]) : d;
const OPEN = flag('open', 100_000);
const OVERDUE = flag('overdue', 2_000);
const DUE = flag('due', 1_000);
const INSTANCES = flag('instances', 2);
/** timers a catch-up transaction claims (the job's own default when absent) */
const CATCH_UP_BATCH = args.includes('--batch') ? flag('batch', 500) : undefined;
const OUT = args.includes('--out') ? args[args.indexOf('--out') + 1] : 'deadlines.json';
const loadAtStart = (await import('node:os')).loadavg();
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `hewei_bench_deadlines_${Date.now() % 100000}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
const url = base.replace(/\/[^/]*$/, `/${name}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) =>
  xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

const dataDir = mkdtempSync(join(tmpdir(), 'hewei-bench-'));
const config = { demo: false, cookieSecure: false, defaultCountyId: null, webDist: null, logLevel: 'silent' };
const instances = await Promise.all(
  Array.from({ length: INSTANCES }, async () => {
    const database = await openPostgres(url, 4);
    const deps = createDeps({ db: database.db, dbKind: 'postgres', clock: systemClock, dataDir, config });
    return { database, deps };
  }),
);
const { deps } = instances[0];
const db = deps.db;
await insertOrg(db, TEST_ORG, await hash('bench-pass', { algorithm: 2 }), new Date(Date.now() - 86_400_000));
for (const i of instances) await i.deps.org.refresh();
const q = async <T extends Record<string, unknown>>(s: ReturnType<typeof sql>) =>
  (await db.execute<T>(s)).rows;

/** Copies of one lifecycle-made case (same state, new ids), each with the timers `timers` describes. */
async function cloneCases(prefix: string, n: number, acceptBy: string, timers: string) {
  const [tpl] = await openCasesForTimers(deps, {
    n: 1,
    regionIds: ['r-330001101201'],
    at: () => new Date(Date.now() - 7_200_000),
  });
  await db.execute(sql`delete from case_timers where case_id = ${tpl}`);
  for (let from = 0; from < n; from += 50_000) {
    const to = Math.min(n, from + 50_000) - 1;
    await db.execute(
      sql.raw(`
      insert into cases select county_id, '${prefix}' || g, tracking_code || '-${prefix}' || g, kind, channel, category_code, description, address, lat, lon,
        region_id, region_path, grid_id, owner_region_id, complexity, colour, status, version, applicant_user_id, has_contact_phone,
        pool_department_ids, '${acceptBy}'::timestamptz, resolve_by, verify_by, callback_by, '${acceptBy}'::timestamptz, committed_working_days,
        extension_request, satisfaction, reopen_count, merged_into_id, mediation_outcome, created_at, updated_at, closed_at
      from cases, generate_series(${from}, ${to}) g where id = '${tpl}'`),
    );
    await db.execute(
      sql.raw(`
      insert into case_events select county_id, '${prefix}' || g, seq, type, at, actor_id, actor_role, from_status, to_status, reason, data
      from case_events, generate_series(${from}, ${to}) g where case_id = '${tpl}'`),
    );
    // the rows the overview hook keeps for each case, as the lifecycle would have left them
    await db.execute(
      sql.raw(`
      insert into overview_case_keys select county_id, '${prefix}' || g, timeliness, keys
      from overview_case_keys, generate_series(${from}, ${to}) g where case_id = '${tpl}'`),
    );
    await db.execute(
      sql.raw(`
      insert into case_timers (county_id, case_id, key, kind, stage, deadline, step, ord, fire_at, fired_at, outcome)
      select 'r-330001', '${prefix}' || g, t.kind || ':accept:' || '${acceptBy}' || ':' || t.step, t.kind, 'accept',
        '${acceptBy}'::timestamptz, t.step, t.ord, ${timers} + t.after::interval,
        case when t.kind = 'due_soon' then now() end, case when t.kind = 'due_soon' then 'fired' end
      from generate_series(${from}, ${to}) g, (values ('due_soon', 0, 0, '-6 minutes'), ('overdue', 10, 0, '0'),
        ('urge', 20, 0, '0'), ('supervise', 30, 0, '30 minutes'), ('escalate', 41, 1, '1 hour'), ('escalate', 42, 2, '2 hours'))
        t(kind, ord, step, after)`),
    );
  }
}

const result: Record<string, unknown> = { when: new Date().toISOString(), open: OPEN, instances: INSTANCES };

// 1. the open timers, in the future
let t0 = performance.now();
const farDeadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
await cloneCases(
  'open-',
  Math.ceil(OPEN / 5),
  farDeadline,
  `'${farDeadline}'::timestamptz + (g % 1000) * interval '1 minute'`,
);
await db.execute(sql`analyze case_timers`);
const [{ n: openTimers }] = await q<{ n: number }>(
  sql`select count(*)::int n from case_timers where fired_at is null`,
);
result.openTimers = openTimers;
result.seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
console.log(`deadlines bench: ${openTimers} open timers in ${result.seedSeconds} s`);

// 2. lateness while the job loops run as in the server (every 250 ms)
const lateness = new Map<string, number>();
let running = true;
const loops = instances.map(async ({ deps: d }) => {
  while (running) {
    const started = new Date();
    const n = await fireDueTimers(d);
    if (n) {
      const committed = Date.now();
      const rows = await d.db.execute<{ case_id: string; fire_at: string }>(
        sql`select case_id, fire_at from case_timers where fired_at >= ${started.toISOString()}::timestamptz and outcome = 'fired' and kind = 'overdue' and case_id like 'due-%'`,
      );
      // another instance may see the same firing later: keep the earliest sighting
      for (const r of rows.rows) {
        const late = committed - Date.parse(r.fire_at);
        lateness.set(r.case_id, Math.min(late, lateness.get(r.case_id) ?? late));
      }
    }
    await sleep(250);
  }
});
const window = 20_000;
const dueStart = Date.now() + 3000;
const dueAt = `to_timestamp((${dueStart} + (g::bigint * ${window}) / ${DUE}) / 1000.0)`;
await cloneCases('due-', DUE, new Date(dueStart + window).toISOString(), dueAt);
await sleep(dueStart + window + 5000 - Date.now());
running = false;
await Promise.all(loops);
const late = [...lateness.values()];
result.lateness = {
  timers: late.length,
  p50Ms: pct(late, 0.5),
  p99Ms: pct(late, 0.99),
  maxMs: Math.max(...late),
};
console.log('lateness', result.lateness);

// 3. catch-up after an hour down: OVERDUE red cases an hour past their deadline: overdue, urge,
//    supervise and the first escalation are all due (4 firings a case)
const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
await cloneCases('late-', OVERDUE, hourAgo, `'${hourAgo}'::timestamptz`);
t0 = performance.now();
const counts = await Promise.all(
  instances.map(({ deps: d }) => fireDueTimers(d, { budgetMs: 3_600_000, batch: CATCH_UP_BATCH })),
);
const seconds = (performance.now() - t0) / 1000;
const [check] = await q<{ cases: number; min: number; max: number }>(sql`
  select count(*)::int cases, min(n)::int min, max(n)::int max from (
    select case_id, count(*) n from case_events where type = 'case.overdue_marked' and case_id like 'late-%' group by case_id) x`);
result.catchUp = {
  overdueCases: OVERDUE,
  batch: CATCH_UP_BATCH ?? 'default',
  firings: counts.reduce((a, b) => a + b, 0),
  seconds: Math.round(seconds * 10) / 10,
  perSecond: Math.round(counts.reduce((a, b) => a + b, 0) / seconds),
  projectedSecondsFor100kCases: Math.round((100_000 / OVERDUE) * seconds),
  overdueEventsPerCase: check,
};
console.log('catch-up', result.catchUp);
if (check.cases !== OVERDUE || check.min !== 1 || check.max !== 1)
  throw new Error('missed or doubled firings');

const [load] = await q<{ l: string }>(sql`select 1 l`);
result.machine = {
  loadavgAtStart: loadAtStart,
  loadavg: (await import('node:os')).loadavg(),
  ok: Boolean(load),
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./results/${OUT}`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
for (const i of instances) await i.database.close();
await admin.query(`drop database ${name} with (force)`);
await admin.end();
