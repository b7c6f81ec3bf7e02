import { submitCaseSchema, USER_ACTIONS } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import {
  caseSchema,
  caseSummarySchema,
  presentCase,
  presentRow,
  timelineItemSchema,
} from './cases.presenter.ts';
import { listCases, listQuerySchema } from './cases.queries.ts';
import { casesService } from './cases.service.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });

export function casesRoutes(app: FastifyInstance, deps: AppDeps, service = casesService(deps)) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { access: 'signed_in' as const };

  async function present(
    state: Awaited<ReturnType<typeof service.get>>,
    req: { headers: Record<string, any> },
    viewer: ReturnType<typeof viewerOf> | null,
  ) {
    const parties = await service.parties(state);
    const allowed = viewer ? service.allowedActions(state, viewer) : [];
    return presentCase(
      state,
      parties,
      allowed,
      deps.org,
      localeOf(req.headers['accept-language']),
      deps.clock.now(),
    );
  }

  r.post(
    '/api/v1/cases',
    {
      config: { access: 'public' },
      schema: {
        tags: ['cases'],
        summary: 'Bring a matter in (any channel). Idempotent with an Idempotency-Key header.',
        headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }),
        body: submitCaseSchema,
        response: { 200: caseSchema, 201: caseSchema },
      },
    },
    async (req, reply) => {
      const { state, replayed } = await service.submit(req.viewer, req.body, req.headers['idempotency-key']);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(replayed ? 200 : 201).send(await present(state, req, req.viewer));
    },
  );

  r.get(
    '/api/v1/cases',
    {
      config: signedIn,
      schema: {
        tags: ['cases'],
        querystring: listQuerySchema,
        response: { 200: z.object({ items: z.array(caseSummarySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const now = deps.clock.now();
      const { items, nextCursor } = await listCases(deps.db, viewerOf(req), req.query, now);
      const locale = localeOf(req.headers['accept-language']);
      return { items: items.map((row) => presentRow(row, deps.org, locale, now)), nextCursor };
    },
  );

  r.get(
    '/api/v1/cases/:id',
    { config: signedIn, schema: { tags: ['cases'], params: idParams, response: { 200: caseSchema } } },
    async (req) => {
      const viewer = viewerOf(req);
      return present(await service.get(viewer, req.params.id), req, viewer);
    },
  );

  r.get(
    '/api/v1/cases/:id/timeline',
    {
      config: signedIn,
      schema: {
        tags: ['cases'],
        params: idParams,
        response: { 200: z.object({ items: z.array(timelineItemSchema) }) },
      },
    },
    async (req) => {
      const rows = await service.timeline(viewerOf(req), req.params.id);
      return {
        items: rows.map(({ event: e, actorName }) => ({
          seq: e.seq,
          type: e.type,
          at: e.at.toISOString(),
          actor: { id: e.actorId, name: actorName ?? e.actorId, role: e.actorRole },
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          reason: e.reason,
          data: publicData(e.type, e.data as Record<string, unknown>),
        })),
      };
    },
  );

  r.post(
    '/api/v1/cases/:id/actions/:action',
    {
      config: signedIn,
      schema: {
        tags: ['cases'],
        summary:
          'Take one step of the lifecycle; the body carries the case version read and the step’s fields.',
        params: idParams.extend({ action: z.enum(USER_ACTIONS as [string, ...string[]]) }),
        body: z.looseObject({ version: z.number().int().min(1) }),
        response: { 200: caseSchema },
      },
    },
    async (req) => {
      const viewer = viewerOf(req);
      const state = await service.act(viewer, req.params.id, req.params.action as never, req.body);
      return present(state, req, viewer);
    },
  );

  r.post(
    '/api/v1/cases/:id/parties/:partyId/reveal',
    {
      // any signed-in viewer reaches the service, so an unseen case is 404 for everyone
      config: { access: 'signed_in' },
      schema: {
        tags: ['cases'],
        summary: 'Show one masked personal field in full; every reveal is recorded.',
        params: idParams.extend({ partyId: z.string().min(1).max(64) }),
        body: z.object({ field: z.enum(['phone', 'idNumber']) }),
        response: { 200: z.object({ value: z.string().nullable() }) },
      },
    },
    async (req) => ({
      value: await service.reveal(viewerOf(req), req.params.id, req.params.partyId, req.body.field),
    }),
  );

  r.get(
    '/api/v1/track',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['cases'],
        summary: 'A resident follows a case with its tracking code and the last four digits of the phone.',
        querystring: z.object({ code: z.string().min(4).max(40), phone4: z.string().regex(/^\d{4}$/) }),
        response: {
          200: z.object({
            trackingCode: z.string(),
            status: z.string(),
            kind: z.string(),
            categoryName: z.string(),
            createdAt: z.string(),
            closedAt: z.string().nullable(),
            timeline: z.array(z.object({ type: z.string(), at: z.string(), toStatus: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      const { state, timeline } = await service.track(req.query.code, req.query.phone4);
      const locale = localeOf(req.headers['accept-language']);
      const cat = deps.org.category(state.categoryCode);
      return {
        trackingCode: state.trackingCode,
        status: state.status,
        kind: state.kind,
        categoryName: cat ? (locale === 'en' ? cat.nameEn : cat.name) : '',
        createdAt: state.createdAt,
        closedAt: state.closedAt,
        timeline: timeline
          .filter(({ event }) => event.type !== 'case.handled')
          .map(({ event }) => ({ type: event.type, at: event.at.toISOString(), toStatus: event.toStatus })),
      };
    },
  );
}

/** What of an event's data a viewer of the timeline sees: never the whole case snapshot. */
function publicData(type: string, data: Record<string, unknown>) {
  if (type === 'case.submitted') return {};
  return data;
}
