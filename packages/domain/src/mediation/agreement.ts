// The mediation agreement (调解协议书), People's Mediation Law Arts. 28–31 and the MoJ template:
// parties' basic facts, the facts, disputed matters, each party's responsibility, the agreed terms
// with performance method, place and time limit, and signatures + the committee seal.
// Once anyone has signed, the text is frozen: a change is a new version that supersedes the old.
import { addDays, ageOn, isIsoDate, isIsoInstant, shanghaiDateOf } from './dates.ts';
import { birthDateFromIdNumber, genderFromIdNumber, isValidResidentIdNumber } from './people.ts';

/** A problem with one field: `field` is a path such as 'parties[1].idNumber'. */
export interface FieldIssue {
  field: string;
  code: IssueCode;
}

export type IssueCode =
  | 'required'
  | 'invalid'
  | 'too_few'
  | 'duplicate'
  | 'unknown_party'
  | 'unknown_mediator'
  | 'inconsistent_with_id'
  | 'before_agreement_date'
  | 'after_term_due_date'
  | 'not_ascending'
  | 'instalments_sum_mismatch'
  | 'not_a_png'
  | 'empty_drawing'
  | 'identity_unverified'
  | 'name_mismatch'
  | 'already_signed'
  | 'immutable'
  | 'superseded'
  | 'signatures_missing'
  | 'already_sealed'
  | 'same_id'
  | 'not_joint'
  | 'power_of_attorney_required'
  | 'material_missing'
  | 'declaration_required'
  | 'window_closed'
  | 'not_effective'
  | 'not_confirmable';

export type MediationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldIssue[] };

export type PersonGender = 'male' | 'female';
export type IdDocumentType = 'resident_id' | 'passport' | 'hk_macao_permit' | 'taiwan_permit' | 'other';

/** 自然人 当事人. */
export interface NaturalPersonParty {
  kind: 'person';
  id: string;
  name: string;
  gender: PersonGender;
  age: number;
  /** 民族, e.g. '汉族'. */
  ethnicity: string;
  occupation: string;
  /** 工作单位; write '无' where there is none (the law asks for it to be stated). */
  workplace: string;
  /** 住所 / 住址. */
  address: string;
  idType?: IdDocumentType;
  idNumber: string;
  phone?: string;
}

/** 法人或其他组织 当事人. */
export interface OrganisationParty {
  kind: 'organisation';
  id: string;
  name: string;
  address: string;
  /** 法定代表人 or 主要负责人. */
  legalRepresentative: string;
  legalRepresentativeTitle?: string;
  /** 统一社会信用代码. */
  creditCode?: string;
  phone?: string;
}

export type AgreementParty = NaturalPersonParty | OrganisationParty;

/** One party's share of responsibility for the dispute (各方责任). */
export interface Responsibility {
  partyId: string;
  text: string;
}

export interface Instalment {
  dueDate: string;
  /** In fen (分, 1/100 yuan). */
  amountCents: number;
  note?: string;
}

/** One agreed term (协议内容) with how, where and by when it is performed. */
export interface AgreedTerm {
  id: string;
  content: string;
  /** Who performs it. */
  obligorPartyIds: string[];
  /** Who benefits, when there is one. */
  obligeePartyIds?: string[];
  /** 履行方式, e.g. '银行转账', '现金当面支付', '拆除围墙'. */
  performanceMethod: string;
  /** 履行地点. */
  place: string;
  /** 履行期限: the last day ('YYYY-MM-DD'); with instalments, the last instalment's date or later. */
  dueDate: string;
  amountCents?: number;
  instalments?: Instalment[];
}

export interface MediatorRef {
  id: string;
  name: string;
}

export interface MediationOrganisationRef {
  id: string;
  /** e.g. 'XX县XX镇人民调解委员会'. */
  name: string;
  address?: string;
}

