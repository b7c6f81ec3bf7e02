import { HeweiError } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { importsService, readRows } from './imports.service.ts';

const reportSchema = z.object({
  id: z.string().nullable(),
  source: z.string(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  failed: z.number(),
  errors: z.array(
    z.object({ row: z.number(), orderId: z.string().nullable(), field: z.string(), code: z.string() }),
  ),
  ms: z.number(),
});

/** Batches of 12345 work orders, CSV or JSON (docs/decisions: the hotline import). */
export function importsRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = importsService(deps);
  app.register(async (o) => {
    o.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: 256 << 20 },
      (_r, body, done) => done(null, body),
    );
    const r = o.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/imports/hotline',
      {
        bodyLimit: 256 << 20,
        config: { access: ['admin', 'operator', 'dispatcher'] },
        schema: {
          tags: ['imports'],
          summary:
            'Import 12345 work orders (text/csv with a header row, or JSON). Idempotent by the source’s order id; updates move existing cases on. strict=true refuses the whole batch when one row is broken.',
          querystring: z.object({
            source: z
              .string()
              .regex(/^[a-z0-9_-]{1,40}$/)
              .default('12345'),
            strict: z.enum(['true', 'false']).default('false'),
          }),
          body: z.union([
            z.string(),
            z.array(z.record(z.string(), z.unknown())),
            z.object({ orders: z.array(z.unknown()) }),
          ]),
          response: { 200: reportSchema, 422: reportSchema },
        },
      },
      async (req, reply) => {
        const csv = typeof req.body === 'string';
        const rows = readRows(csv ? 'csv' : 'json', req.body);
        const report = await service.run(viewerOf(req), req.query.source, rows, req.query.strict === 'true');
        return reply.status(report.id === null ? 422 : 200).send(report);
      },
    );
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/imports/:id',
    {
      config: { access: ['admin', 'operator', 'dispatcher'] },
      schema: {
        tags: ['imports'],
        params: z.object({ id: z.string().max(64) }),
        response: { 200: reportSchema },
      },
    },
    async (req) => {
      const b = await service.batch(viewerOf(req), req.params.id);
      if (!b) throw new HeweiError('NOT_FOUND');
      return { ...b, errors: b.errors as z.infer<typeof reportSchema>['errors'] };
    },
  );
}
