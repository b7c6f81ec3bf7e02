// The agreement (调解协议书): drafted from the template, edited while unsigned, signed on screen by
// each party and mediator, sealed — the PDF stored and its hash sealed on the case timeline —
// and from then on only superseded, never changed.
import {
  type AgreementDraft,
  addSignature,
  affixSeal,
  agreementEffectiveAt,
  agreementStatus,
  HeweiError,
  performanceSchedule,
  type Signature,
  supersedeAgreement,
  validateAgreement,
} from '@hewei/domain';
import type { Db, Tx } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import { renderAgreementPdf } from '../../documents/agreement-pdf.ts';
import { measurePngInk } from '../../documents/signature-ink.ts';
import type { Viewer } from '../../http/access.ts';
import { sha256 } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import {
  agreementTemplate,
  issuesError,
  openDraft,
  type SignInput,
  sealDraft,
  signatureError,
  toAgreement,
  unmask,
} from './agreement-text.ts';
import { partiesOf } from './case-link.ts';
import type { DocumentsService } from './documents.service.ts';
import { assertMediator, assertOpen, isApplicant, mediates } from './mediation.policy.ts';
import { mediationRepository as repo } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';

type Q = Db | Tx;

export function agreementsService(deps: AppDeps, mediations: MediationService, documents: DocumentsService) {
  const { db, clock } = deps;

  async function loadAgreement(q: Q, viewer: Viewer, id: string, forUpdate = false) {
    const row = await repo.agreement(q, viewer.countyId, id, forUpdate);
    if (!row) throw new HeweiError('NOT_FOUND');
    const view = await mediations.load(q, viewer, row.mediationId);
    const sigs = await repo.signatures(q, row.countyId, row.id);
    return { row, view, sigs, agreement: toAgreement(row, sigs, deps.pii) };
  }

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

    /** One handwritten signature; a party signs for themself (account) or in front of the mediator (ID checked). */
    async sign(viewer: Viewer, id: string, input: SignInput) {
      return db.transaction(async (tx) => {
        const { row, view, agreement } = await loadAgreement(tx, viewer, id, true);
        assertOpen(view, 'active');
        const issues = validateAgreement(agreement);
        if (issues.length) throw issuesError(issues, 'AGREEMENT_INCOMPLETE');
        const mediator = mediates(viewer, view);
        let method = input.identityMethod;
        let verified = false;
        if (input.signerRole === 'mediator') {
          if (!mediator) throw new HeweiError('FORBIDDEN', { rule: 'NOT_MEDIATOR_OF_MEDIATION' });
          method = 'account';
          verified = true;
        } else if (isApplicant(viewer, view.c)) {
          const parties = await partiesOf(deps, tx, view.m.countyId, view.c.id);
          if (parties.find((p) => p.id === input.partyId)?.role !== 'applicant')
            throw new HeweiError('FORBIDDEN', { rule: 'SIGN_FOR_SELF_ONLY' });
          method = 'account';
          verified = true;
        } else if (mediator) {
          if (method !== 'id_card' && method !== 'face')
            throw new HeweiError('VALIDATION_FAILED', {
              field: 'identityMethod',
              rule: 'SIGNATURE_IDENTITY_REQUIRED',
            });
          verified = input.identityChecked === true;
        } else throw new HeweiError('FORBIDDEN');
        const signedAt = clock.now().toISOString();
        const sig: Signature = {
          signerRole: input.signerRole,
          partyId: input.partyId,
          mediatorId: input.signerRole === 'mediator' ? viewer.userId : undefined,
          signerName: input.signerName,
          identityVerified: verified,
          imagePngBase64: input.imagePngBase64,
          signedAt,
        };
        const r = addSignature(agreement, sig, measurePngInk);
        if (!r.ok) throw signatureError(r.errors);
        const image = input.imagePngBase64.replace(/^data:image\/png;base64,/, '');
        await repo.insertSignature(tx, {
          countyId: row.countyId,
          agreementId: id,
          id: uuidv7(clock.now().getTime()),
          signerRole: sig.signerRole,
          partyId: sig.partyId ?? null,
          mediatorId: r.value.signatures.at(-1)!.mediatorId ?? null,
          signerName: sig.signerName,
          identityMethod: method!,
          recordedBy: viewer.userId,
          imagePng: image,
          imageSha256: sha256(Buffer.from(image, 'base64')),
          signedAt: new Date(signedAt),
        });
        await mediations.log(tx, viewer, view.m, 'agreement.signed', {
          agreementId: id,
          signerRole: sig.signerRole,
          partyId: sig.partyId ?? null,
          signerName: sig.signerName,
          identityMethod: method,
        });
        return agreementStatus(r.value);
      });
    },

    /**
     * The committee seal, once everyone has signed: the agreement takes effect, the PDF is stored,
     * its hash sealed on the case timeline, and the obligations tracked for performance.
     */
    async seal(viewer: Viewer, id: string) {
      const first = await loadAgreement(db, viewer, id);
      assertMediator(viewer, first.view);
      const sealed = affixSeal(first.agreement, clock.now().toISOString());
      if (!sealed.ok) throw signatureError(sealed.errors);
      const pdf = await renderAgreementPdf(sealed.value);
      return db.transaction(async (tx) => {
        const { row, view, agreement } = await loadAgreement(tx, viewer, id, true);
        if (row.sealAffixedAt || agreement.signatures.length !== first.agreement.signatures.length)
          throw new HeweiError('VERSION_CONFLICT');
        const effectiveAt = agreementEffectiveAt(sealed.value)!;
        const doc = await documents.issue(tx, viewer, view, {
          kind: 'agreement',
          refId: id,
          mime: 'application/pdf',
          bytes: pdf,
          note: `人民调解协议书${agreement.number ? ` ${agreement.number}` : ''}（第${agreement.version}版）`,
        });
        await repo.updateAgreement(tx, row, {
          sealAffixedAt: new Date(sealed.value.sealAffixedAt!),
          effectiveAt: new Date(effectiveAt),
          documentId: doc.id,
          updatedAt: clock.now(),
        });
        await repo.insertPerformance(
          tx,
          performanceSchedule(agreement).map((s) => ({
            countyId: row.countyId,
            agreementId: id,
            termId: s.termId,
            instalment: s.instalment ?? 0,
            mediationId: view.m.id,
            dueDate: s.dueDate,
            amountCents: s.amountCents ?? null,
            status: 'pending',
            performedAt: null,
            flaggedAt: null,
            note: null,
          })),
        );
        await mediations.log(tx, viewer, view.m, 'agreement.sealed', {
          agreementId: id,
          documentId: doc.id,
          sha256: doc.sha256,
          effectiveAt,
        });
        return { documentId: doc.id, sha256: doc.sha256, effectiveAt };
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

export type AgreementsService = ReturnType<typeof agreementsService>;

export { openDraft, type SignInput, sealDraft, toAgreement } from './agreement-text.ts';
