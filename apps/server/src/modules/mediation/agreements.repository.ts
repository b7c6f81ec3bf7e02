// Rows after the sessions: agreements and their signatures, performance of the terms, the stored
// documents, judicial-confirmation applications and referrals. Spread into mediationRepository.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  agreementSignatures,
  agreements,
  confirmations,
  mediationDocuments,
  performanceItems,
  referrals,
} from '../../db/schema/index.ts';
import type { AgreementRow, DocumentRow, PerformanceRow, SignatureRow } from './mediation.repository.ts';

type Q = Db | Tx;

export const agreementsRepository = {
  // --- agreements -------------------------------------------------------------------------------
  insertAgreement: (q: Q, row: AgreementRow) => q.insert(agreements).values(row),
  async agreement(q: Q, countyId: string, id: string, forUpdate = false) {
    const base = q
      .select()
      .from(agreements)
      .where(and(eq(agreements.countyId, countyId), eq(agreements.id, id)));
    const [row] = forUpdate ? await base.for('update') : await base;
    return row;
  },
  agreementsOf: (q: Q, countyId: string, mediationId: string) =>
    q
      .select()
      .from(agreements)
      .where(and(eq(agreements.countyId, countyId), eq(agreements.mediationId, mediationId)))
      .orderBy(asc(agreements.createdAt)),
  updateAgreement: (q: Q, a: AgreementRow, set: Partial<AgreementRow>) =>
    q
      .update(agreements)
      .set(set)
      .where(and(eq(agreements.countyId, a.countyId), eq(agreements.id, a.id))),
  insertSignature: (q: Q, row: SignatureRow) => q.insert(agreementSignatures).values(row),
  signatures: (q: Q, countyId: string, agreementId: string) =>
    q
      .select()
      .from(agreementSignatures)
      .where(
        and(eq(agreementSignatures.countyId, countyId), eq(agreementSignatures.agreementId, agreementId)),
      )
      .orderBy(asc(agreementSignatures.signedAt), asc(agreementSignatures.id)),

  // --- performance ------------------------------------------------------------------------------
  insertPerformance: (q: Q, rows: PerformanceRow[]) =>
    rows.length ? q.insert(performanceItems).values(rows) : Promise.resolve(),
  performance: (q: Q, countyId: string, agreementId: string) =>
    q
      .select()
      .from(performanceItems)
      .where(and(eq(performanceItems.countyId, countyId), eq(performanceItems.agreementId, agreementId)))
      .orderBy(asc(performanceItems.dueDate), asc(performanceItems.termId)),
  updatePerformance: (q: Q, p: PerformanceRow, set: Partial<PerformanceRow>) =>
    q
      .update(performanceItems)
      .set(set)
      .where(
        and(
          eq(performanceItems.countyId, p.countyId),
          eq(performanceItems.agreementId, p.agreementId),
          eq(performanceItems.termId, p.termId),
          eq(performanceItems.instalment, p.instalment),
        ),
      ),
  /** Obligations past their due date and not reported performed: newly breached. */
  overduePerformance: (tx: Tx, today: string, limit: number) =>
    tx
      .select()
      .from(performanceItems)
      .where(and(eq(performanceItems.status, 'pending'), sql`${performanceItems.dueDate} < ${today}`))
      .limit(limit)
      .for('update', { skipLocked: true }),

  // --- documents, confirmation, referral --------------------------------------------------------
  insertDocument: (q: Q, row: DocumentRow) => q.insert(mediationDocuments).values(row),
  async document(q: Q, countyId: string, id: string) {
    const [row] = await q
      .select()
      .from(mediationDocuments)
      .where(and(eq(mediationDocuments.countyId, countyId), eq(mediationDocuments.id, id)));
    return row;
  },
  documentsOf: (q: Q, countyId: string, mediationId: string) =>
    q
      .select()
      .from(mediationDocuments)
      .where(and(eq(mediationDocuments.countyId, countyId), eq(mediationDocuments.mediationId, mediationId)))
      .orderBy(asc(mediationDocuments.createdAt)),
  insertConfirmation: (q: Q, row: typeof confirmations.$inferSelect) => q.insert(confirmations).values(row),
  confirmationsOf: (q: Q, countyId: string, mediationId: string) =>
    q
      .select()
      .from(confirmations)
      .where(and(eq(confirmations.countyId, countyId), eq(confirmations.mediationId, mediationId)))
      .orderBy(asc(confirmations.createdAt)),
  async confirmation(q: Q, countyId: string, id: string) {
    const [row] = await q
      .select()
      .from(confirmations)
      .where(and(eq(confirmations.countyId, countyId), eq(confirmations.id, id)));
    return row;
  },
  updateConfirmation: (
    q: Q,
    c: typeof confirmations.$inferSelect,
    set: Partial<typeof confirmations.$inferSelect>,
  ) =>
    q
      .update(confirmations)
      .set(set)
      .where(and(eq(confirmations.countyId, c.countyId), eq(confirmations.id, c.id))),
  insertReferral: (q: Q, row: typeof referrals.$inferSelect) => q.insert(referrals).values(row),
  referralsOf: (q: Q, countyId: string, mediationId: string) =>
    q
      .select()
      .from(referrals)
      .where(and(eq(referrals.countyId, countyId), eq(referrals.mediationId, mediationId))),
};
