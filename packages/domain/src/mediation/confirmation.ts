// Judicial confirmation (司法确认) of a mediation agreement: People's Mediation Law Art. 33, the
// Civil Procedure Law special procedure, and 法释〔2011〕5号 (jurisdiction Art. 2, materials Art. 3,
// acceptance within 3 days Art. 4, decision within 15 (+10) days Art. 5).
import {
  type Agreement,
  agreementEffectiveDate,
  agreementStatus,
  type FieldIssue,
  type IssueCode,
  type MediationOrganisationRef,
  type MediatorRef,
} from './agreement.ts';
import { addDays, daysBetween, endOfShanghaiDate, isIsoDate, isIsoInstant, shanghaiDateOf } from './dates.ts';
import { isPlausiblePhone, isValidResidentIdNumber } from './people.ts';

/** Days after the agreement takes effect in which the parties may jointly apply (Art. 33). */
export const CONFIRMATION_WINDOW_DAYS = 30;
/** Court decides whether to accept within 3 days (法释〔2011〕5号 Art. 4). */
export const CONFIRMATION_ACCEPTANCE_DAYS = 3;
/** Court decides within 15 days of acceptance, extendable by 10 (Art. 5). */
export const CONFIRMATION_DECISION_DAYS = 15;
export const CONFIRMATION_EXTENSION_DAYS = 10;

/**
 * Matters a court does not accept for confirmation (Art. 4): identity relationships, adoption,
 * marriage (divorce itself; property and support arising from it may still be confirmed).
 */
export const CONFIRMATION_EXCLUDED_CATEGORIES: readonly string[] = [
  'identity_relationship',
  'adoption',
  'marriage',
];

export interface DayCalendar {
  /** 'YYYY-MM-DD' (Asia/Shanghai) → is it a working day? */
  isWorkingDay(date: string): boolean;
}

export interface ConfirmationWindow {
  /** The Shanghai date the agreement took effect. */
  effectiveDate: string;
  /** Last day to apply (inclusive). */
  dueDate: string;
  /** The instant after which it is too late (the day after dueDate, 00:00 +08:00). */
  closesAt: Date;
}

/**
 * The 30-day window. As for every legal period, the day it starts is not counted, and a period
 * ending on a statutory holiday ends on the next working day (Civil Procedure Law, on periods),
 * when a working calendar is given.
 */
export function judicialConfirmationWindow(
  effectiveAt: Date | string,
  calendar?: DayCalendar,
): ConfirmationWindow {
  const effectiveDate =
    typeof effectiveAt === 'string' && isIsoDate(effectiveAt) ? effectiveAt : shanghaiDateOf(effectiveAt);
  let dueDate = addDays(effectiveDate, CONFIRMATION_WINDOW_DAYS);
  if (calendar !== undefined) {
    for (let guard = 0; guard < 60 && !calendar.isWorkingDay(dueDate); guard++) dueDate = addDays(dueDate, 1);
  }
  return { effectiveDate, dueDate, closesAt: endOfShanghaiDate(dueDate) };
}

export type ConfirmationRefusal = 'superseded' | 'not_effective' | 'window_closed' | 'not_confirmable';

export type ConfirmationCheck =
  | { ok: true; window: ConfirmationWindow; daysLeft: number }
  | { ok: false; reason: ConfirmationRefusal; window?: ConfirmationWindow };

/** Whether the parties can still apply for judicial confirmation of this agreement at `now`. */
export function canApplyForConfirmation(
  agreement: Agreement,
  now: Date,
  calendar?: DayCalendar,
): ConfirmationCheck {
  const status = agreementStatus(agreement);
  if (status === 'superseded') return { ok: false, reason: 'superseded' };
  const effectiveDate = agreementEffectiveDate(agreement);
  if (status !== 'effective' || effectiveDate === null) return { ok: false, reason: 'not_effective' };
  const window = judicialConfirmationWindow(effectiveDate, calendar);
  if (agreement.category !== undefined && CONFIRMATION_EXCLUDED_CATEGORIES.includes(agreement.category))
    return { ok: false, reason: 'not_confirmable', window };
  if (now.getTime() >= window.closesAt.getTime()) return { ok: false, reason: 'window_closed', window };
  return { ok: true, window, daysLeft: daysBetween(shanghaiDateOf(now), window.dueDate) };
}

// ---------------------------------------------------------------------------------------------
// The application (司法确认申请书)

