import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { smsSink } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';

/** Demo mode only: what the local SMS sink recorded, so a visitor can read the sign-in code. */
export function devRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/dev/sms',
    {
      config: { access: 'public' },
      schema: {
        tags: ['demo'],
        querystring: z.object({ phone: z.string().regex(/^\d{11}$/) }),
        response: {
          200: z.object({
            items: z.array(z.object({ body: z.string(), purpose: z.string(), createdAt: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      const rows = await deps.db
        .select()
        .from(smsSink)
        .where(eq(smsSink.phone, req.query.phone))
        .orderBy(desc(smsSink.createdAt))
        .limit(20);
      return {
        items: rows.map((r) => ({ body: r.body, purpose: r.purpose, createdAt: r.createdAt.toISOString() })),
      };
    },
  );
}
