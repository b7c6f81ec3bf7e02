// The machine's own ceilings, measured in the same run as the workloads they are compared with.
import { execFileSync, spawn } from 'node:child_process';
import pg from 'pg';
import { load } from './http.ts';

export interface Ceiling {
  name: string;
  perSecond: number;
  p99Ms?: number;
  concurrency: number;
  raw: string;
}

export async function pgbenchCeilings(base: string, clients: number, seconds: number): Promise<Ceiling[]> {
  const u = new URL(base);
  const args = ['-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres'];
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const has = (await admin.query(`select 1 from pg_database where datname = 'hewei_bench_pgbench'`)).rowCount;
  if (!has) await admin.query('create database hewei_bench_pgbench');
  await admin.end();
  if (!has)
    execFileSync('pgbench', [...args, '-i', '-q', '-s', '10', 'hewei_bench_pgbench'], { stdio: 'ignore' });
  const run = (extra: string[]) =>
    execFileSync(
      'pgbench',
      [
        ...args,
        '-c',
        String(clients),
        '-j',
        '2',
        '-T',
        String(seconds),
        '-M',
        'prepared',
        ...extra,
        'hewei_bench_pgbench',
      ],
      {
        encoding: 'utf8',
      },
    );
  const tps = (out: string) => Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
  const tpcb = run([]);
  const select = run(['-S']);
  return [
    {
      name: 'pgbench tpcb-like',
      perSecond: tps(tpcb),
      concurrency: clients,
      raw: tpcb.trim().split('\n').slice(-6).join('\n'),
    },
    {
      name: 'pgbench select-only',
      perSecond: tps(select),
      concurrency: clients,
      raw: select.trim().split('\n').slice(-6).join('\n'),
    },
  ];
}

/** Durable single-row INSERTs (fsync and synchronous_commit as configured) at the given concurrency. */
export async function insertCeiling(base: string, clients: number, seconds: number): Promise<Ceiling> {
  const u = new URL(base);
  u.pathname = '/hewei_bench_pgbench';
  const pool = new pg.Pool({ connectionString: u.toString(), max: clients });
  await pool.query(
    'create table if not exists bench_insert (id bigserial primary key, county_id text, payload jsonb, at timestamptz default now())',
  );
  const settings = (
    await pool.query(`select current_setting('fsync') f, current_setting('synchronous_commit') s`)
  ).rows[0];
  const lat: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await pool.query('insert into bench_insert (county_id, payload) values ($1, $2)', [
          'r-330699',
          { text: '电梯故障困人' },
        ]);
        lat.push(performance.now() - t);
      }
    }),
  );
  await pool.query('truncate bench_insert');
  await pool.end();
  lat.sort((a, b) => a - b);
  return {
    name: 'durable single-row INSERT',
    perSecond: Math.round(lat.length / seconds),
    p99Ms: Math.round(lat[Math.floor(lat.length * 0.99)] * 10) / 10,
    concurrency: clients,
    raw: `fsync=${settings.f} synchronous_commit=${settings.s} inserts=${lat.length} in ${seconds}s`,
  };
}

/** A bare Fastify hello-world on the same Node, loaded the same way as the real server. */
export async function helloCeiling(port: number, connections: number, seconds: number): Promise<Ceiling> {
  const child = spawn(process.execPath, [new URL('./hello.ts', import.meta.url).pathname], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 50; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const r = await load({ url: `http://127.0.0.1:${port}/`, connections, duration: seconds });
    return {
      name: 'Fastify hello-world',
      perSecond: r.throughput,
      p99Ms: r.p99,
      concurrency: connections,
      raw: JSON.stringify(r),
    };
  } finally {
    child.kill('SIGTERM');
  }
}
