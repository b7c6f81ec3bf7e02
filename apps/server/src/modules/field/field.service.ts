import { HeweiError, shanghaiDate } from '@hewei/domain';
import type { Tx } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { completeFollowUp } from '../households/followups.ts';
import { householdsRepository } from '../households/households.repository.ts';
import { canSeeHousehold } from '../households/households.service.ts';
import { placePatrolPoint } from './field.area.ts';
import { type EntryRow, fieldRepository as repo } from './field.repository.ts';
import type { EntryInput, FormField, PointInput, VisitInput } from './field.schemas.ts';

/** Register entries keep phone and ID number sealed at rest. */
export const ENTRY_PURPOSE = {
  phone: 'register_entries.phone',
  idNumber: 'register_entries.id_number',
} as const;

const WEEK_MS = 7 * 86_400_000;
/** A queued action may carry the time it was done offline, up to a week back. */
const MAX_OFFLINE_MS = WEEK_MS;

/** The time an action happened: the phone's, when it is plausible, else the server's. */
export function actionTime(at: string | undefined, now: Date): Date {
  if (!at) return now;
  const t = Date.parse(at);
  if (Number.isNaN(t) || t > now.getTime() + 5 * 60_000 || t < now.getTime() - MAX_OFFLINE_MS) return now;
  return new Date(Math.min(t, now.getTime()));
}

