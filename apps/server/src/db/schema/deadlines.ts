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
} from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });
const caseFk = (t: { countyId: any; caseId: any }, name: string) =>
  foreignKey({ name, columns: [t.countyId, t.caseId], foreignColumns: [cases.countyId, cases.id] });

/**
 * The durable timers of each case, kept equal to planTimers(case) on every case write. The key names
 * the deadline a timer belongs to; a fired row stays, so the same timer never fires twice.
 */
export const caseTimers = pgTable(
  'case_timers',
  {
    countyId: text('county_id').notNull(),
    caseId: text('case_id').notNull(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    stage: text('stage').notNull(),
    deadline: tz('deadline').notNull(),
    step: integer('step').notNull(),
    ord: integer('ord').notNull(),
    fireAt: tz('fire_at').notNull(),
    firedAt: tz('fired_at'),
    /** 'fired', or 'skipped:<RULE>' when the lifecycle refused (e.g. already at the county) */
    outcome: text('outcome'),
    /** the timeline event the firing wrote */
    eventSeq: integer('event_seq'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.caseId, t.key] }),
    caseFk(t, 'case_timers_case_fk'),
    index('case_timers_due_idx').on(t.fireAt, t.ord).where(sql`${t.firedAt} is null`),
  ],
);

/** Each version of a county's deadline policies, as an administrator saved it: append-only. */
export const deadlinePolicyVersions = pgTable(
  'deadline_policy_versions',
  {
    countyId: text('county_id').notNull(),
    version: integer('version').notNull(),
    policies: jsonb('policies').notNull(),
    /** the escalation ladder per colour (EscalationPolicy[]); null = the defaults */
    escalation: jsonb('escalation'),
    changedBy: text('changed_by').notNull(),
    changedAt: tz('changed_at').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.version] })],
);

/** Every urge (催办) and supervision order (督办), by a person or by the system, as on the timeline. */
export const caseSupervisions = pgTable(
  'case_supervisions',
  {
    countyId: text('county_id').notNull(),
    caseId: text('case_id').notNull(),
    eventSeq: integer('event_seq').notNull(),
    kind: text('kind').notNull(),
    byId: text('by_id').notNull(),
    byRole: text('by_role').notNull(),
    automatic: boolean('automatic').notNull(),
    at: tz('at').notNull(),
    reason: text('reason').notNull(),
    /** a supervision order's own deadline */
    dueAt: tz('due_at'),
    ownerRegionId: text('owner_region_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.caseId, t.eventSeq] }),
    caseFk(t, 'case_supervisions_case_fk'),
    index('case_supervisions_at_idx').on(t.countyId, t.at.desc()),
  ],
);

/**
 * The official holiday arrangement of one year as an administrator corrected or added it (the
 * bundled table is the default): each save is a new version, never an edit; the newest one counts.
 */
export const holidayYearVersions = pgTable(
  'holiday_year_versions',
  {
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    published: boolean('published').notNull(),
    holidays: jsonb('holidays').notNull(),
    makeUpWorkdays: jsonb('make_up_workdays').notNull(),
    source: text('source').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: tz('changed_at').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.version] })],
);
