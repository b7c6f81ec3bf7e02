// The mediation record of a case: chosen in the marketplace (by the applicant or a dispatcher),
// accepted or declined by the mediators, started (the case enters in_mediation), moved up the
// five-step ladder, and concluded with its outcome through the case lifecycle.
import {
  type CaseState,
  HeweiError,
  holdsRelation,
  isMediationStage,
  type MediationStep,
  nextStep,
} from '@hewei/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { mediationSessions, notifications, sessionParticipants } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { transitionCase } from './case-link.ts';
import { openMediationsInQueue } from './desk.queries.ts';
import type { MarketplaceService } from './marketplace.service.ts';
import {
  assertManager,
  assertMediator,
  assertOpen,
  assertSee,
  inQueue,
  isApplicant,
  linkOf,
  type MediationView,
} from './mediation.policy.ts';
import { type MediationRow, mediationRepository as repo } from './mediation.repository.ts';

type Q = Db | Tx;

/** Where on the five-step ladder an organisation takes a dispute in. */
export function startingStep(kind: string, level: string | undefined): MediationStep {
  if (kind === 'industry' || kind === 'brand') return 'diverted';
  if (level === 'village') return 'on_site';
  return level === 'town' ? 'town_joint' : 'county_joint';
}
const STARTABLE = ['accepted', 'triaged'];
const REQUESTABLE = ['submitted', 'accepted', 'triaged'];

