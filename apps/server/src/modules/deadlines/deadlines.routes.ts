import {
  DEADLINE_COLOURS,
  DEADLINE_STAGES,
  DEADLINE_UNITS,
  type DeadlineColour,
  type DeadlinePolicy,
  type DeadlineStage,
  type DeadlineUnit,
  defaultDeadlinePolicies,
  defaultEscalationPolicies,
  type EscalationPolicy,
  HeweiError,
  validateDeadlinePolicies,
  validateEscalationPolicies,
} from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { casesService } from '../cases/cases.service.ts';
import { deadlinesRepository as repo } from './deadlines.repository.ts';

const policySchema = z.object({
  colour: z.enum(DEADLINE_COLOURS as [DeadlineColour, ...DeadlineColour[]]),
  categoryCode: z.string().min(1).max(32).optional(),
  regionId: z.string().min(1).max(64).optional(),
  stage: z.enum(DEADLINE_STAGES as [DeadlineStage, ...DeadlineStage[]]),
  amount: z.number().min(0).max(10_000),
  unit: z.enum(DEADLINE_UNITS as [DeadlineUnit, ...DeadlineUnit[]]),
});
const spanSchema = z.object({
  amount: z.number().int().min(0).max(10_000),
  unit: z.enum(DEADLINE_UNITS as [DeadlineUnit, ...DeadlineUnit[]]),
});
const escalationSchema = z.object({
  colour: z.enum(DEADLINE_COLOURS as [DeadlineColour, ...DeadlineColour[]]),
  dueSoonFraction: z.number().min(0).max(0.99),
  urgeAfter: spanSchema.nullable(),
  superviseAfter: spanSchema.nullable(),
  superviseWorkingDays: z.number().int().min(1).max(30),
  escalateAfter: z.array(spanSchema).max(3),
  stages: z.array(z.enum(DEADLINE_STAGES as [DeadlineStage, ...DeadlineStage[]])),
});
type Ladder = z.infer<typeof escalationSchema>[];
const policiesResponse = z.object({
  version: z.number(),
  policies: z.array(policySchema),
  defaults: z.array(policySchema),
  /** the escalation ladder per colour: warn, urge (催办), supervise (督办), escalate step by step */
  escalation: z.array(escalationSchema),
  escalationDefaults: z.array(escalationSchema),
  history: z.array(
    z.object({ version: z.number(), changedBy: z.string(), changedAt: z.string(), reason: z.string() }),
  ),
});
const timerSchema = z.object({
  kind: z.string(),
  stage: z.string(),
  deadline: z.string(),
  step: z.number(),
  fireAt: z.string(),
  firedAt: z.string().nullable(),
  outcome: z.string().nullable(),
});

export function deadlinesRoutes(app: FastifyInstance, deps: AppDeps, cases = casesService(deps)) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function current(countyId: string) {
    const history = await repo.policyHistory(deps.db, countyId);
    const stored = history.length ? await repo.policiesAt(deps.db, countyId, history[0].version) : null;
    return {
      version: history[0]?.version ?? 0,
      policies: (stored?.policies ?? defaultDeadlinePolicies) as DeadlinePolicy[],
      defaults: defaultDeadlinePolicies as DeadlinePolicy[],
      escalation: (stored?.escalation ?? defaultEscalationPolicies) as unknown as Ladder,
      escalationDefaults: defaultEscalationPolicies as unknown as Ladder,
      history: history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
    };
  }

  r.get(
    '/api/v1/deadline-policies',
    {
      config: { access: ['admin', 'supervisor', 'leader', 'dispatcher'] },
      schema: {
        tags: ['deadlines'],
        summary: 'The county’s deadline policies (per colour, stage, category, region), with their history.',
        response: { 200: policiesResponse },
      },
    },
    async (req) => current(viewerOf(req).countyId),
  );

  r.put(
    '/api/v1/deadline-policies',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['deadlines'],
        summary: 'Replace the county’s deadline policies; applies to deadlines computed from now on.',
        body: z.object({
          baseVersion: z.number().int().min(0),
          policies: z.array(policySchema).min(1).max(2000),
          /** omitted: the previous version's ladder is kept */
          escalation: z.array(escalationSchema).min(1).max(4).optional(),
          reason: z.string().trim().min(1).max(500),
        }),
        response: { 200: policiesResponse },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const body = req.body;
      const policies = body.policies as DeadlinePolicy[];
      const errors = validateDeadlinePolicies(policies).filter((i) => i.severity === 'error');
      if (errors.length)
        throw new HeweiError('VALIDATION_FAILED', {
          field: `policies.${errors[0].index ?? 0}`,
          rule: 'INVALID_DEADLINE_POLICY',
          detail: errors[0].message,
        });
      for (const p of policies)
        if (p.regionId && deps.org.region(p.regionId)?.countyId !== v.countyId)
          throw new HeweiError('VALIDATION_FAILED', {
            field: 'policies',
            rule: 'UNKNOWN_REGION',
            params: { id: p.regionId },
          });
      const escalation = (body.escalation ??
        (await repo.policiesAt(deps.db, v.countyId, body.baseVersion))?.escalation ??
        null) as EscalationPolicy[] | null;
      const bad = escalation ? validateEscalationPolicies(escalation)[0] : undefined;
      if (bad)
        throw new HeweiError('VALIDATION_FAILED', {
          field: `escalation.${bad.index}.${bad.field}`,
          rule: 'INVALID_ESCALATION_POLICY',
          params: { field: `${bad.index}.${bad.field}` },
        });
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const saved = await repo.savePolicies(tx, {
          countyId: v.countyId,
          version: body.baseVersion + 1,
          policies,
          escalation,
          changedBy: v.userId,
          changedAt: now,
          reason: body.reason,
        });
        if (!saved) throw new HeweiError('VERSION_CONFLICT');
        await recordAudit(tx, {
          at: now,
          action: 'deadline_policies.saved',
          actorId: v.userId,
          target: `${v.countyId}/v${body.baseVersion + 1}`,
          data: { count: policies.length, escalation: escalation !== null, reason: body.reason },
        });
      });
      await deps.deadlines?.refresh();
      return current(v.countyId);
    },
  );

  r.get(
    '/api/v1/cases/:id/timers',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['deadlines'],
        summary: 'The case’s timers: what will fire when, and what fired.',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: z.object({ items: z.array(timerSchema) }) },
      },
    },
    async (req) => {
      const state = await cases.get(viewerOf(req), req.params.id);
      const rows = await repo.timersOf(deps.db, state.countyId, state.id);
      return {
        items: rows.map((t) => ({
          kind: t.kind,
          stage: t.stage,
          deadline: t.deadline.toISOString(),
          step: t.step,
          fireAt: t.fireAt.toISOString(),
          firedAt: t.firedAt?.toISOString() ?? null,
          outcome: t.outcome,
        })),
      };
    },
  );
}
