import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { PII_COLUMNS, type PiiColumnSet } from './columns.ts';
import type { Pii } from './keyring.ts';

/**
 * One pass of the re-key sweep: up to `batch` rows per table whose personal fields are plaintext
 * or sealed under an older key are re-sealed under the current key, each row guarded by its old
 * values so a concurrent write wins. Reads accept every key meanwhile: rotation needs no downtime.
 * Returns how many rows it changed (0: everything is under the current key).
 */
export async function rekeyBatch(db: Db, pii: Pii, batch = 500, sets = PII_COLUMNS): Promise<number> {
  let changed = 0;
  for (const set of sets) changed += await rekeyTable(db, pii, set, batch);
  return changed;
}

async function rekeyTable(db: Db, pii: Pii, set: PiiColumnSet, batch: number) {
  const current = `enc1:${pii.currentKeyId()}:%`;
  const stale = sql.join(
    set.columns.map(
      (c) => sql`(${sql.identifier(c.name)} is not null and ${sql.identifier(c.name)} not like ${current})`,
    ),
    sql` or `,
  );
  const cols = sql.join(
    [...set.key, ...set.columns.map((c) => c.name)].map((c) => sql.identifier(c)),
    sql`, `,
  );
  const rows = (
    await db.execute<Record<string, string | null>>(
      sql`select ${cols} from ${sql.identifier(set.table)} where ${stale} limit ${batch}`,
    )
  ).rows;
  let changed = 0;
  for (const row of rows) {
    await db.transaction(async (tx) => {
      const plain: Record<string, string | null> = { ...row };
      const sets = [];
      const guards = set.key.map((k) => sql`${sql.identifier(k)} = ${row[k]}`);
      for (const c of set.columns) {
        const old = row[c.name];
        plain[c.name] = pii.open(old, c.purpose);
        if (old === null) guards.push(sql`${sql.identifier(c.name)} is null`);
        else {
          guards.push(sql`${sql.identifier(c.name)} = ${old}`);
          sets.push(sql`${sql.identifier(c.name)} = ${pii.seal(plain[c.name], c.purpose)}`);
        }
      }
      const done = await tx.execute(
        sql`update ${sql.identifier(set.table)} set ${sql.join(sets, sql`, `)} where ${sql.join(guards, sql` and `)} returning 1`,
      );
      if (done.rows.length === 0) return;
      await set.index?.(tx, pii, plain);
      changed++;
    });
  }
  return changed;
}

/** Runs the sweep until nothing is left (start-up, tests, the rotation command). */
export async function rekeyAll(db: Db, pii: Pii): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await rekeyBatch(db, pii);
    total += n;
    if (n === 0) return total;
  }
}
