import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true });

/** In-app notifications for staff and residents. */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').notNull(),
    countyId: text('county_id').notNull(),
    userId: text('user_id').notNull(),
    caseId: text('case_id'),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: tz('created_at').notNull(),
    readAt: tz('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

/** What the local SMS sink "sent": the default gateway records instead of sending. */
export const smsSink = pgTable(
  'sms_sink',
  {
    id: text('id').primaryKey(),
    phone: text('phone').notNull(),
    body: text('body').notNull(),
    purpose: text('purpose').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [index('sms_sink_phone_idx').on(t.phone, t.createdAt)],
);

/** Append-only audit of sign-ins and administrative acts. */
export const auditLog = pgTable('audit_log', {
  id: text('id').primaryKey(),
  at: tz('at').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  target: text('target'),
  data: jsonb('data').notNull(),
});

export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});
