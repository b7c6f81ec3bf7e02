// The marketplace's routes: organisations and mediators (or an expert or counsellor pool) ranked for a
// case or by specialty and place, the people's and organisations' profiles, and the statistics.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import type { MarketplaceService } from './marketplace.service.ts';
import { presentRecommendation, recommendationSchema } from './mediation.presenter.ts';
import { mediationRepository } from './mediation.repository.ts';

const id = z.string().min(1).max(64);
const ok = { 200: z.object({ ok: z.literal(true) }) };
const POOL = z.enum(['mediator', 'expert', 'counsellor']);

export function marketplaceRoutes(app: FastifyInstance, deps: AppDeps, market: MarketplaceService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { access: 'signed_in' as const };
  const locale = (req: FastifyRequest) => localeOf(req.headers['accept-language']);

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
}
