import { HeweiError, phoneSchema } from '@hewei/domain';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notifications, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { USER_PHONE_PURPOSE } from '../../lib/pii/columns.ts';
import { notificationsRepository as repo } from './notifications.repository.ts';

const optOutSchema = z.object({ optedOut: z.boolean() });

/** In-app notices for the signed-in user, and SMS opt-out for residents. */
export function notificationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, pii, clock } = deps;

  r.get(
    '/api/v1/notifications',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        querystring: z.object({ unread: z.enum(['true', 'false']).default('false') }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                caseId: z.string().nullable(),
                trackingCode: z.string().nullable(),
                createdAt: z.string(),
                readAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const rows = await db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, v.userId),
            req.query.unread === 'true' ? isNull(notifications.readAt) : undefined,
          ),
        )
        .orderBy(desc(notifications.createdAt))
        .limit(100);
      return {
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          caseId: n.caseId,
          trackingCode: (n.payload as { trackingCode?: string }).trackingCode ?? null,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
      };
    },
  );

  r.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        params: z.object({ id: z.string().max(64) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const v = viewerOf(req);
      const done = await db
        .update(notifications)
        .set({ readAt: clock.now() })
        .where(
          and(
            eq(notifications.countyId, v.countyId),
            eq(notifications.id, req.params.id),
            eq(notifications.userId, v.userId),
          ),
        )
        .returning({ id: notifications.id });
      if (!done.length) throw new HeweiError('NOT_FOUND');
      return reply.status(204).send(null);
    },
  );

  /** A resident stops (or restarts) text messages to their own phone. */
  r.put(
    '/api/v1/notifications/sms-opt-out',
    {
      config: { access: ['resident'] },
      schema: { tags: ['notifications'], body: optOutSchema, response: { 200: optOutSchema } },
    },
    async (req) => {
      const v = viewerOf(req);
      const [u] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, v.userId));
      const phone = pii.open(u?.phone ?? null, USER_PHONE_PURPOSE);
      if (!phone) throw new HeweiError('VALIDATION_FAILED', { field: 'phone' });
      await setOptOut(v.countyId, phone, req.body.optedOut, 'resident');
      return { optedOut: req.body.optedOut };
    },
  );

  /** An operator records what a caller asked for on the phone (or a "TD" reply). */
  r.put(
    '/api/v1/notifications/sms-opt-out/:phone',
    {
      config: { access: ['operator', 'admin'] },
      schema: {
        tags: ['notifications'],
        params: z.object({ phone: phoneSchema }),
        body: optOutSchema,
        response: { 200: optOutSchema },
      },
    },
    async (req) => {
      await setOptOut(viewerOf(req).countyId, req.params.phone, req.body.optedOut, 'operator');
      return { optedOut: req.body.optedOut };
    },
  );

  async function setOptOut(countyId: string, phone: string, out: boolean, source: string) {
    const digest = pii.blind('phone', phone);
    if (out) await repo.optOut(db, countyId, digest, clock.now(), source);
    else await repo.optIn(db, countyId, digest);
  }
}
