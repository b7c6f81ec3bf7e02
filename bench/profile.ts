// Where a route spends its CPU: starts the real server on the 10 k tier with --cpu-prof, loads one
// route for a few seconds, and prints the functions with the most self time.
//   node bench/profile.ts [case|list|intake|overview|search|duplicates] [seconds]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from './lib/accounts.ts';
import { load } from './lib/http.ts';
import { ensureTier, tierKeyring, tierUrl } from './lib/load.ts';
import { startServer, token } from './lib/server.ts';

const route = process.argv[2] ?? 'case';
const seconds = Number(process.argv[3] ?? 8);
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
await ensureTier(base, '10k', 10_000, new Date());
const dir = mkdtempSync(join(tmpdir(), 'hewei-prof-'));
const server = await startServer(tierUrl(base, '10k'), 3809, {
  NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}`,
  HEWEI_PII_KEYRING: await tierKeyring(tierUrl(base, '10k')),
});
const who = route === 'intake' || route === 'duplicates' ? 'operator' : 'dispatcher';
const auth = {
  authorization: `Bearer ${await token(server.url, who, DEMO_PASSWORD)}`,
  'content-type': 'application/json',
};
const db = new pg.Client({ connectionString: tierUrl(base, '10k') });
await db.connect();
const ids = (await db.query<{ id: string }>('select id from cases order by id limit 200')).rows.map(
  (r) => r.id,
);
await db.end();
let i = 0;
const requests = {
  case: [
    {
      method: 'GET' as const,
      setupRequest: (r: any) => ({ ...r, path: `/api/v1/cases/${ids[i++ % ids.length]}`, headers: auth }),
    },
  ],
  list: [{ method: 'GET' as const, path: '/api/v1/cases?limit=50', headers: auth }],
  overview: [{ method: 'GET' as const, path: '/api/v1/overview', headers: auth }],
  search: [{ method: 'GET' as const, path: encodeURI('/api/v1/search?limit=20&q=噪音'), headers: auth }],
  duplicates: [
    {
      method: 'POST' as const,
      path: '/api/v1/duplicates/check',
      headers: auth,
      body: JSON.stringify({
        description: '梅墩村1组自来水已经停了2天，没有任何通知，村民只能到邻村挑水。到现在还没人处理。',
        categoryCode: '0606',
        place: { regionId: 'r-330699108209' },
        parties: [{ name: '张先生', phone: '13812345678' }],
      }),
    },
  ],
  intake: [
    {
      method: 'POST' as const,
      path: '/api/v1/cases',
      setupRequest: (r: any) => ({
        ...r,
        headers: { ...auth, 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          kind: 'complaint',
          channel: 'hotline',
          categoryCode: '0605',
          description: `锦绣花园${i++ % 30}幢电梯本月已停运多次，有一次困人二十分钟，请尽快督促维修。`,
          place: { address: '枫溪镇锦绣花园', regionId: 'r-330699101201' },
          parties: [{ role: 'applicant', name: '张先生', phone: '13812345678' }],
        }),
      }),
    },
  ],
}[route];
if (!requests) throw new Error(`route: case | list | intake | overview | search | duplicates`);
const r = await load({ url: server.url, connections: 16, duration: seconds, warmup: 1, requests });
console.log(
  `${route}: ${r.throughput} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
);
await server.stop();

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  endTime: number;
  startTime: number;
};
// only the samples taken under load (the last `seconds`, less the shutdown), not the start-up
const hits = new Map<number, number>();
let at = prof.startTime;
const from = prof.endTime - (seconds + 0.3) * 1e6;
const to = prof.endTime - 0.3e6;
let total = 0;
prof.samples.forEach((id, k) => {
  at += prof.timeDeltas[k];
  if (at < from || at > to) return;
  hits.set(id, (hits.get(id) ?? 0) + 1);
  total++;
});
for (const n of prof.nodes) n.hitCount = hits.get(n.id) ?? 0;
const self = new Map<string, number>();
for (const n of prof.nodes) {
  const url = n.callFrame.url
    .replace(/^file:\/\/.*?\/node_modules\//, 'nm:')
    .replace(/^file:\/\/.*?\/work\/main\//, '');
  const key = `${n.callFrame.functionName || '(anon)'} ${url}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + n.hitCount);
}
const byPkg = new Map<string, number>();
for (const [k, v] of self) {
  const m = /nm:((?:@[^/]+\/)?[^/]+)/.exec(k);
  const pkg = m
    ? m[1]
    : k.includes('apps/') || k.includes('packages/')
      ? 'hewei'
      : k.split(' ')[0].startsWith('(')
        ? k.split(' ')[0]
        : 'node';
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + v);
}
console.log('\nself time by package:');
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`  ${((100 * v) / total).toFixed(1)}%  ${k}`);
console.log('\ntop functions (self):');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`  ${((100 * v) / total).toFixed(1)}%  ${k}`);
