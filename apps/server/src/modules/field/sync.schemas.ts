import { z } from 'zod';
import {
  pointSchema,
  reportSchema,
  responseSchema,
  startPatrolSchema,
  visitSchema,
} from './field.schemas.ts';

export const SYNC_KINDS = [
  'patrol.start',
  'patrol.point',
  'patrol.stop',
  'visit.record',
  'screening.respond',
  'case.report',
  'case.act',
] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

const id = z.string().min(1).max(64);

export const ACTION_SCHEMAS: Record<SyncKind, z.ZodType> = {
  'patrol.start': startPatrolSchema.extend({ id: z.string().min(8).max(64) }),
  'patrol.point': pointSchema.extend({ patrolId: id }),
  'patrol.stop': z.object({ patrolId: id, at: z.string().datetime({ offset: true }).optional() }),
  'visit.record': visitSchema,
  'screening.respond': responseSchema.extend({ campaignId: id }),
  'case.report': reportSchema,
  'case.act': z.object({
    caseId: id,
    action: z.enum(['verify', 'resolveOnSpot']),
    version: z.number().int().min(1),
    payload: z.record(z.string(), z.unknown()),
    /** photos taken on site (uploaded first), kept with the case */
    photos: z
      .array(z.string().regex(/^[0-9a-f]{64}$/))
      .max(9)
      .optional(),
    /** the case as the phone saw it, to say what differs on a conflict */
    base: z.record(z.string(), z.unknown()).optional(),
  }),
};

export const syncActionSchema = z.object({
  key: z.string().min(8).max(200),
  kind: z.enum(SYNC_KINDS),
  payload: z.unknown(),
});
export type SyncAction = z.infer<typeof syncActionSchema>;

export const syncRequestSchema = z.object({ actions: z.array(syncActionSchema).min(1).max(100) });

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  rule: z.string().optional(),
});

export const conflictSchema = z.object({
  caseId: z.string(),
  yourVersion: z.number(),
  current: z.object({
    version: z.number(),
    status: z.string(),
    colour: z.string().nullable(),
    updatedAt: z.string(),
    allowedActions: z.array(z.string()),
  }),
  differs: z.array(z.object({ field: z.string(), was: z.unknown(), now: z.unknown() })),
  changes: z.array(
    z.object({
      seq: z.number(),
      type: z.string(),
      at: z.string(),
      actorName: z.string(),
      toStatus: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});
export type CaseConflict = z.infer<typeof conflictSchema>;

export const syncResultSchema = z.object({
  key: z.string(),
  kind: z.string(),
  /** applied now; duplicate (applied before, nothing recorded again); conflict; rejected; retry later */
  outcome: z.enum(['applied', 'duplicate', 'conflict', 'rejected', 'retry']),
  original: z.string().optional(),
  result: z.record(z.string(), z.unknown()).optional(),
  conflict: conflictSchema.optional(),
  error: errorSchema.optional(),
});
export type SyncResult = z.infer<typeof syncResultSchema>;
