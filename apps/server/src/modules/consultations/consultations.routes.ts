import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { consultationsService } from './consultations.service.ts';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
// any signed-in viewer reaches the service, so a case they may not see is 404 for everyone
const SIGNED_IN = 'signed_in' as const;

const consultationSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  title: z.string(),
  agenda: z.string(),
  status: z.enum(['convened', 'concluded']),
  convenedBy: z.string(),
  convenedAt: z.string(),
  scheduledAt: z.string(),
  minutes: z.string().nullable(),
  concludedAt: z.string().nullable(),
  participants: z.array(
    z.object({
      position: z.number(),
      departmentId: z.string().nullable(),
      userId: z.string().nullable(),
      name: z.string(),
      attendance: z.enum(['invited', 'attended', 'absent']),
    }),
  ),
  decisions: z.array(
    z.object({
      position: z.number(),
      text: z.string(),
      leadDepartmentId: z.string().nullable(),
      coDepartmentIds: z.array(z.string()),
      workingDays: z.number().nullable(),
      dueAt: z.string().nullable(),
      caseEventSeq: z.number().nullable(),
    }),
  ),
});

type Loaded = Awaited<ReturnType<ReturnType<typeof consultationsService>['get']>>;
const present = (c: Loaded) => ({
  id: c.id,
  caseId: c.caseId,
  title: c.title,
  agenda: c.agenda,
  status: c.status as 'convened',
  convenedBy: c.convenedBy,
  convenedAt: c.convenedAt.toISOString(),
  scheduledAt: c.scheduledAt.toISOString(),
  minutes: c.minutes,
  concludedAt: c.concludedAt?.toISOString() ?? null,
  participants: c.participants.map((p) => ({
    position: p.position,
    departmentId: p.departmentId,
    userId: p.userId,
    name: p.name,
    attendance: p.attendance as 'invited',
  })),
  decisions: c.decisions.map((d) => ({
    position: d.position,
    text: d.text,
    leadDepartmentId: d.leadDepartmentId,
    coDepartmentIds: d.coDepartmentIds,
    workingDays: d.workingDays,
    dueAt: d.dueAt?.toISOString() ?? null,
    caseEventSeq: d.caseEventSeq,
  })),
});

export function consultationsRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  service = consultationsService(deps),
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/cases/:id/consultations',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['consultations'],
        summary: 'Convene a joint consultation (会商研判) of departments and people on a case.',
        params: z.object({ id }),
        body: z.object({
          title: text(200),
          agenda: text(4000),
          scheduledAt: z.iso.datetime({ offset: true }),
          departmentIds: z.array(id).max(20).default([]),
          people: z
            .array(z.object({ userId: id.optional(), name: text(100) }))
            .max(30)
            .default([]),
        }),
        response: { 201: consultationSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(present(await service.convene(viewerOf(req), req.params.id, req.body))),
  );

  r.get(
    '/api/v1/cases/:id/consultations',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['consultations'],
        params: z.object({ id }),
        response: { 200: z.object({ items: z.array(consultationSchema) }) },
      },
    },
    async (req) => ({ items: (await service.listForCase(viewerOf(req), req.params.id)).map(present) }),
  );

  r.post(
    '/api/v1/consultations/:id/conclude',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['consultations'],
        summary:
          'Record minutes, attendance and decisions; a decision naming a lead department re-assigns the case with its time limit.',
        params: z.object({ id }),
        body: z.object({
          minutes: text(20_000),
          attended: z.array(z.number().int().min(0)).max(50).default([]),
          decisions: z
            .array(
              z.object({
                text: text(2000),
                leadDepartmentId: id.optional(),
                coDepartmentIds: z.array(id).max(10).optional(),
                workingDays: z.number().int().min(1).max(60).optional(),
              }),
            )
            .min(1)
            .max(20),
        }),
        response: { 200: consultationSchema },
      },
    },
    async (req) => present(await service.conclude(viewerOf(req), req.params.id, req.body)),
  );
}
