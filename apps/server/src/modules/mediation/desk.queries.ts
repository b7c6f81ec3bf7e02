// The read side of mediation: the desk (a mediator's own mediations; a dispatcher's, the open ones of
// the cases in their queue; an administrator's, the county's), a case's mediations, users, sessions.
import { HeweiError, holdsRelation } from '@hewei/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { mediationSessions, mediations } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import type { MarketplaceService } from './marketplace.service.ts';
import { type MediationRow, mediationRepository as repo } from './mediation.repository.ts';

type Q = Db | Tx;

export async function openMediationsInQueue(db: Db, viewer: Viewer): Promise<MediationRow[]> {
  const rows = await db
    .select()
    .from(mediations)
    .where(and(eq(mediations.countyId, viewer.countyId), inArray(mediations.status, ['requested', 'active'])))
    .orderBy(desc(mediations.createdAt))
    .limit(200);
  const out: MediationRow[] = [];
  for (const m of rows) {
    const c = await casesRepository.loadCase(db, m.countyId, m.caseId);
    if (c && (viewer.role === 'admin' || holdsRelation(c, viewer, 'queue'))) out.push(m);
  }
  return out;
}

/** The read side the routes and the other services share: lists, users, sessions of a mediation. */
export function mediationQueries(deps: AppDeps, market: MarketplaceService) {
  const { db } = deps;
  return {
    async list(viewer: Viewer, caseId?: string) {
      if (caseId) {
        const c = await market.caseFor(viewer, caseId);
        return repo.mediationsOfCase(db, c.countyId, c.id);
      }
      if (['mediator', 'expert', 'counsellor'].includes(viewer.role))
        return (await repo.mediationsOfUser(db, viewer.countyId, viewer.userId))
          .filter((x) => x.link.status !== 'withdrawn')
          .map((x) => x.m);
      if (viewer.role === 'dispatcher' || viewer.role === 'admin') return openMediationsInQueue(db, viewer);
      throw new HeweiError('VALIDATION_FAILED', { field: 'caseId' });
    },

    async usersOf(ids: string[]) {
      return repo.users(db, ids);
    },

    async sessionIdsOf(q: Q, countyId: string, mediationId: string) {
      return (
        await q
          .select({ id: mediationSessions.id })
          .from(mediationSessions)
          .where(
            and(eq(mediationSessions.countyId, countyId), eq(mediationSessions.mediationId, mediationId)),
          )
      ).map((r) => r.id);
    },

    async mediatorIdsAccepted(q: Q, m: MediationRow) {
      return (await repo.links(q, m.countyId, m.id))
        .filter((l) => l.status === 'accepted')
        .map((l) => l.userId);
    },

    async openSessionsIn(q: Q, countyId: string, ids: string[]) {
      if (!ids.length) return [];
      return q
        .select()
        .from(mediationSessions)
        .where(and(eq(mediationSessions.countyId, countyId), inArray(mediationSessions.id, ids)));
    },
  };
}
