import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { auditLog, orgState } from '../../db/schema/index.ts';
import { uuidv7 } from '../../lib/ids.ts';

/**
 * Every administrative change of the organisation: an audit row (append-only) and a bump of the
 * county's change stamp, in the caller's transaction, so that every server instance reloads.
 */
export async function recordOrgChange(
  tx: Db | Tx,
  p: { countyId: string; actorId: string; action: string; target: string; data: object; at: Date },
) {
  await tx.insert(auditLog).values({
    id: uuidv7(p.at.getTime()),
    at: p.at,
    actorId: p.actorId,
    action: p.action,
    target: p.target,
    data: { countyId: p.countyId, ...p.data },
  });
  await tx
    .insert(orgState)
    .values({ countyId: p.countyId, version: 1, changedAt: p.at })
    .onConflictDoUpdate({
      target: orgState.countyId,
      set: { version: sql`${orgState.version} + 1`, changedAt: p.at },
    });
}
