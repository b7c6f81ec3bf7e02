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
} from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });
const caseFk = (t: { countyId: any; caseId: any }, name: string) =>
  foreignKey({ name, columns: [t.countyId, t.caseId], foreignColumns: [cases.countyId, cases.id] });

/** Keys issued to Open311 clients; each acts as its own service-account user (role operator). */
export const open311ApiKeys = pgTable(
  'open311_api_keys',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    /** sha-256 of the key; the key itself is shown once and never stored */
    keyHash: text('key_hash').notNull(),
    prefix: text('prefix').notNull(),
    userId: text('user_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
    revokedAt: tz('revoked_at'),
    revokedBy: text('revoked_by'),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] }), unique('open311_api_keys_hash_uq').on(t.keyHash)],
);

/** What an Open311 client sent with a request beyond the case itself. */
export const open311Requests = pgTable(
  'open311_requests',
  {
    countyId: text('county_id').notNull(),
    caseId: text('case_id').notNull(),
    apiKeyId: text('api_key_id').notNull(),
    serviceCode: text('service_code').notNull(),
    clientToken: text('client_token'),
    deviceId: text('device_id'),
    accountId: text('account_id'),
    mediaUrl: text('media_url'),
    addressId: text('address_id'),
    attributes: jsonb('attributes').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.caseId] }),
    caseFk(t, 'open311_requests_case_fk'),
    unique('open311_requests_token_uq').on(t.countyId, t.clientToken),
  ],
);

/** Updates posted by Open311 clients (mySociety servicerequestupdates): append-only. */
export const open311Updates = pgTable(
  'open311_updates',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    apiKeyId: text('api_key_id').notNull(),
    updateId: text('update_id').notNull(),
    status: text('status').notNull(),
    description: text('description').notNull(),
    mediaUrl: text('media_url'),
    updatedAt: tz('updated_at').notNull(),
    receivedAt: tz('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    caseFk(t, 'open311_updates_case_fk'),
    unique('open311_updates_client_uq').on(t.countyId, t.apiKeyId, t.updateId),
  ],
);

/** One upload of hotline work orders: what came in, what it made, what it refused. */
export const importBatches = pgTable(
  'import_batches',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    source: text('source').notNull(),
    format: text('format').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    status: text('status').notNull(),
    rows: integer('rows').notNull(),
    created: integer('created').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    failed: integer('failed').notNull(),
    errors: jsonb('errors').notNull(),
    createdAt: tz('created_at').notNull(),
    ms: integer('ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] })],
);

/** The source system's order id → our case: what makes a re-import idempotent. */
export const importOrders = pgTable(
  'import_orders',
  {
    countyId: text('county_id').notNull(),
    source: text('source').notNull(),
    orderId: text('order_id').notNull(),
    caseId: text('case_id').notNull(),
    sourceStatus: text('source_status').notNull(),
    rowHash: text('row_hash').notNull(),
    batchId: text('batch_id').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.source, t.orderId] }),
    caseFk(t, 'import_orders_case_fk'),
    index('import_orders_case_idx').on(t.countyId, t.caseId),
  ],
);

/** A resident who asked for no more text messages (by phone), and when. */
export const smsOptOuts = pgTable(
  'sms_opt_outs',
  {
    countyId: text('county_id').notNull(),
    phone: text('phone').notNull(),
    optedOutAt: tz('opted_out_at').notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.phone] })],
);

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** event types (`case.closed`) or `*` */
    events: text('events').array().notNull(),
    secret: text('secret').notNull(),
    active: boolean('active').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] })],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    subscriptionId: text('subscription_id').notNull(),
    outboxId: text('outbox_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: tz('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: tz('created_at').notNull(),
    deliveredAt: tz('delivered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    unique('webhook_deliveries_once_uq').on(t.countyId, t.subscriptionId, t.outboxId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

/** A question put to the resident through an expiring link; the answer joins the timeline. */
export const infoRequests = pgTable(
  'info_requests',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    question: text('question').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: tz('requested_at').notNull(),
    expiresAt: tz('expires_at').notNull(),
    answeredAt: tz('answered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    caseFk(t, 'info_requests_case_fk'),
    // the county is in every key (shardable); the public link is looked up by its hash alone
    unique('info_requests_token_uq').on(t.countyId, t.tokenHash),
    index('info_requests_token_idx').on(t.tokenHash),
  ],
);

/** Matters exchanged with the police (110 linkage) or a court (pre-litigation delegation). */
export const partnerReferrals = pgTable(
  'partner_referrals',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    /** `in`: the partner sent it to us; `out`: we sent it to the partner */
    direction: text('direction').notNull(),
    partner: text('partner').notNull(),
    externalRef: text('external_ref').notNull(),
    status: text('status').notNull(),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
    outcomeAt: tz('outcome_at'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    caseFk(t, 'partner_referrals_case_fk'),
    unique('partner_referrals_external_uq').on(t.countyId, t.partner, t.direction, t.externalRef),
  ],
);
