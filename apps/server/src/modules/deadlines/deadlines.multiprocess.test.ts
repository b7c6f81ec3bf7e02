import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres } from '../../db/client.ts';
import { insertOrg } from '../../demo/org.ts';
import { createDeps } from '../../deps.ts';
import { ManualClock } from '../../lib/clock.ts';
import { TEST_ORG } from '../../test/app.ts';
import { openCasesForTimers } from './deadlines.seed.ts';

const URL_ = process.env.DATABASE_URL;
const N = Number(process.env.HEWEI_KILL_TEST_CASES ?? 400);
const MAIN = fileURLToPath(new URL('../../main.ts', import.meta.url));
const NODE = process.execPath;
const MIN = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

it('three server processes killed at random (SIGKILL) while thousands of deadlines pass: 0 missed, 0 doubled', {
  skip: URL_ ? false : 'needs PostgreSQL (DATABASE_URL): PGlite is one process',
  timeout: 300_000,
}, async () => {
  // a fresh database the children and this test share
  const name = `hewei_kill_${process.pid}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: URL_ });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
  await admin.end();
  const u = new URL(URL_!);
  u.pathname = `/${name}`;
  const url = u.toString();
  const database = await openPostgres(url, 4);
  cleanups.push(async () => {
    await database.close();
    const a = new pg.Client({ connectionString: URL_ });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  });
  const dir = mkdtempSync(join(tmpdir(), 'hewei-kill-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const clockFile = join(dir, 'clock');
  let offset = 0;
  const setOffset = (ms: number) => {
    offset = ms;
    writeFileSync(`${clockFile}.tmp`, String(ms));
    renameSync(`${clockFile}.tmp`, clockFile);
  };
  setOffset(0);

  // the county, and N red cases coming in over the next hour (each: warn, overdue, urge, supervise, 2 escalations)
  const start = Date.now();
  const deps = createDeps({
    db: database.db,
    dbKind: 'postgres',
    clock: new ManualClock(new Date(start)),
    dataDir: dir,
    config: { demo: false, cookieSecure: false, defaultCountyId: null, webDist: null, logLevel: 'silent' },
  });
  await insertOrg(
    database.db,
    TEST_ORG,
    await hash('x-pass-1', { algorithm: 2 }),
    new Date(start - 86_400_000),
  );
  await deps.org.refresh();
  const villages = ['r-330001101201', 'r-330001101202', 'r-330001102201'];
  const ids = await openCasesForTimers(deps, {
    n: N,
    regionIds: villages,
    at: (i) => new Date(start + Math.floor((i * 60 * MIN) / N)),
  });

  // three instances, killed and restarted at random while the clock runs four hours ahead
  const procs: (ChildProcess | null)[] = [null, null, null];
  let kills = 0;
  const crashed: string[] = [];
  const launch = (i: number) => {
    const p = spawn(NODE, [MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(3951 + i),
        HOST: '127.0.0.1',
        HEWEI_DATA_DIR: dir,
        HEWEI_DEMO: '0',
        HEWEI_TEST_CLOCK_FILE: clockFile,
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    p.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') crashed.push(`instance ${i} exited by itself (code ${code}, ${signal})`);
    });
    procs[i] = p;
  };
  const killAll = () => {
    for (const p of procs) p?.kill('SIGKILL');
  };
  cleanups.push(killAll);
  for (let i = 0; i < 3; i++) launch(i);
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let step = 1; step <= 50; step++) {
    setOffset(step * 5 * MIN);
    await sleep(400);
    if (rand() < 0.35) {
      const i = Math.floor(rand() * 3);
      procs[i]?.kill('SIGKILL');
      kills++;
      await sleep(50);
      launch(i);
    }
  }
  setOffset(6 * 60 * MIN);

  // wait until nothing is due any more
  const simNow = () => new Date(Date.now() + offset).toISOString();
  let pending = -1;
  for (let waited = 0; waited < 120_000; waited += 500) {
    const r = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from case_timers where fired_at is null and fire_at <= ${simNow()}::timestamptz`,
    );
    pending = r.rows[0].n;
    if (pending === 0 || crashed.length) break;
    await sleep(500);
  }
  killAll();
  assert.deepEqual(crashed, []);
  assert.equal(pending, 0, 'every due timer fired');
  assert.ok(kills >= 5, `processes were killed (${kills})`);

  const perCase = await database.db.execute<{ type: string; cases: number; min: number; max: number }>(sql`
      select type, count(*)::int as cases, min(n)::int as min, max(n)::int as max from (
        select case_id, type, count(*) as n from case_events
        where type in ('case.due_soon_warned','case.overdue_marked','case.urged','case.supervised','case.escalated')
        group by case_id, type) x group by type order by type`);
  const byType = Object.fromEntries(perCase.rows.map((r) => [r.type, r]));
  for (const type of ['case.due_soon_warned', 'case.overdue_marked', 'case.urged', 'case.supervised'])
    assert.deepEqual(byType[type], { type, cases: N, min: 1, max: 1 }, type);
  // village → town → county: exactly two escalations per case, none missed, none doubled
  assert.deepEqual(byType['case.escalated'], { type: 'case.escalated', cases: N, min: 2, max: 2 });
  const owners = await database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from cases where owner_region_id = 'r-330001' and id = any(${sql.param(ids)}::text[])`,
  );
  assert.equal(owners.rows[0].n, N, 'every case ended at the county');
  const outbox = await database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from outbox where topic = 'case.escalated'`,
  );
  assert.equal(outbox.rows[0].n, 2 * N, 'one outbox message per escalation');
  console.log(`# kill test: ${N} cases, ${6 * N} timers fired, ${kills} SIGKILLs, ${Date.now() - start} ms`);
});
