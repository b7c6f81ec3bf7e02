// The marketplace's outcome statistics: cases, success rate, duration and satisfaction per
// mediator and per organisation.
import { type MediationOutcomeRecord, mediationStats } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import { mediationRepository as repo } from './mediation.repository.ts';

export function marketplaceStats(deps: AppDeps) {
  const { db, org } = deps;

  return {
    /** Cases, success rate, duration and satisfaction per mediator and per organisation. */
    async stats(countyId: string, by: 'mediator' | 'organisation') {
      const facts = await repo.outcomeFacts(db, countyId);
      const records: MediationOutcomeRecord[] = facts.map((f) => ({
        mediationId: f.id,
        mediatorIds: f.mediatorIds,
        organisationId: f.organisationId,
        startedAt: (f.startedAt ?? f.createdAt).toISOString(),
        endedAt: f.endedAt?.toISOString(),
        outcome:
          f.status === 'concluded'
            ? ((f.outcome ?? 'failed') as MediationOutcomeRecord['outcome'])
            : 'in_progress',
        satisfaction: f.satisfaction ?? undefined,
      }));
      const stats = mediationStats(records, by);
      const names =
        by === 'mediator'
          ? new Map(
              [
                ...(
                  await repo.users(
                    db,
                    stats.map((s) => s.key),
                  )
                ).values(),
              ].map((u) => [u.id, u.displayName]),
            )
          : new Map(org.mediationOrgs().map((o) => [o.id, o.name]));
      return stats.map((s) => ({ ...s, name: names.get(s.key) ?? s.key }));
    },
  };
}
