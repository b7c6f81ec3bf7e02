import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

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
    version: integer('version').notNull().default(1),
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
    /** bumped on every change; each version is kept in unit_versions */
    version: integer('version').notNull().default(1),
    /** false once retired (absent from a re-import asked to retire, or closed by an admin) */
    active: boolean('active').notNull().default(true),
    /** addresses known to lie in the grid (小区, 楼栋, 门牌), for intake without a point */
    addresses: text('addresses').array().notNull().default(sql`'{}'::text[]`),
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
  /** a deactivated department keeps its history but is no longer offered for new work */
  active: boolean('active').notNull().default(true),
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

const tz = (name: string) => timestamp(name, { withTimezone: true });

/** Every version of a region or grid, written with each change: append-only. */
export const unitVersions = pgTable(
  'unit_versions',
  {
    countyId: text('county_id').notNull(),
    unitKind: text('unit_kind').notNull(),
    unitId: text('unit_id').notNull(),
    version: integer('version').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentId: text('parent_id'),
    regionId: text('region_id'),
    geometry: jsonb('geometry'),
    active: boolean('active').notNull(),
    /** the datum the geometry was given in (stored converted to WGS-84) */
    sourceDatum: text('source_datum'),
    importId: text('import_id'),
    actorId: text('actor_id').notNull(),
    at: tz('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.unitKind, t.unitId, t.version] })],
);

/** One row per county import attempt: what was asked, and the report given back. */
export const geoImports = pgTable(
  'geo_imports',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    at: tz('at').notNull(),
    actorId: text('actor_id').notNull(),
    datum: text('datum').notNull(),
    mode: text('mode').notNull(),
    applied: boolean('applied').notNull(),
    report: jsonb('report').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] })],
);

/** Grid workers (by grid) and village mediators (by village), with effective dates. */
export const orgPeople = pgTable(
  'org_people',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    /** grid_worker | village_mediator */
    kind: text('kind').notNull(),
    /** grid workers: full_time | part_time | volunteer */
    employment: text('employment'),
    name: text('name').notNull(),
    phone: text('phone'),
    userId: text('user_id'),
    gridId: text('grid_id'),
    regionId: text('region_id').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('org_people_grid_idx').on(t.countyId, t.gridId),
    index('org_people_region_idx').on(t.countyId, t.regionId),
  ],
);

/** The responsibility list (权责清单): which department answers for which category where. */
export const responsibilities = pgTable(
  'responsibilities',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    /** a category group ('06') or a category ('0605'); the longest match wins */
    categoryCode: text('category_code').notNull(),
    /** the region it applies in, with everything below it */
    regionId: text('region_id').notNull(),
    departmentId: text('department_id').notNull(),
    /** lead | co */
    role: text('role').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] })],
);

/** Editable routing rules, tried before the responsibility list, highest priority first. */
export const routingRules = pgTable(
  'routing_rules',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    priority: integer('priority').notNull(),
    categoryPrefix: text('category_prefix'),
    regionId: text('region_id'),
    kinds: text('kinds').array().notNull(),
    keywords: text('keywords').array().notNull(),
    leadDepartmentId: text('lead_department_id').notNull(),
    coDepartmentIds: text('co_department_ids').array().notNull(),
    active: boolean('active').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] })],
);

/** The grid a case was in when it was registered, with the grid's version then, or why none. */
export const caseGridStamps = pgTable(
  'case_grid_stamps',
  {
    countyId: text('county_id').notNull(),
    caseId: text('case_id').notNull(),
    gridId: text('grid_id'),
    gridVersion: integer('grid_version'),
    gridCode: text('grid_code'),
    /** point | address | unresolved (left for the dispatcher): how the place was found at intake */
    resolvedBy: text('resolved_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.caseId] }),
    foreignKey({
      name: 'case_grid_stamps_case_fk',
      columns: [t.countyId, t.caseId],
      foreignColumns: [cases.countyId, cases.id],
    }),
  ],
);

/** A dispatch that differed from the routing suggestion: append-only. */
export const routingOverrides = pgTable(
  'routing_overrides',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    eventSeq: integer('event_seq').notNull(),
    at: tz('at').notNull(),
    actorId: text('actor_id').notNull(),
    suggested: jsonb('suggested').notNull(),
    chosen: jsonb('chosen').notNull(),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({
      name: 'routing_overrides_case_fk',
      columns: [t.countyId, t.caseId],
      foreignColumns: [cases.countyId, cases.id],
    }),
    index('routing_overrides_case_idx').on(t.countyId, t.caseId),
  ],
);

/** A stamp bumped with every administrative change, so every server instance reloads its directory. */
export const orgState = pgTable('org_state', {
  countyId: text('county_id').primaryKey(),
  version: integer('version').notNull(),
  changedAt: tz('changed_at').notNull(),
});