/** What is written before anyone signs. */
export interface AgreementDraft {
  id: string;
  caseId?: string;
  /** 文书编号, e.g. '（2025）城调字第 012 号'. */
  number?: string;
  /** Dispute category code (used for the judicial-confirmation exclusions). */
  category?: string;
  parties: AgreementParty[];
  /** 纠纷的主要事实. */
  facts: string;
  /** 争议事项. */
  disputedMatters: string;
  responsibilities: Responsibility[];
  terms: AgreedTerm[];
  mediators: MediatorRef[];
  organisation: MediationOrganisationRef;
  /** 'YYYY-MM-DD' the agreement was reached. */
  date: string;
  /** Where it was made. */
  place?: string;
  /** Copies made; defaults to one per party plus one for the committee (Art. 29). */
  copies?: number;
}

export type SignerRole = 'party' | 'mediator';

export interface Signature {
  signerRole: SignerRole;
  /** The party signed for (signerRole 'party'). */
  partyId?: string;
  /** The mediator signing (signerRole 'mediator'); matched by name when absent. */
  mediatorId?: string;
  signerName: string;
  /** The signer's identity was checked (ID card seen, face match, or signed-in account). */
  identityVerified: boolean;
  /** The handwritten signature drawn on screen, PNG, base64 (no data: prefix needed). */
  imagePngBase64: string;
  /** RFC 3339 instant. */
  signedAt: string;
}

export interface Agreement extends AgreementDraft {
  /** 1 for the first text; each superseding version adds one. */
  version: number;
  /** The first version's id: all versions of one agreement share it. */
  rootId: string;
  previousVersionId?: string;
  signatures: Signature[];
  /** When the committee seal was affixed (RFC 3339), absent while not sealed. */
  sealAffixedAt?: string;
  supersededById?: string;
  supersededAt?: string;
  supersedeReason?: string;
}

export type AgreementStatus = 'draft' | 'signing' | 'effective' | 'superseded';

