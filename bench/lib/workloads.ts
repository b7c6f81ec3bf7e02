// P1–P4, P8, P9 of performance.md and issue #10's search and duplicate goals against the real
// server: real routes, signed in, scope and audit on.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { type LoadResult, load } from './http.ts';
import type { RunningServer } from './server.ts';
import { searchWorkloads } from './workloads-search.ts';

export interface Workload {
  id: string;
  name: string;
  result: LoadResult;
  peakRssMb: number;
  ceiling: string;
  goal: string;
  /** os.loadavg() as the workload started: others share this 2-core machine */
  loadavg: number[];
}

/** The machine's 1/5/15-minute load, to two decimals. */
export const loadNow = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

const body = (i: number) =>
  JSON.stringify({
    kind: 'complaint',
    channel: 'hotline',
    categoryCode: '0605',
    description: `锦绣花园${i % 30}幢电梯本月已停运多次，有一次困人二十分钟，物业一直说在等配件，请相关部门尽快督促维修，保障居民出行安全。`,
    place: { address: '枫溪镇锦绣花园', regionId: 'r-330699101201' },
    parties: [{ role: 'applicant', name: '张先生', phone: '13812345678' }],
  });

export async function runWorkloads(
  s: RunningServer,
  dbUrl: string,
  tokens: { operator: string; dispatcher: string; handler: (dept: string) => Promise<string> },
  o: { connections: number; duration: number; warmup: number },
): Promise<Workload[]> {
  const out: Workload[] = [];
  const auth = (t: string) => ({ authorization: `Bearer ${t}`, 'content-type': 'application/json' });
  // the load is sampled as each workload starts: `record(…, await load(…))` evaluates it first
  let loadavg = loadNow();
  const measure = (o: Parameters<typeof load>[0]) => {
    loadavg = loadNow();
    return load(o);
  };
  const record = (id: string, name: string, result: LoadResult, ceiling: string, goal: string) =>
    out.push({ id, name, result, peakRssMb: s.peakRssMb(), ceiling, goal, loadavg });

  // P1: intake in one durable transaction, each request with its own idempotency key.
  let n = 0;
  record(
    'P1',
    'intake POST /api/v1/cases',
    await measure({
      url: s.url,
      connections: o.connections,
      duration: o.duration,
      warmup: o.warmup,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/cases',
          setupRequest: (req) => ({
            ...req,
            headers: { ...auth(tokens.operator), 'idempotency-key': randomUUID() },
            body: body(n++),
          }),
        },
      ],
    }),
    'durable single-row INSERT',
    '≥ 2,000 req/s, p99 ≤ 50 ms, ≥ 35 % of the INSERT ceiling',
  );

  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  // P2: a workflow action (a handling note: event + outbox + optimistic version) on many cases.
  const { rows: depts } = await db.query(
    `select a.department_id, count(*)::int n from assignments a join cases c on c.county_id = a.county_id and c.id = a.case_id
     where c.status = 'in_progress' and a.status = 'acknowledged' group by 1 order by 2 desc limit 1`,
  );
  if (depts[0]) {
    const dept = depts[0].department_id as string;
    const { rows } = await db.query(
      `select c.id, c.version from cases c join assignments a on a.county_id = c.county_id and a.case_id = c.id
       where c.status = 'in_progress' and a.status = 'acknowledged' and a.department_id = $1 limit 2000`,
      [dept],
    );
    const versions = new Map<string, number>(rows.map((r) => [r.id, r.version]));
    const ids = [...versions.keys()];
    const handler = await tokens.handler(dept);
    let k = 0;
    record(
      'P2',
      `workflow action POST …/actions/handle (${ids.length} cases)`,
      await measure({
        url: s.url,
        connections: Math.min(o.connections, Math.max(1, Math.floor(ids.length / 4))),
        duration: o.duration,
        warmup: o.warmup,
        requests: [
          {
            method: 'POST',
            setupRequest: (req, ctx) => {
              const id = ids[k++ % ids.length];
              (ctx as Record<string, string>).id = id;
              return {
                ...req,
                path: `/api/v1/cases/${id}/actions/handle`,
                headers: auth(handler),
                body: JSON.stringify({ version: versions.get(id), note: '已联系当事人' }),
              };
            },
            onResponse: (status, resBody, ctx) => {
              const id = (ctx as Record<string, string>).id;
              if (status === 200) versions.set(id, JSON.parse(resBody).version);
              else if (status === 409) versions.set(id, (versions.get(id) ?? 0) + 1);
            },
          },
        ],
      }),
      'durable single-row INSERT',
      '≥ 1,000 /s, p99 ≤ 50 ms',
    );
  }

  // P3: one case by id, and the work list (keyset, 50 rows, scoped and filtered).
  const { rows: sample } = await db.query(`select id from cases tablesample system (1) limit 5000`);
  const caseIds = sample.length
    ? sample.map((r) => r.id)
    : (await db.query('select id from cases limit 5000')).rows.map((r) => r.id);
  // open cases a resident calls about again (their place and words): what duplicate checks must find
  const { rows: places } = await db.query(
    `select region_id "regionId", grid_id "gridId", address, description, category_code "categoryCode"
       from cases where closed_at is null order by id desc limit 50`,
  );
  await db.end();
  let j = 0;
  record(
    'P3a',
    'case by id GET /api/v1/cases/:id',
    await measure({
      url: s.url,
      connections: o.connections,
      duration: o.duration,
      warmup: o.warmup,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/cases/${caseIds[j++ % caseIds.length]}`,
            headers: auth(tokens.dispatcher),
          }),
        },
      ],
    }),
    'pgbench select-only',
    '≥ 3,000 req/s, p99 ≤ 30 ms',
  );
  const lists = [
    '',
    '&status=in_progress,dispatched',
    '&colour=red,orange',
    '&regionId=r-330699103',
    '&mine=true',
    '&kind=dispute',
  ];
  let l = 0;
  record(
    'P3b',
    'work list GET /api/v1/cases?limit=50 (keyset, scoped, filtered)',
    await measure({
      url: s.url,
      connections: o.connections,
      duration: o.duration,
      warmup: o.warmup,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/cases?limit=50${lists[l++ % lists.length]}`,
            headers: auth(tokens.dispatcher),
          }),
        },
      ],
    }),
    'pgbench select-only',
    '≥ 2,000 req/s, p99 ≤ 50 ms',
  );

  // P4: the overview figures (read from the rollups the loader built and checked).
  const overview = await fetch(`${s.url}/api/v1/overview`, { headers: auth(tokens.dispatcher) });
  if (!overview.ok) throw new Error(`GET /api/v1/overview: ${overview.status} ${await overview.text()}`);
  record(
    'P4',
    'overview figures GET /api/v1/overview',
    await measure({
      url: `${s.url}/api/v1/overview`,
      connections: o.connections,
      duration: o.duration,
      warmup: o.warmup,
      headers: auth(tokens.dispatcher),
    }),
    'pgbench select-only',
    'p95 ≤ 100 ms',
  );

  // Issue #10: search and duplicate suggestions.
  await searchWorkloads(s.url, auth, tokens, places, o, measure, record);

  // P9: a 10× burst on the case page: absorbed, or refused quickly with 429/503 — never a hang.
  record(
    'P9',
    `overload: ${o.connections * 10} connections on GET /api/v1/cases/:id`,
    await measure({
      url: s.url,
      connections: o.connections * 10,
      duration: Math.max(5, Math.round(o.duration / 2)),
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/cases/${caseIds[j++ % caseIds.length]}`,
            headers: auth(tokens.dispatcher),
          }),
        },
      ],
    }),
    'Fastify hello-world',
    'p99 ≤ 200 ms; beyond capacity 429/503 with Retry-After, never a hang',
  );
  return out;
}
