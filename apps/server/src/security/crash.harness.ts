import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { openPostgres } from '../db/client.ts';
import { insertOrg } from '../demo/org.ts';
import { TEST_ORG, VILLAGE_A1 } from '../test/app.ts';

const SERVER = fileURLToPath(new URL('./crash.server.ts', import.meta.url));

/** A fresh PostgreSQL database with the schema and the small test county. */
export async function crashDatabase(baseUrl: string) {
  const name = `hewei_crash_${process.pid}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(
    `create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
  );
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 2);
  await insertOrg(
    db.db,
    TEST_ORG,
    await hash('crash-test-1', { algorithm: 2 }),
    new Date('2024-01-01T00:00:00Z'),
  );
  await db.close();
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

interface Server {
  /** known once ready */
  port: number;
  child: ChildProcess;
  ready: Promise<void>;
}

/**
 * Server processes on alternating ports; the next one starts while the current one serves, so a
 * kill is followed at once by a live server (the test is about what survives, not start-up time).
 */
export function serverPool(url: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hewei-crash-'));
  const start = (): Server => {
    const child = spawn(process.execPath, [SERVER], {
      env: { ...process.env, DATABASE_URL: url, PORT: '0', HEWEI_DATA_DIR: dataDir, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const server: Server = { port: 0, child, ready: Promise.resolve() };
    server.ready = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        const m = /ready (\d+)/.exec(d.toString());
        if (m) {
          server.port = Number(m[1]);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    server.ready.catch(() => {});
    return server;
  };
  let switching = false;
  let current = start();
  let next = start();
  return {
    dataDir,
    /** null while switching over: nobody sends to a port that a dead process may have left to others */
    current: () => (switching ? null : current),
    /** resolves when a live server is serving (after a switch-over, the new one) */
    async ready() {
      while (switching) await new Promise((r) => setTimeout(r, 10));
      await current.ready;
    },
    /** SIGKILL the serving process; the standby takes over and a new standby starts */
    async kill() {
      switching = true;
      const dead = current;
      const gone = new Promise((r) => dead.child.once('exit', r));
      dead.child.kill('SIGKILL');
      await gone;
      current = next;
      await current.ready;
      switching = false;
      next = start();
    },
    async stop() {
      for (const s of [current, next]) {
        const gone = new Promise((r) => s.child.once('exit', r));
        s.child.kill('SIGKILL');
        if (s.child.exitCode === null && s.child.signalCode === null) await gone;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const submission = (key: string) => ({
  kind: 'complaint',
  channel: 'web',
  categoryCode: '0605',
  description: `电梯停运 crash-key:${key}:`,
  place: { regionId: VILLAGE_A1, address: '甲一村' },
  parties: [{ role: 'applicant', name: '张三', phone: '13812345678' }],
});

/** One intake over HTTP; the case id when the server acknowledged it, else null. */
export async function post(port: number, key: string): Promise<string | null> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(submission(key)),
      signal: AbortSignal.timeout(10_000),
    });
    if (r.status !== 201 && r.status !== 200) return null;
    return ((await r.json()) as { id: string }).id;
  } catch {
    return null;
  }
}

/** How many cases each key made, read from the database itself. */
export async function casesPerKey(url: string): Promise<Map<string, string[]>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ id: string; description: string }>(
    `select id, description from cases where description like '%crash-key:%'`,
  );
  await c.end();
  const byKey = new Map<string, string[]>();
  for (const r of rows) {
    const key = /crash-key:([^:]+):/.exec(r.description)![1];
    byKey.set(key, [...(byKey.get(key) ?? []), r.id]);
  }
  return byKey;
}

export const newKey = (): string => randomUUID();
