import { CASE_KINDS, CHANNELS, COLOURS, HeweiError, STATUSES } from '@hewei/domain';
import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseSearch, cases } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { STAFF, viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import { maskIdNumber, maskPhone } from '../../lib/crypto.ts';
import { caseSummarySchema, presentRow } from '../cases/cases.presenter.ts';
import { visibleTo } from '../cases/cases.queries.ts';
import { CANDIDATES, matchAllQuery, queryTerms, rankedPage } from './search.query.ts';

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  status: csv(STATUSES).optional(),
  colour: csv(COLOURS).optional(),
  kind: csv(CASE_KINDS).optional(),
  channel: csv(CHANNELS).optional(),
  categoryCode: z.string().max(32).optional(),
  regionId: z.string().max(64).optional(),
  open: z.enum(['true', 'false']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});

export function searchRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/search',
    {
      config: { access: STAFF },
      schema: {
        tags: ['search'],
        summary: `Full-text search over the cases the viewer may see (Chinese segmented by jieba): the newest ${CANDIDATES} matches, ranked.`,
        querystring: searchQuerySchema,
        response: {
          200: z.object({
            terms: z.array(z.string()),
            items: z.array(caseSummarySchema.extend({ rank: z.number() })),
            more: z.boolean(),
          }),
        },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const q = req.query;
      const terms = queryTerms(q.q);
      if (!terms.length) throw new HeweiError('VALIDATION_FAILED', { field: 'querystring.q' });
      const query = matchAllQuery(terms);
      const where: (SQL | undefined)[] = [
        eq(caseSearch.countyId, v.countyId),
        sql`${caseSearch.doc} @@ ${query}`,
        visibleTo(v),
      ];
      if (q.status?.length) where.push(inArray(cases.status, q.status));
      if (q.colour?.length) where.push(inArray(cases.colour, q.colour));
      if (q.kind?.length) where.push(inArray(cases.kind, q.kind));
      if (q.channel?.length) where.push(inArray(cases.channel, q.channel));
      if (q.categoryCode) where.push(sql`${cases.categoryCode} like ${`${q.categoryCode}%`}`);
      if (q.regionId) where.push(sql`${cases.regionPath} @> array[${q.regionId}]::text[]`);
      if (q.open === 'true') where.push(sql`${cases.closedAt} is null`);
      if (q.open === 'false') where.push(sql`${cases.closedAt} is not null`);
      if (q.from) where.push(gte(cases.createdAt, new Date(q.from)));
      if (q.to) where.push(lt(cases.createdAt, new Date(q.to)));
      const rows = await rankedPage(deps.db, query, and(...where), q);
      const now = deps.clock.now();
      const locale = localeOf(req.headers['accept-language']);
      return {
        // what was searched for, as the page shows it: a phone or ID number only masked
        terms: terms.map(maskTerm),
        items: rows
          .slice(0, q.limit)
          .map((r) => ({ ...presentRow(r.c, deps.org, locale, now), rank: Math.round(r.rank * 1e4) / 1e4 })),
        more: rows.length > q.limit,
      };
    },
  );
}

/** A term that is a phone or ID number is personal data: echoed masked, like everywhere else. */
function maskTerm(term: string): string {
  if (/^1\d{10}$/.test(term)) return maskPhone(term) ?? term;
  if (/^\d{17}[\dxX]$/.test(term)) return maskIdNumber(term) ?? term;
  return term;
}
