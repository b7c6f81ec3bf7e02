// Runs the browser journeys against a real server: builds the web app if needed, starts the server on a free
// port with a fresh demo database, waits for /healthz, runs e2e/journeys/*.journey.ts with node:test, and
// stops the server. Screenshots land in e2e/screenshots/.
//   node e2e/run.ts [journey-name-filter]
// Env: E2E_WEB_DIST serve this built web app through a small front instead of the server's own;
//      E2E_SERVER_URL use a server already running there instead of starting one;
//      E2E_START_TIMEOUT seconds to wait for /healthz (default 600: the demo county takes a while on 2 cores);
//      E2E_KEEP=1 keep the data directory; CHROMIUM_PATH (default /usr/bin/chromium).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFront } from './lib/front.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const webDir = join(root, 'apps', 'web');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function buildWeb(): void {
  const vite = join(
    dirname(createRequire(join(webDir, 'package.json')).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  console.log('e2e: building apps/web …');
  const r = spawnSync(node, [vite, 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('web build failed');
}

async function waitForHealth(url: string, server: ChildProcess | null, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server && server.exitCode !== null)
      throw new Error(`server exited with code ${server.exitCode} before it was healthy`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not healthy after ${timeoutMs / 1000} s`);
}

async function servesWeb(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/portal`);
    return res.ok && (res.headers.get('content-type') ?? '').includes('text/html');
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function main(): Promise<number> {
  const externalDist = process.env.E2E_WEB_DIST;
  if (!externalDist && !existsSync(join(webDir, 'dist', 'index.html'))) buildWeb();

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hewei-e2e-'));
  const logFile = join(dataDir, 'server.log');
  const existing = process.env.E2E_SERVER_URL;
  const api = existing ?? `http://127.0.0.1:${port}`;
  const log = openSync(logFile, 'a');
  const server: ChildProcess | null = existing
    ? null
    : spawn(node, [join(root, 'apps/server/src/main.ts')], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          HEWEI_DATA_DIR: dataDir,
          HEWEI_DEMO: '1',
        },
        stdio: ['ignore', log, log],
      });
  let front: Awaited<ReturnType<typeof startFront>> | null = null;
  try {
    await waitForHealth(api, server, Number(process.env.E2E_START_TIMEOUT ?? 600) * 1000);
    let base = api;
    if (externalDist || !(await servesWeb(api))) {
      front = await startFront(externalDist ?? join(webDir, 'dist'), api);
      base = front.url;
      console.log(`e2e: the server does not serve the web app; a front serves it at ${base}`);
    }
    const filter = process.argv[2];
    const journeys = readdirSync(join(root, 'e2e', 'journeys'))
      .filter((f) => f.endsWith('.journey.ts') && (!filter || f.includes(filter)))
      .map((f) => join('e2e', 'journeys', f));
    console.log(`e2e: ${journeys.length} journey file(s) against ${base}`);
    // async: the front (if any) lives in this process and must keep serving while the journeys run
    const run = spawn(node, ['--test', '--test-concurrency=1', ...journeys], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: base, E2E_API_URL: api },
    });
    return await new Promise<number>((resolve) => run.once('exit', (code) => resolve(code ?? 1)));
  } catch (err) {
    console.error(`e2e: ${(err as Error).message}`);
    console.error(readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'));
    return 1;
  } finally {
    front?.server.close();
    if (server) await stop(server);
    if (process.env.E2E_KEEP === '1') console.log(`e2e: data kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
