// `npm run bench -- --quick` (the 10 k tier, a few minutes) or `npm run bench -- --tier 1m`.
// Measures the machine's ceilings and then the real server on PostgreSQL, in the same run, and
// writes bench/results/<tier>.json with the raw figures and bench/results/<tier>.md generated from it.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { DEMO_PASSWORD, DEPARTMENT_HANDLER } from './lib/accounts.ts';
import { helloCeiling, insertCeiling, pgbenchCeilings } from './lib/ceilings.ts';
import { TIERS } from './lib/dataset.ts';
import { ensureTier, tierKeyring, tierUrl } from './lib/load.ts';
import { toMarkdown } from './lib/report.ts';
import { startServer, token } from './lib/server.ts';
import { awaitTimers } from './lib/timers.ts';
import { loadNow, runWorkloads } from './lib/workloads.ts';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const quick = args.includes('--quick');
const tier = TIERS[quick ? '10k' : flag('tier', '10k')];
if (!tier) throw new Error(`unknown tier; one of ${Object.keys(TIERS).join(', ')}`);
const connections = Number(flag('connections', '16'));
const duration = Number(flag('duration', quick ? '8' : '20'));
const warmup = quick ? 2 : 5;
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const now = new Date();
console.log(`bench: tier ${tier.name}, ${connections} connections, ${duration} s per workload`);
const data = await ensureTier(base, tier.name, tier.cases, now);
const loadAtStart = loadNow();

console.log('bench: ceilings');
const pgb = await pgbenchCeilings(base, connections, quick ? 8 : 20);
const ins = await insertCeiling(base, connections, quick ? 8 : 20);
const hello = await helloCeiling(3801, connections, duration);
const ceilings = [...pgb, ins, hello];
for (const c of ceilings) console.log(`  ${c.name}: ${c.perSecond}/s`);

console.log('bench: the server');
const server = await startServer(tierUrl(base, tier.name), 3802, {
  HEWEI_PII_KEYRING: await tierKeyring(tierUrl(base, tier.name)),
});
const idleRssMb = server.rssMb();
// timers a bulk load leaves overdue fire now, as after an outage; the figures are taken after
const catchUp = await awaitTimers(tierUrl(base, tier.name));
console.log(
  `  deadlines caught up: ${catchUp.dueAtStart} due timers in ${catchUp.seconds} s (${catchUp.left} left)`,
);
const tokens = {
  operator: await token(server.url, 'operator', DEMO_PASSWORD),
  dispatcher: await token(server.url, 'dispatcher', DEMO_PASSWORD),
  handler: (dept: string) => token(server.url, DEPARTMENT_HANDLER(dept), DEMO_PASSWORD),
};
const workloads = await runWorkloads(server, tierUrl(base, tier.name), tokens, {
  connections,
  duration,
  warmup,
});
const peakRssMb = server.peakRssMb();
await server.stop();

const byName = Object.fromEntries(ceilings.map((c) => [c.name, c]));
const results = {
  tier: tier.name,
  commit: execSync('git rev-parse --short HEAD').toString().trim(),
  dirty: execSync('git status --porcelain').toString().trim().length > 0,
  date: now.toISOString(),
  node: process.version,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 1e9) },
  settings: { connections, duration, warmup },
  dataset: data.load,
  /** overview figures compared with a direct count over the cases before the run */
  check: data.check,
  /** os.loadavg() before the ceilings: the machine is shared */
  loadAtStart,
  timerCatchUp: catchUp,
  ceilings,
  footprint: { coldStartMs: server.coldStartMs, idleRssMb, peakRssMb },
  workloads: workloads.map((w) => {
    const c = byName[w.ceiling];
    return {
      ...w,
      ceilingPerSecond: c?.perSecond ?? null,
      ratio: c ? Math.round((w.result.throughput / c.perSecond) * 1000) / 1000 : null,
    };
  }),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/${tier.name}.json`, `${JSON.stringify(results, null, 2)}\n`);
const md = toMarkdown(results);
writeFileSync(`bench/results/${tier.name}.md`, md);
console.log(`\n${md}`);
