import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { HeweiError } from '@hewei/domain';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

/** One Drizzle API over both engines; node-postgres' type stands for both. */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface OpenPostgresOptions {
  /**
   * Apply pending migrations on start (the default). A server running as the restricted
   * application role (docs/operations/security.md) passes false: the owner migrates in a release
   * step (`npm run db:migrate`), and the server refuses to start on a schema that is behind.
   */
  migrate?: boolean;
}

export async function openPostgres(
  url: string,
  poolSize = 10,
  { migrate = true }: OpenPostgresOptions = {},
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {});
  const db = drizzleNodePg(pool, { schema });
  const client = await pool.connect();
  try {
    if (migrate) {
      // Several instances may start together: one migrates, the others wait for it.
      await client.query('select pg_advisory_lock(7262901)');
      try {
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder: MIGRATIONS });
      } finally {
        await client.query('select pg_advisory_unlock(7262901)').catch(() => {});
      }
    } else {
      await assertMigrated(client);
    }
  } catch (e) {
    client.release();
    await pool.end();
    throw e;
  }
  client.release();
  return { db, kind: 'postgres', close: () => pool.end() };
}

async function assertMigrated(client: pg.PoolClient): Promise<void> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  const { rows } = await client
    .query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations')
    .catch(() => ({ rows: [{ n: '0' }] }));
  const applied = Number(rows[0].n);
  if (applied < journal.entries.length) {
    throw new Error(
      `the database schema is behind (${applied} of ${journal.entries.length} migrations applied): run \`npm run db:migrate\` as the owner`,
    );
  }
}

/**
 * The embedded engine. One process per data directory: a second process opening the same
 * directory would lose data, so a lock file with the owner's pid guards it.
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  let release = () => {};
  let client: PGlite;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
    client = new PGlite(join(dataDir, 'pglite'));
  } else {
    client = new PGlite();
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await client.close();
      release();
    },
  };
}

function lockDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, 'hewei.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new HeweiError('DATA_DIR_LOCKED', {
          detail: `data directory ${dataDir} is in use by process ${owner}; PGlite allows one process per directory`,
        });
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new HeweiError('DATA_DIR_LOCKED', { detail: `could not lock ${dataDir}` });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
