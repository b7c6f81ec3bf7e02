import {
  type Agreement,
  type AgreementDraft,
  agreementStatus,
  MEDIATION_STEP_LABELS,
  type MediationStep,
  missingSignatures,
  type Recommendation,
  validateAgreement,
} from '@hewei/domain';
import { z } from 'zod';
import type { Locale } from '../../http/messages.ts';
import { maskIdNumber, maskPhone } from '../../lib/crypto.ts';
import type { OrgDirectory } from '../org/org.directory.ts';
import type {
  EventRow,
  MediationRow,
  MediatorLinkRow,
  ParticipantRow,
  ProfileRow,
  SessionRow,
  UserRow,
} from './mediation.repository.ts';

const str = z.string();
const nstr = z.string().nullable();

export const recommendationSchema = z.object({
  userId: str,
  name: str,
  kind: str,
  organisationId: nstr,
  organisationName: nstr,
  regionId: str,
  regionName: str,
  specialties: z.array(z.object({ code: str, name: str })),
  languages: z.array(str),
  title: nstr,
  bio: nstr,
  available: z.boolean(),
  activeCases: z.number(),
  capacity: z.number(),
  record: z.object({ closed: z.number(), succeeded: z.number() }),
  score: z.number(),
  eligible: z.boolean(),
  excludedBecause: z.array(str),
  reasons: z.array(z.object({ factor: str, score: z.number(), text: str })),
  conflicts: z.array(z.object({ code: str, severity: str, detail: str })),
  notes: z.array(str),
});

export function presentRecommendation(
  r: Recommendation,
  row: ProfileRow,
  org: OrgDirectory,
  locale: Locale,
  specialtyName: (code: string) => string,
): z.infer<typeof recommendationSchema> {
  const o = row.organisationId ? org.mediationOrgs().find((x) => x.id === row.organisationId) : undefined;
  const region = org.region(row.regionId);
  return {
    userId: r.mediator.id,
    name: r.mediator.name,
    kind: row.kind,
    organisationId: row.organisationId,
    organisationName: o ? (locale === 'en' ? o.nameEn : o.name) : null,
    regionId: row.regionId,
    regionName: region ? (locale === 'en' ? region.nameEn : region.name) : '',
    specialties: row.specialties.map((code) => ({ code, name: specialtyName(code) })),
    languages: row.languages,
    title: row.title,
    bio: row.bio,
    available: row.available,
    activeCases: r.mediator.activeCases,
    capacity: row.capacity,
    record: r.mediator.record ?? { closed: 0, succeeded: 0 },
    score: r.score,
    eligible: r.eligible,
    excludedBecause: r.excludedBecause,
    reasons: r.factors.map((f) => ({
      factor: f.factor,
      score: Math.round(f.score * 1000) / 1000,
      text: f.text,
    })),
    conflicts: r.conflicts.map((c) => ({ code: c.code, severity: c.severity, detail: c.detail })),
    notes: r.notes,
  };
}

export const mediationSchema = z.object({
  id: str,
  caseId: str,
  trackingCode: str,
  caseStatus: str,
  organisationId: str,
  organisationName: str,
  status: str,
  step: str,
  stepName: str,
  requestedVia: str,
  homeVisit: z.boolean(),
  outcome: nstr,
  outcomeNote: nstr,
  satisfaction: z.number().nullable(),
  createdAt: str,
  startedAt: nstr,
  endedAt: nstr,
  mediators: z.array(
    z.object({
      userId: str,
      name: str,
      role: str,
      status: str,
      chosenVia: str,
      note: nstr,
      conflicts: z.array(z.object({ severity: str, detail: str })),
    }),
  ),
  allowedActions: z.array(str),
});

export function presentMediation(
  m: MediationRow,
  c: { trackingCode: string; status: string },
  links: MediatorLinkRow[],
  users: Map<string, UserRow>,
  org: OrgDirectory,
  locale: Locale,
  allowed: string[],
): z.infer<typeof mediationSchema> {
  const o = org.mediationOrgs().find((x) => x.id === m.organisationId);
  const label = MEDIATION_STEP_LABELS[m.step as MediationStep];
  return {
    id: m.id,
    caseId: m.caseId,
    trackingCode: c.trackingCode,
    caseStatus: c.status,
    organisationId: m.organisationId,
    organisationName: o ? (locale === 'en' ? o.nameEn : o.name) : m.organisationId,
    status: m.status,
    step: m.step,
    stepName: label ? (locale === 'en' ? label.en : label.zh) : m.step,
    requestedVia: m.requestedVia,
    homeVisit: m.homeVisit,
    outcome: m.outcome,
    outcomeNote: m.outcomeNote,
    satisfaction: m.satisfaction,
    createdAt: m.createdAt.toISOString(),
    startedAt: m.startedAt?.toISOString() ?? null,
    endedAt: m.endedAt?.toISOString() ?? null,
    mediators: links.map((l) => ({
      userId: l.userId,
      name: users.get(l.userId)?.displayName ?? l.userId,
      role: l.role,
      status: l.status,
      chosenVia: l.chosenVia,
      note: l.note,
      conflicts: (l.conflicts as { severity: string; detail: string }[]).map((x) => ({
        severity: x.severity,
        detail: x.detail,
      })),
    })),
    allowedActions: allowed,
  };
}

