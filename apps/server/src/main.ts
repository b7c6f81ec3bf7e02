import { join } from 'node:path';
import { buildApp } from './app.ts';
import { readEnv } from './config.ts';
import { type Database, openPglite, openPostgres } from './db/client.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { createDeps } from './deps.ts';
import { backpressureFromEnv } from './http/backpressure.ts';
import { startJobs } from './jobs/index.ts';
import { clockFromEnv } from './modules/deadlines/test-clock.ts';
import { smsGatewayFromEnv } from './modules/notifications/sms-http.ts';

// env → db → migrate → app → listen → jobs; graceful shutdown.
const env = readEnv();
const started = performance.now();
let database: Database;
try {
  database = env.databaseUrl
    ? await openPostgres(env.databaseUrl, env.dbPoolSize, { migrate: env.dbMigrate })
    : await openPglite(join(env.dataDir));
} catch (e) {
  console.error(`hewei: cannot open the database: ${(e as Error).message}`);
  process.exit(1);
}
const { db } = database;
const deps = createDeps({
  db,
  dbKind: database.kind,
  clock: clockFromEnv(process.env),
  dataDir: env.dataDir,
  config: {
    demo: env.demo,
    cookieSecure: env.cookieSecure,
    defaultCountyId: null,
    webDist: env.webDist,
    logLevel: env.logLevel,
  },
  sms: smsGatewayFromEnv(process.env),
});
if (env.demo) {
  const made = await seedDemoIfEmpty(deps);
  if (made) console.log(`hewei: demo county created: ${made.cases} cases, ${made.events} timeline events`);
}
await deps.org.refresh();
const app = await buildApp(deps, {
  logger: { level: env.logLevel },
  backpressure: backpressureFromEnv(database.kind),
});
await app.listen({ port: env.port, host: env.host });
const jobs = startJobs(deps, app.log);
app.log.info(
  { db: database.kind, demo: env.demo, ms: Math.round(performance.now() - started) },
  `Hewei is serving on http://localhost:${env.port}/ (API docs at /api/docs)`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  await jobs.stop();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