export interface Court {
  id: string;
  /** e.g. 'XX县人民法院' or 'XX县人民法院XX人民法庭'. */
  name: string;
}

export interface Agent {
  name: string;
  idNumber?: string;
  phone?: string;
  /** 律师 / 近亲属 / … */
  relation?: string;
  /** A signed or sealed 授权委托书 is attached. */
  powerOfAttorney: boolean;
}

export interface ConfirmationApplicant {
  partyId: string;
  kind: 'person' | 'organisation';
  name: string;
  gender?: 'male' | 'female';
  ethnicity?: string;
  birthDate?: string;
  idType?: 'resident_id' | 'passport' | 'hk_macao_permit' | 'taiwan_permit' | 'credit_code' | 'other';
  idNumber: string;
  /** 住所. */
  address: string;
  /** 送达地址: where the court serves its documents. */
  serviceAddress: string;
  phone: string;
  legalRepresentative?: string;
  agent?: Agent;
}

export type MaterialKind =
  | 'application'
  | 'agreement'
  | 'identity'
  | 'qualification'
  | 'property_right'
  | 'power_of_attorney'
  | 'other';

export interface Material {
  kind: MaterialKind;
  title: string;
  copies: number;
  pages?: number;
}

export interface ApplicationSignature {
  partyId: string;
  signerName: string;
  imagePngBase64?: string;
  signedAt: string;
}

export type ConfirmationTrackingStatus =
  | 'draft'
  | 'submitted'
  | 'accepted'
  | 'not_accepted'
  | 'confirmed'
  | 'dismissed';

export interface JudicialConfirmationApplication {
  id: string;
  applicants: ConfirmationApplicant[];
  agreement: {
    id: string;
    number?: string;
    version: number;
    date: string;
    effectiveDate: string;
    sha256?: string;
  };
  organisation: MediationOrganisationRef;
  mediators: MediatorRef[];
  court: Court;
  /** 案由 as the court would name it, e.g. '相邻关系纠纷'. */
  disputeTitle?: string;
  /** Basis on which the court has jurisdiction. */
  courtBasis?: CourtBasis;
  /** 请求事项. */
  request: string;
  /** 事实与理由 (short); the agreement itself is attached. */
  factsAndReasons: string;
  /** The applicants declare it voluntary, without collusion and harming no third party. */
  declarationAccepted: boolean;
  materials: Material[];
  signatures: ApplicationSignature[];
  /** 'YYYY-MM-DD' of the application. */
  date: string;
  tracking?: {
    status: ConfirmationTrackingStatus;
    submittedAt?: string;
    acceptedAt?: string;
    decidedAt?: string;
    /** '（2025）X0102民特调确字第 12 号' as assigned by the court. */
    caseNumber?: string;
    extended?: boolean;
  };
}

/** Default wording of the request (请求事项). */
export function defaultConfirmationRequest(
  agreement: Pick<Agreement, 'date' | 'number'>,
  organisationName: string,
): string {
  const [y, m, d] = agreement.date.split('-').map(Number);
  const ref = agreement.number ? `（编号：${agreement.number}）` : '';
  return `请求确认申请人于${y}年${m}月${d}日经${organisationName}主持调解达成的调解协议${ref}有效。`;
}

/** The declaration the applicants make (声明). */
export const CONFIRMATION_DECLARATION: readonly string[] = [
  '申请人出于解决纠纷的目的自愿达成调解协议，没有恶意串通、规避法律的行为；',
  '调解协议内容不损害国家利益、社会公共利益和他人合法权益；',
  '申请人提交的材料真实、合法，如因虚假陈述或提交虚假材料给他人造成损失，愿承担相应的民事责任和其他法律责任；',
  '申请人已知悉司法确认的法律后果：人民法院依法确认调解协议有效，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。',
];

/** Materials every application needs (法释〔2011〕5号 Art. 3). */
export const REQUIRED_MATERIALS: readonly MaterialKind[] = ['application', 'agreement', 'identity'];

