import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { presentSession, sessionSchema } from './mediation.presenter.ts';
import { mediationRepository } from './mediation.repository.ts';
import { iceServers, resolveParticipant } from './room.ts';
import type { SessionsService } from './sessions.service.ts';

const id = z.string().min(1).max(64);
const linkSchema = z.object({
  participantId: z.string(),
  kind: z.string(),
  name: z.string(),
  link: z.string(),
});

export function sessionsRoutes(app: FastifyInstance, deps: AppDeps, sessions: SessionsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const mediatorOnly = { access: ['mediator'] as const };

  r.post(
    '/api/v1/mediations/:id/sessions',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary:
          'Schedule a session in person or by video; parties and mediators are invited, experts, counsellors or a judge too; reminders are written with it. Invitation links are shown once.',
        params: z.object({ id }),
        body: z.object({
          mode: z.enum(['in_person', 'video']),
          scheduledAt: z.iso.datetime({ offset: true }),
          durationMinutes: z.number().int().min(10).max(480).default(60),
          place: z.string().max(200).optional(),
          inviteUserIds: z.array(id).max(10).default([]),
          guests: z
            .array(
              z.object({
                kind: z.enum(['expert', 'counsellor', 'judge', 'observer']),
                name: z.string().min(1).max(60),
              }),
            )
            .max(10)
            .default([]),
        }),
        response: { 201: z.object({ session: sessionSchema, links: z.array(linkSchema) }) },
      },
    },
    async (req, reply) => {
      const origin = `${req.protocol}://${req.host}`;
      const { session, links } = await sessions.schedule(viewerOf(req), req.params.id, req.body, origin);
      const ps = await mediationRepository.participants(deps.db, session.countyId, session.id);
      return reply.status(201).send({ session: presentSession(session, ps), links });
    },
  );

  r.get(
    '/api/v1/mediations/:id/sessions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['mediation'],
        params: z.object({ id }),
        response: { 200: z.object({ items: z.array(sessionSchema) }) },
      },
    },
    async (req) => ({
      items: (await sessions.list(viewerOf(req), req.params.id)).map((x) =>
        presentSession(x.s, x.participants),
      ),
    }),
  );

  r.post(
    '/api/v1/mediation/sessions/:sessionId/invite',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary:
          'Invite an expert, counsellor or judge, even while the session runs; people without an account get a link.',
        params: z.object({ sessionId: id }),
        body: z.object({
          userId: id.optional(),
          kind: z.enum(['expert', 'counsellor', 'judge', 'observer']).optional(),
          name: z.string().max(60).optional(),
        }),
        response: { 201: linkSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await sessions.invite(viewerOf(req), req.params.sessionId, req.body)),
  );

  r.post(
    '/api/v1/mediation/sessions/:sessionId/participants/:participantId/link',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary: 'A fresh invitation link; the old one stops working.',
        params: z.object({ sessionId: id, participantId: id }),
        response: { 200: z.object({ link: z.string() }) },
      },
    },
    async (req) => ({
      link: await sessions.reissueLink(viewerOf(req), req.params.sessionId, req.params.participantId),
    }),
  );

  r.post(
    '/api/v1/mediation/sessions/:sessionId/minutes',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary: 'Minutes and the step’s outcome; a failed step climbs the five-step ladder.',
        params: z.object({ sessionId: id }),
        body: z.object({
          minutes: z.string().trim().min(1).max(20000),
          outcome: z.enum(['agreement', 'continued', 'failed']),
        }),
        response: { 200: z.object({ step: z.string(), outcome: z.string() }) },
      },
    },
    async (req) => sessions.recordMinutes(viewerOf(req), req.params.sessionId, req.body),
  );

  r.post(
    '/api/v1/mediation/sessions/:sessionId/cancel',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        params: z.object({ sessionId: id }),
        body: z.object({ reason: z.string().min(1).max(2000) }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await sessions.cancel(viewerOf(req), req.params.sessionId, req.body.reason);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/mediation/rooms/:sessionId',
    {
      // a guest with a link has no account: the token admits them
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['mediation'],
        summary:
          'What the room page needs before it connects: who you are in it, the session, the ICE servers.',
        params: z.object({ sessionId: id }),
        querystring: z.object({ token: z.string().max(100).optional() }),
        response: {
          200: z.object({
            session: z.object({
              id: z.string(),
              mode: z.string(),
              status: z.string(),
              scheduledAt: z.string(),
              recording: z.string(),
            }),
            you: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
            iceServers: z.array(
              z.object({
                urls: z.union([z.string(), z.array(z.string())]),
                username: z.string().optional(),
                credential: z.string().optional(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const { p, s } = await resolveParticipant(deps, req.params.sessionId, req.query.token, req.viewer);
      return {
        session: {
          id: s.id,
          mode: s.mode,
          status: s.status,
          scheduledAt: s.scheduledAt.toISOString(),
          recording: s.recording,
        },
        you: { id: p.id, name: p.name, kind: p.kind },
        iceServers: iceServers(),
      };
    },
  );
}
