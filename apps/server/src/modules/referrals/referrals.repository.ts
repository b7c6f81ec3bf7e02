import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { partnerReferrals } from '../../db/schema/index.ts';

type Q = Db | Tx;
export type ReferralRow = typeof partnerReferrals.$inferSelect;

export const referralsRepository = {
  insert: (q: Q, row: ReferralRow) => q.insert(partnerReferrals).values(row),

  list: (q: Q, countyId: string, caseId: string) =>
    q
      .select()
      .from(partnerReferrals)
      .where(and(eq(partnerReferrals.countyId, countyId), eq(partnerReferrals.caseId, caseId)))
      .orderBy(asc(partnerReferrals.createdAt)),

  async openTo(q: Q, countyId: string, caseId: string, partner: string) {
    const [row] = await q
      .select()
      .from(partnerReferrals)
      .where(
        and(
          eq(partnerReferrals.countyId, countyId),
          eq(partnerReferrals.caseId, caseId),
          eq(partnerReferrals.partner, partner),
          inArray(partnerReferrals.status, ['sent', 'received']),
        ),
      )
      .limit(1);
    return row;
  },

  async forUpdate(tx: Tx, countyId: string, caseId: string, id: string) {
    const [row] = await tx
      .select()
      .from(partnerReferrals)
      .where(
        and(
          eq(partnerReferrals.countyId, countyId),
          eq(partnerReferrals.caseId, caseId),
          eq(partnerReferrals.id, id),
        ),
      )
      .for('update');
    return row;
  },

  async update(tx: Tx, row: ReferralRow, set: Partial<ReferralRow>) {
    const [updated] = await tx
      .update(partnerReferrals)
      .set(set)
      .where(and(eq(partnerReferrals.countyId, row.countyId), eq(partnerReferrals.id, row.id)))
      .returning();
    return updated;
  },
};
