import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import { uuidv7 } from '../../lib/ids.ts';

export interface AuditEntry {
  at: Date;
  action: string;
  actorId: string | null;
  target?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends one entry to the audit log. A trigger chains it (audit_chain), whoever writes it; the
 * database refuses to change or delete it. Never put personal data in `data`: name ids instead.
 */
export async function recordAudit(q: Db | Tx, e: AuditEntry) {
  await q.insert(auditLog).values({
    id: uuidv7(e.at.getTime()),
    at: e.at,
    action: e.action,
    actorId: e.actorId,
    target: e.target ?? null,
    data: e.data ?? {},
  });
}

export interface ChainRow {
  seq: number;
  audit_id: string;
  prev_hash: string;
  hash: string;
  expected_prev: string | null;
  recomputed: string | null;
}

/** One page of the chain with what each link should be, recomputed from the entry itself. */
export async function chainPage(db: Db, afterSeq: number, limit: number): Promise<ChainRow[]> {
  const r = await db.execute(sql`
    select c.seq::bigint as seq, c.audit_id, c.prev_hash, c.hash,
      (select p.hash from audit_chain p where p.seq = c.seq - 1) as expected_prev,
      case when a.id is null then null else hewei_audit_digest(c.prev_hash, a) end as recomputed
    from audit_chain c left join audit_log a on a.id = c.audit_id
    where c.seq > ${afterSeq} order by c.seq limit ${limit}`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    ...(x as unknown as ChainRow),
    seq: Number(x.seq),
  }));
}

/** Entries that never joined the chain (written with its trigger switched off). */
export async function unchainedEntries(db: Db): Promise<string[]> {
  const r = await db.execute<{ id: string }>(
    sql`select a.id from audit_log a where not exists (select 1 from audit_chain c where c.audit_id = a.id) limit 100`,
  );
  return r.rows.map((x) => x.id);
}

export async function listAudit(db: Db, q: { action?: string; before?: string; limit: number }) {
  const r = await db.execute<{
    seq: string;
    id: string;
    at: Date | string;
    actor_id: string | null;
    action: string;
    target: string | null;
    data: unknown;
    hash: string;
  }>(sql`
    select c.seq, a.id, a.at, a.actor_id, a.action, a.target, a.data, c.hash
    from audit_chain c join audit_log a on a.id = c.audit_id
    where (${q.action ?? null}::text is null or a.action = ${q.action ?? null})
      and (${q.before ?? null}::bigint is null or c.seq < ${q.before ?? null}::bigint)
    order by c.seq desc limit ${q.limit}`);
  return r.rows;
}
