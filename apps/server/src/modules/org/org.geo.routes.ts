import { HeweiError } from '@hewei/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { geoImports, unitVersions } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { STAFF, viewerOf } from '../../http/access.ts';
import { localeOf, messageFor } from '../../http/messages.ts';
import { exportCounty, loadUnits } from './org.geo.export.ts';
import { type ImportReport, importCounty } from './org.geo.import.ts';
import { pathOf, peopleAt, resolvePoint, responsibilitiesAt, shanghaiDay } from './org.locate.ts';
import {
  importReportSchema,
  personSchema,
  presentPerson,
  presentResponsibility,
  problemMessage,
  responsibilitySchema,
  unitRef,
  unitRefSchema,
} from './org.presenter.ts';

const datum = z.enum(['wgs84', 'gcj02', 'bd09']);
const level = z.enum(['county', 'town', 'village', 'big', 'medium', 'small', 'micro']);
const featureCollection = z.looseObject({ type: z.string(), features: z.array(z.any()) });

export function orgGeoRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: ['admin'] as const };

  const present = (report: ImportReport, locale: ReturnType<typeof localeOf>) => ({
    ...report,
    problems: report.problems.map((p) => ({ ...p, message: problemMessage(p, locale) })),
    skipped: report.skipped.map((s) => ({
      ...s,
      message: problemMessage(
        { featureIndex: s.featureIndex, code: s.code, problem: s.problems.join('+') as never, details: {} },
        locale,
      ),
    })),
  });

  r.get(
    '/api/v1/org/geo/export',
    {
      config: admin,
      schema: {
        tags: ['org'],
        summary: 'The whole county (regions and grids) as one GeoJSON FeatureCollection.',
        querystring: z.object({
          datum: datum.default('wgs84'),
          kind: z.enum(['region', 'grid']).optional(),
          level: level.optional(),
        }),
        response: { 200: featureCollection },
      },
    },
    async (req, reply) => {
      const units = await loadUnits(deps.db, viewerOf(req).countyId);
      reply.header('content-type', 'application/geo+json; charset=utf-8');
      return exportCounty(units, req.query) as unknown as z.infer<typeof featureCollection>;
    },
  );

  r.get(
    '/api/v1/org/map',
    {
      config: { access: STAFF },
      schema: {
        tags: ['org'],
        summary: 'Outlines for a map: regions or grids of one level, WGS-84.',
        querystring: z.object({ level: level.default('town') }),
        response: { 200: featureCollection },
      },
    },
    async (req) => {
      const units = await loadUnits(deps.db, viewerOf(req).countyId);
      return exportCounty(units, { datum: 'wgs84', level: req.query.level }) as unknown as z.infer<
        typeof featureCollection
      >;
    },
  );

  r.post(
    '/api/v1/org/geo/import',
    {
      config: admin,
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags: ['org'],
        summary:
          'Import a county file: validated feature by feature; nothing is written unless clean, or only the clean part when mode=clean_part.',
        body: z.object({
          datum,
          mode: z.enum(['all', 'clean_part']).default('all'),
          dryRun: z.boolean().default(false),
          retireAbsent: z.boolean().default(false),
          collection: z.unknown(),
        }),
        response: { 200: importReportSchema, 422: z.object({ error: z.any(), report: importReportSchema }) },
      },
    },
    async (req, reply) => {
      const locale = localeOf(req.headers['accept-language']);
      const report = present(await importCounty(deps, viewerOf(req), req.body), locale);
      if (report.applied || req.body.dryRun) return report;
      const rule = 'GEO_IMPORT_INVALID';
      const params = { problems: report.problems.length };
      return reply.status(422).send({
        error: {
          code: 'RULE_VIOLATION',
          rule,
          message: messageFor(locale, 'RULE_VIOLATION', { rule, params }),
        },
        report,
      });
    },
  );

  r.get(
    '/api/v1/org/geo/imports',
    {
      config: admin,
      schema: {
        tags: ['org'],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                at: z.string(),
                actorId: z.string(),
                datum: z.string(),
                mode: z.string(),
                applied: z.boolean(),
                report: z.any(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const rows = await deps.db
        .select()
        .from(geoImports)
        .where(eq(geoImports.countyId, viewerOf(req).countyId))
        .orderBy(desc(geoImports.at))
        .limit(50);
      return { items: rows.map((x) => ({ ...x, at: x.at.toISOString() })) };
    },
  );

  r.get(
    '/api/v1/org/locate',
    {
      config: { access: STAFF },
      schema: {
        tags: ['org'],
        summary:
          'A point → its micro-grid and up, the region, grid workers, mediators and the responsibility list there.',
        querystring: z.object({
          lat: z.coerce.number(),
          lon: z.coerce.number(),
          datum: datum.default('wgs84'),
        }),
        response: {
          200: z.object({
            point: z.object({ lat: z.number(), lon: z.number(), datum: z.literal('wgs84') }),
            grids: z.record(z.string(), unitRefSchema),
            regions: z.record(z.string(), unitRefSchema),
            gridWorkers: z.array(personSchema),
            mediators: z.array(personSchema),
            responsibilities: z.array(responsibilitySchema),
          }),
        },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const locale = localeOf(req.headers['accept-language']);
      if (!deps.org.hasGeometry(v.countyId))
        throw new HeweiError('RULE_VIOLATION', { rule: 'COUNTY_HAS_NO_MAP' });
      const { lat, lon, located } = resolvePoint(deps.org, v.countyId, req.query);
      const day = shanghaiDay(deps.clock.now());
      const people = peopleAt(deps.org, located!, day);
      const map = <T extends object>(o: Partial<Record<string, T>>, f: (x: T) => unknown) =>
        Object.fromEntries(Object.entries(o).map(([k, x]) => [k, f(x as T)]));
      return {
        point: { lat, lon, datum: 'wgs84' as const },
        grids: map(located!.grids, (g) => unitRef(g as never, locale)) as never,
        regions: map(located!.regions, (x) => unitRef(x as never, locale)) as never,
        gridWorkers: people.filter((p) => p.kind === 'grid_worker').map((p) => presentPerson(p, deps.pii)),
        mediators: people.filter((p) => p.kind === 'village_mediator').map((p) => presentPerson(p, deps.pii)),
        responsibilities: responsibilitiesAt(deps.org, pathOf(located!), day).map((x) =>
          presentResponsibility(x, deps.org, locale),
        ),
      };
    },
  );

  r.get(
    '/api/v1/org/grids/:id/versions',
    {
      config: { access: STAFF },
      schema: {
        tags: ['org'],
        summary: 'Every version of a grid, newest first, with the geometry it had.',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                version: z.number(),
                code: z.string(),
                name: z.string(),
                active: z.boolean(),
                at: z.string(),
                actorId: z.string(),
                importId: z.string().nullable(),
                sourceDatum: z.string().nullable(),
                geometry: z.any(),
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
        .from(unitVersions)
        .where(
          and(
            eq(unitVersions.countyId, v.countyId),
            eq(unitVersions.unitKind, 'grid'),
            eq(unitVersions.unitId, req.params.id),
          ),
        )
        .orderBy(desc(unitVersions.version));
      if (!rows.length) throw new HeweiError('NOT_FOUND');
      return { items: rows.map((x) => ({ ...x, at: x.at.toISOString() })) };
    },
  );
}
