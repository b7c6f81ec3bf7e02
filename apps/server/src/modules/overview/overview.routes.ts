import { CASE_KINDS, CHANNELS, COLOURS, type Role, STATUSES } from '@hewei/domain';
import { and, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cases } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import { caseSummarySchema, presentRow } from '../cases/cases.presenter.ts';
import { visibleTo } from '../cases/cases.queries.ts';
import { inNode } from './overview.repository.ts';
import { DUE_SOON_MS, overviewService } from './overview.service.ts';

/** Who reads the overview: staff whose scope is a region (a department's handlers read their inbox). */
export const OVERVIEW_ROLES: readonly Role[] = [
  'leader',
  'supervisor',
  'dispatcher',
  'admin',
  'operator',
  'grid_worker',
  'mediator',
];

const count = z.object({ key: z.string(), n: z.number() });
const nodeQuery = z.object({
  regionId: z.string().max(64).optional(),
  gridId: z.string().max(64).optional(),
});
const figuresSchema = z.object({
  node: z.object({
    kind: z.enum(['region', 'grid']),
    id: z.string(),
    name: z.string(),
    level: z.string(),
    path: z.array(z.object({ kind: z.literal('region'), id: z.string(), name: z.string() })),
  }),
  total: z.number(),
  open: z.number(),
  byStatus: z.array(count),
  byColour: z.array(count),
  /** open cases only (not closed, rejected, withdrawn or merged), by colour; `none` before triage */
  openByColour: z.array(count),
  byKind: z.array(count),
  byChannel: z.array(count),
  byCategory: z.array(z.object({ code: z.string(), name: z.string(), n: z.number() })),
  today: z.object({
    day: z.string(),
    created: z.number(),
    closed: z.number(),
    /** today's intake by channel, counted from the cases themselves */
    byChannel: z.array(count),
  }),
  trend: z.array(z.object({ day: z.string(), created: z.number(), closed: z.number() })),
  due: z.object({ overdue: z.number(), dueSoon: z.number(), dueSoonWithinHours: z.number() }),
  rates: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      formula: z.string(),
      numerator: z.number(),
      denominator: z.number(),
      value: z.number().nullable(),
    }),
  ),
  children: z.array(
    z.object({
      kind: z.enum(['region', 'grid']),
      id: z.string(),
      name: z.string(),
      level: z.string(),
      total: z.number(),
      open: z.number(),
      overdue: z.number(),
      dueSoon: z.number(),
    }),
  ),
  unplaced: z.object({ overdue: z.number(), dueSoon: z.number() }),
  generatedAt: z.string(),
});

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

const drillQuery = nodeQuery.extend({
  due: z.enum(['overdue', 'due_soon']).optional(),
  status: csv(STATUSES).optional(),
  colour: csv(COLOURS).optional(),
  kind: csv(CASE_KINDS).optional(),
  channel: csv(CHANNELS).optional(),
  categoryCode: z.string().max(32).optional(),
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
});

export function overviewRoutes(app: FastifyInstance, deps: AppDeps, service = overviewService(deps)) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { access: OVERVIEW_ROLES };

  r.get(
    '/api/v1/overview',
    {
      config: access,
      schema: {
        tags: ['overview'],
        summary: 'One screen of figures for the viewer’s region, or a region or grid inside it.',
        querystring: nodeQuery,
        response: { 200: figuresSchema },
      },
    },
    async (req) => service.figures(viewerOf(req), req.query, localeOf(req.headers['accept-language'])),
  );

  r.get(
    '/api/v1/overview/cases',
    {
      config: access,
      schema: {
        tags: ['overview'],
        summary: 'The cases behind a figure: a region or grid, filtered as the figure was counted.',
        querystring: drillQuery,
        response: { 200: z.object({ items: z.array(caseSummarySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const q = req.query;
      const { node } = await service.resolveNode(v, q);
      const now = deps.clock.now();
      const where: (SQL | undefined)[] = [eq(cases.countyId, v.countyId), visibleTo(v), inNode(node)];
      if (q.status?.length) where.push(inArray(cases.status, q.status));
      if (q.colour?.length) where.push(inArray(cases.colour, q.colour));
      if (q.kind?.length) where.push(inArray(cases.kind, q.kind));
      if (q.channel?.length) where.push(inArray(cases.channel, q.channel));
      if (q.categoryCode) where.push(sql`${cases.categoryCode} like ${`${q.categoryCode}%`}`);
      if (q.open === 'true' || q.due) where.push(sql`${cases.closedAt} is null`);
      if (q.open === 'false') where.push(sql`${cases.closedAt} is not null`);
      if (q.due === 'overdue') where.push(lt(cases.dueAt, now));
      if (q.due === 'due_soon')
        where.push(
          and(
            sql`${cases.dueAt} >= ${now.toISOString()}::timestamptz`,
            lt(cases.dueAt, new Date(now.getTime() + DUE_SOON_MS)),
          ),
        );
      const cursor = decodeCursor(q.cursor);
      if (cursor)
        where.push(sql`(${cases.createdAt}, ${cases.id}) < (${cursor.at}::timestamptz, ${cursor.id})`);
      const rows = await deps.db
        .select()
        .from(cases)
        .where(and(...where))
        .orderBy(desc(cases.createdAt), desc(cases.id))
        .limit(q.limit + 1);
      const more = rows.length > q.limit;
      const items = more ? rows.slice(0, q.limit) : rows;
      const last = items[items.length - 1];
      const locale = localeOf(req.headers['accept-language']);
      return {
        items: items.map((row) => presentRow(row, deps.org, locale, now)),
        nextCursor:
          more && last
            ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url')
            : null,
      };
    },
  );
}

function decodeCursor(c: string | undefined) {
  if (!c) return null;
  const [at, id] = Buffer.from(c, 'base64url').toString().split('|');
  return id && !Number.isNaN(Date.parse(at)) ? { at, id } : null;
}
