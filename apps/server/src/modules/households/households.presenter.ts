import { dueState, type WorkingCalendar } from '@hewei/domain';
import { HANDLER_LABELS, handlerRegionId, RISK_PROFILES, type RiskLevel } from '@hewei/domain/risk/index.ts';
import { z } from 'zod';
import type { Locale } from '../../http/messages.ts';
import { maskPhone } from '../../lib/crypto.ts';
import { HOUSEHOLD_PHONE_PURPOSE } from '../../lib/pii/columns.ts';
import type { Pii } from '../../lib/pii/keyring.ts';
import type { OrgDirectory } from '../org/org.directory.ts';

export { HOUSEHOLD_PHONE_PURPOSE };

import type { HouseholdRow, TaskRow } from './households.repository.ts';

const s = z.string();
const ns = z.string().nullable();

export const riskSchema = z.object({
  level: s,
  since: s,
  cadence: s,
  warning: ns,
  handler: ns,
  handlerName: ns,
  handlerRegionId: ns,
  handlerRegionName: ns,
});

export const householdSchema = z.object({
  id: s,
  regionId: s,
  regionName: s,
  gridId: ns,
  address: s,
  headName: s,
  headPhone: ns,
  memberCount: z.number(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  workerId: ns,
  risk: riskSchema,
  regrade: z.object({ caseId: s, suggestedLevel: s }).nullable(),
  version: z.number(),
  updatedAt: s,
});

export const taskSchema = z.object({
  id: s,
  householdId: s,
  workerId: ns,
  level: s,
  dueDate: s,
  dueAt: s,
  status: s,
  dueState: z.enum(['on_time', 'due_soon', 'overdue']).nullable(),
  visitId: ns,
  doneAt: ns,
});

export function presentRisk(h: HouseholdRow, org: OrgDirectory, locale: Locale) {
  const p = RISK_PROFILES[h.riskLevel as RiskLevel];
  const at = p.handler ? handlerRegionId(p.handler, h.regionPath) : null;
  const region = at ? org.region(at) : undefined;
  return {
    level: p.level,
    since: h.riskSince,
    cadence: p.cadence,
    warning: p.warning,
    handler: p.handler,
    handlerName: p.handler ? HANDLER_LABELS[p.handler][locale === 'en' ? 'en' : 'zh'] : null,
    handlerRegionId: at,
    handlerRegionName: region ? (locale === 'en' ? region.nameEn : region.name) : null,
  };
}

export function presentHousehold(h: HouseholdRow, deps: { org: OrgDirectory; pii: Pii }, locale: Locale) {
  const { org } = deps;
  const region = org.region(h.regionId);
  return {
    id: h.id,
    regionId: h.regionId,
    regionName: region ? (locale === 'en' ? region.nameEn : region.name) : h.regionId,
    gridId: h.gridId,
    address: h.address,
    headName: h.headName,
    headPhone: maskPhone(deps.pii.open(h.headPhone, HOUSEHOLD_PHONE_PURPOSE)),
    memberCount: h.memberCount,
    lat: h.lat,
    lon: h.lon,
    workerId: h.workerId,
    risk: presentRisk(h, org, locale),
    regrade:
      h.regradeCaseId && h.regradeSuggested
        ? { caseId: h.regradeCaseId, suggestedLevel: h.regradeSuggested }
        : null,
    version: h.version,
    updatedAt: h.updatedAt.toISOString(),
  };
}

export function presentTask(t: TaskRow, now: Date, calendar: WorkingCalendar) {
  return {
    id: t.id,
    householdId: t.householdId,
    workerId: t.workerId,
    level: t.level,
    dueDate: t.dueDate,
    dueAt: t.dueAt.toISOString(),
    status: t.status,
    dueState: t.status === 'open' ? dueState(t.dueAt, now, calendar) : null,
    visitId: t.visitId,
    doneAt: t.doneAt ? t.doneAt.toISOString() : null,
  };
}
