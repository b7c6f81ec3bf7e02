import { HeweiError } from '@hewei/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { users, visits } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { householdsRepository } from '../households/households.repository.ts';
import { canSeeHousehold, FIELD_READERS } from '../households/households.service.ts';

const visitSchema = z.object({
  id: z.string(),
  kind: z.string(),
  at: z.string(),
  note: z.string(),
  workerName: z.string(),
  photos: z.number(),
});

/** A household's visit log, newest first: what the grid worker reads before knocking on the door. */
export function fieldVisitRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/households/:id/visits',
    {
      config: { access: FIELD_READERS },
      schema: {
        tags: ['field'],
        summary: 'The household’s visit log, newest first',
        params: z.object({ id: z.string().min(1).max(64) }),
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(visitSchema) }) },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const h = await householdsRepository.load(deps.db, v.countyId, req.params.id);
      if (!h || !canSeeHousehold(v, h)) throw new HeweiError('NOT_FOUND');
      const rows = await deps.db
        .select({ visit: visits, workerName: users.displayName })
        .from(visits)
        .leftJoin(users, eq(users.id, visits.workerId))
        .where(and(eq(visits.countyId, v.countyId), eq(visits.householdId, h.id)))
        .orderBy(desc(visits.at))
        .limit(req.query.limit);
      return {
        items: rows.map(({ visit, workerName }) => ({
          id: visit.id,
          kind: visit.kind,
          at: visit.at.toISOString(),
          note: visit.note,
          workerName: workerName ?? visit.workerId,
          photos: visit.photos.length,
        })),
      };
    },
  );
}
