import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import type { InfoRequestRow } from './info-requests.repository.ts';
import { infoRequestsService } from './info-requests.service.ts';

const infoRequestSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  question: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  expiresAt: z.string(),
  answeredAt: z.string().nullable(),
  state: z.enum(['open', 'answered', 'expired']),
});
const present = (r: InfoRequestRow, now: Date) => ({
  id: r.id,
  caseId: r.caseId,
  question: r.question,
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  answeredAt: r.answeredAt?.toISOString() ?? null,
  state: r.answeredAt ? ('answered' as const) : r.expiresAt <= now ? ('expired' as const) : ('open' as const),
});
const caseParams = z.object({ id: z.string().min(1).max(64) });
const tokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});
const publicLimited = { access: 'public' as const, rateLimit: { max: 30, timeWindow: '1 minute' } };
const tags = ['info-requests'];

/** Asking the resident for more information through an expiring, single-use link. */
export function infoRequestsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = infoRequestsService(deps);

  r.post(
    '/api/v1/cases/:id/info-requests',
    {
      // signed in, then the case's visibility (404) before the role (403): see the service
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Ask the resident for more information: the link is texted to them and shown once here.',
        params: caseParams,
        body: z.object({
          question: z.string().trim().min(2).max(1000),
          expiresInHours: z.number().int().min(1).max(720).default(72),
        }),
        response: { 201: infoRequestSchema.extend({ link: z.string(), smsSent: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const { row, link, smsSent } = await service.ask(
        viewerOf(req),
        req.params.id,
        req.body.question,
        req.body.expiresInHours,
        `${req.protocol}://${req.host}`,
      );
      return reply.status(201).send({ ...present(row, deps.clock.now()), link, smsSent });
    },
  );

  r.get(
    '/api/v1/cases/:id/info-requests',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        params: caseParams,
        response: { 200: z.object({ items: z.array(infoRequestSchema) }) },
      },
    },
    async (req) => {
      const now = deps.clock.now();
      return { items: (await service.list(viewerOf(req), req.params.id)).map((x) => present(x, now)) };
    },
  );

  r.get(
    '/api/v1/info-requests/:token',
    {
      config: publicLimited,
      schema: {
        tags,
        summary: 'What the resident sees behind the link (no sign-in); a used or expired link is refused.',
        params: tokenParams,
        response: {
          200: z.object({
            question: z.string(),
            categoryName: z.string(),
            requestedAt: z.string(),
            expiresAt: z.string(),
          }),
        },
      },
    },
    async (req) => {
      const { row, categoryCode } = await service.show(req.params.token);
      const cat = deps.org.category(categoryCode);
      const en = localeOf(req.headers['accept-language']) === 'en';
      return {
        question: row.question,
        categoryName: cat ? (en ? cat.nameEn : cat.name) : '',
        requestedAt: row.requestedAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
      };
    },
  );

  r.post(
    '/api/v1/info-requests/:token/answer',
    {
      config: publicLimited,
      schema: {
        tags,
        summary: 'The resident answers once; the answer joins the case timeline.',
        params: tokenParams,
        body: z.object({ answer: z.string().trim().min(1).max(4000) }),
        response: { 200: z.object({ answeredAt: z.string() }) },
      },
    },
    async (req) => {
      const { answeredAt } = await service.answer(req.params.token, req.body.answer);
      return { answeredAt: answeredAt.toISOString() };
    },
  );
}
