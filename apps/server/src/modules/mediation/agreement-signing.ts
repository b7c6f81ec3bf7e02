// Signing the agreement on screen and the committee seal that makes it take effect: the PDF stored,
// its hash sealed on the case timeline, the obligations tracked for performance.
import {
  addSignature,
  affixSeal,
  agreementEffectiveAt,
  agreementStatus,
  HeweiError,
  performanceSchedule,
  type Signature,
  validateAgreement,
} from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import { renderAgreementPdf } from '../../documents/agreement-pdf.ts';
import { measurePngInk } from '../../documents/signature-ink.ts';
import type { Viewer } from '../../http/access.ts';
import { sha256 } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import type { LoadAgreement } from './agreement-load.ts';
import { issuesError, type SignInput, signatureError } from './agreement-text.ts';
import { partiesOf } from './case-link.ts';
import type { DocumentsService } from './documents.service.ts';
import { assertMediator, assertOpen, isApplicant, mediates } from './mediation.policy.ts';
import { mediationRepository as repo } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';

export function agreementSigning(
  deps: AppDeps,
  mediations: MediationService,
  documents: DocumentsService,
  loadAgreement: LoadAgreement,
) {
  const { db, clock } = deps;

  return {
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
  };
}
