import { phoneSchema } from '@hewei/domain';
import { RISK_LEVELS } from '@hewei/domain/risk/index.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { ICS_CONTENT_TYPE, toICalendar } from '../../documents/icalendar.ts';
import { viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import { casesService } from '../cases/cases.service.ts';
import { followUpCalendarItems } from './households.calendar.ts';
import {
  householdSchema,
  presentHousehold,
  presentRisk,
  presentTask,
  taskSchema,
} from './households.presenter.ts';
import { householdRevealRoute } from './households.reveal.ts';
import { FIELD_READERS, householdsService } from './households.service.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const level = z.enum(RISK_LEVELS);

const householdInput = z.object({
  regionId: z.string().max(64).optional(),
  gridId: z.string().max(64).optional(),
  address: z.string().trim().min(2).max(300),
  headName: z.string().trim().min(1).max(100),
  headPhone: phoneSchema.optional(),
  memberCount: z.number().int().min(1).max(50),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  workerId: z.string().max(64).optional(),
  riskLevel: level.default('safe'),
  reason: z.string().trim().max(2000).optional(),
});

export function householdsRoutes(app: FastifyInstance, deps: AppDeps, service = householdsService(deps)) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cases = casesService(deps);
  const readers = { access: FIELD_READERS };
  const writers = { access: ['grid_worker', 'dispatcher', 'admin'] as const };
  const loc = (req: { headers: Record<string, any> }) => localeOf(req.headers['accept-language']);
  const tags = ['households'];
  householdRevealRoute(app, deps);

  r.post(
    '/api/v1/households',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Register a household (with its risk level)',
        body: householdInput,
        response: { 201: householdSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentHousehold(await service.create(viewerOf(req), req.body), deps, loc(req))),
  );

  r.get(
    '/api/v1/households',
    {
      config: readers,
      schema: {
        tags,
        querystring: z.object({
          regionId: z.string().max(64).optional(),
          atRisk: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ items: z.array(householdSchema) }) },
      },
    },
    async (req) => {
      const rows = await service.list(viewerOf(req), { ...req.query, atRisk: req.query.atRisk === 'true' });
      return { items: rows.map((h) => presentHousehold(h, deps, loc(req))) };
    },
  );

  r.get(
    '/api/v1/households/warnings',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Risk warnings handled in the viewer’s region (or exactly at region `at`)',
        querystring: z.object({ at: z.string().max(64).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ household: householdSchema, warning: z.string(), handler: z.string() }),
            ),
          }),
        },
      },
    },
    async (req) => ({
      items: (await service.warnings(viewerOf(req), req.query.at)).map((w) => ({
        household: presentHousehold(w.h, deps, loc(req)),
        warning: w.p.warning!,
        handler: w.p.handler!,
      })),
    }),
  );

  r.get(
    '/api/v1/households/:id',
    { config: readers, schema: { tags, params: idParams, response: { 200: householdSchema } } },
    async (req) => presentHousehold(await service.get(viewerOf(req), req.params.id), deps, loc(req)),
  );

  r.post(
    '/api/v1/households/:id/risk',
    {
      config: { access: ['grid_worker', 'dispatcher', 'mediator', 'supervisor'] as const },
      schema: {
        tags,
        summary: 'Change the risk level (or confirm it after an incident); the reason is required',
        params: idParams,
        body: z.object({
          version: z.number().int().min(1),
          level,
          reason: z.string().trim().min(1).max(2000),
          caseId: z.string().max(64).optional(),
        }),
        response: { 200: householdSchema },
      },
    },
    async (req) =>
      presentHousehold(await service.regrade(viewerOf(req), req.params.id, req.body), deps, loc(req)),
  );

  r.get(
    '/api/v1/households/:id/timeline',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Every change of risk level, with who, when and why',
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number(),
                at: z.string(),
                fromLevel: z.string().nullable(),
                toLevel: z.string(),
                reason: z.string(),
                caseId: z.string().nullable(),
                actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({
      items: (await service.timeline(viewerOf(req), req.params.id)).map(({ change: c, actorName }) => ({
        seq: c.seq,
        at: c.at.toISOString(),
        fromLevel: c.fromLevel,
        toLevel: c.toLevel,
        reason: c.reason,
        caseId: c.caseId,
        actor: { id: c.actorId, name: actorName ?? c.actorId, role: c.actorRole },
      })),
    }),
  );

  r.get(
    '/api/v1/households/:id/follow-ups',
    {
      config: readers,
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ risk: householdSchema.shape.risk, items: z.array(taskSchema) }) },
      },
    },
    async (req) => {
      const { household, tasks } = await service.tasks(viewerOf(req), req.params.id);
      const now = deps.clock.now();
      return {
        risk: presentRisk(household, deps.org, loc(req)),
        items: tasks.map((t) => presentTask(t, now, deps.calendar)),
      };
    },
  );

  r.get(
    '/api/v1/households/:id/follow-ups.ics',
    {
      config: readers,
      schema: { tags, summary: 'The household’s follow-up schedule as iCalendar', params: idParams },
    },
    async (req, reply) => {
      const { household, tasks } = await service.tasks(viewerOf(req), req.params.id);
      const body = toICalendar(followUpCalendarItems([household], tasks, deps.clock.now(), loc(req)), {
        prodId: '-//Hewei//Household follow-ups//ZH',
        calendarName: `回访 ${household.address}`,
      });
      return reply.header('content-type', ICS_CONTENT_TYPE).send(body);
    },
  );

  r.post(
    '/api/v1/households/:id/incidents',
    {
      config: { access: ['grid_worker', 'dispatcher', 'mediator', 'supervisor'] as const },
      schema: {
        tags,
        summary: 'Link a case that involves the household: a new incident prompts re-grading',
        params: idParams,
        body: z.object({ caseId: z.string().min(1).max(64) }),
        response: { 200: householdSchema },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const c = await cases.get(v, req.body.caseId);
      const h = await service.linkIncident(v, req.params.id, c.id, {
        kind: c.kind,
        urgent: c.colour === 'red',
      });
      return presentHousehold(h, deps, loc(req));
    },
  );
}
