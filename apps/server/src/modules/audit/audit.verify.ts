import type { Db } from '../../db/client.ts';
import { chainPage, unchainedEntries } from './audit.repository.ts';

export interface ChainProblem {
  seq: number | null;
  auditId: string;
  kind: 'changed' | 'missing_entry' | 'broken_link' | 'gap' | 'unchained' | 'anchor_mismatch';
}
export interface ChainReport {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  problems: ChainProblem[];
}

const GENESIS = '0'.repeat(64);

/**
 * Walks the whole chain. Each link must hash its own entry and point at the hash before it, and
 * the sequence must have no gaps; every audit entry must be in the chain. An anchor (a head
 * kept outside the database, e.g. in the daily report) also catches a cut-off tail.
 */
export async function verifyAuditChain(
  db: Db,
  anchor?: { seq: number; hash: string },
  pageSize = 5000,
): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  let entries = 0;
  let last = null as { seq: number; hash: string } | null;
  let anchorSeen = false;
  for (;;) {
    const page = await chainPage(db, last?.seq ?? 0, pageSize);
    for (const row of page) {
      entries++;
      const expectedSeq: number = (last?.seq ?? 0) + 1;
      if (row.seq !== expectedSeq) problems.push({ seq: row.seq, auditId: row.audit_id, kind: 'gap' });
      const prev = row.seq === 1 ? GENESIS : row.expected_prev;
      if (row.prev_hash !== prev) problems.push({ seq: row.seq, auditId: row.audit_id, kind: 'broken_link' });
      if (row.recomputed === null)
        problems.push({ seq: row.seq, auditId: row.audit_id, kind: 'missing_entry' });
      else if (row.recomputed !== row.hash)
        problems.push({ seq: row.seq, auditId: row.audit_id, kind: 'changed' });
      if (anchor && row.seq === anchor.seq) {
        anchorSeen = true;
        if (row.hash !== anchor.hash)
          problems.push({ seq: row.seq, auditId: row.audit_id, kind: 'anchor_mismatch' });
      }
      last = { seq: row.seq, hash: row.hash };
    }
    if (page.length < pageSize) break;
  }
  if (anchor && !anchorSeen) problems.push({ seq: anchor.seq, auditId: '', kind: 'anchor_mismatch' });
  for (const id of await unchainedEntries(db)) problems.push({ seq: null, auditId: id, kind: 'unchained' });
  return { ok: problems.length === 0, entries, head: last, problems };
}
