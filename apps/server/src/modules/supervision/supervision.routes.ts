import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import { casesService } from '../cases/cases.service.ts';
import { type DueRow, findDueWork, findOrders } from './supervision.queries.ts';

const WATCHERS = ['supervisor', 'leader', 'dispatcher', 'admin'] as const;
const ESCALATION_EVENTS = new Set([
  'case.due_soon_warned',
  'case.overdue_marked',
  'case.urged',
  'case.supervised',
  'case.escalated',
]);

const group = z.array(z.object({ id: z.string().nullable(), name: z.string(), count: z.number() }));
const itemSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: z.string(),
  colour: z.string().nullable(),
  dueAt: z.string(),
  dueState: z.enum(['overdue', 'due_soon']),
  ownerRegionId: z.string(),
  ownerRegionName: z.string(),
  leadDepartmentId: z.string().nullable(),
  leadDepartmentName: z.string().nullable(),
  urged: z.number(),
  supervised: z.number(),
  escalated: z.number(),
});

export function supervisionRoutes(app: FastifyInstance, deps: AppDeps, cases = casesService(deps)) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const name = (en: boolean, x: { name: string; nameEn: string } | undefined) =>
    x ? (en ? x.nameEn : x.name) : '';

  r.get(
    '/api/v1/supervision/board',
    {
      config: { access: WATCHERS },
      schema: {
        tags: ['supervision'],
        summary: 'Overdue and due-soon work in the viewer’s region, by owning center and by lead department.',
        querystring: z.object({
          state: z.enum(['overdue', 'due_soon']).default('overdue'),
          limit: z.coerce.number().int().min(1).max(2000).default(500),
        }),
        response: {
          200: z.object({
            total: z.number(),
            byRegion: group,
            byDepartment: group,
            items: z.array(itemSchema),
          }),
        },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const en = localeOf(req.headers['accept-language']) === 'en';
      const rows = await findDueWork(deps.db, v, deps.clock.now(), req.query.state, req.query.limit);
      const items = rows.map((c: DueRow) => ({
        id: c.id,
        trackingCode: c.tracking_code,
        status: c.status,
        colour: c.colour,
        dueAt: new Date(c.due_at).toISOString(),
        dueState: req.query.state,
        ownerRegionId: c.owner_region_id,
        ownerRegionName: name(en, deps.org.region(c.owner_region_id)),
        leadDepartmentId: c.lead_department_id,
        leadDepartmentName: c.lead_department_id ? name(en, deps.org.department(c.lead_department_id)) : null,
        urged: c.urged,
        supervised: c.supervised,
        escalated: c.escalated,
      }));
      const tally = (key: (i: (typeof items)[number]) => [string | null, string]) => {
        const m = new Map<string | null, { id: string | null; name: string; count: number }>();
        for (const i of items) {
          const [id, label] = key(i);
          const g = m.get(id) ?? { id, name: label, count: 0 };
          g.count++;
          m.set(id, g);
        }
        return [...m.values()].sort((a, b) => b.count - a.count);
      };
      return {
        total: items.length,
        byRegion: tally((i) => [i.ownerRegionId, i.ownerRegionName]),
        byDepartment: tally((i) => [
          i.leadDepartmentId,
          i.leadDepartmentName ?? (en ? 'Not assigned' : '未交办'),
        ]),
        items,
      };
    },
  );

  r.get(
    '/api/v1/supervision/orders',
    {
      config: { access: WATCHERS },
      schema: {
        tags: ['supervision'],
        summary: 'Urges (催办) and supervision orders (督办) in the viewer’s region, newest first.',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                caseId: z.string(),
                trackingCode: z.string(),
                kind: z.enum(['urge', 'supervise']),
                byRole: z.string(),
                automatic: z.boolean(),
                at: z.string(),
                reason: z.string(),
                dueAt: z.string().nullable(),
                /** a supervision order whose own deadline passed while the case is still open */
                overdue: z.boolean(),
                /** the case has ended (closed, withdrawn, merged): the order is settled */
                settled: z.boolean(),
                status: z.string(),
                ownerRegionId: z.string(),
                ownerRegionName: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const now = deps.clock.now().getTime();
      const en = localeOf(req.headers['accept-language']) === 'en';
      const rows = await findOrders(deps.db, viewerOf(req), req.query.limit);
      return {
        items: rows.map((o) => ({
          caseId: o.case_id,
          trackingCode: o.tracking_code,
          kind: o.kind as 'urge',
          byRole: o.by_role,
          automatic: o.automatic,
          at: new Date(o.at).toISOString(),
          reason: o.reason,
          dueAt: o.due_at ? new Date(o.due_at).toISOString() : null,
          overdue: Boolean(o.due_at && !o.closed_at && new Date(o.due_at).getTime() < now),
          settled: Boolean(o.closed_at),
          status: o.status,
          ownerRegionId: o.owner_region_id,
          ownerRegionName: name(en, deps.org.region(o.owner_region_id)),
        })),
      };
    },
  );

  r.get(
    '/api/v1/cases/:id/escalations',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['supervision'],
        summary:
          'The escalation history of a case: warnings, overdue, urges, supervision orders, escalations.',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number(),
                type: z.string(),
                at: z.string(),
                actorRole: z.string(),
                reason: z.string().nullable(),
                data: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const rows = await cases.timeline(viewerOf(req), req.params.id);
      return {
        items: rows
          .filter(({ event }) => ESCALATION_EVENTS.has(event.type))
          .map(({ event: e }) => ({
            seq: e.seq,
            type: e.type,
            at: e.at.toISOString(),
            actorRole: e.actorRole,
            reason: e.reason,
            data: e.data as Record<string, unknown>,
          })),
      };
    },
  );
}
