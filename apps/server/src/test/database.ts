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
  const fresh = await createPostgresDatabase(url);
  const database = await openPostgres(fresh.url, 5);
  return {
    ...database,
    async close() {
      await database.close();
      await fresh.drop();
    },
  };
}

async function asAdmin(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A new, empty UTF-8 database on the server of `url`; its URL and how to drop it. */
export async function createPostgresDatabase(
  url: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `hewei_t_${process.pid}_${++n}_${Date.now() % 100000}`;
  await asAdmin(
    url,
    `create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
  );
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    drop: () => asAdmin(url, `drop database if exists ${name} with (force)`),
  };
}
