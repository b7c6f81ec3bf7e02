// The release step when the server runs as the restricted application role: apply pending
// migrations as the database owner, then grant the role what it needs (ops/app-role.sql).
//   DATABASE_URL=postgres://owner@db/hewei npm run db:migrate [-- --grant hewei_app]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPostgres } from './client.ts';

const APP_ROLE_SQL = fileURLToPath(new URL('../../ops/app-role.sql', import.meta.url));

/** Grants the application role its privileges on every table, current and future. */
export async function grantAppRole(url: string, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`not a role name: ${role}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(readFileSync(APP_ROLE_SQL, 'utf8').replaceAll('hewei_app', role));
  } finally {
    await client.end();
  }
}

if (import.meta.main) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('db:migrate: set DATABASE_URL to the owner’s connection');
    process.exit(2);
  }
  const database = await openPostgres(url, 1);
  await database.close();
  const at = process.argv.indexOf('--grant');
  if (at > 0) await grantAppRole(url, process.argv[at + 1] ?? 'hewei_app');
  console.log('db:migrate: schema up to date');
}