/** Every problem with an application, checked against the agreement when it is given. */
export function validateConfirmationApplication(
  app: JudicialConfirmationApplication,
  opts: { agreement?: Agreement; now?: Date; calendar?: DayCalendar } = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const push = (field: string, code: IssueCode) => issues.push({ field, code });
  const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

  const applicants = app.applicants ?? [];
  const distinct = new Set(applicants.map((a) => a.partyId));
  if (applicants.length < 2 || distinct.size < 2) push('applicants', 'not_joint');
  if (distinct.size !== applicants.length) push('applicants', 'duplicate');
  applicants.forEach((a, i) => {
    const at = `applicants[${i}]`;
    if (blank(a.name)) push(`${at}.name`, 'required');
    if (blank(a.idNumber)) push(`${at}.idNumber`, 'required');
    else if (
      a.kind === 'person' &&
      (a.idType ?? 'resident_id') === 'resident_id' &&
      !isValidResidentIdNumber(a.idNumber)
    )
      push(`${at}.idNumber`, 'invalid');
    if (blank(a.address)) push(`${at}.address`, 'required');
    if (blank(a.serviceAddress)) push(`${at}.serviceAddress`, 'required');
    if (blank(a.phone)) push(`${at}.phone`, 'required');
    else if (!isPlausiblePhone(a.phone)) push(`${at}.phone`, 'invalid');
    if (a.kind === 'organisation' && blank(a.legalRepresentative))
      push(`${at}.legalRepresentative`, 'required');
    if (a.agent !== undefined) {
      if (blank(a.agent.name)) push(`${at}.agent.name`, 'required');
      if (a.agent.powerOfAttorney !== true) push(`${at}.agent.powerOfAttorney`, 'power_of_attorney_required');
    }
  });

  if (blank(app.agreement?.id)) push('agreement.id', 'required');
  if (!isIsoDate(app.agreement?.effectiveDate)) push('agreement.effectiveDate', 'required');
  if (blank(app.organisation?.name)) push('organisation.name', 'required');
  if (blank(app.court?.name)) push('court.name', 'required');
  if (blank(app.request)) push('request', 'required');
  if (app.declarationAccepted !== true) push('declarationAccepted', 'declaration_required');
  if (!isIsoDate(app.date)) push('date', app.date ? 'invalid' : 'required');

  const kinds = new Set((app.materials ?? []).map((m) => m.kind));
  for (const k of REQUIRED_MATERIALS) if (!kinds.has(k)) push(`materials.${k}`, 'material_missing');
  if (applicants.some((a) => a.agent !== undefined) && !kinds.has('power_of_attorney'))
    push('materials.power_of_attorney', 'material_missing');
  if (applicants.some((a) => a.kind === 'organisation') && !kinds.has('qualification'))
    push('materials.qualification', 'material_missing');

  for (const a of applicants) {
    const sig = (app.signatures ?? []).find((s) => s.partyId === a.partyId);
    if (sig === undefined) push(`signatures[${a.partyId}]`, 'required');
    else if (!isIsoInstant(sig.signedAt)) push(`signatures[${a.partyId}].signedAt`, 'invalid');
  }

  const agreement = opts.agreement;
  if (agreement !== undefined) {
    for (const p of agreement.parties) if (!distinct.has(p.id)) push(`applicants[${p.id}]`, 'not_joint');
    for (const a of applicants)
      if (!agreement.parties.some((p) => p.id === a.partyId))
        push(`applicants[${a.partyId}]`, 'unknown_party');
    if (app.agreement.id !== agreement.id) push('agreement.id', 'invalid');
    if (opts.now !== undefined) {
      const check = canApplyForConfirmation(agreement, opts.now, opts.calendar);
      if (!check.ok) push('agreement', check.reason);
    }
  } else if (opts.now !== undefined && isIsoDate(app.agreement?.effectiveDate)) {
    const window = judicialConfirmationWindow(app.agreement.effectiveDate, opts.calendar);
    if (opts.now.getTime() >= window.closesAt.getTime()) push('agreement.effectiveDate', 'window_closed');
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Which court

export type CourtBasis =
  | 'delegated_pre_litigation'
  | 'mediation_organisation_seat'
  | 'party_domicile'
  | 'subject_matter_location';

export interface CourtCandidate {
  court: Court;
  basis: CourtBasis;
  reason: string;
}

/**
 * Courts the parties may apply to, best first. A court that delegated the mediation before filing
 * is the one court (法释〔2011〕5号 Art. 2); otherwise the basic court where the committee sits,
 * then (Civil Procedure Law as revised) where a party lives or where the subject matter is.
 */
export function confirmationCourtCandidates(input: {
  delegatingCourt?: Court;
  organisationSeatCourt?: Court;
  partyDomicileCourts?: Court[];
  subjectMatterCourt?: Court;
}): CourtCandidate[] {
  if (input.delegatingCourt !== undefined)
    return [
      {
        court: input.delegatingCourt,
        basis: 'delegated_pre_litigation',
        reason: '该纠纷系人民法院立案前委派调解，由委派的人民法院管辖',
      },
    ];
  const out: CourtCandidate[] = [];
  const add = (court: Court | undefined, basis: CourtBasis, reason: string) => {
    if (court !== undefined && !out.some((c) => c.court.id === court.id)) out.push({ court, basis, reason });
  };
  add(input.organisationSeatCourt, 'mediation_organisation_seat', '调解组织所在地基层人民法院');
  for (const c of input.partyDomicileCourts ?? []) add(c, 'party_domicile', '当事人住所地基层人民法院');
  add(input.subjectMatterCourt, 'subject_matter_location', '标的物所在地基层人民法院');
  return out;
}

export interface ConfirmationDeadlines {
  /** Court says whether it accepts by this date. */
  acceptanceDueDate?: string;
  /** Decision due (15 days after acceptance). */
  decisionDueDate?: string;
  /** With the 10-day extension. */
  extendedDecisionDueDate?: string;
}

/** Tracking deadlines from the submission and acceptance instants. */
export function confirmationDeadlines(
  submittedAt?: Date | string,
  acceptedAt?: Date | string,
): ConfirmationDeadlines {
  const out: ConfirmationDeadlines = {};
  if (submittedAt !== undefined)
    out.acceptanceDueDate = addDays(shanghaiDateOf(submittedAt), CONFIRMATION_ACCEPTANCE_DAYS);
  if (acceptedAt !== undefined) {
    const accepted = shanghaiDateOf(acceptedAt);
    out.decisionDueDate = addDays(accepted, CONFIRMATION_DECISION_DAYS);
    out.extendedDecisionDueDate = addDays(accepted, CONFIRMATION_DECISION_DAYS + CONFIRMATION_EXTENSION_DAYS);
  }
  return out;
}

/**
 * A first draft of the application from an effective agreement: applicants from its parties,
 * the agreement reference, organisation, mediators, the default request and the standard
 * materials. Service addresses default to the parties' addresses; the declaration and the
 * signatures are still to be collected from the applicants.
 */
export function draftConfirmationApplication(
  agreement: Agreement,
  input: {
    id: string;
    court: Court;
    courtBasis?: CourtBasis;
    date: string;
    disputeTitle?: string;
    serviceAddresses?: Record<string, string>;
    phones?: Record<string, string>;
  },
): JudicialConfirmationApplication {
  const effectiveDate = agreementEffectiveDate(agreement) ?? '';
  const applicants: ConfirmationApplicant[] = agreement.parties.map((p) =>
    p.kind === 'organisation'
      ? {
          partyId: p.id,
          kind: 'organisation',
          name: p.name,
          idType: 'credit_code',
          idNumber: p.creditCode ?? '',
          address: p.address,
          serviceAddress: input.serviceAddresses?.[p.id] ?? p.address,
          phone: input.phones?.[p.id] ?? p.phone ?? '',
          legalRepresentative: p.legalRepresentative,
        }
      : {
          partyId: p.id,
          kind: 'person',
          name: p.name,
          gender: p.gender,
          ethnicity: p.ethnicity,
          idType: p.idType ?? 'resident_id',
          idNumber: p.idNumber,
          address: p.address,
          serviceAddress: input.serviceAddresses?.[p.id] ?? p.address,
          phone: input.phones?.[p.id] ?? p.phone ?? '',
        },
  );
  const materials: Material[] = [
    { kind: 'application', title: '司法确认申请书', copies: 1 },
    { kind: 'agreement', title: '人民调解协议书', copies: 1 },
    { kind: 'identity', title: '申请人身份证明', copies: applicants.length },
  ];
  if (applicants.some((a) => a.kind === 'organisation'))
    materials.push({ kind: 'qualification', title: '营业执照副本及法定代表人身份证明', copies: 1 });
  return {
    id: input.id,
    applicants,
    agreement: {
      id: agreement.id,
      number: agreement.number,
      version: agreement.version,
      date: agreement.date,
      effectiveDate,
    },
    organisation: agreement.organisation,
    mediators: agreement.mediators,
    court: input.court,
    courtBasis: input.courtBasis,
    disputeTitle: input.disputeTitle,
    request: defaultConfirmationRequest(agreement, agreement.organisation.name),
    factsAndReasons: '',
    declarationAccepted: false,
    materials,
    signatures: [],
    date: input.date,
    tracking: { status: 'draft' },
  };
}
