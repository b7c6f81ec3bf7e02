import { foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A closed case whose personal data the retention period has removed, and what was removed.
 * Only a case listed here may have its timeline redacted (hewei_redact_case_events, see the
 * migration); the case keeps its place in every count, its category, region and dates.
 */
export const caseAnonymisations = pgTable(
  'case_anonymisations',
  {
    countyId: text('county_id').notNull(),
    caseId: text('case_id').notNull(),
    at: tz('at').notNull(),
    retentionDays: integer('retention_days').notNull(),
    /** rows and files changed, per table */
    removed: jsonb('removed').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.caseId] }),
    foreignKey({
      name: 'case_anonymisations_case_fk',
      columns: [t.countyId, t.caseId],
      foreignColumns: [cases.countyId, cases.id],
    }),
  ],
);
