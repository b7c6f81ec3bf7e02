// Hotline import benchmark (performance.md P5): a fixed-seed export of 12345 work orders, imported
// through the real service (parse, validate, domain, bulk write, case-write hooks) into a fresh
// PostgreSQL database, timed until every case is listable with timeline, deadlines, grid and
// search entry; and, in the same run, a raw COPY of the same rows as the machine's ceiling.
// Run: ./node_modules/.bin/node bench/import.bench.ts [--rows 100000] [--runs 3] [--out import.json]
//   → bench/results/<out>. The machine is shared: os.loadavg() is recorded at the start and the end.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPostgres } from '../apps/server/src/db/client.ts';
import { insertOrg } from '../apps/server/src/demo/org.ts';
import { createRng } from '../apps/server/src/demo/rng.ts';
import { demoOrgSpec } from '../apps/server/src/demo/spec.ts';
import { createDeps } from '../apps/server/src/deps.ts';
import { ManualClock } from '../apps/server/src/lib/clock.ts';
import { importsService, readRows } from '../apps/server/src/modules/imports/imports.service.ts';

const arg = (name: string, d: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const ROWS = Number(arg('rows', '100000'));
const RUNS = Number(arg('runs', '3'));
const OUT = arg('out', 'import.json');
// --no-hooks: the import's own writes only (to see what the hooks cost); the listable check is skipped
const noHooks = process.argv.includes('--no-hooks');
const loadAtStart = os.loadavg().map((x) => Math.round(x * 10) / 10);
const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NOW = new Date('2025-06-30T04:00:00Z');
const HEADER =
  '工单编号,受理时间,来电人,来电号码,诉求类型,诉求分类,诉求内容,诉求地址,所属区域,紧急程度,工单状态,承办单位,办理结果,回访结果,办结时间';
const PHRASES = [
  '小区楼下',
  '夜间施工',
  '噪声很大',
  '已经持续一周',
  '多次反映未果',
  '物业不作为',
  '路灯不亮',
  '垃圾堆放',
  '影响出行安全',
  '希望尽快处理',
  '老人小孩',
  '下雨积水',
  '占道经营',
  '油烟扰民',
  '请相关部门核实',
];

function generate(spec: ReturnType<typeof demoOrgSpec>, n: number) {
  const rng = createRng(20_250_630);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const villages = spec.towns.flatMap((t) => t.villages.map((v) => v.code));
  const depts = spec.departments.map((d) => d.name);
  const cats = ['0201', '0202', '0204', '0208', '0301', '0302', '0401', '0605'];
  const fmt = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  const lines = [HEADER];
  let broken = 0;
  for (let i = 0; i < n; i++) {
    const received = new Date(NOW.getTime() - (5 + rng() * 360) * 86_400_000);
    let text = '';
    while (text.length < 200) text += pick(PHRASES) + (rng() < 0.3 ? '，' : '');
    const roll = rng();
    const status = roll < 0.88 ? '已办结' : roll < 0.94 ? '办理中' : roll < 0.97 ? '已受理' : '待受理';
    const closed =
      status === '已办结' ? fmt(new Date(received.getTime() + (0.2 + rng() * 4) * 86_400_000)) : '';
    const bad = rng() < 0.01;
    if (bad) broken++;
    lines.push(
      [
        `GD${String(i).padStart(9, '0')}`,
        fmt(received),
        `来电人${i % 997}`,
        bad ? '1234' : `138${String(10_000_000 + ((i * 7919) % 89_999_999)).slice(0, 8)}`,
        pick(['投诉', '求助', '咨询', '建议']),
        pick(cats),
        text,
        `${pick(['东', '西', '南', '北'])}街${i % 300}号`,
        pick(villages),
        rng() < 0.05 ? '紧急' : '一般',
        status,
        status === '已办结' || status === '办理中' ? pick(depts) : '',
        status === '已办结' ? '已现场处理并答复来电人' : '',
        status === '已办结' ? pick(['满意', '满意', '基本满意', '不满意']) : '',
        closed,
      ].join(','),
    );
  }
  return { csv: `${lines.join('\n')}\n`, broken };
}

async function freshDb(name: string) {
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(
    `create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
  );
  await admin.end();
  const u = new URL(BASE);
  u.pathname = `/${name}`;
  return u.toString();
}

const spec = demoOrgSpec(createRng(7));
const { csv, broken } = generate(spec, ROWS);
const file = join(tmpdir(), `hewei-import-${process.pid}.csv`);
writeFileSync(file, csv);
const runs: {
  importMs: number;
  copyMs: number;
  created: number;
  failed: number;
  events: number;
  check: Record<string, number>;
}[] = [];
let hookForms = '';
for (let run = 0; run < RUNS; run++) {
  const url = await freshDb(`hewei_bench_import_${run}`);
  const database = await openPostgres(url, 4);
  const dataDir = join(tmpdir(), `hewei-import-data-${process.pid}`);
  const deps = createDeps({
    db: database.db,
    dbKind: 'postgres',
    clock: new ManualClock(NOW),
    dataDir,
    config: { demo: false, cookieSecure: false, defaultCountyId: null, webDist: null, logLevel: 'silent' },
  });
  await insertOrg(database.db, spec, 'x', new Date('2024-01-01T00:00:00Z'));
  await deps.org.refresh();
  if (noHooks) deps.hooks.caseWrite = [];
  const forms = deps.hooks.caseWrite.map((h) => ('batch' in h ? 'batch' : 'per case'));
  hookForms = `${deps.hooks.caseWrite.length} case-write hooks: ${forms.filter((f) => f === 'batch').length} with a batch form, ${forms.filter((f) => f !== 'batch').length} per case`;
  const countyId = deps.org.countyIds()[0];
  const viewer = {
    userId: 'bench',
    role: 'operator' as const,
    regionId: countyId,
    departmentId: null,
    countyId,
    displayName: 'bench',
    username: null,
  };

  // the ceiling: the same rows, COPYed raw into a table of text columns
  await database.db.execute(
    `create table import_raw (${HEADER.split(',')
      .map((_, i) => `c${i} text`)
      .join(', ')})` as never,
  );
  let t0 = performance.now();
  await database.db.execute(`copy import_raw from '${file}' with (format csv, header true)` as never);
  const copyMs = performance.now() - t0;

  t0 = performance.now();
  const report = await importsService(deps).run(viewer, '12345', readRows('csv', csv), false);
  const importMs = performance.now() - t0;
  // when the import answers, every case is listable with its timeline, timers, rollup keys and
  // search entry (grid stamps only where the case has a grid: the demo county has no map)
  const { rows } = await database.db.execute<Record<string, number>>(
    `select (select count(*) from case_events)::int as n,
       (select count(*) from cases c where exists (select 1 from case_events e where e.county_id = c.county_id and e.case_id = c.id))::int as timeline,
       (select count(*) from case_search)::int as search,
       (select count(*) from overview_case_keys)::int as rollup,
       (select count(distinct case_id) from case_timers)::int as timed,
       (select count(*) from cases where closed_at is null)::int as open,
       (select count(*) from cases where closed_at is null and due_at is not null)::int as "openWithDeadline",
       (select count(*) from cases c where closed_at is null and due_at is not null and not exists
         (select 1 from case_timers t where t.county_id = c.county_id and t.case_id = c.id))::int as untimed,
       (select count(*) from cases where grid_id is not null)::int as gridded,
       (select count(*) from case_grid_stamps)::int as stamped` as never,
  );
  const c = rows[0];
  if (
    !noHooks &&
    (c.timeline !== report.created || c.search !== report.created || c.rollup !== report.created)
  )
    throw new Error(`not every case is listable: ${JSON.stringify(c)}`);
  if (c.stamped < c.gridded) throw new Error(`grid stamps missing: ${JSON.stringify(c)}`);
  // open cases in a status that runs no deadline (accepted before triage, called back) have no timers
  if (!noHooks && c.untimed > 0)
    throw new Error(`open cases with a deadline but no timers: ${JSON.stringify(c)}`);
  runs.push({ importMs, copyMs, created: report.created, failed: report.failed, events: c.n, check: c });
  console.log(
    `run ${run + 1}: import ${Math.round(importMs)} ms (${report.created} cases, ${report.failed} refused), COPY ${Math.round(copyMs)} ms`,
  );
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`drop database if exists hewei_bench_import_${run} with (force)`);
  await admin.end();
}
rmSync(file, { force: true });

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const importMs = median(runs.map((r) => r.importMs));
const copyMs = median(runs.map((r) => r.copyMs));
const result = {
  rows: ROWS,
  brokenRowsGenerated: broken,
  runs,
  median: {
    importMs: Math.round(importMs),
    casesPerSecond: Math.round(runs[0].created / (importMs / 1000)),
    copyMs: Math.round(copyMs),
    copyRowsPerSecond: Math.round(ROWS / (copyMs / 1000)),
    ratioToCopy: Math.round((ROWS / importMs / (ROWS / copyMs)) * 1000) / 1000,
  },
  goals: { casesPerSecond: 20_000, ratioToCopy: 0.4 },
  hooks: hookForms,
  load: {
    atStart: loadAtStart,
    atEnd: os.loadavg().map((x) => Math.round(x * 10) / 10),
    cores: os.cpus().length,
  },
  at: new Date().toISOString(),
};
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', OUT);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result.median));