const nonBlank = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/** Every missing or invalid field of a draft; empty when it can be put up for signature. */
export function validateAgreement(draft: AgreementDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const need = (ok: boolean, field: string, code: IssueCode = 'required') => {
    if (!ok) issues.push({ field, code });
  };
  const dateOk = isIsoDate(draft.date);
  need(nonBlank(draft.id), 'id');
  if (draft.date === undefined || draft.date === '') need(false, 'date');
  else need(dateOk, 'date', 'invalid');

  const parties = Array.isArray(draft.parties) ? draft.parties : [];
  if (parties.length < 2) issues.push({ field: 'parties', code: 'too_few' });
  const partyIds = new Set<string>();
  parties.forEach((p, i) => {
    const at = `parties[${i}]`;
    if (!nonBlank(p.id)) need(false, `${at}.id`);
    else if (partyIds.has(p.id)) issues.push({ field: `${at}.id`, code: 'duplicate' });
    else partyIds.add(p.id);
    need(nonBlank(p.name), `${at}.name`);
    need(nonBlank(p.address), `${at}.address`);
    if (p.kind === 'organisation') {
      need(nonBlank(p.legalRepresentative), `${at}.legalRepresentative`);
      return;
    }
    if (p.kind !== 'person') {
      issues.push({ field: `${at}.kind`, code: 'invalid' });
      return;
    }
    if (p.gender === undefined) need(false, `${at}.gender`);
    else need(p.gender === 'male' || p.gender === 'female', `${at}.gender`, 'invalid');
    if (p.age === undefined || p.age === null) need(false, `${at}.age`);
    else need(Number.isInteger(p.age) && p.age >= 0 && p.age <= 150, `${at}.age`, 'invalid');
    need(nonBlank(p.ethnicity), `${at}.ethnicity`);
    need(nonBlank(p.occupation), `${at}.occupation`);
    need(nonBlank(p.workplace), `${at}.workplace`);
    if (!nonBlank(p.idNumber)) {
      need(false, `${at}.idNumber`);
      return;
    }
    if ((p.idType ?? 'resident_id') !== 'resident_id') return;
    if (!isValidResidentIdNumber(p.idNumber)) {
      issues.push({ field: `${at}.idNumber`, code: 'invalid' });
      return;
    }
    const idGender = genderFromIdNumber(p.idNumber);
    if ((p.gender === 'male' || p.gender === 'female') && idGender !== p.gender)
      issues.push({ field: `${at}.gender`, code: 'inconsistent_with_id' });
    const birth = birthDateFromIdNumber(p.idNumber);
    if (birth !== null && dateOk && Number.isInteger(p.age) && Math.abs(ageOn(birth, draft.date) - p.age) > 1)
      issues.push({ field: `${at}.age`, code: 'inconsistent_with_id' });
  });

  need(nonBlank(draft.facts), 'facts');
  need(nonBlank(draft.disputedMatters), 'disputedMatters');

  const responsibilities = Array.isArray(draft.responsibilities) ? draft.responsibilities : [];
  responsibilities.forEach((r, i) => {
    if (!partyIds.has(r.partyId))
      issues.push({ field: `responsibilities[${i}].partyId`, code: 'unknown_party' });
    need(nonBlank(r.text), `responsibilities[${i}].text`);
  });
  for (const p of parties) {
    if (nonBlank(p.id) && !responsibilities.some((r) => r.partyId === p.id && nonBlank(r.text)))
      issues.push({ field: `responsibilities[${p.id}]`, code: 'required' });
  }

  const terms = Array.isArray(draft.terms) ? draft.terms : [];
  if (terms.length === 0) issues.push({ field: 'terms', code: 'required' });
  const termIds = new Set<string>();
  terms.forEach((t, i) => {
    const at = `terms[${i}]`;
    if (!nonBlank(t.id)) need(false, `${at}.id`);
    else if (termIds.has(t.id)) issues.push({ field: `${at}.id`, code: 'duplicate' });
    else termIds.add(t.id);
    need(nonBlank(t.content), `${at}.content`);
    need(nonBlank(t.performanceMethod), `${at}.performanceMethod`);
    need(nonBlank(t.place), `${at}.place`);
    const obligors = Array.isArray(t.obligorPartyIds) ? t.obligorPartyIds : [];
    if (obligors.length === 0) need(false, `${at}.obligorPartyIds`);
    for (const id of obligors)
      if (!partyIds.has(id)) issues.push({ field: `${at}.obligorPartyIds`, code: 'unknown_party' });
    for (const id of t.obligeePartyIds ?? [])
      if (!partyIds.has(id)) issues.push({ field: `${at}.obligeePartyIds`, code: 'unknown_party' });
    const dueOk = isIsoDate(t.dueDate);
    if (t.dueDate === undefined || t.dueDate === '') need(false, `${at}.dueDate`);
    else if (!dueOk) issues.push({ field: `${at}.dueDate`, code: 'invalid' });
    else if (dateOk && t.dueDate < draft.date)
      issues.push({ field: `${at}.dueDate`, code: 'before_agreement_date' });
    if (t.amountCents !== undefined && !(Number.isInteger(t.amountCents) && t.amountCents > 0))
      issues.push({ field: `${at}.amountCents`, code: 'invalid' });
    const inst = t.instalments ?? [];
    let previous = '';
    inst.forEach((s, j) => {
      const sat = `${at}.instalments[${j}]`;
      if (!isIsoDate(s.dueDate))
        issues.push({ field: `${sat}.dueDate`, code: s.dueDate ? 'invalid' : 'required' });
      else {
        if (dateOk && s.dueDate < draft.date)
          issues.push({ field: `${sat}.dueDate`, code: 'before_agreement_date' });
        if (dueOk && s.dueDate > t.dueDate)
          issues.push({ field: `${sat}.dueDate`, code: 'after_term_due_date' });
        if (previous !== '' && s.dueDate <= previous)
          issues.push({ field: `${sat}.dueDate`, code: 'not_ascending' });
        previous = s.dueDate;
      }
      if (!(Number.isInteger(s.amountCents) && s.amountCents > 0))
        issues.push({ field: `${sat}.amountCents`, code: 'invalid' });
    });
    if (inst.length > 0 && t.amountCents !== undefined) {
      const sum = inst.reduce((a, s) => a + (Number.isInteger(s.amountCents) ? s.amountCents : 0), 0);
      if (sum !== t.amountCents)
        issues.push({ field: `${at}.instalments`, code: 'instalments_sum_mismatch' });
    }
  });

  const mediators = Array.isArray(draft.mediators) ? draft.mediators : [];
  if (mediators.length === 0) issues.push({ field: 'mediators', code: 'required' });
  mediators.forEach((m, i) => {
    need(nonBlank(m.id), `mediators[${i}].id`);
    need(nonBlank(m.name), `mediators[${i}].name`);
  });
  need(nonBlank(draft.organisation?.name), 'organisation.name');
  if (draft.copies !== undefined && !(Number.isInteger(draft.copies) && draft.copies >= parties.length + 1))
    issues.push({ field: 'copies', code: 'invalid' });
  return issues;
}

