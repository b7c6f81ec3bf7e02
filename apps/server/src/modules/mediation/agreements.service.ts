// The agreement (调解协议书): drafted from the template, edited while unsigned, signed on screen by
// each party and mediator, sealed — the PDF stored and its hash sealed on the case timeline —
// and from then on only superseded, never changed. Signing and the seal: agreement-signing.ts;
// performance: agreement-performance.ts.
import { type AgreementDraft, HeweiError, supersedeAgreement, validateAgreement } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { agreementLoader } from './agreement-load.ts';
import { agreementPerformance } from './agreement-performance.ts';
import { agreementSigning } from './agreement-signing.ts';
import {
  agreementTemplate,
  issuesError,
  openDraft,
  sealDraft,
  toAgreement,
  unmask,
} from './agreement-text.ts';
import type { DocumentsService } from './documents.service.ts';
import { assertMediator, assertOpen } from './mediation.policy.ts';
import { mediationRepository as repo } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';

export function agreementsService(deps: AppDeps, mediations: MediationService, documents: DocumentsService) {
  const { db, clock } = deps;
  const loadAgreement = agreementLoader(deps, mediations);

  return {
    loadAgreement,
    loadMediation: (viewer: Viewer, mediationId: string) => mediations.load(db, viewer, mediationId),

    async draft(viewer: Viewer, mediationId: string, text?: Partial<AgreementDraft>) {
      return db.transaction(async (tx) => {
        const view = await mediations.load(tx, viewer, mediationId, true);
        assertOpen(view, 'active');
        assertMediator(viewer, view);
        const current = (await repo.agreementsOf(tx, view.m.countyId, mediationId)).find(
          (a) => !a.supersededById,
        );
        if (current) throw new HeweiError('CONFLICT', { rule: 'AGREEMENT_EXISTS' });
        const now = clock.now();
        const id = uuidv7(now.getTime());
        const draft = {
          ...(await agreementTemplate(deps, tx, view)),
          ...(text ?? {}),
          id,
          caseId: view.c.id,
        };
        await repo.insertAgreement(tx, {
          countyId: view.m.countyId,
          id,
          mediationId,
          caseId: view.c.id,
          rootId: id,
          version: 1,
          previousVersionId: null,
          draft: sealDraft(deps.pii, draft),
          sealAffixedAt: null,
          effectiveAt: null,
          documentId: null,
          supersededById: null,
          supersededAt: null,
          supersedeReason: null,
          createdBy: viewer.userId,
          createdAt: now,
          updatedAt: now,
        });
        await mediations.log(tx, viewer, view.m, 'agreement.drafted', { agreementId: id, version: 1 });
        return id;
      });
    },

    async edit(viewer: Viewer, id: string, text: AgreementDraft) {
      return db.transaction(async (tx) => {
        const { row, view, sigs } = await loadAgreement(tx, viewer, id, true);
        assertMediator(viewer, view);
        if (row.supersededById) throw new HeweiError('RULE_VIOLATION', { rule: 'AGREEMENT_SUPERSEDED' });
        if (sigs.length > 0 || row.sealAffixedAt)
          throw new HeweiError('RULE_VIOLATION', { rule: 'AGREEMENT_SIGNED_IMMUTABLE' });
        const draft = {
          ...unmask(text, openDraft(deps.pii, row.draft as AgreementDraft)),
          id: row.id,
          caseId: view.c.id,
        };
        await repo.updateAgreement(tx, row, { draft: sealDraft(deps.pii, draft), updatedAt: clock.now() });
        await mediations.log(tx, viewer, view.m, 'agreement.edited', {
          agreementId: id,
          issues: validateAgreement(draft).length,
        });
      });
    },

    /** A signed agreement is replaced by a new version; the old one stays, marked superseded. */
    async supersede(viewer: Viewer, id: string, text: AgreementDraft, reason: string) {
      return db.transaction(async (tx) => {
        const { row, view, agreement } = await loadAgreement(tx, viewer, id, true);
        assertMediator(viewer, view);
        const now = clock.now();
        const newId = uuidv7(now.getTime());
        const draft = {
          ...unmask(text, openDraft(deps.pii, row.draft as AgreementDraft)),
          id: newId,
          caseId: view.c.id,
        };
        const r = supersedeAgreement(agreement, draft, { at: now.toISOString(), reason });
        if (!r.ok) throw issuesError(r.errors, 'AGREEMENT_INCOMPLETE');
        await repo.insertAgreement(tx, {
          ...row,
          id: newId,
          version: r.value.current.version,
          previousVersionId: id,
          draft: sealDraft(deps.pii, draft),
          sealAffixedAt: null,
          effectiveAt: null,
          documentId: null,
          createdBy: viewer.userId,
          createdAt: now,
          updatedAt: now,
        });
        await repo.updateAgreement(tx, row, {
          supersededById: newId,
          supersededAt: now,
          supersedeReason: reason,
          updatedAt: now,
        });
        await mediations.log(tx, viewer, view.m, 'agreement.superseded', {
          agreementId: id,
          by: newId,
          reason,
          version: r.value.current.version,
        });
        return newId;
      });
    },

    async history(viewer: Viewer, mediationId: string) {
      const view = await mediations.load(db, viewer, mediationId);
      const rows = await repo.agreementsOf(db, view.m.countyId, mediationId);
      return Promise.all(
        rows.map(async (r) => toAgreement(r, await repo.signatures(db, r.countyId, r.id), deps.pii)),
      );
    },

    ...agreementSigning(deps, mediations, documents, loadAgreement),
    ...agreementPerformance(deps, mediations, loadAgreement),
  };
}

export type AgreementsService = ReturnType<typeof agreementsService>;

export { openDraft, type SignInput, sealDraft, toAgreement } from './agreement-text.ts';