export const eventSchema = z.object({
  id: str,
  at: str,
  type: str,
  actor: z.object({ id: str, role: str, name: str }),
  sessionId: nstr,
  data: z.record(z.string(), z.unknown()),
});

export const presentEvent = (e: EventRow): z.infer<typeof eventSchema> => ({
  id: e.id,
  at: e.at.toISOString(),
  type: e.type,
  actor: { id: e.actorId, role: e.actorRole, name: e.actorName },
  sessionId: e.sessionId,
  data: e.data as Record<string, unknown>,
});

export const sessionSchema = z.object({
  id: str,
  mediationId: str,
  mode: str,
  step: str,
  scheduledAt: str,
  durationMinutes: z.number(),
  place: nstr,
  status: str,
  minutes: nstr,
  outcome: nstr,
  recording: str,
  participants: z.array(
    z.object({
      id: str,
      kind: str,
      name: str,
      userId: nstr,
      partyId: nstr,
      joinedAt: nstr,
      recordingConsent: z.boolean().nullable(),
    }),
  ),
});

export const presentSession = (s: SessionRow, ps: ParticipantRow[]): z.infer<typeof sessionSchema> => ({
  id: s.id,
  mediationId: s.mediationId,
  mode: s.mode,
  step: s.step,
  scheduledAt: s.scheduledAt.toISOString(),
  durationMinutes: s.durationMinutes,
  place: s.place,
  status: s.status,
  minutes: s.minutes,
  outcome: s.outcome,
  recording: s.recording,
  participants: ps.map((p) => ({
    id: p.id,
    kind: p.kind,
    name: p.name,
    userId: p.userId,
    partyId: p.partyId,
    joinedAt: p.joinedAt?.toISOString() ?? null,
    recordingConsent: p.recordingConsent,
  })),
});

export const agreementSchema = z.object({
  id: str,
  rootId: str,
  version: z.number(),
  previousVersionId: nstr,
  status: str,
  text: z.record(z.string(), z.unknown()),
  issues: z.array(z.object({ field: str, code: str })),
  missing: z.object({ partyIds: z.array(str), mediatorIds: z.array(str) }),
  signatures: z.array(
    z.object({ signerRole: str, partyId: nstr, mediatorId: nstr, signerName: str, signedAt: str }),
  ),
  sealAffixedAt: nstr,
  supersededById: nstr,
  supersedeReason: nstr,
  documentId: nstr,
});

/** The agreement with ID numbers and phones masked (the stored PDF keeps the legal text). */
export function presentAgreement(a: Agreement, documentId: string | null): z.infer<typeof agreementSchema> {
  const {
    signatures,
    version,
    rootId,
    previousVersionId,
    sealAffixedAt,
    supersededById,
    supersededAt: _s,
    supersedeReason,
    ...draft
  } = a;
  const text: AgreementDraft = {
    ...draft,
    parties: draft.parties.map((p) => ({
      ...p,
      phone: p.phone ? (maskPhone(p.phone) ?? undefined) : undefined,
      ...(p.kind === 'person' ? { idNumber: maskIdNumber(p.idNumber) ?? '' } : {}),
    })),
  };
  return {
    id: a.id,
    rootId,
    version,
    previousVersionId: previousVersionId ?? null,
    status: agreementStatus(a),
    text: text as unknown as Record<string, unknown>,
    issues: validateAgreement(a).map((i) => ({ field: i.field, code: i.code })),
    missing: missingSignatures(a),
    signatures: signatures.map((s) => ({
      signerRole: s.signerRole,
      partyId: s.partyId ?? null,
      mediatorId: s.mediatorId ?? null,
      signerName: s.signerName,
      signedAt: s.signedAt,
    })),
    sealAffixedAt: sealAffixedAt ?? null,
    supersededById: supersededById ?? null,
    supersedeReason: supersedeReason ?? null,
    documentId,
  };
}