/** Copies to print: one per party and one for the committee unless more were asked for. */
export function agreementCopies(draft: AgreementDraft): number {
  return Math.max(draft.copies ?? 0, draft.parties.length + 1);
}

// ---------------------------------------------------------------------------------------------
// Signatures

/** What a PNG decoder tells about a drawn signature; null when the bytes are not a PNG. */
export interface InkStats {
  width: number;
  height: number;
  /** Pixels that are neither transparent nor (near) white. */
  inkPixels: number;
  /** Bounding box of the ink, or null without ink. */
  inkBox: { x0: number; y0: number; x1: number; y1: number } | null;
}

/** Measures the ink of a base64 PNG. Domain code cannot inflate PNGs; the server passes one in. */
export type InkMeter = (pngBase64: string) => InkStats | null;

export interface InkRules {
  /** At least this many ink pixels. Default 60. */
  minInkPixels: number;
  /** The ink spans at least this fraction of the image width or height. Default 0.15. */
  minSpan: number;
}

export const DEFAULT_INK_RULES: InkRules = { minInkPixels: 60, minSpan: 0.15 };

/** Whether measured ink looks like a drawing rather than an empty pad or a stray dot. */
export function hasEnoughInk(stats: InkStats, rules: InkRules = DEFAULT_INK_RULES): boolean {
  if (stats.inkBox === null || stats.inkPixels < rules.minInkPixels) return false;
  const spanX = (stats.inkBox.x1 - stats.inkBox.x0 + 1) / stats.width;
  const spanY = (stats.inkBox.y1 - stats.inkBox.y0 + 1) / stats.height;
  return Math.max(spanX, spanY) >= rules.minSpan;
}

/** Strips an optional 'data:image/png;base64,' prefix. */
export function pngBase64Payload(image: string): string {
  return image.replace(/^data:image\/png;base64,/, '').replace(/\s+/g, '');
}

/** Problems with one signature on its own: name, identity, role, time and the drawing. */
export function validateSignature(
  sig: Signature,
  measureInk: InkMeter,
  rules: InkRules = DEFAULT_INK_RULES,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (sig.signerRole !== 'party' && sig.signerRole !== 'mediator')
    issues.push({ field: 'signerRole', code: 'invalid' });
  if (sig.signerRole === 'party' && !nonBlank(sig.partyId))
    issues.push({ field: 'partyId', code: 'required' });
  if (!nonBlank(sig.signerName)) issues.push({ field: 'signerName', code: 'required' });
  if (sig.identityVerified !== true) issues.push({ field: 'identityVerified', code: 'identity_unverified' });
  if (!isIsoInstant(sig.signedAt))
    issues.push({ field: 'signedAt', code: sig.signedAt ? 'invalid' : 'required' });
  if (!nonBlank(sig.imagePngBase64)) {
    issues.push({ field: 'imagePngBase64', code: 'required' });
    return issues;
  }
  const stats = measureInk(pngBase64Payload(sig.imagePngBase64));
  if (stats === null) issues.push({ field: 'imagePngBase64', code: 'not_a_png' });
  else if (!hasEnoughInk(stats, rules)) issues.push({ field: 'imagePngBase64', code: 'empty_drawing' });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

/** A fresh version-1 agreement from a valid draft. */
export function createAgreement(draft: AgreementDraft): MediationResult<Agreement> {
  const errors = validateAgreement(draft);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...structuredClone(draft), version: 1, rootId: draft.id, signatures: [] } };
}

