// Runs the whole suite with Node's test runner: on PGlite by default, on PostgreSQL with --pg
// (DATABASE_URL, or the local server at 127.0.0.1:5432). Each test app gets its own database.
import { spawnSync } from 'node:child_process';

const pg = process.argv.includes('--pg');
const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC' };
if (pg) env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
else delete env.DATABASE_URL;

const files = ['packages/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/web/test/**/*.test.ts'];
const args = ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files];
console.log(`hewei: running tests on ${pg ? `PostgreSQL (${env.DATABASE_URL})` : 'PGlite (embedded)'}`);
const r = spawnSync(process.execPath, args, { stdio: 'inherit', env });
process.exit(r.status ?? 1);
