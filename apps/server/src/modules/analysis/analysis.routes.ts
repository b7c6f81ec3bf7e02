import type { Role } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import { caseSummarySchema } from '../cases/cases.presenter.ts';
import { OVERVIEW_ROLES } from '../overview/overview.routes.ts';
import { categoryTrends } from './category-trends.ts';
import { hotTopics } from './hot-topics.ts';
import { scanWarnings } from './warnings.detect.ts';
import { WARNING_ACTIONS, warningsService } from './warnings.service.ts';

const HANDLERS_OF_WARNINGS: readonly Role[] = ['leader', 'supervisor', 'dispatcher', 'admin'];

const warningSchema = z.object({
  id: z.string(),
  kind: z.string(),
  level: z.string(),
  colour: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  title: z.string(),
  facts: z.record(z.string(), z.unknown()),
  detectedAt: z.string(),
  state: z.string(),
  history: z.array(
    z.object({ action: z.string(), note: z.string().nullable(), actorId: z.string(), at: z.string() }),
  ),
  caseCount: z.number(),
  cases: z.array(caseSummarySchema),
});

const topicSchema = z.object({
  key: z.string(),
  label: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  keywords: z.array(z.string()),
  count: z.number(),
  previousCount: z.number(),
  open: z.number(),
  daily: z.array(z.object({ day: z.string(), n: z.number() })),
  samples: z.array(caseSummarySchema),
  caseIds: z.array(z.string()),
});

export function analysisRoutes(app: FastifyInstance, deps: AppDeps, warnings = warningsService(deps)) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const locale = (req: { headers: Record<string, unknown> }) =>
    localeOf(req.headers['accept-language'] as string);

  r.get(
    '/api/v1/analysis/hot-topics',
    {
      config: { access: OVERVIEW_ROLES },
      schema: {
        tags: ['analysis'],
        summary: 'Clusters of similar matters by place and time, with their trend and sample cases.',
        querystring: z.object({
          days: z.coerce.number().int().min(1).max(90).default(7),
          regionId: z.string().max(64).optional(),
        }),
        response: { 200: z.object({ items: z.array(topicSchema) }) },
      },
    },
    async (req) => ({ items: await hotTopics(deps, viewerOf(req), req.query, locale(req)) }),
  );

  r.get(
    '/api/v1/analysis/category-trends',
    {
      config: { access: OVERVIEW_ROLES },
      schema: {
        tags: ['analysis'],
        summary:
          'Cases per top-level category and day over a window, with the last 7 days against the 7 before.',
        querystring: z.object({
          days: z.coerce.number().int().min(7).max(90).default(30),
          regionId: z.string().max(64).optional(),
        }),
        response: {
          200: z.object({
            days: z.array(z.string()),
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                total: z.number(),
                last7: z.number(),
                previous7: z.number(),
                daily: z.array(z.number()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => categoryTrends(deps, viewerOf(req), req.query, locale(req)),
  );

  r.get(
    '/api/v1/warnings',
    {
      config: { access: OVERVIEW_ROLES },
      schema: {
        tags: ['analysis'],
        summary: 'Risk warnings routed to the viewer’s region or below, with evidence and handling.',
        querystring: z.object({
          state: z.enum(['open', 'acknowledged', 'handled', 'dismissed']).optional(),
          kind: z.string().max(40).optional(),
          regionId: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(warningSchema) }) },
      },
    },
    async (req) => ({ items: await warnings.list(viewerOf(req), req.query, locale(req)) }),
  );

  r.post(
    '/api/v1/warnings/:id/actions',
    {
      config: { access: HANDLERS_OF_WARNINGS },
      schema: {
        tags: ['analysis'],
        summary: 'Acknowledge, handle, dismiss or reopen a warning (append-only log).',
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({ action: z.enum(WARNING_ACTIONS), note: z.string().trim().max(2000).nullish() }),
        response: { 200: warningSchema },
      },
    },
    async (req) =>
      warnings.act(viewerOf(req), req.params.id, req.body.action, req.body.note || null, locale(req)),
  );

  r.post(
    '/api/v1/warnings/scan',
    {
      config: { access: HANDLERS_OF_WARNINGS },
      schema: {
        tags: ['analysis'],
        summary: 'Look for new warnings now (a job also does this every few minutes).',
        response: { 200: z.object({ created: z.number() }) },
      },
    },
    async () => ({ created: await scanWarnings(deps) }),
  );
}
