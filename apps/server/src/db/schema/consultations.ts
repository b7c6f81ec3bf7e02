import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });

/** A joint consultation (会商研判) on a case that spans departments. */
export const consultations = pgTable(
  'consultations',
  {
    countyId: text('county_id').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    title: text('title').notNull(),
    agenda: text('agenda').notNull(),
    status: text('status').notNull(),
    convenedBy: text('convened_by').notNull(),
    convenedAt: tz('convened_at').notNull(),
    scheduledAt: tz('scheduled_at').notNull(),
    minutes: text('minutes'),
    concludedBy: text('concluded_by'),
    concludedAt: tz('concluded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({
      name: 'consultations_case_fk',
      columns: [t.countyId, t.caseId],
      foreignColumns: [cases.countyId, cases.id],
    }),
    index('consultations_case_idx').on(t.countyId, t.caseId),
  ],
);

const consultationFk = (t: { countyId: any; consultationId: any }, name: string) =>
  foreignKey({
    name,
    columns: [t.countyId, t.consultationId],
    foreignColumns: [consultations.countyId, consultations.id],
  });

/** Who was convened: departments (any of their staff may attend) and named people. */
export const consultationParticipants = pgTable(
  'consultation_participants',
  {
    countyId: text('county_id').notNull(),
    consultationId: text('consultation_id').notNull(),
    position: integer('position').notNull(),
    departmentId: text('department_id'),
    userId: text('user_id'),
    name: text('name').notNull(),
    attendance: text('attendance').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.consultationId, t.position] }),
    consultationFk(t, 'consultation_participants_fk'),
  ],
);

/** What the consultation decided; a decision with a lead department became a re-dispatch of the case. */
export const consultationDecisions = pgTable(
  'consultation_decisions',
  {
    countyId: text('county_id').notNull(),
    consultationId: text('consultation_id').notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    leadDepartmentId: text('lead_department_id'),
    coDepartmentIds: text('co_department_ids').array().notNull(),
    workingDays: integer('working_days'),
    dueAt: tz('due_at'),
    caseEventSeq: integer('case_event_seq'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.consultationId, t.position] }),
    consultationFk(t, 'consultation_decisions_fk'),
  ],
);