export function mediationService(deps: AppDeps, market: MarketplaceService) {
  const { db, clock, org } = deps;

  async function load(q: Q, viewer: Viewer, id: string, forUpdate = false): Promise<MediationView> {
    const m = await repo.mediation(q, viewer.countyId, id, forUpdate);
    if (!m) throw new HeweiError('NOT_FOUND');
    const c = (await casesRepository.loadCase(q, m.countyId, m.caseId))!;
    const links = await repo.links(q, m.countyId, m.id);
    const invited = await q
      .select({ userId: sessionParticipants.userId })
      .from(sessionParticipants)
      .innerJoin(
        mediationSessions,
        and(
          eq(mediationSessions.countyId, sessionParticipants.countyId),
          eq(mediationSessions.id, sessionParticipants.sessionId),
        ),
      )
      .where(and(eq(mediationSessions.countyId, m.countyId), eq(mediationSessions.mediationId, m.id)));
    const view = {
      m,
      c,
      links,
      participantUserIds: new Set(invited.map((r) => r.userId).filter((x): x is string => !!x)),
    };
    assertSee(viewer, view);
    return view;
  }

  const log = (
    q: Q,
    viewer: Viewer,
    m: MediationRow,
    type: string,
    data: object = {},
    sessionId: string | null = null,
  ) =>
    repo.appendEvent(q, {
      countyId: m.countyId,
      mediationId: m.id,
      at: clock.now(),
      type,
      actorId: viewer.userId,
      actorRole: viewer.role,
      actorName: viewer.displayName,
      sessionId,
      data,
    });

  async function notify(
    q: Q,
    countyId: string,
    caseId: string,
    userIds: string[],
    kind: string,
    payload: object,
  ) {
    const now = clock.now();
    const ids = [...new Set(userIds)];
    if (ids.length)
      await q.insert(notifications).values(
        ids.map((userId) => ({
          id: uuidv7(now.getTime()),
          countyId,
          userId,
          caseId,
          kind,
          payload,
          createdAt: now,
        })),
      );
  }

  /** The chosen mediators, checked against the marketplace's rules for this case. */
  async function checkChoice(c: CaseState, mediatorIds: string[], acknowledgeWarnings: boolean) {
    const ranked = await market.recommendForCase(c);
    return mediatorIds.map((id) => {
      const r = ranked.find((x) => x.mediator.id === id);
      if (!r)
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'mediatorIds',
          rule: 'UNKNOWN_MEDIATOR',
          params: { id },
        });
      if (!r.eligible)
        throw new HeweiError('RULE_VIOLATION', {
          rule: 'MEDIATOR_NOT_ELIGIBLE',
          params: { name: r.mediator.name, reason: r.excludedBecause.join('；') },
        });
      const warnings = r.conflicts.filter((x) => x.severity === 'warn');
      if (warnings.length && !acknowledgeWarnings)
        throw new HeweiError('RULE_VIOLATION', {
          rule: 'MEDIATOR_CONFLICT_DISCLOSE',
          params: { name: r.mediator.name, reason: warnings.map((w) => w.detail).join('；') },
        });
      return r;
    });
  }

  function organisationFor(
    organisationId: string | undefined,
    fallbackUser: string | undefined,
    profiles: Map<string, string | null>,
  ) {
    const id = organisationId ?? (fallbackUser ? profiles.get(fallbackUser) : undefined);
    const o = id ? org.mediationOrgs().find((x) => x.id === id) : undefined;
    if (!o) throw new HeweiError('VALIDATION_FAILED', { field: 'organisationId' });
    return o;
  }

  return {
    load,
    log,
    notify,

    /**
     * The applicant (for their own dispute) or a dispatcher picks an organisation and mediators.
     * A dispatcher's choice starts the mediation at once (the case enters in_mediation); an
     * applicant's waits for the dispatcher, who owns the queue.
     */
    async request(
      viewer: Viewer,
      input: {
        caseId: string;
        organisationId?: string;
        mediatorIds: string[];
        homeVisit?: boolean;
        acknowledgeWarnings?: boolean;
        note?: string;
      },
    ) {
      const c = await market.caseFor(viewer, input.caseId);
      const viaApplicant = viewer.role === 'resident';
      if (viaApplicant && !isApplicant(viewer, c)) throw new HeweiError('NOT_FOUND');
      if (!viaApplicant && !inQueue(viewer, c)) throw new HeweiError('FORBIDDEN', { rule: 'OUT_OF_SCOPE' });
      if (c.kind !== 'dispute') throw new HeweiError('RULE_VIOLATION', { rule: 'MEDIATION_DISPUTES_ONLY' });
      if (!(viaApplicant ? REQUESTABLE : STARTABLE).includes(c.status))
        throw new HeweiError('ILLEGAL_TRANSITION', { rule: `MEDIATION_FROM_${c.status.toUpperCase()}` });
      if (new Set(input.mediatorIds).size !== input.mediatorIds.length)
        throw new HeweiError('VALIDATION_FAILED', { field: 'mediatorIds', rule: 'DUPLICATE_MEDIATOR' });
      if (await repo.openMediationOfCase(db, c.countyId, c.id))
        throw new HeweiError('CONFLICT', { rule: 'MEDIATION_ALREADY_OPEN' });
      const chosen = await checkChoice(c, input.mediatorIds, input.acknowledgeWarnings === true);
      const profiles = new Map(
        (await repo.profiles(db, viewer.countyId, 'mediator')).map((p) => [p.userId, p.organisationId]),
      );
      const o = organisationFor(input.organisationId, input.mediatorIds[0], profiles);
      if (!c.regionPath.includes(o.regionId))
        throw new HeweiError('RULE_VIOLATION', {
          rule: 'ORGANISATION_OUT_OF_PLACE',
          params: { name: o.name },
        });
      const now = clock.now();
      const m: MediationRow = {
        countyId: c.countyId,
        id: uuidv7(now.getTime()),
        caseId: c.id,
        organisationId: o.id,
        status: viaApplicant ? 'requested' : 'active',
        step: startingStep(o.kind, org.region(o.regionId)?.level),
        requestedVia: viaApplicant ? 'applicant' : 'dispatcher',
        requestedBy: viewer.userId,
        homeVisit: input.homeVisit === true,
        outcome: null,
        outcomeNote: null,
        satisfaction: null,
        createdAt: now,
        startedAt: viaApplicant ? null : now,
        endedAt: null,
        version: 1,
      };
      try {
        await db.transaction(async (tx) => {
          await repo.insertMediation(tx, m);
          for (const [i, r] of chosen.entries())
            await repo.insertLink(tx, {
              countyId: m.countyId,
              mediationId: m.id,
              userId: r.mediator.id,
              role: i === 0 ? 'lead' : 'member',
              status: 'invited',
              chosenVia: viaApplicant ? 'applicant' : 'dispatcher',
              conflicts: r.conflicts,
              invitedAt: now,
              respondedAt: null,
              note: null,
            });
          await log(tx, viewer, m, 'mediation.requested', {
            organisationId: o.id,
            mediatorIds: input.mediatorIds,
            via: m.requestedVia,
            homeVisit: m.homeVisit,
            note: input.note ?? null,
            disclosedConflicts: chosen.flatMap((r) => r.conflicts.map((x) => x.detail)),
          });
          if (!viaApplicant)
            await transitionCase(
              deps,
              tx,
              viewer,
              c.countyId,
              c.id,
              'startMediation',
              input.note ? { note: input.note } : {},
            );
          await notify(tx, c.countyId, c.id, input.mediatorIds, 'mediation.invited', {
            mediationId: m.id,
            trackingCode: c.trackingCode,
          });
        });
      } catch (e) {
        const pg = e as { code?: string; cause?: { code?: string } };
        if (pg.code === '23505' || pg.cause?.code === '23505')
          throw new HeweiError('CONFLICT', { rule: 'MEDIATION_ALREADY_OPEN' });
        throw e;
      }
      return m.id;
    },

    /** The dispatcher opens a mediation the applicant asked for: the case enters in_mediation. */
    async start(viewer: Viewer, id: string, note?: string) {
      return db.transaction(async (tx) => {
        const view = await load(tx, viewer, id, true);
        assertOpen(view, 'requested');
        if (!inQueue(viewer, view.c)) throw new HeweiError('FORBIDDEN', { rule: 'OUT_OF_SCOPE' });
        await transitionCase(
          deps,
          tx,
          viewer,
          view.m.countyId,
          view.m.caseId,
          'startMediation',
          note ? { note } : {},
        );
        await repo.updateMediation(tx, view.m, { status: 'active', startedAt: clock.now() });
        await log(tx, viewer, view.m, 'mediation.started', { note: note ?? null });
      });
    },

    /** The invited mediator accepts or declines (with a reason). */
    async respond(viewer: Viewer, id: string, accept: boolean, note?: string) {
      return db.transaction(async (tx) => {
        const view = await load(tx, viewer, id, true);
        assertOpen(view, 'requested', 'active');
        const link = linkOf(viewer, view.links);
        if (!link || viewer.role !== 'mediator')
          throw new HeweiError('FORBIDDEN', { rule: 'NOT_MEDIATOR_OF_MEDIATION' });
        if (link.status !== 'invited') throw new HeweiError('RULE_VIOLATION', { rule: 'ALREADY_ANSWERED' });
        if (!accept && !note) throw new HeweiError('VALIDATION_FAILED', { field: 'note' });
        await repo.updateLink(tx, link, {
          status: accept ? 'accepted' : 'declined',
          respondedAt: clock.now(),
          note: note ?? null,
        });
        await log(tx, viewer, view.m, accept ? 'mediator.accepted' : 'mediator.declined', {
          note: note ?? null,
        });
        const tell = [
          view.m.requestedBy,
          ...view.links.filter((l) => l.status === 'accepted').map((l) => l.userId),
        ];
        await notify(
          tx,
          view.m.countyId,
          view.m.caseId,
          tell,
          accept ? 'mediation.mediator_accepted' : 'mediation.mediator_declined',
          {
            mediationId: id,
            mediatorId: viewer.userId,
          },
        );
      });
    },

    /** Several mediators per case (多对一): the dispatcher or an accepted mediator invites another. */
    async addMediator(viewer: Viewer, id: string, userId: string, acknowledgeWarnings: boolean) {
      const [r] = await checkChoice((await load(db, viewer, id)).c, [userId], acknowledgeWarnings);
      return db.transaction(async (tx) => {
        const view = await load(tx, viewer, id, true);
        assertOpen(view, 'requested', 'active');
        assertManager(viewer, view);
        if (view.links.some((l) => l.userId === userId && l.status !== 'declined'))
          throw new HeweiError('CONFLICT', { rule: 'MEDIATOR_ALREADY_ON_CASE' });
        await repo.insertLink(tx, {
          countyId: view.m.countyId,
          mediationId: id,
          userId,
          role: 'member',
          status: 'invited',
          chosenVia: viewer.role === 'dispatcher' ? 'dispatcher' : 'mediator',
          conflicts: r.conflicts,
          invitedAt: clock.now(),
          respondedAt: null,
          note: null,
        });
        await log(tx, viewer, view.m, 'mediator.invited', { userId });
        await notify(tx, view.m.countyId, view.m.caseId, [userId], 'mediation.invited', { mediationId: id });
      });
    },

    /** A step failed: the dispute climbs the five-step ladder; from county joint it is referred instead. */
    async escalateStep(viewer: Viewer, id: string, reason: string, organisationId?: string) {
      return db.transaction(async (tx) => {
        const view = await load(tx, viewer, id, true);
        assertOpen(view, 'active');
        assertManager(viewer, view);
        return climb(tx, viewer, view, reason, organisationId);
      });
    },

    /** Agreement (needs an effective agreement) or failure; the case moves on through the lifecycle. */
    async recordOutcome(
      viewer: Viewer,
      id: string,
      outcome: 'agreement' | 'failed',
      note: string,
      hasEffectiveAgreement: (q: Q) => Promise<boolean>,
    ) {
      return db.transaction(async (tx) => {
        const view = await load(tx, viewer, id, true);
        assertOpen(view, 'active');
        assertMediator(viewer, view);
        if (outcome === 'agreement' && !(await hasEffectiveAgreement(tx)))
          throw new HeweiError('RULE_VIOLATION', { rule: 'AGREEMENT_NOT_EFFECTIVE' });
        await conclude(tx, viewer, view, outcome, note);
      });
    },

    conclude,
    climb,

    async rate(viewer: Viewer, id: string, satisfaction: number) {
      return db.transaction(async (tx) => {
        const view = await load(tx, viewer, id, true);
        if (!isApplicant(viewer, view.c)) throw new HeweiError('FORBIDDEN');
        if (view.m.status !== 'concluded')
          throw new HeweiError('RULE_VIOLATION', { rule: 'MEDIATION_NOT_CONCLUDED' });
        if (view.m.satisfaction !== null) throw new HeweiError('CONFLICT', { rule: 'ALREADY_RATED' });
        await repo.updateMediation(tx, view.m, { satisfaction });
        await log(tx, viewer, view.m, 'mediation.rated', { satisfaction });
      });
    },

    async list(viewer: Viewer, caseId?: string) {
      if (caseId) {
        const c = await market.caseFor(viewer, caseId);
        return repo.mediationsOfCase(db, c.countyId, c.id);
      }
      if (['mediator', 'expert', 'counsellor'].includes(viewer.role))
        return (await repo.mediationsOfUser(db, viewer.countyId, viewer.userId))
          .filter((x) => x.link.status !== 'withdrawn')
          .map((x) => x.m);
      if (viewer.role === 'dispatcher' || viewer.role === 'admin') return openMediationsInQueue(db, viewer);
      throw new HeweiError('VALIDATION_FAILED', { field: 'caseId' });
    },

    async usersOf(ids: string[]) {
      return repo.users(db, ids);
    },

    async sessionIdsOf(q: Q, countyId: string, mediationId: string) {
      return (
        await q
          .select({ id: mediationSessions.id })
          .from(mediationSessions)
          .where(
            and(eq(mediationSessions.countyId, countyId), eq(mediationSessions.mediationId, mediationId)),
          )
      ).map((r) => r.id);
    },

    async mediatorIdsAccepted(q: Q, m: MediationRow) {
      return (await repo.links(q, m.countyId, m.id))
        .filter((l) => l.status === 'accepted')
        .map((l) => l.userId);
    },

    async openSessionsIn(q: Q, countyId: string, ids: string[]) {
      if (!ids.length) return [];
      return q
        .select()
        .from(mediationSessions)
        .where(and(eq(mediationSessions.countyId, countyId), inArray(mediationSessions.id, ids)));
    },
  };

  async function climb(tx: Tx, viewer: Viewer, view: MediationView, reason: string, organisationId?: string) {
    const next = nextStep(view.m.step as MediationStep);
    if (next === null || !isMediationStage(next))
      throw new HeweiError('RULE_VIOLATION', { rule: 'LADDER_TOP_REFER' });
    const o = organisationId
      ? org.mediationOrgs().find((x) => x.id === organisationId && x.countyId === view.m.countyId)
      : undefined;
    if (organisationId && (!o || !view.c.regionPath.includes(o.regionId)))
      throw new HeweiError('VALIDATION_FAILED', { field: 'organisationId' });
    await repo.updateMediation(tx, view.m, { step: next, ...(o ? { organisationId: o.id } : {}) });
    await log(tx, viewer, view.m, 'mediation.step_escalated', {
      from: view.m.step,
      to: next,
      reason,
      organisationId: o?.id ?? null,
    });
    return next;
  }

  async function conclude(
    tx: Tx,
    viewer: Viewer,
    view: MediationView,
    outcome: 'agreement' | 'failed' | 'referred',
    note: string,
  ) {
    if (!holdsRelation(view.c, viewer, 'scope')) throw new HeweiError('FORBIDDEN', { rule: 'OUT_OF_SCOPE' });
    await transitionCase(deps, tx, viewer, view.m.countyId, view.m.caseId, 'recordMediationOutcome', {
      outcome,
      note,
    });
    await repo.updateMediation(tx, view.m, {
      status: 'concluded',
      outcome,
      outcomeNote: note,
      endedAt: clock.now(),
    });
    await log(tx, viewer, view.m, 'mediation.concluded', { outcome, note });
    await notify(
      tx,
      view.m.countyId,
      view.m.caseId,
      view.c.applicantUserId ? [view.c.applicantUserId] : [],
      'mediation.concluded',
      {
        mediationId: view.m.id,
        outcome,
      },
    );
  }
}

export type MediationService = ReturnType<typeof mediationService>;
