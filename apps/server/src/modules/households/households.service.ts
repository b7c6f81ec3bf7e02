import { HeweiError, shanghaiDate } from '@hewei/domain';
import {
  checkRegrade,
  handlerRegionId,
  RISK_PROFILES,
  type RiskLevel,
  riskRank,
  suggestedLevelAfterIncident,
} from '@hewei/domain/risk/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { scheduleFollowUps } from './followups.ts';
import { HOUSEHOLD_PHONE_PURPOSE } from './households.presenter.ts';
import { type HouseholdRow, householdsRepository as repo } from './households.repository.ts';

export const FIELD_READERS = [
  'grid_worker',
  'dispatcher',
  'mediator',
  'supervisor',
  'leader',
  'admin',
] as const;
export const REGRADERS = ['grid_worker', 'dispatcher', 'mediator', 'supervisor'] as const;

export interface HouseholdInput {
  regionId?: string;
  gridId?: string;
  address: string;
  headName: string;
  headPhone?: string;
  memberCount: number;
  lat?: number;
  lon?: number;
  workerId?: string;
  riskLevel: RiskLevel;
  reason?: string;
}

export function canSeeHousehold(v: Viewer, h: { countyId: string; regionPath: string[] }) {
  return (
    v.countyId === h.countyId &&
    (FIELD_READERS as readonly string[]).includes(v.role) &&
    !!v.regionId &&
    h.regionPath.includes(v.regionId)
  );
}

