import {
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const caseFk = (t: { countyId: any; caseId: any }, name: string) =>
  foreignKey({ name, columns: [t.countyId, t.caseId], foreignColumns: [cases.countyId, cases.id] });

/**
 * Overview rollups: how many cases each node (a region, or `g:<grid>`) holds per dimension value.
 * Spread over a few slots so that concurrent writes don't queue on one hot row; readers sum them.
 */
export const overviewCounts = pgTable(
  'overview_counts',
  {
    countyId: text('county_id').notNull(),
    nodeId: text('node_id').notNull(),
    dim: text('dim').notNull(),
    value: text('value').notNull(),
    slot: smallint('slot').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.nodeId, t.dim, t.value, t.slot] })],
);

/** Cases created and closed per node and Shanghai calendar day: the trend and today's intake. */
export const overviewDaily = pgTable(
  'overview_daily',
  {
    countyId: text('county_id').notNull(),
    nodeId: text('node_id').notNull(),
    day: date('day').notNull(),
    metric: text('metric').notNull(),
    slot: smallint('slot').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.nodeId, t.metric, t.day, t.slot] })],
);

/** The rollup keys each case contributes now, so a change can take back exactly what it added. */
export const overviewCaseKeys = pgTable(
  'overview_case_keys',
  {
    countyId: text('county_id').notNull(),
    caseId: text('case_id').notNull(),
    timeliness: text('timeliness'),
    keys: text('keys').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.caseId] }), caseFk(t, 'overview_case_keys_case_fk')],
);

/** One search entry per case: text segmented by jieba once at write time, matched by GIN. */
export const caseSearch = pgTable(
  'case_search',
  {
    countyId: text('county_id').notNull(),
    caseId: text('case_id').notNull(),
    doc: tsvector('doc').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.caseId] }),
    caseFk(t, 'case_search_case_fk'),
    index('case_search_doc_idx').using('gin', t.doc),
  ],
);

/** Risk warnings: one per detected situation (kind + subject + period), routed to a region. */
export const warnings = pgTable(
  'warnings',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    dedupKey: text('dedup_key').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    colour: text('colour').notNull(),
    regionId: text('region_id').notNull(),
    regionPath: text('region_path').array().notNull(),
    title: text('title').notNull(),
    evidence: jsonb('evidence').notNull(),
    caseIds: text('case_ids').array().notNull(),
    detectedAt: tz('detected_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    unique('warnings_dedup_uq').on(t.countyId, t.dedupKey),
    index('warnings_detected_idx').on(t.countyId, t.detectedAt.desc()),
  ],
);

/** What people did about a warning: append-only; the warning's state is its latest action. */
export const warningActions = pgTable(
  'warning_actions',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    warningId: text('warning_id').notNull(),
    action: text('action').notNull(),
    note: text('note'),
    actorId: text('actor_id').notNull(),
    at: tz('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({
      name: 'warning_actions_warning_fk',
      columns: [t.countyId, t.warningId],
      foreignColumns: [warnings.countyId, warnings.id],
    }),
    index('warning_actions_warning_idx').on(t.countyId, t.warningId, t.at),
  ],
);

/** Trainings and contests attended by a grid worker, a department or a town: append-only. */
export const trainings = pgTable(
  'trainings',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    points: integer('points').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: tz('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('trainings_subject_idx').on(t.countyId, t.subjectType, t.subjectId),
  ],
);

/** The leader in charge of a complex case (包案领导): append-only, the latest row holds. */
export const caseLeaders = pgTable(
  'case_leaders',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    leaderUserId: text('leader_user_id').notNull(),
    assignedBy: text('assigned_by').notNull(),
    at: tz('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    caseFk(t, 'case_leaders_case_fk'),
    index('case_leaders_case_idx').on(t.countyId, t.caseId, t.at),
  ],
);