/** Change the text of an agreement nobody has signed yet (same id and version). */
export function reviseDraft(agreement: Agreement, draft: AgreementDraft): MediationResult<Agreement> {
  if (agreement.supersededById !== undefined) return fail('id', 'superseded');
  if (agreement.signatures.length > 0 || agreement.sealAffixedAt !== undefined)
    return fail('signatures', 'immutable');
  if (draft.id !== agreement.id) return fail('id', 'invalid');
  const errors = validateAgreement(draft);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...structuredClone(draft),
      version: agreement.version,
      rootId: agreement.rootId,
      previousVersionId: agreement.previousVersionId,
      signatures: [],
    },
  };
}

/** Append a signature after checking it and that the signer belongs on this agreement. */
export function addSignature(
  agreement: Agreement,
  sig: Signature,
  measureInk: InkMeter,
  rules: InkRules = DEFAULT_INK_RULES,
): MediationResult<Agreement> {
  if (agreement.supersededById !== undefined) return fail('id', 'superseded');
  if (agreement.sealAffixedAt !== undefined) return fail('sealAffixedAt', 'already_sealed');
  const errors = validateSignature(sig, measureInk, rules);
  if (sig.signerRole === 'party') {
    const party = agreement.parties.find((p) => p.id === sig.partyId);
    if (party === undefined) {
      if (nonBlank(sig.partyId)) errors.push({ field: 'partyId', code: 'unknown_party' });
    } else {
      if (party.kind === 'person' && nonBlank(sig.signerName) && norm(sig.signerName) !== norm(party.name))
        errors.push({ field: 'signerName', code: 'name_mismatch' });
      if (agreement.signatures.some((s) => s.signerRole === 'party' && s.partyId === party.id))
        errors.push({ field: 'partyId', code: 'already_signed' });
    }
  } else if (sig.signerRole === 'mediator') {
    const mediator = findMediator(agreement, sig);
    if (mediator === undefined) errors.push({ field: 'mediatorId', code: 'unknown_mediator' });
    else if (signedMediatorIds(agreement).has(mediator.id))
      errors.push({ field: 'mediatorId', code: 'already_signed' });
  }
  if (errors.length > 0) return { ok: false, errors };
  const stored: Signature =
    sig.signerRole === 'mediator' ? { ...sig, mediatorId: findMediator(agreement, sig)!.id } : { ...sig };
  return { ok: true, value: { ...agreement, signatures: [...agreement.signatures, stored] } };
}

/** Who still has to sign. */
export function missingSignatures(agreement: Agreement): { partyIds: string[]; mediatorIds: string[] } {
  const signedParties = new Set(
    agreement.signatures.filter((s) => s.signerRole === 'party').map((s) => s.partyId ?? ''),
  );
  const signedMediators = signedMediatorIds(agreement);
  return {
    partyIds: agreement.parties.filter((p) => !signedParties.has(p.id)).map((p) => p.id),
    mediatorIds: agreement.mediators.filter((m) => !signedMediators.has(m.id)).map((m) => m.id),
  };
}

/** The committee seal (人民调解委员会印章), once every party and mediator has signed. */
export function affixSeal(agreement: Agreement, at: string): MediationResult<Agreement> {
  if (agreement.supersededById !== undefined) return fail('id', 'superseded');
  if (agreement.sealAffixedAt !== undefined) return fail('sealAffixedAt', 'already_sealed');
  if (!isIsoInstant(at)) return fail('sealAffixedAt', 'invalid');
  const missing = missingSignatures(agreement);
  if (missing.partyIds.length > 0 || missing.mediatorIds.length > 0)
    return fail('signatures', 'signatures_missing');
  return { ok: true, value: { ...agreement, sealAffixedAt: at } };
}

/**
 * Art. 29: effective when every party has signed (sealed, fingerprinted), every mediator on it
 * has signed and the committee seal is affixed. A superseded version is no longer in effect.
 */
export function agreementEffective(agreement: Agreement): boolean {
  const missing = missingSignatures(agreement);
  return (
    agreement.supersededById === undefined &&
    agreement.sealAffixedAt !== undefined &&
    missing.partyIds.length === 0 &&
    missing.mediatorIds.length === 0
  );
}

