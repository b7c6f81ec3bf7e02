import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { listAudit, recordAudit } from './audit.repository.ts';
import { verifyAuditChain } from './audit.verify.ts';

const AUDITORS = ['admin', 'supervisor'] as const;

export function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/audit',
    {
      config: { access: AUDITORS },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first (sign-ins, failures, reveals, exports, administrative acts).',
        querystring: z.object({
          action: z.string().max(64).optional(),
          before: z.coerce.number().int().min(1).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number(),
                id: z.string(),
                at: z.string(),
                actorId: z.string().nullable(),
                action: z.string(),
                target: z.string().nullable(),
                data: z.unknown(),
                hash: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const rows = await listAudit(deps.db, { ...req.query, before: req.query.before?.toString() });
      return {
        items: rows.map((x) => ({
          seq: Number(x.seq),
          id: x.id,
          at: new Date(x.at).toISOString(),
          actorId: x.actor_id,
          action: x.action,
          target: x.target,
          data: x.data,
          hash: x.hash,
        })),
      };
    },
  );

  r.get(
    '/api/v1/audit/verify',
    {
      config: { access: AUDITORS },
      schema: {
        tags: ['audit'],
        summary: 'Walk the hash chain; with an anchor (a head kept elsewhere) a cut-off tail shows too.',
        querystring: z.object({
          anchorSeq: z.coerce.number().int().min(1).optional(),
          anchorHash: z
            .string()
            .regex(/^[0-9a-f]{64}$/)
            .optional(),
        }),
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number(),
            head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
            problems: z.array(
              z.object({ seq: z.number().nullable(), auditId: z.string(), kind: z.string() }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const { anchorSeq, anchorHash } = req.query;
      const anchor = anchorSeq && anchorHash ? { seq: anchorSeq, hash: anchorHash } : undefined;
      const report = await verifyAuditChain(deps.db, anchor);
      await recordAudit(deps.db, {
        at: deps.clock.now(),
        action: 'audit.verified',
        actorId: viewerOf(req).userId,
        data: { ok: report.ok, entries: report.entries },
      });
      return report;
    },
  );
}
