import { type CaseState, runningDeadline } from '@hewei/domain';
import { z } from 'zod';
import type { cases } from '../../db/schema/index.ts';
import type { Locale } from '../../http/messages.ts';
import { maskIdNumber, maskPhone } from '../../lib/crypto.ts';
import type { OrgDirectory } from '../org/org.directory.ts';
import type { PartyRow } from './cases.repository.ts';

const nullableString = z.string().nullable();

export const caseSummarySchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  kind: z.string(),
  channel: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  status: z.string(),
  colour: nullableString,
  complexity: nullableString,
  regionId: z.string(),
  regionName: z.string(),
  ownerRegionId: z.string(),
  createdAt: z.string(),
  dueAt: nullableString,
  dueState: z.enum(['on_time', 'due_soon', 'overdue']).nullable(),
});

export const caseSchema = caseSummarySchema.extend({
  place: z.object({
    address: nullableString,
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    regionId: z.string(),
    gridId: nullableString,
  }),
  parties: z.array(
    z.object({
      id: z.string(),
      role: z.string(),
      name: z.string(),
      phone: nullableString,
      idNumber: nullableString,
    }),
  ),
  assignments: z.array(
    z.object({
      id: z.string(),
      departmentId: z.string(),
      departmentName: z.string(),
      role: z.string(),
      status: z.string(),
      assignedAt: z.string(),
      dueAt: nullableString,
      objectionDueAt: nullableString,
    }),
  ),
  poolDepartmentIds: z.array(z.string()),
  deadlines: z.object({
    acceptBy: nullableString,
    resolveBy: nullableString,
    verifyBy: nullableString,
    callbackBy: nullableString,
  }),
  satisfaction: nullableString,
  reopenCount: z.number(),
  mergedIntoId: nullableString,
  extensionRequest: z.object({ workingDays: z.number(), reason: z.string() }).nullable(),
  version: z.number(),
  allowedActions: z.array(z.string()),
});

export const timelineItemSchema = z.object({
  seq: z.number(),
  type: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  fromStatus: nullableString,
  toStatus: z.string(),
  reason: nullableString,
  data: z.record(z.string(), z.unknown()),
});

type Summary = z.infer<typeof caseSummarySchema>;
const DUE_SOON_MS = 24 * 3600_000;

export function dueStateOf(dueAt: string | null, now: Date): Summary['dueState'] {
  if (!dueAt) return null;
  const left = Date.parse(dueAt) - now.getTime();
  return left < 0 ? 'overdue' : left < DUE_SOON_MS ? 'due_soon' : 'on_time';
}

export const localName = (row: { name: string; nameEn: string } | undefined, locale: Locale) =>
  row ? (locale === 'en' ? row.nameEn : row.name) : '';

type Source = Pick<
  CaseState,
  | 'id'
  | 'trackingCode'
  | 'kind'
  | 'channel'
  | 'categoryCode'
  | 'description'
  | 'status'
  | 'colour'
  | 'complexity'
> & { regionId: string; ownerRegionId: string; createdAt: string; dueAt: string | null };

function summary(s: Source, org: OrgDirectory, locale: Locale, now: Date, full: boolean): Summary {
  return {
    id: s.id,
    trackingCode: s.trackingCode,
    kind: s.kind,
    channel: s.channel,
    categoryCode: s.categoryCode,
    categoryName: localName(org.category(s.categoryCode), locale),
    description: full || s.description.length <= 80 ? s.description : `${s.description.slice(0, 80)}…`,
    status: s.status,
    colour: s.colour,
    complexity: s.complexity,
    regionId: s.regionId,
    regionName: localName(org.region(s.regionId), locale),
    ownerRegionId: s.ownerRegionId,
    createdAt: s.createdAt,
    dueAt: s.dueAt,
    dueState: dueStateOf(s.dueAt, now),
  };
}

export function presentRow(
  r: typeof cases.$inferSelect,
  org: OrgDirectory,
  locale: Locale,
  now: Date,
): Summary {
  return summary(
    {
      ...r,
      kind: r.kind as Source['kind'],
      channel: r.channel as Source['channel'],
      status: r.status as Source['status'],
      colour: r.colour as Source['colour'],
      complexity: r.complexity as Source['complexity'],
      createdAt: r.createdAt.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null,
    },
    org,
    locale,
    now,
    false,
  );
}

export function presentCase(
  s: CaseState,
  parties: PartyRow[],
  allowed: string[],
  org: OrgDirectory,
  locale: Locale,
  now: Date,
): z.infer<typeof caseSchema> {
  const regionId = s.regionPath[s.regionPath.length - 1];
  return {
    ...summary({ ...s, regionId, dueAt: runningDeadline(s) }, org, locale, now, true),
    place: { address: s.address, lat: s.lat, lon: s.lon, regionId, gridId: s.gridId },
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      phone: maskPhone(p.phone),
      idNumber: maskIdNumber(p.idNumber),
    })),
    assignments: s.assignments.map((a) => ({
      ...a,
      departmentName: localName(org.department(a.departmentId), locale),
    })),
    poolDepartmentIds: s.poolDepartmentIds,
    deadlines: {
      acceptBy: s.acceptBy,
      resolveBy: s.resolveBy,
      verifyBy: s.verifyBy,
      callbackBy: s.callbackBy,
    },
    satisfaction: s.satisfaction,
    reopenCount: s.reopenCount,
    mergedIntoId: s.mergedIntoId,
    extensionRequest: s.extensionRequest,
    version: s.version,
    allowedActions: allowed,
  };
}
