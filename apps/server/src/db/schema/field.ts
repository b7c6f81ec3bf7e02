import {
  customType,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

// Field work: registers kept by grid workers, the household risk register, patrols, visits,
// screenings, and what the offline field app synchronises. Every key carries the county.

const tz = (name: string) => timestamp(name, { withTimezone: true });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const households = pgTable(
  'households',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    regionId: text('region_id').notNull(),
    regionPath: text('region_path').array().notNull(),
    gridId: text('grid_id'),
    address: text('address').notNull(),
    headName: text('head_name').notNull(),
    /** sealed by the keyring; the digest (blind index) finds the household from a case's parties */
    headPhone: text('head_phone'),
    headPhoneDigest: text('head_phone_digest'),
    memberCount: integer('member_count').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    /** the grid worker who follows this household up */
    workerId: text('worker_id'),
    riskLevel: text('risk_level').notNull(),
    /** the local date the current level was set: the follow-up series is anchored on it */
    riskSince: text('risk_since').notNull(),
    /** a new incident asks for re-grading until somebody regrades (or confirms) the level */
    regradeCaseId: text('regrade_case_id'),
    regradeSuggested: text('regrade_suggested'),
    version: integer('version').notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('households_region_idx').using('gin', t.regionPath),
    index('households_worker_idx').on(t.countyId, t.workerId),
    index('households_phone_idx').on(t.countyId, t.headPhoneDigest),
  ],
);

const householdFk = (t: { countyId: any; householdId: any }, name: string) =>
  foreignKey({
    name,
    columns: [t.countyId, t.householdId],
    foreignColumns: [households.countyId, households.id],
  });

/** Every change of a household's level, with its reason: append-only. */
export const householdRiskChanges = pgTable(
  'household_risk_changes',
  {
    countyId: text('county_id').notNull(),
    householdId: text('household_id').notNull(),
    seq: integer('seq').notNull(),
    at: tz('at').notNull(),
    fromLevel: text('from_level'),
    toLevel: text('to_level').notNull(),
    reason: text('reason').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    caseId: text('case_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.householdId, t.seq] }),
    householdFk(t, 'household_risk_changes_household_fk'),
  ],
);

/** Cases that involve a household (an incident): found by phone at intake, or linked by hand. */
export const householdIncidents = pgTable(
  'household_incidents',
  {
    countyId: text('county_id').notNull(),
    householdId: text('household_id').notNull(),
    caseId: text('case_id').notNull(),
    at: tz('at').notNull(),
    how: text('how').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.householdId, t.caseId] }),
    householdFk(t, 'household_incidents_household_fk'),
    foreignKey({
      name: 'household_incidents_case_fk',
      columns: [t.countyId, t.caseId],
      foreignColumns: [cases.countyId, cases.id],
    }),
  ],
);

export const followUpTasks = pgTable(
  'follow_up_tasks',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    householdId: text('household_id').notNull(),
    workerId: text('worker_id'),
    level: text('level').notNull(),
    dueDate: text('due_date').notNull(),
    dueAt: tz('due_at').notNull(),
    /** open, done, cancelled (the level changed before it was due) */
    status: text('status').notNull(),
    visitId: text('visit_id'),
    doneAt: tz('done_at'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    householdFk(t, 'follow_up_tasks_household_fk'),
    index('follow_up_tasks_worker_idx').on(t.countyId, t.workerId, t.status, t.dueAt),
    index('follow_up_tasks_household_idx').on(t.countyId, t.householdId, t.dueDate),
  ],
);

export const patrols = pgTable(
  'patrols',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    workerId: text('worker_id').notNull(),
    regionId: text('region_id').notNull(),
    startedAt: tz('started_at').notNull(),
    endedAt: tz('ended_at'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('patrols_worker_idx').on(t.countyId, t.workerId, t.startedAt),
  ],
);

