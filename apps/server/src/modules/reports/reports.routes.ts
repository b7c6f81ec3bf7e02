import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { type Locale, localeOf } from '../../http/messages.ts';
import { OVERVIEW_ROLES } from '../overview/overview.routes.ts';
import { percent, type Table, toPdf, toXlsx } from './reports.export.ts';
import { parsePeriod } from './reports.period.ts';
import { reportsService } from './reports.service.ts';

const query = z.object({
  of: z.string().max(10).optional(),
  format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
});
const L = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);
const day = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10) : '';

async function send(
  reply: FastifyReply,
  format: 'xlsx' | 'pdf',
  name: string,
  t: Table,
  locale: Locale,
  at: Date,
) {
  const body = format === 'xlsx' ? await toXlsx(t) : await toPdf(t, locale, at);
  reply.header(
    'content-type',
    format === 'xlsx'
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'application/pdf',
  );
  reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
  return reply.send(body);
}

export function reportsRoutes(app: FastifyInstance, deps: AppDeps, service = reportsService(deps)) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/reports/screening',
    {
      config: { access: OVERVIEW_ROLES },
      schema: {
        tags: ['reports'],
        summary:
          'Monthly or quarterly dispute screening and mediation table by level (排查、调处、成功); json, xlsx or pdf.',
        querystring: query,
      },
    },
    async (req, reply) => {
      const v = viewerOf(req);
      const locale = localeOf(req.headers['accept-language']);
      const now = deps.clock.now();
      const period = parsePeriod(req.query.of, now);
      const rows = await service.screening(v, period, locale);
      if (req.query.format === 'json') return { period: period.label, rows };
      const table: Table = {
        title: L(locale, '矛盾纠纷排查调处情况统计表', 'Dispute screening and mediation'),
        subtitle: `${L(locale, '统计期', 'Period')} ${period.label}`,
        columns: [
          { header: L(locale, '单位', 'Region'), width: 0.3 },
          { header: L(locale, '层级', 'Level'), width: 0.1 },
          { header: L(locale, '排查数', 'Screened'), width: 0.15 },
          { header: L(locale, '调处数', 'Mediated'), width: 0.15 },
          { header: L(locale, '调处成功数', 'Succeeded'), width: 0.15 },
          { header: L(locale, '成功率', 'Success rate'), width: 0.15 },
        ],
        rows: rows.map((x) => [
          `${'  '.repeat(x.depth)}${x.name}`,
          x.level,
          x.screened,
          x.mediated,
          x.succeeded,
          percent(x.successRate),
        ]),
      };
      return send(reply, req.query.format, `screening-${period.label}`, table, locale, now);
    },
  );

  r.get(
    '/api/v1/reports/ledger',
    {
      config: { access: OVERVIEW_ROLES },
      schema: {
        tags: ['reports'],
        summary:
          'The ledger (台账) of complex disputes, with the leader in charge (包案领导); json, xlsx or pdf.',
        querystring: query,
      },
    },
    async (req, reply) => {
      const v = viewerOf(req);
      const locale = localeOf(req.headers['accept-language']);
      const now = deps.clock.now();
      const period = parsePeriod(req.query.of, now);
      const rows = await service.ledger(v, period, locale);
      if (req.query.format === 'json') return { period: period.label, rows };
      const table: Table = {
        title: L(locale, '矛盾纠纷排查化解工作台账', 'Dispute ledger'),
        subtitle: `${L(locale, '统计期', 'Period')} ${period.label}`,
        columns: [
          { header: L(locale, '序号', 'No.'), width: 0.05 },
          { header: L(locale, '编号', 'Code'), width: 0.12 },
          { header: L(locale, '登记日期', 'Registered'), width: 0.09 },
          { header: L(locale, '地点', 'Place'), width: 0.08 },
          { header: L(locale, '类别', 'Category'), width: 0.08 },
          { header: L(locale, '当事人', 'Parties'), width: 0.08 },
          { header: L(locale, '简要情况', 'Summary'), width: 0.2 },
          { header: L(locale, '主办单位', 'Lead department'), width: 0.09 },
          { header: L(locale, '包案领导', 'Leader in charge'), width: 0.08 },
          { header: L(locale, '状态', 'Status'), width: 0.07 },
          { header: L(locale, '办结日期', 'Closed'), width: 0.08 },
        ],
        rows: rows.map((x) => [
          x.no,
          x.trackingCode,
          day(x.registeredAt),
          x.place,
          x.category,
          x.parties,
          x.summary,
          x.leadDepartment,
          x.leaderInCharge,
          x.status,
          day(x.closedAt),
        ]),
      };
      return send(reply, req.query.format, `ledger-${period.label}`, table, locale, now);
    },
  );

  r.post(
    '/api/v1/cases/:id/leader-in-charge',
    {
      // signed_in: whoever may not see the case gets 404 from the service, before any role check
      config: { access: 'signed_in' },
      schema: {
        tags: ['reports'],
        summary: 'Name the leader in charge of a complex case (包案领导); every change is kept.',
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({ leaderUserId: z.string().min(1).max(64) }),
        response: {
          200: z.object({
            caseId: z.string(),
            leaderUserId: z.string(),
            leaderName: z.string(),
            at: z.string(),
          }),
        },
      },
    },
    async (req) => service.setLeader(viewerOf(req), req.params.id, req.body.leaderUserId),
  );
}
