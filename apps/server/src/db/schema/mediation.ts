import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });

// Mediation (capability 6). Every table carries county_id in its primary, unique and foreign keys.

/** A mediator, expert or counsellor in the marketplace: the user account plus what applicants choose by. */
export const mediatorProfiles = pgTable(
  'mediator_profiles',
  {
    countyId: text('county_id').notNull(),
    userId: text('user_id').notNull(),
    /** mediator | expert | counsellor (the user's role) */
    kind: text('kind').notNull(),
    organisationId: text('organisation_id'),
    regionId: text('region_id').notNull(),
    specialties: text('specialties').array().notNull(),
    languages: text('languages').array().notNull(),
    /** legal | psychological | industry … for experts and counsellors */
    expertKind: text('expert_kind'),
    title: text('title'),
    bio: text('bio'),
    villageCommitteeId: text('village_committee_id'),
    /** declared close relatives (回避) */
    relatives: jsonb('relatives').notNull(),
    capacity: integer('capacity').notNull(),
    available: boolean('available').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.userId] }),
    index('mediator_profiles_kind_idx').on(t.countyId, t.kind),
  ],
);

/** What the marketplace says about an organisation beyond mediation_orgs: specialties, address, brand. */
export const mediationOrgProfiles = pgTable(
  'mediation_org_profiles',
  {
    countyId: text('county_id').notNull(),
    organisationId: text('organisation_id').notNull(),
    specialties: text('specialties').array().notNull(),
    address: text('address'),
    phone: text('phone'),
    description: text('description'),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.organisationId] })],
);

const caseFk = (t: { countyId: any; caseId: any }, name: string) =>
  foreignKey({ name, columns: [t.countyId, t.caseId], foreignColumns: [cases.countyId, cases.id] });

/** The mediation record of a case: requested by the applicant, active while the case is in_mediation. */
export const mediations = pgTable(
  'mediations',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    organisationId: text('organisation_id').notNull(),
    /** requested | active | concluded | cancelled */
    status: text('status').notNull(),
    step: text('step').notNull(),
    /** applicant | dispatcher */
    requestedVia: text('requested_via').notNull(),
    requestedBy: text('requested_by').notNull(),
    homeVisit: boolean('home_visit').notNull(),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    satisfaction: integer('satisfaction'),
    createdAt: tz('created_at').notNull(),
    startedAt: tz('started_at'),
    endedAt: tz('ended_at'),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    caseFk(t, 'mediations_case_fk'),
    index('mediations_case_idx').on(t.countyId, t.caseId),
    index('mediations_org_idx').on(t.countyId, t.organisationId, t.status),
    uniqueIndex('mediations_one_open_uq')
      .on(t.countyId, t.caseId)
      .where(sql`${t.status} in ('requested', 'active')`),
  ],
);

const mediationFk = (t: { countyId: any; mediationId: any }, name: string) =>
  foreignKey({
    name,
    columns: [t.countyId, t.mediationId],
    foreignColumns: [mediations.countyId, mediations.id],
  });

/** Mediators on a mediation (一对一 or 多对一): invited, then accepted or declined. */
export const mediationMediators = pgTable(
  'mediation_mediators',
  {
    countyId: text('county_id').notNull(),
    mediationId: text('mediation_id').notNull(),
    userId: text('user_id').notNull(),
    /** lead | member */
    role: text('role').notNull(),
    /** invited | accepted | declined | withdrawn */
    status: text('status').notNull(),
    /** applicant | dispatcher | mediator */
    chosenVia: text('chosen_via').notNull(),
    conflicts: jsonb('conflicts').notNull(),
    invitedAt: tz('invited_at').notNull(),
    respondedAt: tz('responded_at'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.mediationId, t.userId] }),
    mediationFk(t, 'mediation_mediators_mediation_fk'),
    index('mediation_mediators_user_idx').on(t.countyId, t.userId, t.status),
  ],
);

/** A mediation session (调解会), in person or by video. */
export const mediationSessions = pgTable(
  'mediation_sessions',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    mediationId: text('mediation_id').notNull(),
    mode: text('mode').notNull(),
    step: text('step').notNull(),
    scheduledAt: tz('scheduled_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place'),
    /** scheduled | in_progress | held | cancelled */
    status: text('status').notNull(),
    minutes: text('minutes'),
    /** agreement | continued | failed */
    outcome: text('outcome'),
    recording: text('recording').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
    startedAt: tz('started_at'),
    endedAt: tz('ended_at'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    mediationFk(t, 'mediation_sessions_mediation_fk'),
    index('mediation_sessions_mediation_idx').on(t.countyId, t.mediationId),
  ],
);

/** Who takes part in a session; an invitation link is a token whose hash is kept here. */
export const sessionParticipants = pgTable(
  'session_participants',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    sessionId: text('session_id').notNull(),
    /** party | mediator | expert | counsellor | judge | observer */
    kind: text('kind').notNull(),
    userId: text('user_id'),
    partyId: text('party_id'),
    name: text('name').notNull(),
    tokenHash: text('token_hash'),
    invitedBy: text('invited_by').notNull(),
    invitedAt: tz('invited_at').notNull(),
    joinedAt: tz('joined_at'),
    recordingConsent: boolean('recording_consent'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({
      name: 'session_participants_session_fk',
      columns: [t.countyId, t.sessionId],
      foreignColumns: [mediationSessions.countyId, mediationSessions.id],
    }),
    unique('session_participants_token_uq').on(t.countyId, t.tokenHash),
    index('session_participants_token_idx').on(t.tokenHash),
    index('session_participants_session_idx').on(t.countyId, t.sessionId),
  ],
);

