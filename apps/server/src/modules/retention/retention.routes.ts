import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { dueCases, retentionDays, runRetention, setRetentionDays } from './retention.service.ts';

const settings = z.object({
  retentionDays: z.number().int().nullable(),
  /** finished cases past the period, waiting for the next run (at most 10,000 counted) */
  due: z.number().int(),
});

/** The county's retention period: how long a finished case keeps its personal data. Admin only. */
export function retentionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const current = async (countyId: string) => {
    const days = await retentionDays(deps, countyId);
    return { retentionDays: days, due: days ? (await dueCases(deps, countyId, days, 10_000)).length : 0 };
  };

  r.get(
    '/api/v1/admin/retention',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['privacy'],
        summary: 'The retention period and how many cases are due.',
        response: { 200: settings },
      },
    },
    (req) => current(viewerOf(req).countyId),
  );

  r.put(
    '/api/v1/admin/retention',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['privacy'],
        summary: 'Sets the retention period in days (at least 180; null keeps cases whole).',
        body: z.object({ retentionDays: z.number().int().min(180).max(36_500).nullable() }),
        response: { 200: settings },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      await setRetentionDays(deps, v.countyId, req.body.retentionDays, v.userId);
      return current(v.countyId);
    },
  );

  r.post(
    '/api/v1/admin/retention/run',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['privacy'],
        summary: 'Anonymises the due cases now (the daily job does the same).',
        response: {
          200: z.object({
            retentionDays: z.number().int().nullable(),
            anonymised: z.number().int(),
            files: z.number().int(),
          }),
        },
      },
    },
    (req) => {
      const v = viewerOf(req);
      return runRetention(deps, v.countyId, v.userId);
    },
  );
}