export const patrolPoints = pgTable(
  'patrol_points',
  {
    countyId: text('county_id').notNull(),
    patrolId: text('patrol_id').notNull(),
    seq: integer('seq').notNull(),
    at: tz('at').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    gridId: text('grid_id'),
    note: text('note'),
    photos: text('photos').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.patrolId, t.seq] }),
    foreignKey({
      name: 'patrol_points_patrol_fk',
      columns: [t.countyId, t.patrolId],
      foreignColumns: [patrols.countyId, patrols.id],
    }),
  ],
);

export const visits = pgTable(
  'visits',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    workerId: text('worker_id').notNull(),
    kind: text('kind').notNull(),
    householdId: text('household_id').notNull(),
    watchedPersonId: text('watched_person_id'),
    taskId: text('task_id'),
    at: tz('at').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    note: text('note').notNull(),
    photos: text('photos').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    householdFk(t, 'visits_household_fk'),
    index('visits_worker_idx').on(t.countyId, t.workerId, t.at),
    index('visits_household_idx').on(t.countyId, t.householdId, t.at),
  ],
);

export const screeningCampaigns = pgTable(
  'screening_campaigns',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    regionId: text('region_id').notNull(),
    title: text('title').notNull(),
    /** the form: [{ key, label, labelEn, type: 'yes_no' | 'text' | 'choice', options? }] */
    form: jsonb('form').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] })],
);

export const screeningResponses = pgTable(
  'screening_responses',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    campaignId: text('campaign_id').notNull(),
    householdId: text('household_id').notNull(),
    workerId: text('worker_id').notNull(),
    answers: jsonb('answers').notNull(),
    disputeFound: text('dispute_found').notNull(),
    at: tz('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    unique('screening_responses_once_uq').on(t.countyId, t.campaignId, t.householdId),
    householdFk(t, 'screening_responses_household_fk'),
    foreignKey({
      name: 'screening_responses_campaign_fk',
      columns: [t.countyId, t.campaignId],
      foreignColumns: [screeningCampaigns.countyId, screeningCampaigns.id],
    }),
  ],
);

/** 人、房、物、组织: residents, buildings, places and organisations of a grid. */
export const registerEntries = pgTable(
  'register_entries',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    kind: text('kind').notNull(),
    regionId: text('region_id').notNull(),
    regionPath: text('region_path').array().notNull(),
    gridId: text('grid_id'),
    name: text('name').notNull(),
    address: text('address'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    householdId: text('household_id'),
    phone: text('phone'),
    idNumber: text('id_number'),
    /** 重点人员: why this person is watched, and how many visits a week */
    concern: text('concern'),
    visitsPerWeek: integer('visits_per_week'),
    details: jsonb('details').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('register_entries_region_idx').using('gin', t.regionPath),
  ],
);

/** Each action the field app queued, applied once: the key is the client's. */
export const fieldSyncActions = pgTable(
  'field_sync_actions',
  {
    countyId: text('county_id').notNull(),
    actorId: text('actor_id').notNull(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    requestHash: text('request_hash').notNull(),
    /** applying (claimed, not yet finished), applied, conflict, rejected */
    outcome: text('outcome').notNull(),
    result: jsonb('result').notNull(),
    receivedAt: tz('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.actorId, t.key] })],
);

/** A photo uploaded in chunks, addressed by the sha-256 of its bytes. */
export const fieldUploads = pgTable(
  'field_uploads',
  {
    countyId: text('county_id').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    received: integer('received').notNull(),
    storageKey: text('storage_key'),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: tz('created_at').notNull(),
    completedAt: tz('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.sha256] })],
);

export const fieldUploadChunks = pgTable(
  'field_upload_chunks',
  {
    countyId: text('county_id').notNull(),
    sha256: text('sha256').notNull(),
    offset: integer('offset').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.sha256, t.offset] }),
    foreignKey({
      name: 'field_upload_chunks_upload_fk',
      columns: [t.countyId, t.sha256],
      foreignColumns: [fieldUploads.countyId, fieldUploads.sha256],
    }).onDelete('cascade'),
  ],
);
