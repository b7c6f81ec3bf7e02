import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import type { DeliveryRow, SubscriptionRow } from './webhooks.repository.ts';
import { WEBHOOK_EVENTS, webhooksService } from './webhooks.service.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

const subscriptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});
const deliverySchema = z.object({
  id: z.string(),
  eventType: z.string(),
  outboxId: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  payload: z.unknown(),
});
const presentSubscription = (s: SubscriptionRow) => ({
  id: s.id,
  name: s.name,
  url: s.url,
  events: s.events,
  active: s.active,
  createdAt: s.createdAt.toISOString(),
});
const presentDelivery = (d: DeliveryRow) => ({
  id: d.id,
  eventType: d.eventType,
  outboxId: d.outboxId,
  status: d.status as z.infer<typeof deliverySchema>['status'],
  attempts: d.attempts,
  nextAttemptAt: iso(d.nextAttemptAt),
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: iso(d.deliveredAt),
  payload: d.payload,
});

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'http or https');
const idParams = z.object({ id: z.string().min(1).max(64) });

/** Webhooks for other government systems: an administrator subscribes a URL to case events. */
export function webhooksRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = webhooksService(deps);
  const admin = { access: ['admin'] as const };
  const tags = ['webhooks'];

  r.get(
    '/api/v1/webhooks/events',
    { config: admin, schema: { tags, response: { 200: z.object({ items: z.array(z.string()) }) } } },
    async () => ({ items: WEBHOOK_EVENTS }),
  );

  r.post(
    '/api/v1/webhooks',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Subscribe a URL to case events; the signing secret is shown only in this answer.',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          url: httpUrl,
          events: z.array(z.string().min(1).max(64)).min(1).max(60),
          secret: z.string().min(16).max(200).optional(),
        }),
        response: { 201: subscriptionSchema.extend({ secret: z.string() }) },
      },
    },
    async (req, reply) => {
      const { row, secret } = await service.subscribe(viewerOf(req), req.body);
      return reply.status(201).send({ ...presentSubscription(row), secret });
    },
  );

  r.get(
    '/api/v1/webhooks',
    {
      config: admin,
      schema: { tags, response: { 200: z.object({ items: z.array(subscriptionSchema) }) } },
    },
    async (req) => ({ items: (await service.list(viewerOf(req))).map(presentSubscription) }),
  );

  r.post(
    '/api/v1/webhooks/:id/deactivate',
    { config: admin, schema: { tags, params: idParams, response: { 200: subscriptionSchema } } },
    async (req) => presentSubscription(await service.deactivate(viewerOf(req), req.params.id)),
  );

  r.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      config: admin,
      schema: {
        tags,
        summary: 'The delivery log of one subscription, newest first.',
        params: idParams,
        querystring: z.object({
          status: z.enum(['pending', 'delivered', 'failed', 'cancelled']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(deliverySchema) }) },
      },
    },
    async (req) => ({
      items: (await service.deliveries(viewerOf(req), req.params.id, req.query.status, req.query.limit)).map(
        presentDelivery,
      ),
    }),
  );

  r.post(
    '/api/v1/webhooks/:id/deliveries/:deliveryId/replay',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Send a delivery again (delivered, failed or pending), from the start of the schedule.',
        params: idParams.extend({ deliveryId: z.string().min(1).max(64) }),
        response: { 200: deliverySchema },
      },
    },
    async (req) => presentDelivery(await service.replay(viewerOf(req), req.params.id, req.params.deliveryId)),
  );
}