export function householdsService(deps: AppDeps) {
  const { db, clock, org } = deps;

  async function visible(v: Viewer, id: string, q: Parameters<typeof repo.load>[0] = db, forUpdate = false) {
    const row = await repo.load(q, v.countyId, id, forUpdate);
    if (!row || !canSeeHousehold(v, row)) throw new HeweiError('NOT_FOUND');
    return row;
  }

  /** Staff at the handler's region hear of a warning raised to them. */
  async function warn(tx: Parameters<typeof repo.notify>[0], h: HouseholdRow, now: Date) {
    const p = RISK_PROFILES[h.riskLevel as RiskLevel];
    if (!p.handler) return;
    const at = handlerRegionId(p.handler, h.regionPath);
    if (!at) return;
    const staff = await repo.staffAt(tx, at, ['mediator', 'dispatcher']);
    await repo.notify(
      tx,
      staff.map((s) => ({
        id: uuidv7(now.getTime()),
        countyId: h.countyId,
        userId: s.id,
        caseId: null,
        kind: 'household.warning',
        payload: { householdId: h.id, level: h.riskLevel, warning: p.warning, handler: p.handler },
        createdAt: now,
      })),
    );
  }

  return {
    get: (v: Viewer, id: string) => visible(v, id),

    list: (v: Viewer, q: { regionId?: string; atRisk?: boolean; limit: number }) => {
      const region = q.regionId ?? v.regionId;
      if (!region) return Promise.resolve([]);
      const r = org.region(region);
      if (!r || !v.regionId || !r.path.includes(v.regionId)) throw new HeweiError('NOT_FOUND');
      return repo.list(db, v.countyId, region, q);
    },

    async create(v: Viewer, input: HouseholdInput) {
      const regionId = input.regionId ?? v.regionId ?? '';
      const region = org.region(regionId);
      if (!region || region.countyId !== v.countyId || !v.regionId || !region.path.includes(v.regionId))
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'regionId',
          rule: 'UNKNOWN_REGION',
          params: { id: regionId },
        });
      if (region.level !== 'village')
        throw new HeweiError('VALIDATION_FAILED', { field: 'regionId', rule: 'HOUSEHOLD_IN_VILLAGE' });
      if (input.riskLevel !== 'safe' && !input.reason?.trim())
        throw new HeweiError('VALIDATION_FAILED', { field: 'reason', rule: 'RISK_REASON_REQUIRED' });
      const now = clock.now();
      const workerId = input.workerId ?? (await repo.gridWorkersOf(db, region.id))[0]?.id ?? null;
      const row: HouseholdRow = {
        countyId: v.countyId,
        id: uuidv7(now.getTime()),
        regionId: region.id,
        regionPath: region.path,
        gridId: input.gridId ?? null,
        address: input.address,
        headName: input.headName,
        headPhone: deps.pii.seal(input.headPhone ?? null, HOUSEHOLD_PHONE_PURPOSE),
        headPhoneDigest: input.headPhone ? deps.pii.blind('phone', input.headPhone) : null,
        memberCount: input.memberCount,
        lat: input.lat ?? null,
        lon: input.lon ?? null,
        workerId,
        riskLevel: input.riskLevel,
        riskSince: shanghaiDate(now),
        regradeCaseId: null,
        regradeSuggested: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction(async (tx) => {
        await repo.insert(tx, row);
        await repo.insertChange(tx, {
          countyId: row.countyId,
          householdId: row.id,
          seq: 1,
          at: now,
          fromLevel: null,
          toLevel: row.riskLevel,
          reason: input.reason?.trim() || '建档',
          actorId: v.userId,
          actorRole: v.role,
          caseId: null,
        });
        await scheduleFollowUps(tx, row, now);
        await warn(tx, row, now);
      });
      return row;
    },

    /** A change of level (or, after an incident, a review that keeps it): on the timeline with its reason. */
    async regrade(
      v: Viewer,
      id: string,
      p: { version: number; level: RiskLevel; reason: string; caseId?: string },
    ) {
      if (!(REGRADERS as readonly string[]).includes(v.role)) throw new HeweiError('FORBIDDEN');
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await visible(v, id, tx, true);
        if (row.version !== p.version) throw new HeweiError('VERSION_CONFLICT');
        const from = row.riskLevel as RiskLevel;
        if (p.level === from) {
          if (!row.regradeCaseId) throw new HeweiError('RULE_VIOLATION', { rule: 'RISK_LEVEL_UNCHANGED' });
          if (!p.reason.trim())
            throw new HeweiError('VALIDATION_FAILED', { field: 'reason', rule: 'RISK_REASON_REQUIRED' });
        } else {
          const since = (await repo.lastChangeAt(tx, row.countyId, row.id)) ?? row.createdAt;
          checkRegrade({
            from,
            to: p.level,
            reason: p.reason,
            visitsSinceLastChange: await repo.visitsSince(tx, row.countyId, row.id, since),
          });
        }
        await repo.insertChange(tx, {
          countyId: row.countyId,
          householdId: row.id,
          seq: await repo.nextChangeSeq(tx, row.countyId, row.id),
          at: now,
          fromLevel: from,
          toLevel: p.level,
          reason: p.reason.trim(),
          actorId: v.userId,
          actorRole: v.role,
          caseId: p.caseId ?? row.regradeCaseId,
        });
        const next: HouseholdRow = {
          ...row,
          riskLevel: p.level,
          riskSince: p.level === from ? row.riskSince : shanghaiDate(now),
          regradeCaseId: null,
          regradeSuggested: null,
          updatedAt: now,
        };
        if (!(await repo.save(tx, next, row.version))) throw new HeweiError('VERSION_CONFLICT');
        if (p.level !== from) {
          await repo.cancelOpenTasks(tx, row.countyId, row.id);
          await scheduleFollowUps(tx, next, now);
          if (riskRank(p.level) > riskRank(from)) await warn(tx, next, now);
        }
        return { ...next, version: row.version + 1 };
      });
    },

    async timeline(v: Viewer, id: string) {
      const row = await visible(v, id);
      return repo.timeline(db, row.countyId, row.id);
    },

    async tasks(v: Viewer, id: string) {
      const row = await visible(v, id);
      return { household: row, tasks: await repo.tasksOfHousehold(db, row.countyId, row.id) };
    },

    async incidents(v: Viewer, id: string) {
      const row = await visible(v, id);
      return repo.incidents(db, row.countyId, row.id);
    },

    /** Links a case to the household by hand; a first link prompts re-grading. */
    async linkIncident(v: Viewer, id: string, caseId: string, kind: { kind: string; urgent: boolean }) {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await visible(v, id, tx, true);
        return promptRegrade(tx, row, caseId, 'linked', kind, now);
      });
    },

    /** Warnings whose handler sits in the viewer's region (or exactly at `at`). */
    async warnings(v: Viewer, at?: string) {
      if (!v.regionId) return [];
      const rows = await repo.list(db, v.countyId, v.regionId, { atRisk: true, limit: 1000 });
      return rows
        .map((h) => {
          const p = RISK_PROFILES[h.riskLevel as RiskLevel];
          return { h, p, handlerRegion: p.handler ? handlerRegionId(p.handler, h.regionPath) : null };
        })
        .filter((w) => w.p.warning && w.handlerRegion && (!at || w.handlerRegion === at))
        .filter((w) => org.region(w.handlerRegion!)?.path.includes(v.regionId!));
    },
  };
}

type Tx = Parameters<typeof repo.notify>[0];

async function promptRegrade(
  tx: Tx,
  row: HouseholdRow,
  caseId: string,
  how: 'phone' | 'linked' | 'report',
  incident: { kind: string; urgent: boolean; colour?: string | null },
  now: Date,
) {
  const linked = await repo.linkIncident(tx, {
    countyId: row.countyId,
    householdId: row.id,
    caseId,
    at: now,
    how,
  });
  if (!linked.length) return { ...row, linked: false };
  const next: HouseholdRow = {
    ...row,
    regradeCaseId: caseId,
    regradeSuggested: suggestedLevelAfterIncident(row.riskLevel as RiskLevel, incident),
    updatedAt: now,
  };
  await repo.save(tx, next, row.version);
  return { ...next, version: row.version + 1, linked: true };
}

export { promptRegrade };
