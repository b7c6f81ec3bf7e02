import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Organisation is reference data: every row carries its county so that a sharded deployment can
// replicate or distribute it by county.

export const regions = pgTable(
  'regions',
  {
    id: text('id').primaryKey(),
    countyId: text('county_id').notNull(),
    parentId: text('parent_id'),
    level: text('level').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    /** region ids from the county down to this region */
    path: text('path').array().notNull(),
    geometry: jsonb('geometry'),
  },
  (t) => [index('regions_county_idx').on(t.countyId)],
);

export const grids = pgTable(
  'grids',
  {
    id: text('id').primaryKey(),
    countyId: text('county_id').notNull(),
    regionId: text('region_id').notNull(),
    parentId: text('parent_id'),
    level: text('level').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    geometry: jsonb('geometry'),
  },
  (t) => [index('grids_region_idx').on(t.regionId)],
);

export const centers = pgTable('centers', {
  id: text('id').primaryKey(),
  countyId: text('county_id').notNull(),
  regionId: text('region_id').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
});

export const departments = pgTable('departments', {
  id: text('id').primaryKey(),
  countyId: text('county_id').notNull(),
  regionId: text('region_id').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
});

export const mediationOrgs = pgTable('mediation_orgs', {
  id: text('id').primaryKey(),
  countyId: text('county_id').notNull(),
  regionId: text('region_id').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
});

export const categories = pgTable('categories', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  kinds: text('kinds').array().notNull(),
  active: boolean('active').notNull().default(true),
});

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    countyId: text('county_id').notNull(),
    username: text('username').unique(),
    phone: text('phone').unique(),
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    regionId: text('region_id'),
    departmentId: text('department_id'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('users_department_idx').on(t.departmentId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha-256 of the token; the token itself is never stored */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    name: text('name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const otpCodes = pgTable('otp_codes', {
  phone: text('phone').primaryKey(),
  codeHash: text('code_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  sentAt: timestamp('sent_at', { withTimezone: true }).array().notNull(),
});
