import { CASE_KINDS, type Role } from '@hewei/domain';
import type { DuplicateReason } from '@hewei/domain/triage/index.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { type Locale, localeOf } from '../../http/messages.ts';
import { caseSummarySchema, presentRow } from '../cases/cases.presenter.ts';
import { duplicatesService } from './duplicates.service.ts';

const INTAKE_STAFF: readonly Role[] = [
  'operator',
  'dispatcher',
  'grid_worker',
  'supervisor',
  'leader',
  'admin',
  'mediator',
];

const suggestionSchema = z.object({
  case: caseSummarySchema,
  score: z.number(),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
});
const suggestionsSchema = z.object({ items: z.array(suggestionSchema) });

const checkBody = z.object({
  kind: z.enum(CASE_KINDS).optional(),
  description: z.string().trim().min(1).max(4000),
  categoryCode: z.string().min(1).max(32),
  place: z.object({
    regionId: z.string().min(1).max(64),
    gridId: z.string().max(64).nullish(),
    address: z.string().max(300).nullish(),
  }),
  parties: z
    .array(z.object({ name: z.string().max(100), phone: z.string().max(30).nullish() }))
    .max(50)
    .default([]),
});

function reasonText(r: DuplicateReason, locale: Locale): string {
  const en = locale === 'en';
  switch (r.code) {
    case 'same_phone':
      return en ? 'Same phone number' : '同一联系电话';
    case 'same_party_name':
      return en ? `Same party: ${r.names.join(', ')}` : `同一当事人：${r.names.join('、')}`;
    case 'same_grid':
      return en ? 'Same grid' : '同一网格';
    case 'same_village':
      return en ? 'Same village / community' : '同一村（社区）';
    case 'same_address':
      return en ? 'Same address' : '同一地址';
    case 'same_category':
      return en ? 'Same category' : '同一事项分类';
    case 'similar_text':
      return en
        ? `Similar wording (${Math.round(r.similarity * 100)}%): ${r.words.join(' ')}`
        : `描述相似（${Math.round(r.similarity * 100)}%）：${r.words.join('、')}`;
  }
}

export function duplicatesRoutes(app: FastifyInstance, deps: AppDeps, service = duplicatesService(deps)) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const present = (
    list: Awaited<ReturnType<typeof service.check>>,
    req: { headers: Record<string, string | string[] | undefined> },
  ) => {
    const locale = localeOf(req.headers['accept-language'] as string | undefined);
    const now = deps.clock.now();
    return {
      items: list.map((s) => ({
        case: presentRow(s.row, deps.org, locale, now),
        score: s.score,
        reasons: s.reasons.map((x) => ({ code: x.code, text: reasonText(x, locale) })),
      })),
    };
  };

  r.get(
    '/api/v1/cases/:id/duplicates',
    {
      // signed_in: the service answers 404 to anyone who may not see the case, residents included
      config: { access: 'signed_in' },
      schema: {
        tags: ['duplicates'],
        summary: 'Open cases that are probably the same matter as this one, with a score and reasons.',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: suggestionsSchema },
      },
    },
    async (req) => present(await service.forCase(viewerOf(req), req.params.id), req),
  );

  r.post(
    '/api/v1/duplicates/check',
    {
      config: { access: INTAKE_STAFF },
      schema: {
        tags: ['duplicates'],
        summary: 'Before submitting: which open cases this matter probably repeats.',
        body: checkBody,
        response: { 200: suggestionsSchema },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const b = req.body;
      service.checkRegion(v, b.place.regionId);
      const list = await service.check(v, {
        description: b.description,
        categoryCode: b.categoryCode,
        regionId: b.place.regionId,
        gridId: b.place.gridId ?? null,
        address: b.place.address ?? null,
        parties: b.parties,
      });
      return present(list, req);
    },
  );
}
