// `node bench/crash.ts [--kills 100] [--submissions 10000]` on PostgreSQL (DATABASE_URL or the
// local server): SIGKILLs the server under steady intake, then a retry storm across a kill.
// Writes bench/results/crash.json. The CI-sized variant runs in apps/server/src/security/crash.test.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { crashDatabase } from '../apps/server/src/security/crash.harness.ts';
import { crashUnderLoad, retryStorm } from '../apps/server/src/security/crash.scenarios.ts';

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const db = await crashDatabase(url);
try {
  const crash = await crashUnderLoad(db.url, { kills: flag('kills', 100), concurrency: 8 });
  console.log('crash under load:', crash);
  const retry = await retryStorm(db.url, { submissions: flag('submissions', 10_000), concurrency: 32 });
  console.log('retry storm:', retry);
  const ok = crash.lost === 0 && crash.duplicated === 0 && retry.keysWithOneCase === retry.submissions;
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/crash.json', import.meta.url),
    `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, load: os.loadavg(), crash, retry, ok }, null, 2)}\n`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.drop();
}
