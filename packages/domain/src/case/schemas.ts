import { z } from 'zod';
import { CASE_KINDS, CHANNELS, COLOURS } from './types.ts';

const reason = z.string().trim().min(1).max(2000);
const note = z.string().trim().min(1).max(4000);
const id = z.string().min(1).max(64);
// Mainland mobile numbers and landlines with area code; stored as digits.
export const phoneSchema = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/);
// 18-character resident ID with its check digit (GB 11643).
export const idNumberSchema = z
  .string()
  .regex(/^\d{17}[\dX]$/)
  .refine(idNumberChecksumOk);

export function idNumberChecksumOk(v: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * weights[i];
  return checks[sum % 11] === v[17];
}

export const partyInputSchema = z.object({
  role: z.enum(['applicant', 'respondent', 'third_party']),
  name: z.string().trim().min(1).max(100),
  phone: phoneSchema.optional(),
  idNumber: idNumberSchema.optional(),
  address: z.string().trim().max(300).optional(),
});

export const placeInputSchema = z
  .object({
    address: z.string().trim().max(300).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    regionId: id.optional(),
  })
  .refine((p) => (p.lat === undefined) === (p.lon === undefined), { path: ['lat'], message: 'LAT_LON_PAIR' });

export const submitCaseSchema = z.object({
  kind: z.enum(CASE_KINDS),
  channel: z.enum(CHANNELS),
  categoryCode: z.string().min(1).max(32),
  description: z.string().trim().min(5).max(4000),
  urgent: z.boolean().optional(),
  place: placeInputSchema.default({}),
  parties: z.array(partyInputSchema).max(20).default([]),
});
export type SubmitCaseInput = z.infer<typeof submitCaseSchema>;

const deps = z.array(id).max(10);
const deadlineStage = z.enum(['accept', 'resolve', 'verify', 'callback']);

export const ACTION_PAYLOADS = {
  accept: z.object({ note: note.optional() }),
  reject: z.object({ reason }),
  triage: z.object({
    complexity: z.enum(['simple', 'complex']),
    colour: z.enum(COLOURS),
    committedWorkingDays: z.number().int().min(1).max(365).optional(),
  }),
  resolveOnSpot: z.object({ note }),
  dispatch: z.object({
    leadDepartmentId: id,
    coDepartmentIds: deps.default([]),
    note: note.optional(),
  }),
  publishToPool: z.object({ departmentIds: deps.min(2), note: note.optional() }),
  claim: z.object({}),
  acknowledge: z.object({}),
  object: z.object({ reason }),
  redispatch: z.object({
    leadDepartmentId: id,
    coDepartmentIds: deps.default([]),
    reason,
    /** a new time limit from now (e.g. a joint consultation's decision); else the running one stands */
    workingDays: z.number().int().min(1).max(60).optional(),
  }),
  overrule: z.object({ reason }),
  handle: z.object({ note }),
  requestExtension: z.object({ workingDays: z.number().int().min(1).max(60), reason }),
  grantExtension: z.object({ reason: reason.optional() }),
  refuseExtension: z.object({ reason }),
  reportResult: z.object({ result: note }),
  verify: z.object({ passed: z.boolean(), note }),
  callback: z.object({
    satisfaction: z.enum(['satisfied', 'partly', 'dissatisfied']),
    note: note.optional(),
  }),
  skipCallback: z.object({ reason }),
  reopen: z.object({ reason }),
  close: z.object({ note: note.optional() }),
  rate: z.object({ satisfaction: z.enum(['satisfied', 'partly', 'dissatisfied']), comment: note.optional() }),
  withdraw: z.object({ reason }),
  merge: z.object({ targetCaseId: id, reason: reason.optional() }),
  attachDuplicate: z.object({ duplicateCaseId: id }),
  startMediation: z.object({ note: note.optional() }),
  recordMediationOutcome: z.object({ outcome: z.enum(['agreement', 'failed', 'referred']), note }),
  recordMediationDocument: z.object({
    kind: z.enum(['agreement', 'confirmation', 'referral', 'referral_json']),
    documentId: id,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    note,
  }),
  escalate: z.object({ reason }),
  urge: z.object({ reason }),
  supervise: z.object({ reason, workingDays: z.number().int().min(1).max(30).default(2) }),
  warnDueSoon: z.object({ stage: deadlineStage, deadline: z.iso.datetime() }),
  markOverdue: z.object({ stage: deadlineStage, deadline: z.iso.datetime() }),
  anonymise: z.object({ retentionDays: z.number().int().min(1) }),
  requestInfo: z.object({ infoRequestId: id, note, expiresAt: z.iso.datetime() }),
  receiveInfo: z.object({ infoRequestId: id, note }),
  referToPartner: z.object({ referralId: id, partner: z.enum(['police', 'court']), note }),
  recordPartnerReply: z.object({
    referralId: id,
    stage: z.enum(['received', 'result']),
    outcome: z.string().trim().min(1).max(64).optional(),
    note: note.optional(),
  }),
} as const;
