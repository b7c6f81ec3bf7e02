import { HeweiError } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { STAFF, viewerOf } from '../../http/access.ts';
import { type Locale, localeOf } from '../../http/messages.ts';
import type { OrgDirectory } from '../org/org.directory.ts';
import { patchSchema } from '../org/org.presenter.ts';
import type { Suggestion, Why } from './routing.rules.ts';
import { type RuleInput, routingService } from './routing.service.ts';

const ref = z.object({ id: z.string(), name: z.string() });
const suggestionSchema = z.object({
  source: z.enum(['rule', 'responsibility']),
  ruleId: z.string().nullable(),
  ruleName: z.string().nullable(),
  responsibilityIds: z.array(z.string()),
  lead: ref,
  co: z.array(ref),
  why: z.array(z.object({ kind: z.string(), text: z.string() })),
});
const ruleBody = z.object({
  name: z.string().trim().min(1).max(100),
  priority: z.number().int().min(0).max(1000),
  categoryPrefix: z
    .string()
    .regex(/^\d{2,8}$/)
    .nullable()
    .default(null),
  regionId: z.string().min(1).max(64).nullable().default(null),
  kinds: z.array(z.string().max(32)).max(10).default([]),
  keywords: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  leadDepartmentId: z.string().min(1).max(64),
  coDepartmentIds: z.array(z.string().min(1).max(64)).max(10).default([]),
  active: z.boolean().default(true),
  note: z.string().max(500).nullable().default(null),
});
const ruleSchema = ruleBody.extend({ id: z.string() });

export function routingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = routingService(deps);
  const { org } = deps;

  r.get(
    '/api/v1/cases/:id/routing-suggestions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['routing'],
        summary:
          'Lead and co-handlers suggested from category × place, with the rule or responsibility entry that matched and why.',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: {
          200: z.object({
            caseId: z.string(),
            place: z.object({
              regionId: z.string(),
              regionName: z.string(),
              gridId: z.string().nullable(),
              gridCode: z.string().nullable(),
              gridName: z.string().nullable(),
              gridVersionAtIntake: z.number().nullable(),
              resolvedBy: z.string().nullable(),
            }),
            suggestion: suggestionSchema.nullable(),
            alternatives: z.array(suggestionSchema),
            overrides: z.array(
              z.object({
                at: z.string(),
                actorId: z.string(),
                suggestedLeadId: z.string(),
                chosenLeadId: z.string(),
                chosenCoIds: z.array(z.string()),
                reason: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const locale = localeOf(req.headers['accept-language']);
      const x = await service.forCase(viewerOf(req), req.params.id);
      const regionId = x.state.regionPath.at(-1)!;
      const grid = x.state.gridId ? org.grid(x.state.gridId) : undefined;
      return {
        caseId: x.state.id,
        place: {
          regionId,
          regionName: name(org.region(regionId), locale),
          gridId: x.state.gridId,
          gridCode: x.stamp?.gridCode ?? grid?.code ?? null,
          gridName: grid?.name ?? null,
          gridVersionAtIntake: x.stamp?.gridVersion ?? null,
          resolvedBy: x.stamp?.resolvedBy ?? null,
        },
        suggestion: x.suggestion ? present(x.suggestion, org, locale) : null,
        alternatives: x.alternatives.map((s) => present(s, org, locale)),
        overrides: x.overrides.map((o) => ({
          at: o.at.toISOString(),
          actorId: o.actorId,
          suggestedLeadId: (o.suggested as Suggestion).leadDepartmentId,
          chosenLeadId: (o.chosen as { leadDepartmentId: string }).leadDepartmentId,
          chosenCoIds: (o.chosen as { coDepartmentIds: string[] }).coDepartmentIds,
          reason: o.reason,
        })),
      };
    },
  );

  r.get(
    '/api/v1/routing/rules',
    {
      config: { access: STAFF },
      schema: { tags: ['routing'], response: { 200: z.object({ items: z.array(ruleSchema) }) } },
    },
    async (req) => ({
      items: org
        .routingRules()
        .filter((x) => x.countyId === viewerOf(req).countyId)
        .sort((a, b) => b.priority - a.priority)
        .map(({ countyId: _c, ...rest }) => rest),
    }),
  );

  r.post(
    '/api/v1/routing/test',
    {
      config: { access: ['admin', 'dispatcher'] },
      schema: {
        tags: ['routing'],
        summary:
          'What the rules and the responsibility list suggest for a sample case (category × place, kind, text), without registering it.',
        body: z.object({
          categoryCode: z.string().regex(/^\d{2,8}$/),
          regionId: z.string().min(1).max(64),
          kind: z.string().max(32).default('complaint'),
          description: z.string().max(2000).default(''),
        }),
        response: {
          200: z.object({ suggestion: suggestionSchema.nullable(), alternatives: z.array(suggestionSchema) }),
        },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const locale = localeOf(req.headers['accept-language']);
      const { categoryCode, regionId, kind, description } = req.body;
      const region = org.region(regionId);
      if (!region || region.countyId !== v.countyId || (v.regionId && !region.path.includes(v.regionId)))
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'regionId',
          rule: 'UNKNOWN_REGION',
          params: { id: regionId },
        });
      if (!org.category(categoryCode))
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'categoryCode',
          rule: 'UNKNOWN_CATEGORY',
          params: { code: categoryCode },
        });
      const x = service.suggest(
        { countyId: v.countyId, categoryCode, kind, description, regionPath: region.path },
        deps.clock.now(),
      );
      return {
        suggestion: x.suggestion ? present(x.suggestion, org, locale) : null,
        alternatives: x.alternatives.map((s) => present(s, org, locale)),
      };
    },
  );

  r.post(
    '/api/v1/routing/rules',
    {
      config: { access: ['admin'] },
      schema: { tags: ['routing'], body: ruleBody, response: { 201: ruleSchema } },
    },
    async (req, reply) => {
      const { countyId: _c, ...row } = await service.createRule(viewerOf(req), req.body as RuleInput);
      return reply.status(201).send(row);
    },
  );

  r.patch(
    '/api/v1/routing/rules/:ruleId',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['routing'],
        params: z.object({ ruleId: z.string().min(1).max(64) }),
        body: patchSchema(ruleBody),
        response: { 200: ruleSchema },
      },
    },
    async (req) => {
      const patch = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
      const { countyId: _c, ...row } = await service.updateRule(viewerOf(req), req.params.ruleId, patch);
      return row;
    },
  );
}

