import { sql } from 'drizzle-orm';
import {
  boolean,
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

const tz = (name: string) => timestamp(name, { withTimezone: true });

// Every case-related table carries county_id in its primary, unique and foreign keys, so the data
// can be partitioned or sharded by county without rewriting keys (decisions.md).

export const cases = pgTable(
  'cases',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    trackingCode: text('tracking_code').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    categoryCode: text('category_code').notNull(),
    description: text('description').notNull(),
    address: text('address'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    regionId: text('region_id').notNull(),
    regionPath: text('region_path').array().notNull(),
    gridId: text('grid_id'),
    ownerRegionId: text('owner_region_id').notNull(),
    complexity: text('complexity'),
    colour: text('colour'),
    status: text('status').notNull(),
    version: integer('version').notNull(),
    applicantUserId: text('applicant_user_id'),
    hasContactPhone: boolean('has_contact_phone').notNull(),
    poolDepartmentIds: text('pool_department_ids').array().notNull(),
    acceptBy: tz('accept_by'),
    resolveBy: tz('resolve_by'),
    verifyBy: tz('verify_by'),
    callbackBy: tz('callback_by'),
    /** the deadline now running, whichever stage the case is in */
    dueAt: tz('due_at'),
    committedWorkingDays: integer('committed_working_days'),
    extensionRequest: jsonb('extension_request'),
    satisfaction: text('satisfaction'),
    reopenCount: integer('reopen_count').notNull(),
    mergedIntoId: text('merged_into_id'),
    mediationOutcome: text('mediation_outcome'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    closedAt: tz('closed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    unique('cases_tracking_code_uq').on(t.countyId, t.trackingCode),
    index('cases_list_idx').on(t.countyId, t.createdAt.desc(), t.id.desc()),
    index('cases_status_idx').on(t.countyId, t.status, t.createdAt.desc(), t.id.desc()),
    index('cases_owner_idx').on(t.countyId, t.ownerRegionId, t.status),
    index('cases_region_path_idx').using('gin', t.regionPath),
    index('cases_applicant_idx').on(t.countyId, t.applicantUserId),
    // open cases by running deadline, with what the overview groups them by (grid, colour, region
    // path): its overdue, due-soon and open-by-colour figures are read from this index alone
    index('cases_open_due_idx')
      .on(t.countyId, t.dueAt, t.gridId, t.colour, t.regionPath)
      .where(sql`${t.closedAt} is null`),
  ],
);

const caseFk = (t: { countyId: any; caseId: any }, name: string) =>
  foreignKey({ name, columns: [t.countyId, t.caseId], foreignColumns: [cases.countyId, cases.id] });

export const assignments = pgTable(
  'assignments',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    departmentId: text('department_id').notNull(),
    role: text('role').notNull(),
    status: text('status').notNull(),
    assignedAt: tz('assigned_at').notNull(),
    dueAt: tz('due_at'),
    objectionDueAt: tz('objection_due_at'),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    caseFk(t, 'assignments_case_fk'),
    index('assignments_case_idx').on(t.countyId, t.caseId),
    index('assignments_department_idx').on(t.countyId, t.departmentId, t.status),
  ],
);

export const caseEvents = pgTable(
  'case_events',
  {
    countyId: text('county_id').notNull(),
    caseId: text('case_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: tz('at').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    data: jsonb('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.caseId, t.seq] }), caseFk(t, 'case_events_case_fk')],
);

export const caseParties = pgTable(
  'case_parties',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    idNumber: text('id_number'),
    address: text('address'),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    caseFk(t, 'case_parties_case_fk'),
    index('case_parties_case_idx').on(t.countyId, t.caseId),
    index('case_parties_phone_idx').on(t.countyId, t.phone),
  ],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    countyId: text('county_id').notNull(),
    key: text('key').notNull(),
    actorId: text('actor_id').notNull(),
    requestHash: text('request_hash').notNull(),
    caseId: text('case_id').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.actorId, t.key] }), caseFk(t, 'idempotency_keys_case_fk')],
);

export const outbox = pgTable(
  'outbox',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id'),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: tz('created_at').notNull(),
    availableAt: tz('available_at').notNull(),
    sentAt: tz('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('outbox_pending_idx').on(t.availableAt).where(sql`${t.sentAt} is null`),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] }), caseFk(t, 'attachments_case_fk')],
);

/** Every reveal of a masked personal field: append-only. */
export const piiReveals = pgTable(
  'pii_reveals',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    partyId: text('party_id').notNull(),
    field: text('field').notNull(),
    viewerId: text('viewer_id').notNull(),
    viewerRole: text('viewer_role').notNull(),
    at: tz('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] }), caseFk(t, 'pii_reveals_case_fk')],
);
