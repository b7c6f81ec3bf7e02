// The performance of an effective agreement (履行): each obligation and instalment, recorded as
// performed or flagged as breached by the mediator (the nightly sweep flags what is overdue).
import { HeweiError } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import type { LoadAgreement } from './agreement-load.ts';
import { assertMediator } from './mediation.policy.ts';
import { mediationRepository as repo } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';

export function agreementPerformance(
  deps: AppDeps,
  mediations: MediationService,
  loadAgreement: LoadAgreement,
) {
  const { db, clock } = deps;

  return {
    async performance(viewer: Viewer, id: string) {
      const { row, agreement } = await loadAgreement(db, viewer, id);
      return { agreement, items: await repo.performance(db, row.countyId, id) };
    },

    async reportPerformance(
      viewer: Viewer,
      id: string,
      item: { termId: string; instalment: number; performed: boolean; note?: string },
    ) {
      return db.transaction(async (tx) => {
        const { row, view } = await loadAgreement(tx, viewer, id);
        assertMediator(viewer, view);
        const p = (await repo.performance(tx, row.countyId, id)).find(
          (x) => x.termId === item.termId && x.instalment === item.instalment,
        );
        if (!p) throw new HeweiError('NOT_FOUND');
        const now = clock.now();
        await repo.updatePerformance(
          tx,
          p,
          item.performed
            ? { status: 'performed', performedAt: now, note: item.note ?? null }
            : { status: 'breached', flaggedAt: now, note: item.note ?? null },
        );
        await mediations.log(
          tx,
          viewer,
          view.m,
          item.performed ? 'performance.performed' : 'performance.breached',
          { agreementId: id, ...item },
        );
      });
    },
  };
}
