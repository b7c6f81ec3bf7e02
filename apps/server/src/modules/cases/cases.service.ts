import {
  type Actor,
  allowedActions,
  applyTransition,
  type CaseAction,
  type CaseEvent,
  type CaseState,
  canView,
  HeweiError,
  openCase,
  type SubmitCaseInput,
  TRANSITIONS,
  USER_ACTIONS,
} from '@hewei/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import type { AppDeps, IntakeDraft } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { sha256, stableJson } from '../../lib/crypto.ts';
import { trackingCode, uuidv7 } from '../../lib/ids.ts';
import { indexParty, openParty, PARTY_PURPOSE, USER_PHONE_PURPOSE } from '../../lib/pii/columns.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { runCaseWriteHooks } from './case-hooks.ts';
import { casesRepository as repo } from './cases.repository.ts';

const ANONYMOUS = 'anonymous';

/** Thrown inside the intake transaction to roll it back when the key was already used. */
class Replay extends Error {
  readonly caseId: string;
  constructor(caseId: string) {
    super('replay');
    this.caseId = caseId;
  }
}

export function casesService(deps: AppDeps) {
  const { db, clock, calendar, org } = deps;
  const ctx = () => ({
    now: clock.now(),
    calendar,
    newId: () => uuidv7(clock.now().getTime()),
    deadlinePolicies: deps.deadlinePolicies,
  });
  const runHooks = async (tx: Tx, before: CaseState | null, after: CaseState, event: CaseEvent) => {
    await runCaseWriteHooks(deps, tx, { before, after, event });
  };

  async function visibleCase(v: Viewer, id: string): Promise<CaseState> {
    const state = await repo.loadCase(db, v.countyId, id);
    if (!state || !canView(state, v)) throw new HeweiError('NOT_FOUND');
    return state;
  }

  function checkDepartments(ids: string[], countyId: string, field: string) {
    for (const id of ids) {
      const d = org.department(id);
      if (!d || d.countyId !== countyId)
        throw new HeweiError('VALIDATION_FAILED', { field, rule: 'UNKNOWN_DEPARTMENT', params: { id } });
    }
  }

  return {
    /**
     * Intake from any channel. With an idempotency key, a replay returns the case the first
     * request made; the key is stored in the same transaction as the case.
     */
    async submit(viewer: Viewer | null, input: SubmitCaseInput, key?: string) {
      if (viewer && !(TRANSITIONS.submit.roles as readonly string[]).includes(viewer.role))
        throw new HeweiError('FORBIDDEN');
      const countyId = viewer?.countyId ?? deps.config.defaultCountyId ?? org.countyIds()[0];
      const category = org.category(input.categoryCode);
      if (!category)
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'categoryCode',
          rule: 'UNKNOWN_CATEGORY',
          params: { code: input.categoryCode },
        });
      const draft: IntakeDraft = {
        countyId,
        regionId: input.place.regionId ?? (viewer?.role === 'resident' ? null : viewer?.regionId) ?? countyId,
        gridId: null,
        lat: input.place.lat ?? null,
        lon: input.place.lon ?? null,
        address: input.place.address ?? null,
        categoryCode: input.categoryCode,
      };
      const given = org.region(draft.regionId);
      if (!given || given.countyId !== countyId)
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'place.regionId',
          rule: 'UNKNOWN_REGION',
          params: { id: draft.regionId },
        });
      for (const enrich of deps.hooks.intake) await enrich(draft);
      const region = org.region(draft.regionId)!;
      const parties = [...input.parties];
      if (viewer?.role === 'resident' && !parties.some((p) => p.role === 'applicant'))
        parties.unshift({ role: 'applicant', name: viewer.displayName, phone: await residentPhone(viewer) });
      const hasContactPhone = parties.some((p) => p.role === 'applicant' && p.phone);
      if (!viewer && !hasContactPhone)
        throw new HeweiError('VALIDATION_FAILED', { field: 'parties', rule: 'APPLICANT_CONTACT_REQUIRED' });

      const actorId = viewer?.userId ?? ANONYMOUS;
      const c = ctx();
      const id = uuidv7(c.now.getTime());
      const actor: Actor | { userId: string; role: 'resident' } = viewer ?? {
        userId: ANONYMOUS,
        role: 'resident',
      };
      const { state, event } = openCase(
        {
          id,
          countyId,
          trackingCode: trackingCode(c.now),
          kind: input.kind,
          channel: input.channel,
          categoryCode: input.categoryCode,
          description: input.description,
          urgent: input.urgent,
          address: draft.address,
          lat: draft.lat,
          lon: draft.lon,
          regionPath: region.path,
          gridId: draft.gridId,
          ownerRegionId: region.id,
          applicantUserId: viewer?.role === 'resident' ? viewer.userId : null,
          hasContactPhone,
        },
        actor as Actor,
        c,
      );
      const partyRows = parties.map((p, position) => ({
        id: uuidv7(c.now.getTime()),
        role: p.role,
        name: p.name,
        // personal data is sealed before it reaches the database (lib/pii)
        phone: deps.pii.seal(p.phone ?? null, PARTY_PURPOSE.phone),
        idNumber: deps.pii.seal(p.idNumber ?? null, PARTY_PURPOSE.idNumber),
        address: deps.pii.seal(p.address ?? null, PARTY_PURPOSE.address),
        position,
      }));
      const requestHash = sha256(stableJson(input));
      try {
        await db.transaction(async (tx) => {
          await repo.insertCase(tx, state, partyRows, event);
          for (const [i, p] of parties.entries())
            await indexParty(tx, deps.pii, {
              county_id: countyId,
              id: partyRows[i].id,
              phone: p.phone ?? null,
              id_number: p.idNumber ?? null,
            });
          await runHooks(tx, null, state, event);
          if (!key) return;
          if (
            await repo.claimIdempotencyKey(tx, { countyId, actorId, key, requestHash, caseId: id, at: c.now })
          )
            return;
          const existing = await repo.findIdempotencyKey(tx, countyId, actorId, key);
          if (existing?.requestHash !== requestHash)
            throw new HeweiError('IDEMPOTENCY_KEY_REUSED', { field: 'Idempotency-Key' });
          throw new Replay(existing.caseId);
        });
      } catch (e) {
        if (!(e instanceof Replay)) throw e;
        return { state: (await repo.loadCase(db, countyId, e.caseId))!, replayed: true };
      }
      return { state, replayed: false };
    },

    async act(viewer: Viewer, id: string, action: CaseAction, body: Record<string, unknown>) {
      if (!USER_ACTIONS.includes(action)) throw new HeweiError('NOT_FOUND', { field: 'action' });
      const before = await visibleCase(viewer, id);
      const { version, ...payload } = body;
      if (typeof version !== 'number') throw new HeweiError('VALIDATION_FAILED', { field: 'version' });
      if (version !== before.version) throw new HeweiError('VERSION_CONFLICT');
      const c = ctx();
      const result = applyTransition(before, action, payload, viewer, c);
      if (action === 'dispatch' || action === 'redispatch') {
        const p = payload as { leadDepartmentId: string; coDepartmentIds?: string[] };
        checkDepartments(
          [p.leadDepartmentId, ...(p.coDepartmentIds ?? [])],
          viewer.countyId,
          'leadDepartmentId',
        );
      }
      if (action === 'publishToPool')
        checkDepartments(
          (payload as { departmentIds: string[] }).departmentIds,
          viewer.countyId,
          'departmentIds',
        );
      await db.transaction(async (tx) => {
        if (!(await repo.saveTransition(tx, before, result.state, result.event)))
          throw new HeweiError('VERSION_CONFLICT');
        await runHooks(tx, before, result.state, result.event);
        if (action === 'merge') {
          const targetId = (payload as { targetCaseId: string }).targetCaseId;
          const target = await repo.loadCase(tx, viewer.countyId, targetId, true);
          if (!target || !canView(target, viewer))
            throw new HeweiError('VALIDATION_FAILED', { field: 'targetCaseId' });
          if (target.closedAt) throw new HeweiError('RULE_VIOLATION', { rule: 'MERGE_TARGET_CLOSED' });
          const attached = applyTransition(target, 'attachDuplicate', { duplicateCaseId: id }, viewer, c);
          await repo.saveTransition(tx, target, attached.state, attached.event);
          await runHooks(tx, target, attached.state, attached.event);
        }
      });
      return result.state;
    },

    get: visibleCase,

    allowedActions: (state: CaseState, viewer: Viewer) => allowedActions(state, viewer, ctx()),

    parties: async (state: CaseState) =>
      (await repo.parties(db, state.countyId, state.id)).map((p) => openParty(deps.pii, p)),

    async timeline(viewer: Viewer, id: string) {
      const state = await visibleCase(viewer, id);
      return repo.timeline(db, state.countyId, state.id);
    },

    async reveal(viewer: Viewer, id: string, partyId: string, field: 'phone' | 'idNumber') {
      const state = await visibleCase(viewer, id);
      if (!REVEALERS.includes(viewer.role)) throw new HeweiError('FORBIDDEN');
      const row = (await repo.parties(db, state.countyId, id)).find((p) => p.id === partyId);
      if (!row) throw new HeweiError('NOT_FOUND');
      const party = openParty(deps.pii, row);
      const now = clock.now();
      await recordAudit(db, {
        at: now,
        action: 'pii.revealed',
        actorId: viewer.userId,
        target: `case:${id}`,
        data: { partyId, field, role: viewer.role },
      });
      await repo.recordReveal(db, {
        countyId: state.countyId,
        id: uuidv7(now.getTime()),
        caseId: id,
        partyId,
        field,
        viewerId: viewer.userId,
        viewerRole: viewer.role,
        at: now,
      });
      return field === 'phone' ? party.phone : party.idNumber;
    },

    /** A resident follows a case with its tracking code and the last four digits of the phone. */
    async track(code: string, phone4: string) {
      const countyId = deps.config.defaultCountyId ?? org.countyIds()[0];
      const id = await repo.findIdByTrackingCode(db, countyId, code);
      if (!id) throw new HeweiError('NOT_FOUND');
      const parties = (await repo.parties(db, countyId, id)).map((p) => openParty(deps.pii, p));
      if (!parties.some((p) => p.role === 'applicant' && p.phone?.endsWith(phone4)))
        throw new HeweiError('NOT_FOUND');
      const state = (await repo.loadCase(db, countyId, id))!;
      return { state, timeline: await repo.timeline(db, countyId, id) };
    },
  };

  async function residentPhone(v: Viewer): Promise<string | undefined> {
    const [u] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, v.userId));
    return deps.pii.open(u?.phone, USER_PHONE_PURPOSE) ?? undefined;
  }
}

const REVEALERS = ['operator', 'dispatcher', 'handler', 'mediator', 'grid_worker'];

export type CasesService = ReturnType<typeof casesService>;
