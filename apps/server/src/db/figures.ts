// The figures a backup is checked against after a restore: the row count of every table, every
// stored file's SHA-256 against the database, and the audit chain (docs/operations/backup-restore.md).
//   before:  npm run db:figures > figures-<day>.json
//   after:   npm run db:figures -- --compare figures-<day>.json   (exit 1 on any difference)
// Reads DATABASE_URL, else the embedded database in HEWEI_DATA_DIR (stop the server first).
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '../modules/audit/audit.verify.ts';
import { type Db, openPglite, openPostgres } from './client.ts';

export interface Figures {
  tables: Record<string, number>;
  files: { checked: number; missing: string[]; mismatched: string[] };
  audit: { ok: boolean; entries: number; head: { seq: number; hash: string } | null };
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

function sha256(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (b) => h.update(b))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', () => resolve(null));
  });
}

export async function takeFigures(db: Db, filesRoot: string): Promise<Figures> {
  const tables: Record<string, number> = {};
  const names = await rows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  for (const { table_name } of names) {
    const [r] = await rows<{ n: string | number }>(
      db,
      sql`select count(*) as n from ${sql.identifier(table_name)}`,
    );
    tables[table_name] = Number(r.n);
  }
  // every table that keeps a file's bytes in the store: a storage_key next to its sha256
  const stores = await rows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.columns where table_schema = 'public'
          and column_name in ('storage_key', 'sha256')
        group by table_name having count(*) = 2 order by table_name`,
  );
  const files: Figures['files'] = { checked: 0, missing: [], mismatched: [] };
  for (const { table_name } of stores) {
    const stored = await rows<{ storage_key: string; sha256: string }>(
      db,
      sql`select storage_key, sha256 from ${sql.identifier(table_name)} where storage_key is not null`,
    );
    for (const f of stored) {
      files.checked++;
      const actual = await sha256(join(filesRoot, f.storage_key));
      if (actual === null) files.missing.push(f.storage_key);
      else if (actual !== f.sha256) files.mismatched.push(f.storage_key);
    }
  }
  const chain = await verifyAuditChain(db);
  return { tables, files, audit: { ok: chain.ok, entries: chain.entries, head: chain.head } };
}

/** What differs between the figures at backup time and after the restore; empty when it is whole. */
export function compareFigures(before: Figures, after: Figures): string[] {
  const out: string[] = [];
  for (const [t, n] of Object.entries(before.tables)) {
    if (after.tables[t] !== n) out.push(`${t}: ${n} rows at backup, ${after.tables[t] ?? 'no table'} now`);
  }
  if (after.files.checked !== before.files.checked)
    out.push(`files: ${before.files.checked} at backup, ${after.files.checked} now`);
  for (const k of after.files.missing) out.push(`file missing: ${k}`);
  for (const k of after.files.mismatched) out.push(`file changed: ${k}`);
  if (!after.audit.ok) out.push('audit chain does not verify');
  if (before.audit.head && after.audit.head?.hash !== before.audit.head.hash)
    out.push(`audit head ${before.audit.head.seq}:${before.audit.head.hash} not found`);
  return out;
}

if (import.meta.main) {
  const dataDir = process.env.HEWEI_DATA_DIR ?? 'data';
  const url = process.env.DATABASE_URL;
  const database = url ? await openPostgres(url, 1, { migrate: false }) : await openPglite(dataDir);
  try {
    const now = await takeFigures(database.db, join(dataDir, 'files'));
    const at = process.argv.indexOf('--compare');
    if (at < 0) {
      console.log(JSON.stringify(now, null, 2));
    } else {
      const problems = compareFigures(JSON.parse(readFileSync(process.argv[at + 1], 'utf8')), now);
      for (const p of problems) console.error(p);
      console.log(problems.length ? `restore check: ${problems.length} differences` : 'restore check: whole');
      process.exitCode = problems.length ? 1 : 0;
    }
  } finally {
    await database.close();
  }
}
