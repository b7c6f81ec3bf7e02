import { shanghaiDate } from '@hewei/domain';
import { addDays } from '@hewei/domain/risk/index.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { ICS_CONTENT_TYPE, toICalendar } from '../../documents/icalendar.ts';
import { viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import { followUpCalendarItems } from '../households/households.calendar.ts';
import { presentTask } from '../households/households.presenter.ts';
import { householdsRepository } from '../households/households.repository.ts';
import { fieldRecords } from './field.records.ts';
import { registerRoutes } from './field.registers.routes.ts';
import { fieldRepository as repo } from './field.repository.ts';
import { pointSchema, startPatrolSchema, visitSchema } from './field.schemas.ts';
import { fieldService } from './field.service.ts';
import { todayFor } from './field.today.ts';
import { fieldUploadRoutes } from './field.uploads.ts';
import { fieldVisitRoutes } from './field.visits.routes.ts';
import { syncRequestSchema, syncResultSchema } from './sync.schemas.ts';
import { syncService } from './sync.service.ts';

const WORKER = { access: ['grid_worker'] as const };
const SUPERVISORS = { access: ['grid_worker', 'supervisor', 'leader', 'dispatcher', 'admin'] as const };
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.object({ id: z.string().min(1).max(64) });
const loose = z.record(z.string(), z.unknown());
const iso = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, x]) => [k, x instanceof Date ? x.toISOString() : x]));

export function fieldRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const field = fieldService(deps);
  const sync = syncService(deps);
  const records = fieldRecords(deps);
  const tags = ['field'];
  const tx = <T>(f: (t: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<T>) =>
    db.transaction(f);

  r.post(
    '/api/v1/field/patrols',
    {
      config: WORKER,
      schema: { tags, summary: 'Start a patrol', body: startPatrolSchema, response: { 201: loose } },
    },
    async (req, reply) =>
      reply.status(201).send(iso(await tx((t) => field.startPatrol(t, viewerOf(req), req.body)))),
  );

  r.post(
    '/api/v1/field/patrols/:id/points',
    {
      config: WORKER,
      schema: {
        tags,
        summary: 'A place visited on patrol',
        params: id,
        body: pointSchema,
        response: { 201: loose },
      },
    },
    async (req, reply) =>
      reply.status(201).send(iso(await tx((t) => field.addPoint(t, viewerOf(req), req.params.id, req.body)))),
  );

  r.post(
    '/api/v1/field/patrols/:id/stop',
    {
      config: WORKER,
      schema: {
        tags,
        params: id,
        body: z.object({ at: z.string().datetime({ offset: true }).optional() }).default({}),
        response: { 200: loose },
      },
    },
    async (req) => iso(await tx((t) => field.stopPatrol(t, viewerOf(req), req.params.id, req.body.at))),
  );

  r.post(
    '/api/v1/field/visits',
    {
      config: WORKER,
      schema: {
        tags,
        summary: 'A home visit (routine, by appointment, follow-up); the household is required',
        body: visitSchema,
        response: { 201: loose },
      },
    },
    async (req, reply) => {
      const res = await tx((t) => field.recordVisit(t, viewerOf(req), req.body));
      return reply.status(201).send({ ...iso(res.visit), completedTaskId: res.completedTaskId });
    },
  );

  registerRoutes(app, deps);

  r.get(
    '/api/v1/field/today',
    {
      config: WORKER,
      schema: {
        tags,
        summary:
          'Today’s work: verifications, follow-ups, screenings, cases to settle; everything the app keeps offline',
        response: { 200: loose },
      },
    },
    async (req) => todayFor(deps, viewerOf(req), localeOf(req.headers['accept-language'])),
  );

  r.get(
    '/api/v1/field/follow-ups',
    {
      config: WORKER,
      schema: {
        tags,
        querystring: z.object({ from: date.optional(), to: date.optional() }),
        response: { 200: z.object({ items: z.array(loose) }) },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const now = deps.clock.now();
      const from = req.query.from ?? addDays(shanghaiDate(now), -28);
      const rows = await repo.tasksOf(
        db,
        v.countyId,
        [v.userId],
        from,
        req.query.to ?? addDays(shanghaiDate(now), 56),
      );
      return {
        items: rows.map((x) => ({
          ...presentTask(x.task, now, deps.calendar),
          address: x.address,
          headName: x.headName,
        })),
      };
    },
  );

  r.get(
    '/api/v1/field/follow-ups.ics',
    {
      config: WORKER,
      schema: { tags, summary: 'My follow-up schedule as iCalendar (subscribe from a phone calendar)' },
    },
    async (req, reply) => {
      const v = viewerOf(req);
      const now = deps.clock.now();
      const rows = await repo.tasksOf(
        db,
        v.countyId,
        [v.userId],
        addDays(shanghaiDate(now), -28),
        addDays(shanghaiDate(now), 56),
      );
      const hs = await Promise.all(
        [...new Set(rows.map((x) => x.task.householdId))].map((h) =>
          householdsRepository.load(db, v.countyId, h),
        ),
      );
      const body = toICalendar(
        followUpCalendarItems(
          hs.filter((h) => !!h),
          rows.map((x) => x.task),
          now,
          localeOf(req.headers['accept-language']),
        ),
        {
          prodId: '-//Hewei//Field follow-ups//ZH',
          calendarName: `${v.displayName} 回访`,
        },
      );
      return reply.header('content-type', ICS_CONTENT_TYPE).send(body);
    },
  );

  r.post(
    '/api/v1/field/sync',
    {
      config: WORKER,
      schema: {
        tags,
        summary:
          'Apply the field app’s queued actions in order, each exactly once (client keys); per-action results with conflicts',
        body: syncRequestSchema,
        response: { 200: z.object({ results: z.array(syncResultSchema) }) },
      },
    },
    async (req) => ({
      results: await sync.apply(viewerOf(req), req.body.actions, localeOf(req.headers['accept-language'])),
    }),
  );

  r.get(
    '/api/v1/field/records',
    {
      config: SUPERVISORS,
      schema: {
        tags,
        summary: 'Work records per grid worker for assessment',
        querystring: z.object({ from: date, to: date, regionId: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(loose) }) },
      },
    },
    async (req) => ({ items: await records.records(viewerOf(req), req.query) }),
  );

  r.get(
    '/api/v1/field/workers/:id/days',
    {
      config: SUPERVISORS,
      schema: {
        tags,
        summary: 'A grid worker’s day or week: patrols on a map, visits, follow-ups due and done',
        params: id,
        querystring: z.object({ from: date, to: date }),
        response: { 200: loose },
      },
    },
    async (req) => {
      const d = await records.days(viewerOf(req), req.params.id, req.query);
      const now = deps.clock.now();
      return {
        worker: d.worker,
        patrols: d.patrols.map((p) => ({ ...iso(p), points: p.points.map(iso) })),
        visits: d.visits.map(iso),
        followUps: d.followUps.map((x) => ({
          ...presentTask(x.task, now, deps.calendar),
          address: x.address,
        })),
      };
    },
  );

  fieldUploadRoutes(app, deps);
  fieldVisitRoutes(app, deps);
}