const name = (row: { name: string; nameEn?: string } | undefined, locale: Locale) =>
  row ? (locale === 'en' && row.nameEn ? row.nameEn : row.name) : '';

function present(s: Suggestion, org: OrgDirectory, locale: Locale) {
  const dept = (id: string) => ({ id, name: name(org.department(id), locale) || id });
  const rule = s.ruleId ? org.routingRules().find((r) => r.id === s.ruleId) : undefined;
  return {
    source: s.source,
    ruleId: s.ruleId,
    ruleName: rule?.name ?? null,
    responsibilityIds: s.responsibilityIds,
    lead: dept(s.leadDepartmentId),
    co: s.coDepartmentIds.map(dept),
    why: s.why.map((w) => ({ kind: w.kind, text: whyText(w, org, locale) })),
  };
}

function whyText(w: Why, org: OrgDirectory, locale: Locale): string {
  const en = locale === 'en';
  switch (w.kind) {
    case 'category': {
      const c = name(org.category(w.code), locale);
      return en ? `category ${w.code} ${c}` : `事项分类 ${w.code} ${c}`;
    }
    case 'region': {
      const r = name(org.region(w.regionId), locale);
      return en ? `the place lies in ${r}` : `地点属于${r}`;
    }
    case 'case_kind':
      return en ? `case kind is ${w.value}` : `事项类型为 ${w.value}`;
    case 'keyword':
      return en ? `the description mentions “${w.value}”` : `描述中含有“${w.value}”`;
    case 'priority':
      return en ? `rule priority ${w.value}` : `规则优先级 ${w.value}`;
  }
}
