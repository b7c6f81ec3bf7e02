import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import { ASSESSORS, assessmentService } from './assessment.service.ts';

const subject = z.enum(['department', 'town', 'grid_worker']);
const period = z.object({
  subject,
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
const metricOut = z.object({
  key: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  rate: z.number().nullable(),
  weight: z.number(),
  good: z.boolean(),
});
const trainingOut = z.object({
  id: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  kind: z.string(),
  title: z.string(),
  heldOn: z.string(),
  points: z.number(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export function assessmentRoutes(app: FastifyInstance, deps: AppDeps, service = assessmentService(deps)) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const range = (q: { from?: string; to?: string }) => {
    const to = q.to ? new Date(q.to) : deps.clock.now();
    return { from: q.from ? new Date(q.from) : new Date(to.getTime() - 90 * 86_400_000), to };
  };

  r.get(
    '/api/v1/assessments',
    {
      config: { access: ASSESSORS },
      schema: {
        tags: ['assessment'],
        summary:
          'Rank grid workers, departments or towns from recorded facts; formulas shown, bottom flagged.',
        querystring: period,
        response: {
          200: z.object({
            subject: z.string(),
            from: z.string(),
            to: z.string(),
            formula: z.string(),
            metrics: z.array(
              z.object({
                key: z.string(),
                label: z.string(),
                formula: z.string(),
                weight: z.number(),
                good: z.boolean(),
              }),
            ),
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                cases: z.number(),
                metrics: z.array(metricOut),
                trainingPoints: z.number(),
                score: z.number().nullable(),
                rank: z.number().nullable(),
                flagged: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) =>
      service.ranking(
        viewerOf(req),
        { subject: req.query.subject, ...range(req.query) },
        localeOf(req.headers['accept-language']),
      ),
  );

  r.get(
    '/api/v1/assessments/explain',
    {
      config: { access: ASSESSORS },
      schema: {
        tags: ['assessment'],
        summary: 'The cases behind one metric of one subject’s score.',
        querystring: period.extend({
          id: z.string().min(1).max(64),
          metric: z.enum(['onTime', 'satisfaction', 'objection', 'reopen', 'verifyOnTime']),
        }),
        response: {
          200: z.object({
            items: z.array(z.object({ caseId: z.string(), trackingCode: z.string(), counted: z.boolean() })),
          }),
        },
      },
    },
    async (req) => ({
      items: await service.explain(viewerOf(req), { ...req.query, ...range(req.query) }),
    }),
  );

  r.post(
    '/api/v1/trainings',
    {
      config: { access: ASSESSORS },
      schema: {
        tags: ['assessment'],
        summary: 'Record a training or contest for a grid worker, department or town (append-only).',
        body: z.object({
          subjectType: subject,
          subjectId: z.string().min(1).max(64),
          kind: z.enum(['training', 'contest']),
          title: z.string().trim().min(1).max(200),
          heldOn: z.iso.date(),
          points: z.number().int().min(0).max(10),
        }),
        response: { 201: trainingOut },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordTraining(viewerOf(req), req.body)),
  );

  r.get(
    '/api/v1/trainings',
    {
      config: { access: ASSESSORS },
      schema: {
        tags: ['assessment'],
        querystring: z.object({ subjectType: subject, subjectId: z.string().min(1).max(64) }),
        response: { 200: z.object({ items: z.array(trainingOut) }) },
      },
    },
    async (req) => ({
      items: (await service.listTrainings(viewerOf(req), req.query.subjectType, req.query.subjectId)).map(
        (t) => ({
          ...t,
          heldOn: String(t.heldOn),
          recordedAt: t.recordedAt.toISOString(),
        }),
      ),
    }),
  );
}
