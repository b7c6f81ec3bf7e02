// The mediation record of a case: chosen in the marketplace (by the applicant or a dispatcher),
// accepted or declined by the mediators, started (the case enters in_mediation), moved up the
// five-step ladder, and concluded with its outcome through the case lifecycle.
import { HeweiError, type MediationStep } from '@hewei/domain';
import type { Db, Tx } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { partiesOf, transitionCase } from './case-link.ts';
import { mediationQueries } from './desk.queries.ts';
import type { MarketplaceService } from './marketplace.service.ts';
import { mediationCore } from './mediation.core.ts';
import {
  assertManager,
  assertMediator,
  assertOpen,
  inQueue,
  isApplicant,
  linkOf,
} from './mediation.policy.ts';
import { type MediationRow, mediationRepository as repo } from './mediation.repository.ts';
import { addRespondent, checkRespondent, type RespondentInput } from './respondent.ts';

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
  const { load, log, notify, checkChoice, organisationFor, climb, conclude } = mediationCore(deps, market);

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
        /** the other party, when the applicant raised the dispute alone */
        respondent?: RespondentInput;
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
      const parties = await partiesOf(deps, db, c.countyId, c.id);
      const named = checkRespondent(viewer, parties, input.respondent);
      const chosen = await checkChoice(c, input.mediatorIds, input.acknowledgeWarnings === true, named);
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
          if (input.respondent) await addRespondent(deps, tx, viewer, c, parties, input.respondent);
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
            respondentNamed: !!input.respondent,
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

    ...mediationQueries(deps, market),
  };
}

export type MediationService = ReturnType<typeof mediationService>;
