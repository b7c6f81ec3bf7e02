import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import { agreementsRoutes } from './agreements.routes.ts';
import { agreementsService } from './agreements.service.ts';
import { courtService } from './court.service.ts';
import { documentsService } from './documents.service.ts';
import { marketplaceService } from './marketplace.service.ts';
import { mediationActions } from './mediation.policy.ts';
import {
  eventSchema,
  mediationSchema,
  presentEvent,
  presentMediation,
  presentRecommendation,
  recommendationSchema,
} from './mediation.presenter.ts';
import { mediationRepository } from './mediation.repository.ts';
import { mediationService } from './mediation.service.ts';
import { roomRoutes } from './room.ts';
import { sessionsRoutes } from './sessions.routes.ts';
import { sessionsService } from './sessions.service.ts';

const id = z.string().min(1).max(64);
const ok = { 200: z.object({ ok: z.literal(true) }) };
const POOL = z.enum(['mediator', 'expert', 'counsellor']);

/** Everything mediation serves: the marketplace, mediations, sessions and the room, agreements, the court. */
export function mediationRoutes(app: FastifyInstance, deps: AppDeps) {
  const market = marketplaceService(deps);
  const mediations = mediationService(deps, market);
  const documents = documentsService(deps, mediations);
  const agreements = agreementsService(deps, mediations, documents);
  const court = courtService(deps, mediations, agreements, documents);
  const sessions = sessionsService(deps, mediations);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { access: 'signed_in' as const };
  const locale = (req: FastifyRequest) => localeOf(req.headers['accept-language']);

  async function present(req: FastifyRequest, mediationId: string) {
    const viewer = viewerOf(req);
    const view = await mediations.load(deps.db, viewer, mediationId);
    const users = await mediations.usersOf(view.links.map((l) => l.userId));
    return presentMediation(
      view.m,
      view.c,
      view.links,
      users,
      deps.org,
      locale(req),
      mediationActions(viewer, view),
    );
  }

  r.get(
    '/api/v1/mediation/organisations',
    {
      config: signedIn,
      schema: {
        tags: ['mediation'],
        summary: 'Mediation organisations serving a place, best specialty match first.',
        querystring: z.object({
          caseId: id.optional(),
          category: z.string().max(40).optional(),
          regionId: id.optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                kind: z.string(),
                regionId: z.string(),
                specialties: z.array(z.string()),
                address: z.string().nullable(),
                description: z.string().nullable(),
                mediatorCount: z.number(),
                availableCount: z.number(),
                score: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const viewer = viewerOf(req);
      let { category, regionId } = req.query;
      if (req.query.caseId) {
        const c = await market.caseFor(viewer, req.query.caseId);
        category = market.specialtyOf(c.categoryCode);
        regionId = c.regionPath.at(-1);
      }
      const items = await market.organisations(viewer.countyId, { category, regionId });
      return {
        items: items.map((x) => ({
          id: x.org.id,
          name: locale(req) === 'en' ? x.org.nameEn : x.org.name,
          kind: x.org.kind,
          regionId: x.org.regionId,
          specialties: x.specialties,
          address: x.profile?.address ?? null,
          description: x.profile?.description ?? null,
          mediatorCount: x.mediatorCount,
          availableCount: x.availableCount,
          score: x.score,
        })),
      };
    },
  );

  r.get(
    '/api/v1/mediation/marketplace',
    {
      config: signedIn,
      schema: {
        tags: ['mediation'],
        summary:
          'Mediators (or an expert or counsellor pool) ranked for a case or by specialty and place, with the reasons and any conflict of interest.',
        querystring: z.object({
          caseId: id.optional(),
          kind: POOL.default('mediator'),
          category: z.string().max(40).optional(),
          regionId: id.optional(),
        }),
        response: { 200: z.object({ items: z.array(recommendationSchema) }) },
      },
    },
    async (req) => {
      const viewer = viewerOf(req);
      const rows = new Map(
        (await mediationRepository.profiles(deps.db, viewer.countyId, req.query.kind)).map((p) => [
          p.userId,
          p,
        ]),
      );
      const ranked = req.query.caseId
        ? await market.recommendForCase(await market.caseFor(viewer, req.query.caseId), req.query.kind)
        : (await market.browse(viewer.countyId, req.query.kind, req.query)).map((x) => x.rec);
      return {
        items: ranked.map((x) =>
          presentRecommendation(x, rows.get(x.mediator.id)!, deps.org, locale(req), market.specialtyName),
        ),
      };
    },
  );

  const profileBody = z.object({
    organisationId: id.nullable().optional(),
    regionId: id.optional(),
    specialties: z.array(z.string().min(1).max(40)).max(30),
    languages: z.array(z.string().min(1).max(20)).max(10),
    expertKind: z.string().max(40).nullable().optional(),
    title: z.string().max(60).nullable().optional(),
    bio: z.string().max(2000).nullable().optional(),
    villageCommitteeId: id.nullable().optional(),
    relatives: z
      .array(
        z.object({
          name: z.string().min(1).max(60),
          idNumber: z.string().max(30).optional(),
          relation: z.string().min(1).max(20),
        }),
      )
      .max(30)
      .optional(),
    capacity: z.number().int().min(1).max(200).optional(),
    available: z.boolean().optional(),
  });
  r.put(
    '/api/v1/mediation/people/:userId',
    {
      config: { access: ['admin', 'mediator', 'expert', 'counsellor'] },
      schema: {
        tags: ['mediation'],
        summary:
          'A mediator’s, expert’s or counsellor’s marketplace profile (administrator, or the person for availability, languages and bio).',
        params: z.object({ userId: id }),
        body: profileBody,
        response: { 200: z.object({ userId: z.string(), kind: z.string(), available: z.boolean() }) },
      },
    },
    async (req) => {
      const row = await market.saveProfile(viewerOf(req), req.params.userId, req.body);
      return { userId: row.userId, kind: row.kind, available: row.available };
    },
  );

  const orgBody = z.object({
    specialties: z.array(z.string().min(1).max(40)).max(30),
    address: z.string().max(200).optional(),
    phone: z.string().max(40).optional(),
    description: z.string().max(2000).optional(),
  });
  r.post(
    '/api/v1/mediation/organisations',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['mediation'],
        summary: 'A new organisation: committee, village room, industry or brand room (e.g. 老牛说理).',
        body: orgBody.extend({
          name: z.string().min(2).max(80),
          nameEn: z.string().min(2).max(120),
          kind: z.enum(['committee', 'room', 'industry', 'brand']),
          regionId: id,
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await market.createOrganisation(viewerOf(req), req.body) }),
  );
  r.put(
    '/api/v1/mediation/organisations/:id',
    {
      config: { access: ['admin'] },
      schema: { tags: ['mediation'], params: z.object({ id }), body: orgBody, response: ok },
    },
    async (req) => {
      await market.saveOrganisationProfile(viewerOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  const statsItem = z.object({
    key: z.string(),
    name: z.string(),
    total: z.number(),
    inProgress: z.number(),
    concluded: z.number(),
    succeeded: z.number(),
    failed: z.number(),
    referred: z.number(),
    withdrawn: z.number(),
    successRate: z.number().nullable(),
    meanDurationDays: z.number().nullable(),
    withinTimeLimitRate: z.number().nullable(),
    meanSatisfaction: z.number().nullable(),
    satisfactionCount: z.number(),
    satisfiedRate: z.number().nullable(),
  });
  r.get(
    '/api/v1/mediation/stats',
    {
      config: { access: ['mediator', 'dispatcher', 'supervisor', 'leader', 'admin'] },
      schema: {
        tags: ['mediation'],
        summary: 'Cases, success rate, duration and satisfaction per mediator or per organisation.',
        querystring: z.object({ by: z.enum(['mediator', 'organisation']).default('mediator') }),
        response: { 200: z.object({ items: z.array(statsItem) }) },
      },
    },
    async (req) => ({ items: await market.stats(viewerOf(req).countyId, req.query.by) }),
  );

  r.post(
    '/api/v1/mediations',
    {
      config: { access: ['resident', 'dispatcher'] },
      schema: {
        tags: ['mediation'],
        summary:
          'Pick an organisation and mediators for a dispute: the applicant asks (the dispatcher then starts it), or a dispatcher starts it at once.',
        body: z.object({
          caseId: id,
          organisationId: id.optional(),
          mediatorIds: z.array(id).min(1).max(5),
          homeVisit: z.boolean().optional(),
          acknowledgeWarnings: z.boolean().optional(),
          note: z.string().max(2000).optional(),
        }),
        response: { 201: mediationSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await present(req, await mediations.request(viewerOf(req), req.body))),
  );

  r.get(
    '/api/v1/mediations',
    {
      config: signedIn,
      schema: {
        tags: ['mediation'],
        summary: 'The mediations of a case, or the viewer’s own (mediation desk).',
        querystring: z.object({ caseId: id.optional() }),
        response: { 200: z.object({ items: z.array(mediationSchema) }) },
      },
    },
    async (req) => {
      const rows = await mediations.list(viewerOf(req), req.query.caseId);
      return { items: await Promise.all(rows.map((m) => present(req, m.id))) };
    },
  );

  r.get(
    '/api/v1/mediations/:id',
    {
      config: signedIn,
      schema: { tags: ['mediation'], params: z.object({ id }), response: { 200: mediationSchema } },
    },
    async (req) => present(req, req.params.id),
  );

  r.get(
    '/api/v1/mediations/:id/timeline',
    {
      config: signedIn,
      schema: {
        tags: ['mediation'],
        summary: 'The mediation’s own timeline, chat included.',
        params: z.object({ id }),
        response: { 200: z.object({ items: z.array(eventSchema) }) },
      },
    },
    async (req) => {
      const view = await mediations.load(deps.db, viewerOf(req), req.params.id);
      return {
        items: (await mediationRepository.events(deps.db, view.m.countyId, view.m.id)).map(presentEvent),
      };
    },
  );

  const act = (
    path: string,
    access: readonly ('dispatcher' | 'mediator' | 'resident')[],
    body: z.ZodType,
    run: (viewer: ReturnType<typeof viewerOf>, id: string, body: any) => Promise<unknown>,
    summary: string,
  ) =>
    r.post(
      `/api/v1/mediations/:id/${path}`,
      {
        config: { access },
        schema: {
          tags: ['mediation'],
          summary,
          params: z.object({ id }),
          body,
          response: { 200: mediationSchema },
        },
      },
      async (req) => {
        await run(viewerOf(req), req.params.id, req.body);
        return present(req, req.params.id);
      },
    );

  const note = z.object({ note: z.string().max(2000).optional() });
  act(
    'start',
    ['dispatcher'],
    note,
    (v, id, b) => mediations.start(v, id, b.note),
    'The dispatcher starts a mediation the applicant asked for.',
  );
  act(
    'accept',
    ['mediator'],
    note,
    (v, id, b) => mediations.respond(v, id, true, b.note),
    'The invited mediator accepts.',
  );
  act(
    'decline',
    ['mediator'],
    z.object({ note: z.string().min(1).max(2000) }),
    (v, id, b) => mediations.respond(v, id, false, b.note),
    'The invited mediator declines, with a reason.',
  );
  act(
    'mediators',
    ['dispatcher', 'mediator'],
    z.object({ userId: id, acknowledgeWarnings: z.boolean().optional() }),
    (v, id, b) => mediations.addMediator(v, id, b.userId, b.acknowledgeWarnings === true),
    'Invite another mediator (多对一).',
  );
  act(
    'escalate-step',
    ['dispatcher', 'mediator'],
    z.object({ reason: z.string().min(1).max(2000), organisationId: id.optional() }),
    (v, id, b) => mediations.escalateStep(v, id, b.reason, b.organisationId),
    'The step failed: one step up the five-step ladder.',
  );
  act(
    'outcome',
    ['mediator'],
    z.object({ outcome: z.enum(['agreement', 'failed']), note: z.string().min(1).max(4000) }),
    (v, id, b) =>
      mediations.recordOutcome(v, id, b.outcome, b.note, async (q) => {
        const rows = await mediationRepository.agreementsOf(q, v.countyId, id);
        return rows.some((a) => a.effectiveAt && !a.supersededById);
      }),
    'The mediation’s outcome; the case moves on through the lifecycle.',
  );
  act(
    'rate',
    ['resident'],
    z.object({ satisfaction: z.number().int().min(1).max(5) }),
    (v, id, b) => mediations.rate(v, id, b.satisfaction),
    'The applicant rates the mediation.',
  );

  sessionsRoutes(app, deps, sessions);
  agreementsRoutes(app, deps, { agreements, court, documents });
  roomRoutes(app, deps);
}