/** The mediation's own timeline: every act, chat message and signature. Append-only. */
export const mediationEvents = pgTable(
  'mediation_events',
  {
    countyId: text('county_id').notNull(),
    mediationId: text('mediation_id').notNull(),
    id: text('id').notNull(),
    at: tz('at').notNull(),
    type: text('type').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    actorName: text('actor_name').notNull(),
    sessionId: text('session_id'),
    data: jsonb('data').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.mediationId, t.id] }),
    mediationFk(t, 'mediation_events_mediation_fk'),
  ],
);

/** Reminders of sessions, written with the session and sent when due (an outbox of their own). */
export const mediationReminders = pgTable(
  'mediation_reminders',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    mediationId: text('mediation_id').notNull(),
    sessionId: text('session_id').notNull(),
    userId: text('user_id'),
    phone: text('phone'),
    body: text('body').notNull(),
    dueAt: tz('due_at').notNull(),
    sentAt: tz('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    mediationFk(t, 'mediation_reminders_mediation_fk'),
    index('mediation_reminders_due_idx').on(t.dueAt).where(sql`${t.sentAt} is null`),
  ],
);

/** One version of a mediation agreement; the text (draft) is frozen by trigger once anyone has signed. */
export const agreements = pgTable(
  'agreements',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    mediationId: text('mediation_id').notNull(),
    caseId: text('case_id').notNull(),
    rootId: text('root_id').notNull(),
    version: integer('version').notNull(),
    previousVersionId: text('previous_version_id'),
    draft: jsonb('draft').notNull(),
    sealAffixedAt: tz('seal_affixed_at'),
    effectiveAt: tz('effective_at'),
    documentId: text('document_id'),
    supersededById: text('superseded_by_id'),
    supersededAt: tz('superseded_at'),
    supersedeReason: text('supersede_reason'),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    mediationFk(t, 'agreements_mediation_fk'),
    index('agreements_mediation_idx').on(t.countyId, t.mediationId),
  ],
);

/** Handwritten signatures on an agreement: who, when, how identity was checked. Append-only. */
export const agreementSignatures = pgTable(
  'agreement_signatures',
  {
    countyId: text('county_id').notNull(),
    agreementId: text('agreement_id').notNull(),
    id: text('id').notNull(),
    signerRole: text('signer_role').notNull(),
    partyId: text('party_id'),
    mediatorId: text('mediator_id'),
    signerName: text('signer_name').notNull(),
    /** account | id_card | face */
    identityMethod: text('identity_method').notNull(),
    recordedBy: text('recorded_by').notNull(),
    imagePng: text('image_png').notNull(),
    imageSha256: text('image_sha256').notNull(),
    signedAt: tz('signed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.agreementId, t.id] }),
    foreignKey({
      name: 'agreement_signatures_agreement_fk',
      columns: [t.countyId, t.agreementId],
      foreignColumns: [agreements.countyId, agreements.id],
    }),
  ],
);

/** Each obligation of an effective agreement, tracked to its due date (履行). */
export const performanceItems = pgTable(
  'performance_items',
  {
    countyId: text('county_id').notNull(),
    agreementId: text('agreement_id').notNull(),
    termId: text('term_id').notNull(),
    instalment: integer('instalment').notNull(),
    mediationId: text('mediation_id').notNull(),
    dueDate: text('due_date').notNull(),
    amountCents: integer('amount_cents'),
    /** pending | performed | breached */
    status: text('status').notNull(),
    performedAt: tz('performed_at'),
    flaggedAt: tz('flagged_at'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.agreementId, t.termId, t.instalment] }),
    mediationFk(t, 'performance_items_mediation_fk'),
    index('performance_items_due_idx').on(t.dueDate).where(sql`${t.status} = 'pending'`),
  ],
);

/** Documents issued in a mediation (agreement, confirmation application, referral): bytes in storage, hash here. Append-only. */
export const mediationDocuments = pgTable(
  'mediation_documents',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    mediationId: text('mediation_id').notNull(),
    caseId: text('case_id').notNull(),
    /** agreement | confirmation | referral | referral_json */
    kind: text('kind').notNull(),
    refId: text('ref_id').notNull(),
    mime: text('mime').notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    bytes: integer('bytes').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] }), mediationFk(t, 'mediation_documents_mediation_fk')],
);

/** Application for judicial confirmation (司法确认) and the court's decision. */
export const confirmations = pgTable(
  'confirmations',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    mediationId: text('mediation_id').notNull(),
    agreementId: text('agreement_id').notNull(),
    application: jsonb('application').notNull(),
    windowDueDate: text('window_due_date').notNull(),
    /** submitted | accepted | not_accepted | confirmed | dismissed */
    status: text('status').notNull(),
    documentId: text('document_id').notNull(),
    caseNumber: text('case_number'),
    decidedAt: tz('decided_at'),
    decisionNote: text('decision_note'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    mediationFk(t, 'confirmations_mediation_fk'),
    index('confirmations_window_idx').on(t.countyId, t.windowDueDate),
  ],
);

/** Referral to a court or an arbitration commission after mediation failed. */
export const referrals = pgTable(
  'referrals',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    mediationId: text('mediation_id').notNull(),
    to: text('to').notNull(),
    receivingBody: text('receiving_body').notNull(),
    documentId: text('document_id').notNull(),
    jsonDocumentId: text('json_document_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] }), mediationFk(t, 'referrals_mediation_fk')],
);
