// The shared core of the mediation services: loading a mediation with its case and mediators (and
// the viewer's right to see it), its own timeline and notices, the marketplace's check of a choice,
// and the two ways a mediation moves on (one step up the ladder, concluded through the case lifecycle).
import {
  type CaseState,
  HeweiError,
  holdsRelation,
  isMediationStage,
  type MediationStep,
  nextStep,
} from '@hewei/domain';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { mediationSessions, notifications, sessionParticipants } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { transitionCase } from './case-link.ts';
import type { MarketplaceService } from './marketplace.service.ts';
import { assertSee, type MediationView } from './mediation.policy.ts';
import { type MediationRow, mediationRepository as repo } from './mediation.repository.ts';

type Q = Db | Tx;

export function mediationCore(deps: AppDeps, market: MarketplaceService) {
  const { clock, org } = deps;

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
  async function checkChoice(
    c: CaseState,
    mediatorIds: string[],
    acknowledgeWarnings: boolean,
    extraParties: { name: string }[] = [],
  ) {
    const ranked = await market.recommendForCase(c, 'mediator', extraParties);
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

  return { load, log, notify, checkChoice, organisationFor, climb, conclude };
}
