import { HeweiError } from '@hewei/domain';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { fieldSyncActions } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { type Locale, messageFor } from '../../http/messages.ts';
import { sha256, stableJson } from '../../lib/crypto.ts';
import { casesService } from '../cases/cases.service.ts';
import { householdsRepository } from '../households/households.repository.ts';
import { canSeeHousehold, promptRegrade } from '../households/households.service.ts';
import { fieldService } from './field.service.ts';
import { caseConflict } from './sync.conflict.ts';
import { attachPhotos, requireUploaded } from './sync.photos.ts';
import { ACTION_SCHEMAS, type SyncAction, type SyncResult } from './sync.schemas.ts';

const CASE_EVENT: Record<string, string> = {
  verify: 'case.verified',
  resolveOnSpot: 'case.resolved_on_spot',
};
/** Errors that go away by themselves: the action is not recorded, the phone keeps it and retries. */
const TRANSIENT = new Set(['PHOTO_NOT_UPLOADED']);

export function syncService(deps: AppDeps) {
  const { db, clock } = deps;
  const field = fieldService(deps);
  const cases = casesService(deps);

  const findRow = async (v: Viewer, key: string) =>
    (
      await db
        .select()
        .from(fieldSyncActions)
        .where(
          and(
            eq(fieldSyncActions.countyId, v.countyId),
            eq(fieldSyncActions.actorId, v.userId),
            eq(fieldSyncActions.key, key),
          ),
        )
    )[0];

  const record = (v: Viewer, a: SyncAction, hash: string, outcome: string, result: object) =>
    db
      .insert(fieldSyncActions)
      .values({
        countyId: v.countyId,
        actorId: v.userId,
        key: a.key,
        kind: a.kind,
        requestHash: hash,
        outcome,
        result,
        receivedAt: clock.now(),
      })
      .onConflictDoUpdate({
        target: [fieldSyncActions.countyId, fieldSyncActions.actorId, fieldSyncActions.key],
        set: { outcome, result },
      });

  /** Applies one local action in one transaction with its key, so it happens once or not at all. */
  async function applyLocal(v: Viewer, a: SyncAction, hash: string, p: any): Promise<object> {
    return db.transaction(async (tx) => {
      const claimed = await tx
        .insert(fieldSyncActions)
        .values({
          countyId: v.countyId,
          actorId: v.userId,
          key: a.key,
          kind: a.kind,
          requestHash: hash,
          outcome: 'applying',
          result: {},
          receivedAt: clock.now(),
        })
        .onConflictDoNothing()
        .returning({ key: fieldSyncActions.key });
      if (!claimed.length) throw new HeweiError('CONFLICT', { rule: 'SYNC_DUPLICATE' });
      let result: object;
      if (a.kind === 'patrol.start') result = pick(await field.startPatrol(tx, v, p), ['id', 'startedAt']);
      else if (a.kind === 'patrol.point') {
        const { patrolId, ...point } = p;
        result = pick(await field.addPoint(tx, v, patrolId, point), ['patrolId', 'seq', 'gridId']);
      } else if (a.kind === 'patrol.stop')
        result = pick(await field.stopPatrol(tx, v, p.patrolId, p.at), ['id', 'endedAt']);
      else if (a.kind === 'visit.record') {
        const r = await field.recordVisit(tx, v, p);
        result = { id: r.visit.id, householdId: r.visit.householdId, completedTaskId: r.completedTaskId };
      } else {
        const { campaignId, ...rest } = p;
        result = await field.respond(tx, v, campaignId, rest);
      }
      await tx
        .update(fieldSyncActions)
        .set({ outcome: 'applied', result })
        .where(
          and(
            eq(fieldSyncActions.countyId, v.countyId),
            eq(fieldSyncActions.actorId, v.userId),
            eq(fieldSyncActions.key, a.key),
          ),
        );
      return result;
    });
  }

  /** A report becomes a case through intake, idempotent on the action's key; photos become attachments. */
  async function report(v: Viewer, a: SyncAction, p: any) {
    await requireUploaded(db, v, p.photos);
    const { state } = await cases.submit(
      v,
      {
        kind: p.kind,
        channel: 'grid_report',
        categoryCode: p.categoryCode,
        description: p.description,
        urgent: p.urgent,
        place: { lat: p.lat, lon: p.lon, address: p.address, regionId: v.regionId ?? undefined },
        parties: [],
      },
      `field:${a.key}`,
    );
    const now = clock.now();
    await db.transaction(async (tx) => {
      await attachPhotos(tx, v, state.id, p.photos, now);
      if (p.householdId) {
        const h = await householdsRepository.load(tx, v.countyId, p.householdId, true);
        if (h && canSeeHousehold(v, h))
          await promptRegrade(tx, h, state.id, 'report', { kind: p.kind, urgent: !!p.urgent }, now);
      }
    });
    return {
      caseId: state.id,
      trackingCode: state.trackingCode,
      version: state.version,
      status: state.status,
    };
  }

  /** A case step taken offline: applied only if the case is still as the phone saw it. */
  async function caseAct(
    v: Viewer,
    a: SyncAction,
    hash: string,
    p: any,
    prior: { outcome: string } | undefined,
  ) {
    await requireUploaded(db, v, p.photos);
    if (prior?.outcome === 'applying') {
      // a previous attempt may have applied the step and stopped before it was recorded
      const timeline = await cases.timeline(v, p.caseId);
      const e = timeline.find(({ event }) => event.seq === p.version + 1)?.event;
      if (e && e.actorId === v.userId && e.type === CASE_EVENT[p.action]) {
        const state = await cases.get(v, p.caseId);
        await attachPhotos(db, v, state.id, p.photos, clock.now());
        const result = { caseId: state.id, version: state.version, status: state.status };
        await record(v, a, hash, 'applied', result);
        return { outcome: 'applied' as const, result };
      }
    } else await record(v, a, hash, 'applying', { caseId: p.caseId, expectedVersion: p.version });
    const current = await cases.get(v, p.caseId);
    const conflict = async () => {
      const c = await caseConflict(cases, v, p.caseId, p.version, p.base);
      await record(v, a, hash, 'conflict', c);
      return { outcome: 'conflict' as const, conflict: c };
    };
    if (current.version !== p.version) return conflict();
    try {
      const state = await cases.act(v, p.caseId, p.action, { ...p.payload, version: p.version });
      await attachPhotos(db, v, state.id, p.photos, clock.now());
      const result = { caseId: state.id, version: state.version, status: state.status };
      await record(v, a, hash, 'applied', result);
      return { outcome: 'applied' as const, result };
    } catch (e) {
      if (e instanceof HeweiError && e.code === 'VERSION_CONFLICT') return conflict();
      throw e;
    }
  }

  async function one(v: Viewer, a: SyncAction, locale: Locale): Promise<SyncResult> {
    const schema = ACTION_SCHEMAS[a.kind] as z.ZodType;
    const hash = sha256(stableJson({ kind: a.kind, payload: a.payload }));
    const base = { key: a.key, kind: a.kind };
    const error = (e: HeweiError) => ({
      code: e.code,
      message: messageFor(locale, e.code, e),
      ...(e.field ? { field: e.field } : {}),
      ...(e.rule ? { rule: e.rule } : {}),
    });
    const prior = await findRow(v, a.key);
    if (prior && prior.requestHash !== hash)
      return {
        ...base,
        outcome: 'rejected',
        error: error(new HeweiError('IDEMPOTENCY_KEY_REUSED', { field: 'key' })),
      };
    if (prior && prior.outcome !== 'applying') {
      const dup = new HeweiError('CONFLICT', { rule: 'SYNC_DUPLICATE' });
      return {
        ...base,
        outcome: 'duplicate',
        original: prior.outcome,
        result: prior.result as Record<string, unknown>,
        error: error(dup),
      };
    }
    const parsed = schema.safeParse(a.payload);
    try {
      if (!parsed.success) {
        const path = parsed.error.issues[0]?.path.join('.') || 'payload';
        const rule =
          path === 'householdId' && a.kind === 'visit.record' ? 'VISIT_NEEDS_HOUSEHOLD' : undefined;
        throw new HeweiError('VALIDATION_FAILED', { field: path, rule });
      }
      const p = parsed.data as any;
      if (a.kind === 'case.act') return { ...base, ...(await caseAct(v, a, hash, p, prior)) };
      const result = a.kind === 'case.report' ? await report(v, a, p) : await applyLocal(v, a, hash, p);
      if (a.kind === 'case.report') await record(v, a, hash, 'applied', result);
      return { ...base, outcome: 'applied', result: result as Record<string, unknown> };
    } catch (e) {
      if (!(e instanceof HeweiError)) throw e;
      if (e.rule === 'SYNC_DUPLICATE') return one(v, a, locale);
      if (e.rule && TRANSIENT.has(e.rule)) return { ...base, outcome: 'retry', error: error(e) };
      await record(v, a, hash, 'rejected', { error: { code: e.code, field: e.field, rule: e.rule } });
      return { ...base, outcome: 'rejected', error: error(e) };
    }
  }

  return {
    /** Applies the phone's queue in order; each action once, whatever happens to the others. */
    async apply(v: Viewer, actions: SyncAction[], locale: Locale) {
      const results: SyncResult[] = [];
      for (const a of actions) results.push(await one(v, a, locale));
      return results;
    },
  };
}

function pick<T extends object>(o: T, keys: (keyof T)[]) {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k as string] = o[k] instanceof Date ? (o[k] as Date).toISOString() : o[k];
  return out;
}
