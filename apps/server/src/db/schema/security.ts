import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { caseParties } from './cases.ts';
import { auditLog } from './messages.ts';
import { users } from './org.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Blind indexes (keyed HMAC) of encrypted party fields: find a party by phone, or check a
 * tracking code's last four digits, without storing or decrypting the number.
 */
export const partyPiiIndex = pgTable(
  'party_pii_index',
  {
    countyId: text('county_id').notNull(),
    partyId: text('party_id').notNull(),
    field: text('field').notNull(),
    digest: text('digest').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.partyId, t.field] }),
    foreignKey({
      name: 'party_pii_index_party_fk',
      columns: [t.countyId, t.partyId],
      foreignColumns: [caseParties.countyId, caseParties.id],
    }),
    index('party_pii_index_digest_idx').on(t.countyId, t.field, t.digest),
  ],
);

/** users.phone holds ciphertext; this is the lookup (and the uniqueness) of a resident's phone. */
export const userPhoneIndex = pgTable(
  'user_phone_index',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id),
    digest: text('digest').notNull(),
  },
  (t) => [uniqueIndex('user_phone_index_digest_uq').on(t.digest)],
);

/** The hash chain over audit_log, written by a trigger on every insert (see the migration). */
export const auditChain = pgTable(
  'audit_chain',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    auditId: text('audit_id')
      .notNull()
      .references(() => auditLog.id),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_chain_audit_uq').on(t.auditId)],
);

/** Failed sign-ins per subject (a username, or a phone's digest) and the lock they lead to. */
export const authLockouts = pgTable('auth_lockouts', {
  subject: text('subject').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: tz('window_start').notNull(),
  lockedUntil: tz('locked_until'),
});

/** When a session was last used: an idle session ends although it has not expired. */
export const sessionActivity = pgTable('session_activity', {
  tokenHash: text('token_hash').primaryKey(),
  lastSeenAt: tz('last_seen_at').notNull(),
});

/** A staff member's TOTP secret (encrypted) and the last time step used, so no code is used twice. */
export const userTotp = pgTable('user_totp', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  secret: text('secret').notNull(),
  enabled: boolean('enabled').notNull(),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: tz('created_at').notNull(),
});
