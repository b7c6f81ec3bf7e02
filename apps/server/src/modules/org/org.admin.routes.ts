import { desc, like, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditLog } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { STAFF, viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import { orgAdminService } from './org.admin.service.ts';
import { importReportSchema, problemMessage } from './org.presenter.ts';

const id = z.string().min(1).max(64);
const gridSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentId: z.string().nullable(),
  regionId: z.string(),
  version: z.number(),
  active: z.boolean(),
  addresses: z.array(z.string()),
  hasGeometry: z.boolean(),
});
const clean = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export function orgAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = orgAdminService(deps);
  const { org } = deps;
  const admin = { access: ['admin'] as const };
  const staff = { access: STAFF };
  const presentGrid = (g: NonNullable<ReturnType<typeof org.grid>>) => ({
    id: g.id,
    code: g.code,
    name: g.name,
    level: g.level,
    parentId: g.parentId,
    regionId: g.regionId,
    version: g.version,
    active: g.active,
    addresses: g.addresses,
    hasGeometry: g.geometry !== null,
  });

  r.get(
    '/api/v1/org/grids',
    {
      config: staff,
      schema: {
        tags: ['org'],
        querystring: z.object({
          regionId: id.optional(),
          parentId: id.optional(),
          level: z.enum(['big', 'medium', 'small', 'micro']).optional(),
        }),
        response: { 200: z.object({ items: z.array(gridSchema) }) },
      },
    },
    async (req) => {
      const { regionId, parentId, level } = req.query;
      const v = viewerOf(req);
      const items = org
        .grids()
        .filter((g) => g.countyId === v.countyId && g.active)
        .filter(
          (g) =>
            (!regionId || g.regionId === regionId) &&
            (!parentId || g.parentId === parentId) &&
            (!level || g.level === level),
        )
        .sort((a, b) => a.code.localeCompare(b.code));
      return { items: items.map(presentGrid) };
    },
  );

  r.patch(
    '/api/v1/org/grids/:id',
    {
      config: admin,
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ['org'],
        summary:
          'Rename a grid, set its known addresses, retire it, or redraw its outline (validated like an import).',
        params: z.object({ id }),
        body: z.object({
          name: z.string().trim().min(1).max(100).optional(),
          addresses: z.array(z.string().max(200)).max(500).optional(),
          active: z.boolean().optional(),
          geometry: z.unknown().optional(),
          datum: z.enum(['wgs84', 'gcj02', 'bd09']).optional(),
        }),
        response: {
          200: z.object({ grid: gridSchema, report: importReportSchema.nullable() }),
          422: z.object({ grid: gridSchema, report: importReportSchema.nullable() }),
        },
      },
    },
    async (req, reply) => {
      const locale = localeOf(req.headers['accept-language']);
      const { grid, report } = await service.updateGrid(viewerOf(req), req.params.id, req.body);
      const shown = report && {
        ...report,
        problems: report.problems.map((p) => ({ ...p, message: problemMessage(p, locale) })),
        skipped: [],
      };
      return reply
        .status(report && !report.applied ? 422 : 200)
        .send({ grid: presentGrid(grid), report: shown });
    },
  );

  r.patch(
    '/api/v1/org/regions/:id',
    {
      config: admin,
      schema: {
        tags: ['org'],
        params: z.object({ id }),
        body: z.object({
          name: z.string().trim().min(1).max(100).optional(),
          nameEn: z.string().trim().min(1).max(100).optional(),
        }),
        response: {
          200: z.object({ id: z.string(), name: z.string(), nameEn: z.string(), version: z.number() }),
        },
      },
    },
    async (req) => service.updateRegion(viewerOf(req), req.params.id, clean(req.body)),
  );

  const deptBody = z.object({
    name: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().min(1).max(100),
    regionId: id.optional(),
    active: z.boolean().optional(),
  });
  const deptSchema = z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string(),
    regionId: z.string(),
    active: z.boolean(),
  });
  r.post(
    '/api/v1/org/departments',
    { config: admin, schema: { tags: ['org'], body: deptBody, response: { 201: deptSchema } } },
    async (req, reply) => reply.status(201).send(await service.saveDepartment(viewerOf(req), null, req.body)),
  );
  r.patch(
    '/api/v1/org/departments/:id',
    {
      config: admin,
      schema: { tags: ['org'], params: z.object({ id }), body: deptBody, response: { 200: deptSchema } },
    },
    async (req) => service.saveDepartment(viewerOf(req), req.params.id, req.body),
  );

  const categoryBody = z.object({
    name: z.string().trim().min(1).max(100).optional(),
    nameEn: z.string().trim().min(1).max(100).optional(),
    parentCode: z
      .string()
      .regex(/^\d{2,8}$/)
      .nullable()
      .optional(),
    kinds: z.array(z.string().max(32)).max(10).optional(),
    active: z.boolean().optional(),
  });
  const categorySchema = z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    parentCode: z.string().nullable(),
    kinds: z.array(z.string()),
    active: z.boolean(),
  });
  r.post(
    '/api/v1/org/categories',
    {
      config: admin,
      schema: {
        tags: ['org'],
        body: categoryBody.extend({ code: z.string().regex(/^\d{2,8}$/) }),
        response: { 201: categorySchema },
      },
    },
    async (req, reply) => {
      const { code, ...rest } = req.body;
      return reply.status(201).send(await service.saveCategory(viewerOf(req), code, clean(rest), true));
    },
  );
  r.patch(
    '/api/v1/org/categories/:code',
    {
      config: admin,
      schema: {
        tags: ['org'],
        params: z.object({ code: z.string().max(8) }),
        body: categoryBody,
        response: { 200: categorySchema },
      },
    },
    async (req) => service.saveCategory(viewerOf(req), req.params.code, clean(req.body), false),
  );

  r.get(
    '/api/v1/org/audit',
    {
      config: admin,
      schema: {
        tags: ['org'],
        summary: 'Administrative changes of the organisation and routing, newest first.',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                at: z.string(),
                actorId: z.string().nullable(),
                action: z.string(),
                target: z.string().nullable(),
                data: z.any(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const rows = await deps.db
        .select()
        .from(auditLog)
        .where(or(like(auditLog.action, 'org.%'), like(auditLog.action, 'routing.%')))
        .orderBy(desc(auditLog.at))
        .limit(req.query.limit);
      const mine = rows.filter((x) => (x.data as { countyId?: string }).countyId === v.countyId);
      return { items: mine.map((x) => ({ ...x, at: x.at.toISOString() })) };
    },
  );
}
