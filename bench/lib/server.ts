// The real server, started as production starts it, on the tier's database.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  pid: number;
  coldStartMs: number;
  rssMb(): number;
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startServer(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['apps/server/src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      HEWEI_DEMO: '0',
      LOG_LEVEL: 'warn',
      HEWEI_DATA_DIR: mkdtempSync(join(tmpdir(), 'hewei-bench-')),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  // up to two minutes: on this shared machine a cold start can take far longer than its goal
  for (let ready = false; !ready; ) {
    ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (child.exitCode !== null) throw new Error('server exited during start');
    if (!ready && performance.now() - started > 120_000) {
      child.kill('SIGTERM');
      throw new Error('server not ready after 120 s');
    }
    if (!ready) await new Promise((r) => setTimeout(r, 25));
  }
  const coldStartMs = Math.round(performance.now() - started);
  const rssMb = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      return Math.round(kb / 1024);
    } catch {
      return 0;
    }
  };
  let peak = rssMb();
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 200);
  return {
    url,
    pid: child.pid!,
    coldStartMs,
    rssMb,
    peakRssMb: () => peak,
    async stop() {
      clearInterval(timer);
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** A request that the server refused for overload (503/429 with Retry-After) is tried again. */
async function patiently(url: string, init: RequestInit, tries = 60): Promise<Response> {
  for (let i = 1; ; i++) {
    const r = await fetch(url, init);
    if ((r.status !== 503 && r.status !== 429) || i >= tries) return r;
    const wait = Number(r.headers.get('retry-after') ?? 1);
    await new Promise((res) => setTimeout(res, Math.min(10, Math.max(1, wait)) * 1000));
  }
}

export async function token(url: string, username: string, password: string): Promise<string> {
  const login = await patiently(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`sign-in as ${username}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const t = await patiently(`${url}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (!t.ok) throw new Error(`token for ${username}: ${t.status} ${await t.text()}`);
  return (await t.json()).token;
}
