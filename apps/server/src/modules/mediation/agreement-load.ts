// Loading one version of the agreement with its mediation (access checked) and its signatures.
import { HeweiError } from '@hewei/domain';
import type { Db, Tx } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { toAgreement } from './agreement-text.ts';
import { mediationRepository as repo } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';

export type Q = Db | Tx;

export function agreementLoader(deps: AppDeps, mediations: MediationService) {
  return async function loadAgreement(q: Q, viewer: Viewer, id: string, forUpdate = false) {
    const row = await repo.agreement(q, viewer.countyId, id, forUpdate);
    if (!row) throw new HeweiError('NOT_FOUND');
    const view = await mediations.load(q, viewer, row.mediationId);
    const sigs = await repo.signatures(q, row.countyId, row.id);
    return { row, view, sigs, agreement: toAgreement(row, sigs, deps.pii) };
  };
}

export type LoadAgreement = ReturnType<typeof agreementLoader>;
