import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../db/client.ts';

let n = 0;

/**
 * A fresh, empty database for one test app: PGlite in memory by default; with DATABASE_URL, a
 * new PostgreSQL database (UTF-8, so pg_trgm and collation behave as in production), dropped after.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite(null);
  const name = `hewei_t_${process.pid}_${++n}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(
    `create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
  );
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 5);
  return {
    ...database,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