/** When it took effect: the last of the signatures and the seal; null when not (yet) effective. */
export function agreementEffectiveAt(agreement: Agreement): string | null {
  if (!agreementEffective(agreement)) return null;
  const times = [...agreement.signatures.map((s) => s.signedAt), agreement.sealAffixedAt!];
  return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

/** 'YYYY-MM-DD' (Asia/Shanghai) it took effect, or null. */
export function agreementEffectiveDate(agreement: Agreement): string | null {
  const at = agreementEffectiveAt(agreement);
  return at === null ? null : shanghaiDateOf(at);
}

export function agreementStatus(agreement: Agreement): AgreementStatus {
  if (agreement.supersededById !== undefined) return 'superseded';
  if (agreementEffective(agreement)) return 'effective';
  return agreement.signatures.length > 0 ? 'signing' : 'draft';
}

/**
 * Replace an agreement by a new text, keeping the old one as history. Works on a signed or
 * effective agreement (the parties re-mediate, Art. 33 invalidity, a correction): the old version
 * is marked superseded, never edited; the new one starts unsigned with version + 1.
 */
export function supersedeAgreement(
  old: Agreement,
  newDraft: AgreementDraft,
  opts: { at: string; reason?: string },
): MediationResult<{ superseded: Agreement; current: Agreement }> {
  if (old.supersededById !== undefined) return fail('id', 'superseded');
  if (newDraft.id === old.id) return fail('id', 'same_id');
  if (!isIsoInstant(opts.at)) return fail('at', 'invalid');
  const errors = validateAgreement(newDraft);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      superseded: {
        ...old,
        supersededById: newDraft.id,
        supersededAt: opts.at,
        supersedeReason: opts.reason,
      },
      current: {
        ...structuredClone(newDraft),
        version: old.version + 1,
        rootId: old.rootId,
        previousVersionId: old.id,
        signatures: [],
      },
    },
  };
}

/** The version chain that ends at `id`, oldest first. */
export function agreementHistory(versions: readonly Agreement[], id: string): Agreement[] {
  const byId = new Map(versions.map((v) => [v.id, v]));
  const chain: Agreement[] = [];
  const seen = new Set<string>();
  let at = byId.get(id);
  while (at !== undefined && !seen.has(at.id)) {
    seen.add(at.id);
    chain.unshift(at);
    at = at.previousVersionId === undefined ? undefined : byId.get(at.previousVersionId);
  }
  return chain;
}

/** The last date (inclusive) each obligation falls due: the term's date and every instalment. */
export function performanceSchedule(
  agreement: AgreementDraft,
): { termId: string; dueDate: string; amountCents?: number; instalment?: number }[] {
  const out: { termId: string; dueDate: string; amountCents?: number; instalment?: number }[] = [];
  for (const t of agreement.terms) {
    const instalments = t.instalments ?? [];
    instalments.forEach((s, i) => {
      out.push({ termId: t.id, dueDate: s.dueDate, amountCents: s.amountCents, instalment: i + 1 });
    });
    if (instalments.length === 0) out.push({ termId: t.id, dueDate: t.dueDate, amountCents: t.amountCents });
  }
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/**
 * Follow-up visits (回访) for Art. 31 supervision of performance: one on each due date's next
 * day, to check it was done. Returns the visit dates, de-duplicated and sorted.
 */
export function followUpDates(agreement: AgreementDraft, daysAfterDue = 1): string[] {
  return [...new Set(performanceSchedule(agreement).map((s) => addDays(s.dueDate, daysAfterDue)))].sort();
}

function findMediator(agreement: Agreement, sig: Signature): MediatorRef | undefined {
  if (nonBlank(sig.mediatorId)) return agreement.mediators.find((m) => m.id === sig.mediatorId);
  return agreement.mediators.find((m) => norm(m.name) === norm(sig.signerName ?? ''));
}

function signedMediatorIds(agreement: Agreement): Set<string> {
  const ids = new Set<string>();
  for (const s of agreement.signatures) {
    if (s.signerRole !== 'mediator') continue;
    const m = findMediator(agreement, s);
    if (m !== undefined) ids.add(m.id);
  }
  return ids;
}

function norm(name: string): string {
  return name.replace(/\s+/g, '').normalize('NFC');
}

function fail<T>(field: string, code: IssueCode): MediationResult<T> {
  return { ok: false, errors: [{ field, code }] };
}
