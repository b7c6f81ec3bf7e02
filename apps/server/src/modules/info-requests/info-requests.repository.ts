import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { infoRequests } from '../../db/schema/index.ts';

type Q = Db | Tx;
export type InfoRequestRow = typeof infoRequests.$inferSelect;

export const infoRequestsRepository = {
  insert: (q: Q, row: InfoRequestRow) => q.insert(infoRequests).values(row),

  /** The question still waiting for the resident, if any (unanswered and not yet expired). */
  async openFor(q: Q, countyId: string, caseId: string, now: Date) {
    const [row] = await q
      .select()
      .from(infoRequests)
      .where(
        and(
          eq(infoRequests.countyId, countyId),
          eq(infoRequests.caseId, caseId),
          isNull(infoRequests.answeredAt),
          gt(infoRequests.expiresAt, now),
        ),
      )
      .limit(1);
    return row;
  },

  list: (q: Q, countyId: string, caseId: string) =>
    q
      .select()
      .from(infoRequests)
      .where(and(eq(infoRequests.countyId, countyId), eq(infoRequests.caseId, caseId)))
      .orderBy(desc(infoRequests.requestedAt)),

  async byTokenHash(q: Q, tokenHash: string) {
    const [row] = await q.select().from(infoRequests).where(eq(infoRequests.tokenHash, tokenHash));
    return row;
  },

  /** Uses the link up: only one answer ever wins, and only before the link expires. */
  async markAnswered(q: Q, tokenHash: string, now: Date) {
    const [row] = await q
      .update(infoRequests)
      .set({ answeredAt: now })
      .where(
        and(
          eq(infoRequests.tokenHash, tokenHash),
          isNull(infoRequests.answeredAt),
          gt(infoRequests.expiresAt, now),
        ),
      )
      .returning();
    return row;
  },
};
