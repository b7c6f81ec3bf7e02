// The agreement's text at rest and on its way in: the parties' particulars sealed by the PII keyring,
// the row read back as the domain's Agreement, the first text from the template, masked values kept,
// and the coded errors a bad text or signature gets.
import {
  type Agreement,
  type AgreementDraft,
  birthDateFromIdNumber,
  genderFromIdNumber,
  HeweiError,
  isValidResidentIdNumber,
  type Signature,
} from '@hewei/domain';
import type { Db, Tx } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import { maskIdNumber, maskPhone } from '../../lib/crypto.ts';
import type { Pii } from '../../lib/pii/keyring.ts';
import { partiesOf } from './case-link.ts';
import type { MediationView } from './mediation.policy.ts';
import { type AgreementRow, mediationRepository as repo, type SignatureRow } from './mediation.repository.ts';

type Q = Db | Tx;

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export interface SignInput {
  signerRole: 'party' | 'mediator';
  partyId?: string;
  signerName: string;
  imagePngBase64: string;
  /** account: the signer is the signed-in user; id_card / face: the mediator checked identity in person */
  identityMethod?: 'account' | 'id_card' | 'face';
  identityChecked?: boolean;
}

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

/** A first text from the template: parties, facts, mediators, organisation and date filled in. */
export async function agreementTemplate(deps: AppDeps, q: Q, view: MediationView): Promise<AgreementDraft> {
  const { clock, org } = deps;
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
export function unmask(next: AgreementDraft, prev: AgreementDraft): AgreementDraft {
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

export function issuesError(issues: { field: string; code: string }[], rule: string) {
  const first = issues[0];
  return new HeweiError('VALIDATION_FAILED', {
    field: first.field,
    rule,
    params: { field: first.field, code: first.code, count: issues.length },
  });
}

export function signatureError(errors: { field: string; code: string }[]) {
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
