// The dispatcher's mediation desk: the open mediations (asked for by applicants or started) of the
// cases in the dispatcher's queue (for an administrator: the county's), newest first.
import { holdsRelation } from '@hewei/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mediations } from '../../db/schema/index.ts';
import type { Viewer } from '../../http/access.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import type { MediationRow } from './mediation.repository.ts';

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
