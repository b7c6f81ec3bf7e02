// The server as main.ts builds it (same deps, same app), without the web bundle and jobs, for
// the crash and retry tests: they kill it with SIGKILL again and again.
import { buildApp } from '../app.ts';
import { openPostgres } from '../db/client.ts';
import { createDeps } from '../deps.ts';
import { systemClock } from '../lib/clock.ts';

const database = await openPostgres(process.env.DATABASE_URL!, 8);
const deps = createDeps({
  db: database.db,
  dbKind: 'postgres',
  clock: systemClock,
  dataDir: process.env.HEWEI_DATA_DIR!,
  config: { demo: false, cookieSecure: false, defaultCountyId: null, webDist: null, logLevel: 'warn' },
});
await deps.org.refresh();
const app = await buildApp(deps);
// port 0: the system picks a free one, so parallel runs on one machine do not collide
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`ready ${new URL(address).port}\n`);
