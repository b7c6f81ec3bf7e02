import { idNumberSchema, phoneSchema } from '@hewei/domain';
import { z } from 'zod';

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const at = z.string().datetime({ offset: true }).optional();
const clientId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const pointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  note: z.string().trim().max(2000).optional(),
  photos: z.array(sha).max(9).optional(),
  at,
});
export type PointInput = z.infer<typeof pointSchema>;

export const startPatrolSchema = z.object({
  id: clientId.optional(),
  at,
  note: z.string().trim().max(2000).optional(),
  point: pointSchema.optional(),
});

export const VISIT_KINDS = ['routine', 'appointment', 'follow_up'] as const;
export const visitSchema = z.object({
  id: clientId.optional(),
  householdId: z.string({ error: 'VISIT_NEEDS_HOUSEHOLD' }).min(1).max(64),
  kind: z.enum(VISIT_KINDS),
  note: z.string().trim().min(1).max(4000),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  taskId: z.string().max(200).optional(),
  watchedPersonId: z.string().max(64).optional(),
  photos: z.array(sha).max(9).optional(),
  at,
});
export type VisitInput = z.infer<typeof visitSchema>;

export const ENTRY_KINDS = ['person', 'building', 'place', 'organisation'] as const;
export const entrySchema = z.object({
  kind: z.enum(ENTRY_KINDS),
  regionId: z.string().max(64).optional(),
  gridId: z.string().max(64).optional(),
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(300).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  householdId: z.string().max(64).optional(),
  phone: phoneSchema.optional(),
  idNumber: idNumberSchema.optional(),
  concern: z.string().trim().min(1).max(500).optional(),
  visitsPerWeek: z.number().int().min(1).max(14).optional(),
  details: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()])).optional(),
});
export type EntryInput = z.infer<typeof entrySchema>;

export const formFieldSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().min(1).max(200),
  labelEn: z.string().min(1).max(200),
  type: z.enum(['yes_no', 'text', 'choice']),
  options: z.array(z.string().min(1).max(100)).max(20).optional(),
  required: z.boolean().optional(),
  /** a "yes" here means a dispute was found */
  flagsDispute: z.boolean().optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const campaignSchema = z.object({
  regionId: z.string().max(64).optional(),
  title: z.string().trim().min(2).max(200),
  form: z.array(formFieldSchema).min(1).max(40),
  startsOn: date,
  endsOn: date,
});

export const responseSchema = z.object({
  householdId: z.string().min(1).max(64),
  answers: z.record(z.string(), z.union([z.string().max(2000), z.boolean()])),
  at,
});

export const reportSchema = z.object({
  kind: z.enum(['hazard', 'dispute', 'complaint']).default('hazard'),
  categoryCode: z.string().min(1).max(32),
  description: z.string().trim().min(5).max(4000),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  address: z.string().trim().max(300).optional(),
  householdId: z.string().max(64).optional(),
  photos: z.array(sha).max(9).optional(),
  urgent: z.boolean().optional(),
});
