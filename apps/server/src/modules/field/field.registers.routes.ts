import { HeweiError, shanghaiDate } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { maskIdNumber, maskPhone } from '../../lib/crypto.ts';
import { householdsRepository } from '../households/households.repository.ts';
import { fieldRepository as repo } from './field.repository.ts';
import { campaignSchema, entrySchema, responseSchema } from './field.schemas.ts';
import { ENTRY_PURPOSE, fieldService } from './field.service.ts';

const WORKER = { access: ['grid_worker'] as const };
const READERS = {
  access: ['grid_worker', 'dispatcher', 'mediator', 'supervisor', 'leader', 'admin'] as const,
};
const id = z.object({ id: z.string().min(1).max(64) });
const loose = z.record(z.string(), z.unknown());
const iso = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, x]) => [k, x instanceof Date ? x.toISOString() : x]));

/** The grid registers (people, buildings, places, organisations; people of concern) and dispute screenings. */
export function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const field = fieldService(deps);
  const tags = ['field'];
  const tx = <T>(f: (t: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<T>) =>
    db.transaction(f);

  r.post(
    '/api/v1/field/register',
    {
      config: { access: ['grid_worker', 'dispatcher', 'admin'] as const },
      schema: {
        tags,
        summary: 'Add a person, building, place or organisation to the grid register',
        body: entrySchema,
        response: { 201: loose },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentEntry(deps, await tx((t) => field.addEntry(t, viewerOf(req), req.body)))),
  );

  r.get(
    '/api/v1/field/register',
    {
      config: READERS,
      schema: {
        tags,
        querystring: z.object({
          kind: entrySchema.shape.kind.optional(),
          regionId: z.string().max(64).optional(),
          watched: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.object({ items: z.array(loose) }) },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const region = req.query.regionId ?? v.regionId ?? '';
      if (!deps.org.region(region)?.path.includes(v.regionId ?? '')) throw new HeweiError('NOT_FOUND');
      const rows = await repo.entries(db, v.countyId, region, req.query.kind, req.query.watched === 'true');
      const since = new Date(deps.clock.now().getTime() - 7 * 86_400_000);
      const counts = await repo.visitsOfPeople(
        db,
        v.countyId,
        rows.filter((e) => e.concern).map((e) => e.id),
        since,
      );
      return {
        items: rows.map((e) => ({
          ...presentEntry(deps, e),
          ...(e.concern
            ? {
                visitsLast7Days: counts.find((c) => c.personId === e.id)?.n ?? 0,
                behind: (counts.find((c) => c.personId === e.id)?.n ?? 0) < (e.visitsPerWeek ?? 0),
              }
            : {}),
        })),
      };
    },
  );

  r.post(
    '/api/v1/field/screenings',
    {
      config: { access: ['dispatcher', 'supervisor', 'admin'] as const },
      schema: {
        tags,
        summary: 'Open a dispute-screening campaign with its form',
        body: campaignSchema,
        response: { 201: loose },
      },
    },
    async (req, reply) =>
      reply.status(201).send(iso(await tx((t) => field.createCampaign(t, viewerOf(req), req.body)))),
  );

  r.get(
    '/api/v1/field/screenings',
    {
      config: READERS,
      schema: {
        tags,
        summary: 'Campaigns running today in the viewer’s region, with progress',
        response: { 200: z.object({ items: z.array(loose) }) },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const path = deps.org.region(v.regionId ?? '')?.path ?? [];
      const list = await repo.activeCampaigns(db, v.countyId, path, shanghaiDate(deps.clock.now()));
      const done = await repo.responseCounts(
        db,
        v.countyId,
        list.map((c) => c.id),
        v.regionId ?? '',
      );
      const households = (
        await householdsRepository.list(db, v.countyId, v.regionId ?? '', { limit: 100000 })
      ).length;
      return {
        items: list.map((c) => ({
          ...iso(c),
          households,
          screened: done.find((d) => d.campaignId === c.id)?.n ?? 0,
        })),
      };
    },
  );

  r.post(
    '/api/v1/field/screenings/:id/responses',
    { config: WORKER, schema: { tags, params: id, body: responseSchema, response: { 201: loose } } },
    async (req, reply) =>
      reply.status(201).send(await tx((t) => field.respond(t, viewerOf(req), req.params.id, req.body))),
  );
}

function presentEntry(
  deps: AppDeps,
  e: Parameters<typeof iso>[0] & { phone: string | null; idNumber: string | null },
) {
  return {
    ...iso(e),
    phone: maskPhone(deps.pii.open(e.phone, ENTRY_PURPOSE.phone)),
    idNumber: maskIdNumber(deps.pii.open(e.idNumber, ENTRY_PURPOSE.idNumber)),
  };
}
