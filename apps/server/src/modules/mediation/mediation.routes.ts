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
import { marketplaceRoutes } from './marketplace.routes.ts';
import { marketplaceService } from './marketplace.service.ts';
import { mediationActions } from './mediation.policy.ts';
import { eventSchema, mediationSchema, presentEvent, presentMediation } from './mediation.presenter.ts';
import { mediationRepository } from './mediation.repository.ts';
import { mediationService } from './mediation.service.ts';
import { respondentSchema } from './respondent.ts';
import { roomRoutes } from './room.ts';
import { sessionsRoutes } from './sessions.routes.ts';
import { sessionsService } from './sessions.service.ts';

const id = z.string().min(1).max(64);

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

  marketplaceRoutes(app, deps, market);

  r.post(
    '/api/v1/mediations',
    {
      config: { access: ['resident', 'dispatcher'] },
      schema: {
        tags: ['mediation'],
        summary:
          'Pick an organisation and mediators for a dispute: the applicant asks (the dispatcher then starts it), or a dispatcher starts it at once. An applicant who raised the dispute alone names the other party (respondent) here.',
        body: z.object({
          caseId: id,
          organisationId: id.optional(),
          mediatorIds: z.array(id).min(1).max(5),
          homeVisit: z.boolean().optional(),
          acknowledgeWarnings: z.boolean().optional(),
          note: z.string().max(2000).optional(),
          respondent: respondentSchema.optional(),
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
