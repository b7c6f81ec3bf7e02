import { phoneSchema } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { STAFF, viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import { orgAdminService, type PersonInput, type ResponsibilityInput } from './org.admin.service.ts';
import {
  patchSchema,
  personSchema,
  presentPerson,
  presentResponsibility,
  responsibilitySchema,
} from './org.presenter.ts';

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const personBody = z.object({
  kind: z.enum(['grid_worker', 'village_mediator']),
  employment: z.enum(['full_time', 'part_time', 'volunteer']).nullable().default(null),
  name: z.string().trim().min(1).max(60),
  phone: phoneSchema.nullable().default(null),
  userId: id.nullable().default(null),
  gridId: id.nullable().default(null),
  regionId: id.nullable().default(null),
  validFrom: day,
  validTo: day.nullable().default(null),
});
const responsibilityBody = z.object({
  categoryCode: z.string().regex(/^\d{2,8}$/),
  regionId: id,
  departmentId: id,
  role: z.enum(['lead', 'co']),
  validFrom: day,
  validTo: day.nullable().default(null),
  note: z.string().max(500).nullable().default(null),
});
const clean = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Grid workers, village mediators and the responsibility list: read by staff, edited by admins. */
export function orgPeopleRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = orgAdminService(deps);
  const { org } = deps;
  const admin = { access: ['admin'] as const };
  const staff = { access: STAFF };

  r.get(
    '/api/v1/org/people',
    {
      config: staff,
      schema: {
        tags: ['org'],
        summary: 'Grid workers and village mediators (phones masked).',
        querystring: z.object({
          gridId: id.optional(),
          regionId: id.optional(),
          kind: z.enum(['grid_worker', 'village_mediator']).optional(),
        }),
        response: { 200: z.object({ items: z.array(personSchema) }) },
      },
    },
    async (req) => {
      const { gridId, regionId, kind } = req.query;
      const v = viewerOf(req);
      const items = org
        .people()
        .filter(
          (p) =>
            p.countyId === v.countyId &&
            (!gridId || p.gridId === gridId) &&
            (!regionId || p.regionId === regionId) &&
            (!kind || p.kind === kind),
        );
      return { items: items.map((p) => presentPerson(p, deps.pii)) };
    },
  );
  r.post(
    '/api/v1/org/people',
    { config: admin, schema: { tags: ['org'], body: personBody, response: { 201: personSchema } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(presentPerson(await service.createPerson(viewerOf(req), req.body as PersonInput), deps.pii)),
  );
  r.patch(
    '/api/v1/org/people/:id',
    {
      config: admin,
      schema: {
        tags: ['org'],
        params: z.object({ id }),
        body: patchSchema(personBody),
        response: { 200: personSchema },
      },
    },
    async (req) =>
      presentPerson(
        await service.updatePerson(viewerOf(req), req.params.id, clean(req.body) as Partial<PersonInput>),
        deps.pii,
      ),
  );
  r.post(
    '/api/v1/org/people/:id/reveal',
    {
      config: { access: ['admin', 'dispatcher'] as const },
      schema: {
        tags: ['org'],
        summary: "A grid worker's or mediator's phone in full; every reveal is audited.",
        params: z.object({ id }),
        response: { 200: z.object({ phone: z.string().nullable() }) },
      },
    },
    async (req) => ({ phone: await service.revealPersonPhone(viewerOf(req), req.params.id) }),
  );

  r.get(
    '/api/v1/org/responsibilities',
    {
      config: staff,
      schema: {
        tags: ['org'],
        summary: 'The responsibility list (权责清单).',
        querystring: z.object({ regionId: id.optional(), categoryCode: z.string().max(8).optional() }),
        response: { 200: z.object({ items: z.array(responsibilitySchema) }) },
      },
    },
    async (req) => {
      const locale = localeOf(req.headers['accept-language']);
      const { regionId, categoryCode } = req.query;
      const v = viewerOf(req);
      const items = org
        .responsibilities()
        .filter(
          (x) =>
            x.countyId === v.countyId &&
            (!regionId || x.regionId === regionId) &&
            (!categoryCode || categoryCode.startsWith(x.categoryCode)),
        )
        .sort((a, b) => a.categoryCode.localeCompare(b.categoryCode));
      return { items: items.map((x) => presentResponsibility(x, org, locale)) };
    },
  );
  r.post(
    '/api/v1/org/responsibilities',
    {
      config: admin,
      schema: { tags: ['org'], body: responsibilityBody, response: { 201: responsibilitySchema } },
    },
    async (req, reply) => {
      const row = await service.createResponsibility(viewerOf(req), req.body as ResponsibilityInput);
      return reply
        .status(201)
        .send(presentResponsibility(row, org, localeOf(req.headers['accept-language'])));
    },
  );
  r.patch(
    '/api/v1/org/responsibilities/:id',
    {
      config: admin,
      schema: {
        tags: ['org'],
        params: z.object({ id }),
        body: patchSchema(responsibilityBody),
        response: { 200: responsibilitySchema },
      },
    },
    async (req) => {
      const row = await service.updateResponsibility(
        viewerOf(req),
        req.params.id,
        clean(req.body) as Partial<ResponsibilityInput>,
      );
      return presentResponsibility(row, org, localeOf(req.headers['accept-language']));
    },
  );
}
