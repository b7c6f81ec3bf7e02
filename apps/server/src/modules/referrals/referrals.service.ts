import { HeweiError } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { casesService } from '../cases/cases.service.ts';
import { stepCase } from '../info-requests/case-step.ts';
import { type ReferralRow, referralsRepository as repo } from './referrals.repository.ts';

export const PARTNERS = ['police', 'court'] as const;
/** What the partner did with it: settled, declined, sent back to us, or filed as a lawsuit. */
export const OUTCOMES = ['resolved', 'declined', 'returned', 'filed'] as const;
export type Partner = (typeof PARTNERS)[number];

/**
 * Referrals to the police (110 linkage, 警网融合) or a court (pre-litigation delegation, 诉前委派
 * 调解): sent, received by the partner (its own reference), then its result. Each is a step of
 * the case (referToPartner, recordPartnerReply) and so stands on the timeline; the case itself
 * moves on only through its own lifecycle.
 */
export function referralsService(deps: AppDeps) {
  const { db, clock } = deps;
  const cases = casesService(deps);

  /** Who cannot see the case learns nothing (404); only a dispatcher refers (403). */
  async function visibleTo(v: Viewer, caseId: string) {
    const state = await cases.get(v, caseId);
    if (v.role !== 'dispatcher') throw new HeweiError('FORBIDDEN', { rule: 'ROLE_NOT_ALLOWED' });
    return state;
  }

  async function advance(
    v: Viewer,
    caseId: string,
    id: string,
    from: string[],
    set: (r: ReferralRow) => Partial<ReferralRow>,
    step: Record<string, unknown>,
  ) {
    const state = await visibleTo(v, caseId);
    try {
      return await db.transaction(async (tx) => {
        const row = await repo.forUpdate(tx, state.countyId, caseId, id);
        if (!row) throw new HeweiError('NOT_FOUND');
        if (!from.includes(row.status))
          throw new HeweiError('RULE_VIOLATION', { rule: 'REFERRAL_STAGE', params: { status: row.status } });
        await stepCase(deps, tx, v, state.countyId, caseId, 'recordPartnerReply', {
          referralId: id,
          ...step,
        });
        return repo.update(tx, row, set(row));
      });
    } catch (e) {
      throw uniqueRef(e);
    }
  }

  return {
    async refer(v: Viewer, caseId: string, input: { partner: Partner; externalRef?: string; note: string }) {
      const state = await visibleTo(v, caseId);
      if (await repo.openTo(db, state.countyId, caseId, input.partner))
        throw new HeweiError('RULE_VIOLATION', { rule: 'REFERRAL_OPEN' });
      const now = clock.now();
      const id = uuidv7(now.getTime());
      const row: ReferralRow = {
        countyId: state.countyId,
        id,
        caseId,
        direction: 'out',
        partner: input.partner,
        externalRef: input.externalRef ?? id,
        status: 'sent',
        outcome: null,
        outcomeNote: null,
        createdBy: v.userId,
        createdAt: now,
        outcomeAt: null,
      };
      try {
        await db.transaction(async (tx) => {
          await stepCase(deps, tx, v, state.countyId, caseId, 'referToPartner', {
            referralId: id,
            partner: input.partner,
            note: input.note,
          });
          await repo.insert(tx, row);
        });
      } catch (e) {
        throw uniqueRef(e);
      }
      return row;
    },

    receipt: (v: Viewer, caseId: string, id: string, input: { externalRef?: string; note?: string }) =>
      advance(
        v,
        caseId,
        id,
        ['sent'],
        (r) => ({ status: 'received', externalRef: input.externalRef ?? r.externalRef }),
        { stage: 'received', note: input.note },
      ),

    result: (v: Viewer, caseId: string, id: string, input: { outcome: string; note: string }) =>
      advance(
        v,
        caseId,
        id,
        ['sent', 'received'],
        () => ({
          status: 'concluded',
          outcome: input.outcome,
          outcomeNote: input.note,
          outcomeAt: clock.now(),
        }),
        { stage: 'result', outcome: input.outcome, note: input.note },
      ),

    async list(v: Viewer, caseId: string) {
      const state = await cases.get(v, caseId);
      return repo.list(db, state.countyId, caseId);
    },
  };
}

/** The partner's reference is unique per partner: a second use names the field. */
function uniqueRef(e: unknown) {
  const text = `${(e as { code?: string }).code ?? ''} ${String((e as { cause?: unknown }).cause ?? e)}`;
  return /23505|partner_referrals_external_uq/.test(text)
    ? new HeweiError('CONFLICT', { field: 'externalRef' })
    : e;
}
