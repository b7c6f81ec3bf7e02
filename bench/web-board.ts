// The dispatch board with thousands of open cases: a server holding ≥ 5,000 open cases (topped up
// through the 12345 import when the demo county has fewer), the board opened in Chromium as the
// county dispatcher, and measured: time until the first rows show and the board answers a click,
// how many rows are in the DOM (virtual rows: only those in view), the same after scrolling
// through 1,000 loaded cases, and a server-side filter's round trip.
//   node bench/web-board.ts [--server URL] [--web DIST] [--open 5000]
// Without --server it starts the demo server on a free port (the demo county takes minutes to
// build); --web serves that built web app through the e2e front. Writes bench/results/web-board.json.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiSession } from '../e2e/lib/api.ts';
import { launch, newContext, signIn } from '../e2e/lib/browser.ts';
import { startFront } from '../e2e/lib/front.ts';
import { L } from '../e2e/lib/ui.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string, dflt?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const WANT_OPEN = Number(flag('open', '5000'));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function startDemoServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hewei-web-board-'));
  const child = spawn(process.execPath, [join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HEWEI_DATA_DIR: dataDir, HEWEI_DEMO: '1' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error('the demo server exited');
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function countOpen(api: ApiSession): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await api.call<{ items: unknown[]; nextCursor: string | null }>(
      'GET',
      `/cases?status=submitted&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    n += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && n < WANT_OPEN);
  return n;
}

/** 12345 work orders still to be accepted (待受理): they arrive as submitted cases on the board. */
async function topUp(api: ApiSession, count: number) {
  const { items } = await api.call<{ items: { id: string; level: string }[] }>('GET', '/org/regions');
  const villages = items.filter((r) => r.level === 'village').map((r) => r.id.replace(/^r-/, ''));
  const cats = ['0201', '0202', '0204', '0208', '0301', '0302', '0401', '0605'];
  const stamp = Date.now().toString(36);
  const now = new Date(Date.now() + 8 * 3600_000 - 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  for (let start = 0; start < count; start += 1000) {
    const lines = [
      '工单编号,受理时间,来电人,来电号码,诉求类型,诉求分类,诉求内容,诉求地址,所属区域,紧急程度,工单状态',
    ];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      lines.push(
        [
          `WB${stamp}${String(i).padStart(6, '0')}`,
          now,
          `来电人${i % 997}`,
          `139${String(10_000_000 + ((i * 7919) % 89_999_999)).slice(0, 8)}`,
          '投诉',
          cats[i % cats.length],
          `小区楼下夜间施工噪声很大，已经持续一周，希望尽快处理（${i}）`,
          `东街${i % 300}号`,
          villages[i % villages.length],
          '一般',
          '待受理',
        ].join(','),
      );
    }
    const r = await fetch(`${api.base}/api/v1/imports/hotline?source=webbench`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: api.cookieHeader },
      body: lines.join('\n'),
    });
    if (!r.ok) throw new Error(`import: ${r.status} ${(await r.text()).slice(0, 300)}`);
  }
}

const given = flag('server');
const server = given ? null : await startDemoServer();
const apiUrl = given ?? server!.url;
const front = flag('web') ? await startFront(flag('web')!, apiUrl) : null;
const base = front?.url ?? apiUrl;
const browser = await launch();
try {
  const api = new ApiSession(apiUrl);
  await api.signIn('dispatcher');
  let open = await countOpen(api);
  if (open < WANT_OPEN) {
    const t0 = performance.now();
    await topUp(api, WANT_OPEN - open);
    console.log(`imported ${WANT_OPEN - open} work orders in ${Math.round(performance.now() - t0)} ms`);
    open = await countOpen(api);
  }
  console.log(`open (submitted) cases the county dispatcher sees: ${open}${open >= WANT_OPEN ? '+' : ''}`);

  const context = await newContext(browser, base);
  const page = await context.newPage();
  await signIn(page, 'dispatcher');
  const started = performance.now();
  await page.goto('/dispatch?tab=accept');
  await page.locator('.ant-table-row').first().waitFor();
  const firstRowsMs = Math.round(performance.now() - started);
  // interactive: a click on a row opens the case
  await page.locator('.ant-table-row').first().click();
  await page.locator('[data-testid="case-panel"]').waitFor();
  const interactiveMs = Math.round(performance.now() - started);
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="case-panel"]').waitFor({ state: 'detached' });
  const domRowsAtStart = await page.locator('.ant-table-row').count();

  // scroll the virtual list until 1,000 cases are loaded (pages of 100 load near the end)
  const scroller = page.locator('.ant-table-body, .ant-table-tbody-virtual-holder').first();
  const scrollStarted = performance.now();
  let loaded = 0;
  for (let i = 0; i < 400 && loaded < 1000; i++) {
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.waitForTimeout(100);
    // pages of 100: every list request the board made is 100 more cases in memory
    loaded =
      100 *
      (await page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes('/api/v1/cases?status=submitted')).length,
      ));
  }
  const scrolledMs = Math.round(performance.now() - scrollStarted);
  const domRowsAfterScroll = await page.locator('.ant-table-row').count();

  // a server-side filter: the search box asks the server, the board shows its answer
  const filterStarted = performance.now();
  const search = page.getByPlaceholder(L('filter.q'));
  await search.fill('（4999）');
  await search.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length <= 5);
  const filterMs = Math.round(performance.now() - filterStarted);
  await context.close();

  const result = {
    metric: 'dispatch board with thousands of open cases, Chromium (headless), county dispatcher',
    openCasesAtLeast: open,
    firstRowsMs,
    interactiveMs,
    domRowsAtStart,
    casesLoadedByScrolling: loaded,
    scrollThroughMs: scrolledMs,
    domRowsAfterScroll,
    serverFilterMs: filterMs,
    measuredAt: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  writeFileSync(join(root, 'bench', 'results', 'web-board.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await browser.close();
  front?.server.close();
  await server?.stop();
}