export function fieldService(deps: AppDeps) {
  const { org, clock } = deps;

  async function requirePhotos(tx: Tx, v: Viewer, photos: string[]) {
    const have = new Set((await repo.completeUploads(tx, v.countyId, photos)).map((p) => p.sha256));
    const missing = photos.filter((p) => !have.has(p));
    if (missing.length)
      throw new HeweiError('CONFLICT', {
        field: 'photos',
        rule: 'PHOTO_NOT_UPLOADED',
        params: { sha256: missing[0] },
      });
  }

  async function ownPatrol(tx: Tx, v: Viewer, id: string) {
    const p = await repo.patrol(tx, v.countyId, id, true);
    if (!p || p.workerId !== v.userId) throw new HeweiError('NOT_FOUND', { field: 'patrolId' });
    return p;
  }

  const service = {
    async addPoint(tx: Tx, v: Viewer, patrolId: string, input: PointInput) {
      const p = await ownPatrol(tx, v, patrolId);
      if (p.endedAt) throw new HeweiError('RULE_VIOLATION', { rule: 'PATROL_ENDED' });
      const { gridId } = placePatrolPoint(org, v.countyId, p.regionId, input.lon, input.lat);
      const photos = input.photos ?? [];
      await requirePhotos(tx, v, photos);
      const row = {
        countyId: v.countyId,
        patrolId,
        seq: await repo.nextPointSeq(tx, v.countyId, patrolId),
        at: actionTime(input.at, clock.now()),
        lat: input.lat,
        lon: input.lon,
        gridId,
        note: input.note ?? null,
        photos,
      };
      await repo.insertPoint(tx, row);
      return row;
    },

    async startPatrol(
      tx: Tx,
      v: Viewer,
      input: { id?: string; at?: string; note?: string; point?: PointInput },
    ) {
      if (!v.regionId) throw new HeweiError('FORBIDDEN');
      const now = clock.now();
      const id = input.id ?? uuidv7(now.getTime());
      const existing = await repo.patrol(tx, v.countyId, id);
      if (existing) {
        if (existing.workerId !== v.userId) throw new HeweiError('CONFLICT', { field: 'id' });
        return existing;
      }
      const row = {
        countyId: v.countyId,
        id,
        workerId: v.userId,
        regionId: v.regionId,
        startedAt: actionTime(input.at, now),
        endedAt: null,
        note: input.note ?? null,
      };
      await repo.insertPatrol(tx, row);
      if (input.point) await service.addPoint(tx, v, id, { ...input.point, at: input.point.at ?? input.at });
      return row;
    },

    async stopPatrol(tx: Tx, v: Viewer, patrolId: string, at?: string) {
      const p = await ownPatrol(tx, v, patrolId);
      const endedAt = actionTime(at, clock.now());
      if (!p.endedAt) await repo.endPatrol(tx, v.countyId, patrolId, endedAt);
      return { ...p, endedAt: p.endedAt ?? endedAt };
    },

    async recordVisit(tx: Tx, v: Viewer, input: VisitInput) {
      const h = await householdsRepository.load(tx, v.countyId, input.householdId);
      if (!h || !canSeeHousehold(v, h))
        throw new HeweiError('VALIDATION_FAILED', { field: 'householdId', rule: 'UNKNOWN_HOUSEHOLD' });
      if (input.watchedPersonId) {
        const person = await repo.entry(tx, v.countyId, input.watchedPersonId);
        if (!person?.concern || !person.regionPath.includes(v.regionId ?? ''))
          throw new HeweiError('VALIDATION_FAILED', { field: 'watchedPersonId' });
      }
      const photos = input.photos ?? [];
      await requirePhotos(tx, v, photos);
      const now = clock.now();
      const id = input.id ?? uuidv7(now.getTime());
      const existing = await repo.visit(tx, v.countyId, id);
      if (existing) {
        if (existing.workerId !== v.userId) throw new HeweiError('CONFLICT', { field: 'id' });
        return { visit: existing, completedTaskId: null };
      }
      const row = {
        countyId: v.countyId,
        id,
        workerId: v.userId,
        kind: input.kind,
        householdId: h.id,
        watchedPersonId: input.watchedPersonId ?? null,
        taskId: input.taskId ?? null,
        at: actionTime(input.at, now),
        lat: input.lat ?? null,
        lon: input.lon ?? null,
        note: input.note,
        photos,
      };
      await repo.insertVisit(tx, row);
      const completedTaskId =
        input.kind === 'follow_up'
          ? await completeFollowUp(tx, {
              countyId: v.countyId,
              householdId: h.id,
              taskId: input.taskId,
              visitId: id,
              at: row.at,
            })
          : null;
      return { visit: row, completedTaskId };
    },

    async addEntry(tx: Tx, v: Viewer, input: EntryInput) {
      const region = org.region(input.regionId ?? v.regionId ?? '');
      if (!region || region.countyId !== v.countyId || !region.path.includes(v.regionId ?? ''))
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'regionId',
          rule: 'UNKNOWN_REGION',
          params: { id: input.regionId ?? '' },
        });
      if (
        (input.concern === undefined) !== (input.visitsPerWeek === undefined) ||
        (input.concern && input.kind !== 'person')
      )
        throw new HeweiError('VALIDATION_FAILED', { field: 'visitsPerWeek', rule: 'CONCERN_NEEDS_CADENCE' });
      const now = clock.now();
      const row: EntryRow = {
        countyId: v.countyId,
        id: uuidv7(now.getTime()),
        kind: input.kind,
        regionId: region.id,
        regionPath: region.path,
        gridId: input.gridId ?? null,
        name: input.name,
        address: input.address ?? null,
        lat: input.lat ?? null,
        lon: input.lon ?? null,
        householdId: input.householdId ?? null,
        phone: deps.pii.seal(input.phone ?? null, ENTRY_PURPOSE.phone),
        idNumber: deps.pii.seal(input.idNumber ?? null, ENTRY_PURPOSE.idNumber),
        concern: input.concern ?? null,
        visitsPerWeek: input.visitsPerWeek ?? null,
        details: input.details ?? {},
        createdBy: v.userId,
        createdAt: now,
      };
      await repo.insertEntry(tx, row);
      return row;
    },

    async createCampaign(
      tx: Tx,
      v: Viewer,
      input: { regionId?: string; title: string; form: FormField[]; startsOn: string; endsOn: string },
    ) {
      const region = org.region(input.regionId ?? v.regionId ?? '');
      if (!region?.path.includes(v.regionId ?? ''))
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'regionId',
          rule: 'UNKNOWN_REGION',
          params: { id: input.regionId ?? '' },
        });
      if (input.endsOn < input.startsOn) throw new HeweiError('VALIDATION_FAILED', { field: 'endsOn' });
      const now = clock.now();
      const row = {
        countyId: v.countyId,
        id: uuidv7(now.getTime()),
        regionId: region.id,
        title: input.title,
        form: input.form,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdBy: v.userId,
        createdAt: now,
      };
      await repo.insertCampaign(tx, row);
      return row;
    },

    /** One screening per household per campaign; answers checked against the campaign's form. */
    async respond(
      tx: Tx,
      v: Viewer,
      campaignId: string,
      input: { householdId: string; answers: Record<string, string | boolean>; at?: string },
    ) {
      const c = await repo.campaign(tx, v.countyId, campaignId);
      const h = await householdsRepository.load(tx, v.countyId, input.householdId);
      if (!c || !h || !canSeeHousehold(v, h) || !h.regionPath.includes(c.regionId))
        throw new HeweiError('VALIDATION_FAILED', {
          field: c ? 'householdId' : 'campaignId',
          rule: c ? 'UNKNOWN_HOUSEHOLD' : undefined,
        });
      const form = c.form as FormField[];
      for (const f of form) {
        const a = input.answers[f.key];
        if (a === undefined && f.required)
          throw new HeweiError('VALIDATION_FAILED', { field: `answers.${f.key}` });
        if (a !== undefined && (f.type === 'yes_no' ? typeof a !== 'boolean' : typeof a !== 'string'))
          throw new HeweiError('VALIDATION_FAILED', { field: `answers.${f.key}` });
        if (a !== undefined && f.type === 'choice' && !f.options?.includes(a as string))
          throw new HeweiError('VALIDATION_FAILED', { field: `answers.${f.key}` });
      }
      const disputeFound = form.some(
        (f) => f.type === 'yes_no' && f.flagsDispute && input.answers[f.key] === true,
      );
      const id = uuidv7(clock.now().getTime());
      const inserted = await repo.insertResponse(tx, {
        countyId: v.countyId,
        id,
        campaignId,
        householdId: h.id,
        workerId: v.userId,
        answers: input.answers,
        disputeFound: disputeFound ? 'yes' : 'no',
        at: actionTime(input.at, clock.now()),
      });
      if (!inserted.length)
        throw new HeweiError('CONFLICT', { field: 'householdId', rule: 'SCREENING_ALREADY_DONE' });
      return { id, disputeFound };
    },

    today: (now: Date) => shanghaiDate(now),
  };
  return service;
}

export type FieldService = ReturnType<typeof fieldService>;
