import { partyInputSchema, placeInputSchema } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { petitionsService } from './petitions.service.ts';

const person = partyInputSchema.omit({ role: true });
const idParams = z.object({ id: z.string().min(1).max(64) });
const tags = ['petitions'];
const nullableIso = z.string().nullable();
const registeredSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: z.string(),
  channel: z.string(),
  acceptBy: nullableIso,
  /** 集体访: five or more petitioners */
  collective: z.boolean(),
});

/** Letters and visits (信访): registration, statutory dates, the reply letter. */
export function petitionsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = petitionsService(deps);

  r.post(
    '/api/v1/petitions',
    {
      config: { access: ['operator', 'dispatcher'] },
      schema: {
        tags,
        summary: 'Register a petition letter or visit. Idempotent with an Idempotency-Key header.',
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
        body: z.object({
          form: z.enum(['letter', 'visit']),
          categoryCode: z.string().min(1).max(32),
          description: z.string().trim().min(5).max(4000),
          place: placeInputSchema.optional(),
          petitioners: z.array(person).min(1).max(50),
          respondents: z
            .array(person.omit({ idNumber: true }))
            .max(20)
            .optional(),
        }),
        response: {
          200: registeredSchema,
          201: registeredSchema,
        },
      },
    },
    async (req, reply) => {
      const { state, replayed } = await service.register(
        viewerOf(req),
        req.body,
        req.headers['idempotency-key'],
      );
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(replayed ? 200 : 201).send({
        id: state.id,
        trackingCode: state.trackingCode,
        status: state.status,
        channel: state.channel,
        acceptBy: state.acceptBy,
        collective: req.body.petitioners.length >= 5,
      });
    },
  );

  r.get(
    '/api/v1/petitions/:id/limits',
    {
      config: { access: ['operator', 'dispatcher', 'handler', 'supervisor', 'leader'] },
      schema: {
        tags,
        summary: 'The statutory dates of a petition (信访工作条例): accept, settle, extension cap, review.',
        params: idParams,
        response: {
          200: z.object({
            registeredAt: z.string(),
            acceptBy: z.string(),
            acceptedAt: nullableIso,
            resolveBy: nullableIso,
            statutoryResolveBy: nullableIso,
            latestExtendedBy: nullableIso,
            answeredAt: nullableIso,
            reviewRequestBy: nullableIso,
          }),
        },
      },
    },
    async (req) => service.limits(viewerOf(req), req.params.id),
  );

  r.get(
    '/api/v1/petitions/:id/reply-letter.pdf',
    {
      config: { access: ['operator', 'dispatcher', 'handler', 'supervisor', 'leader'] },
      schema: { tags, summary: 'The written reply (信访事项处理意见书) as a PDF.', params: idParams },
    },
    async (req, reply) => {
      const pdf = await service.replyLetter(viewerOf(req), req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="petition-reply-${req.params.id}.pdf"`)
        .send(pdf);
    },
  );
}
