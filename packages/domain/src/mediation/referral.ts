// Referral (诉讼立案 / 仲裁): when mediation fails, the case goes to a court or an arbitration
// commission with a package of what the mediation gathered.
import type {
  AgreementParty,
  FieldIssue,
  IssueCode,
  MediationOrganisationRef,
  MediatorRef,
} from './agreement.ts';
import { isIsoDate, isIsoInstant } from './dates.ts';
import type { MediationStep } from './ladder.ts';

export type ReferralTarget = 'court' | 'arbitration';

export interface EvidenceItem {
  id: string;
  title: string;
  /** 书证, 物证, 视听资料, 电子数据, 证人证言, 鉴定意见, 勘验笔录 … */
  kind: string;
  /** AgreementParty id that submitted it, or absent when gathered by the mediator. */
  submittedByPartyId?: string;
  receivedAt: string;
  pages?: number;
  /** SHA-256 hex of the stored file. */
  sha256?: string;
  /** What it is meant to show (证明目的). */
  purpose?: string;
}

export interface MinutesEntry {
  sessionId: string;
  /** RFC 3339. */
  at: string;
  mode: 'in_person' | 'video';
  place?: string;
  attendees: string[];
  content: string;
  recordedBy?: string;
}

export interface TimelineEntry {
  /** RFC 3339. */
  at: string;
  actor: string;
  action: string;
  detail?: string;
}

export interface Referral {
  id: string;
  caseId: string;
  /** Tracking code shown to the resident. */
  caseCode?: string;
  to: ReferralTarget;
  /** The court or arbitration commission, e.g. 'XX县人民法院', 'XX仲裁委员会'. */
  receivingBody: string;
  caseSummary: {
    title: string;
    category: string;
    place?: string;
    /** RFC 3339. */
    receivedAt: string;
    description: string;
    claims?: string;
    stepsTaken: MediationStep[];
    failureReason: string;
  };
  parties: AgreementParty[];
  evidence: EvidenceItem[];
  minutes: MinutesEntry[];
  timeline: TimelineEntry[];
  organisation: MediationOrganisationRef;
  mediators: MediatorRef[];
  /** 'YYYY-MM-DD'. */
  preparedOn: string;
  preparedBy: string;
}

/** Missing pieces of a referral package. */
export function validateReferral(r: Referral): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const push = (field: string, code: IssueCode) => issues.push({ field, code });
  const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
  if (blank(r.id)) push('id', 'required');
  if (blank(r.caseId)) push('caseId', 'required');
  if (r.to !== 'court' && r.to !== 'arbitration') push('to', 'invalid');
  if (blank(r.receivingBody)) push('receivingBody', 'required');
  if (blank(r.caseSummary?.title)) push('caseSummary.title', 'required');
  if (blank(r.caseSummary?.description)) push('caseSummary.description', 'required');
  if (blank(r.caseSummary?.failureReason)) push('caseSummary.failureReason', 'required');
  if (!isIsoInstant(r.caseSummary?.receivedAt)) push('caseSummary.receivedAt', 'invalid');
  if ((r.parties ?? []).length < 2) push('parties', 'too_few');
  (r.minutes ?? []).forEach((m, i) => {
    if (!isIsoInstant(m.at)) push(`minutes[${i}].at`, 'invalid');
  });
  (r.timeline ?? []).forEach((t, i) => {
    if (!isIsoInstant(t.at)) push(`timeline[${i}].at`, 'invalid');
  });
  if (!isIsoDate(r.preparedOn)) push('preparedOn', 'invalid');
  if (blank(r.preparedBy)) push('preparedBy', 'required');
  return issues;
}
