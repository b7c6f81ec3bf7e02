// The agreement (调解协议书): drafted from the template, edited while unsigned, signed on screen by
// each party and mediator, sealed — the PDF stored and its hash sealed on the case timeline —
// and from then on only superseded, never changed.
import {
  type Agreement,
  type AgreementDraft,
  addSignature,
  affixSeal,
  agreementEffectiveAt,
  agreementStatus,
  birthDateFromIdNumber,
  genderFromIdNumber,
  HeweiError,
  isValidResidentIdNumber,
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
import { maskIdNumber, maskPhone, sha256 } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import type { Pii } from '../../lib/pii/keyring.ts';
import { partiesOf } from './case-link.ts';
import type { DocumentsService } from './documents.service.ts';
import { assertMediator, assertOpen, isApplicant, type MediationView, mediates } from './mediation.policy.ts';
import { type AgreementRow, mediationRepository as repo, type SignatureRow } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';

type Q = Db | Tx;

export interface SignInput {
  signerRole: 'party' | 'mediator';
  partyId?: string;
  signerName: string;
  imagePngBase64: string;
  /** account: the signer is the signed-in user; id_card / face: the mediator checked identity in person */
  identityMethod?: 'account' | 'id_card' | 'face';
  identityChecked?: boolean;
}

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The agreement as the domain sees it: the stored text, its version chain and its signatures. */
const PURPOSE = {
  phone: 'agreements.party.phone',
  idNumber: 'agreements.party.id_number',
  address: 'agreements.party.address',
};

/** The parties' ID numbers, phones and addresses are sealed at rest like case parties'. */
export function sealDraft(pii: Pii, d: AgreementDraft): AgreementDraft {
  return { ...d, parties: d.parties.map((p) => mapPii(p, (v, k) => pii.seal(v, PURPOSE[k]) ?? undefined)) };
}
export function openDraft(pii: Pii, d: AgreementDraft): AgreementDraft {
  return { ...d, parties: d.parties.map((p) => mapPii(p, (v, k) => pii.open(v, PURPOSE[k]) ?? undefined)) };
}
function mapPii<P extends AgreementDraft['parties'][number]>(
  p: P,
  f: (v: string, k: keyof typeof PURPOSE) => string | undefined,
): P {
  const out = { ...p } as Record<string, unknown>;
  for (const k of Object.keys(PURPOSE) as (keyof typeof PURPOSE)[])
    if (typeof out[k] === 'string' && out[k] !== '') out[k] = f(out[k] as string, k);
  return out as P;
}

export function toAgreement(row: AgreementRow, sigs: SignatureRow[], pii: Pii): Agreement {
  return {
    ...openDraft(pii, row.draft as AgreementDraft),
    id: row.id,
    version: row.version,
    rootId: row.rootId,
    previousVersionId: row.previousVersionId ?? undefined,
    signatures: sigs.map((s) => ({
      signerRole: s.signerRole as Signature['signerRole'],
      partyId: s.partyId ?? undefined,
      mediatorId: s.mediatorId ?? undefined,
      signerName: s.signerName,
      identityVerified: true,
      imagePngBase64: s.imagePng,
      signedAt: s.signedAt.toISOString(),
    })),
    sealAffixedAt: row.sealAffixedAt?.toISOString(),
    supersededById: row.supersededById ?? undefined,
    supersededAt: row.supersededAt?.toISOString(),
    supersedeReason: row.supersedeReason ?? undefined,
  };
}

export function agreementsService(deps: AppDeps, mediations: MediationService, documents: DocumentsService) {
  const { db, clock, org } = deps;

  async function loadAgreement(q: Q, viewer: Viewer, id: string, forUpdate = false) {
    const row = await repo.agreement(q, viewer.countyId, id, forUpdate);
    if (!row) throw new HeweiError('NOT_FOUND');
    const view = await mediations.load(q, viewer, row.mediationId);
    const sigs = await repo.signatures(q, row.countyId, row.id);
    return { row, view, sigs, agreement: toAgreement(row, sigs, deps.pii) };
  }

  /** A first text from the template: parties, facts, mediators, organisation and date filled in. */
  async function template(q: Q, view: MediationView): Promise<AgreementDraft> {
    const parties = await partiesOf(deps, q, view.m.countyId, view.c.id);
    const mediatorIds = view.links.filter((l) => l.status === 'accepted').map((l) => l.userId);
    const users = await repo.users(q, mediatorIds);
    const o = org.mediationOrgs().find((x) => x.id === view.m.organisationId);
    const today = shanghaiDate(clock.now());
    return {
      id: '',
      caseId: view.c.id,
      category: view.c.categoryCode,
      parties: parties.map((p) => {
        const valid = p.idNumber && isValidResidentIdNumber(p.idNumber);
        const birth = valid ? birthDateFromIdNumber(p.idNumber!) : null;
        const age = birth
          ? Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0)
          : 0;
        return {
          kind: 'person' as const,
          id: p.id,
          name: p.name,
          gender: (valid ? genderFromIdNumber(p.idNumber!) : undefined) as 'male' | 'female',
          age,
          ethnicity: '',
          occupation: '',
          workplace: '',
          address: p.address ?? '',
          idNumber: p.idNumber ?? '',
          phone: p.phone ?? undefined,
        };
      }),
      facts: view.c.description,
      disputedMatters: '',
      responsibilities: [],
      terms: [],
      mediators: mediatorIds.map((id) => ({ id, name: users.get(id)?.displayName ?? id })),
      organisation: { id: o?.id ?? view.m.organisationId, name: o?.name ?? '' },
      date: today,
    };
  }

  /** Masked values the client sends back unchanged keep the stored value. */
  function unmask(next: AgreementDraft, prev: AgreementDraft): AgreementDraft {
    return {
      ...next,
      parties: next.parties.map((p) => {
        const old = prev.parties.find((x) => x.id === p.id);
        if (!old) return p;
        const out = { ...p } as Record<string, unknown>;
        if (p.phone && old.phone && p.phone === maskPhone(old.phone)) out.phone = old.phone;
        if (p.kind === 'person' && old.kind === 'person' && p.idNumber === maskIdNumber(old.idNumber))
          out.idNumber = old.idNumber;
        return out as unknown as AgreementDraft['parties'][number];
      }),
    };
  }

  function issuesError(issues: { field: string; code: string }[], rule: string) {
    const first = issues[0];
    return new HeweiError('VALIDATION_FAILED', {
      field: first.field,
      rule,
      params: { field: first.field, code: first.code, count: issues.length },
    });
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
        const draft = { ...(await template(tx, view)), ...(text ?? {}), id, caseId: view.c.id };
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

function signatureError(errors: { field: string; code: string }[]) {
  const e = errors[0];
  const rule =
    e.code === 'empty_drawing' || e.code === 'not_a_png' || e.field === 'imagePngBase64'
      ? 'SIGNATURE_EMPTY'
      : e.code === 'identity_unverified'
        ? 'SIGNATURE_IDENTITY_REQUIRED'
        : e.code === 'already_signed'
          ? 'ALREADY_SIGNED'
          : e.code === 'signatures_missing'
            ? 'SIGNATURES_MISSING'
            : `SIGNATURE_${e.code.toUpperCase()}`;
  const code =
    e.code === 'already_signed'
      ? 'CONFLICT'
      : e.code === 'signatures_missing' || e.code === 'already_sealed'
        ? 'RULE_VIOLATION'
        : 'VALIDATION_FAILED';
  return new HeweiError(code, { field: e.field, rule });
}

export type AgreementsService = ReturnType<typeof agreementsService>;
