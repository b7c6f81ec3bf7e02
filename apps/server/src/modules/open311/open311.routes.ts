import multipart from '@fastify/multipart';
import { HeweiError } from '@hewei/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { type Locale, localeOf } from '../../http/messages.ts';
import { findService, presentService, publicCategories, serviceDefinition } from './open311.catalogue.ts';
import { Form, parseUrlEncoded } from './open311.form.ts';
import { bodyErrorOf, formatOf, Open311Error, send, sendError, splitFormat } from './open311.format.ts';
import {
  argsSchema,
  definitionSchema,
  discoverySchema,
  errorsSchema,
  postResponseSchema,
  postUpdateResponseSchema,
  requestSchema,
  serviceSchema,
  tokenSchema,
  updateSchema,
} from './open311.schemas.ts';
import { open311KeyStore, open311Service } from './open311.service.ts';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const CHANGESET = '2024-06-01T00:00:00+08:00';
const file = z.object({ file: z.string().min(1).max(200) });
const open311Errors = { 400: errorsSchema, 403: errorsSchema, 404: errorsSchema };
type Args = Record<string, string | undefined>;

/** GeoReport v2 at /open311/v2/ and its discovery document (standards.md §1). */
export function open311Routes(app: FastifyInstance, deps: AppDeps) {
  keyRoutes(app, deps);
  app.register(
    async (o) => {
      const service = open311Service(deps);
      // a body is form-encoded, multipart or JSON; anything else is refused with 415 (not parsed)
      o.removeContentTypeParser('text/plain');
      const reached = new WeakSet<FastifyRequest>();
      o.addHook('preHandler', async (req) => {
        reached.add(req);
      });
      o.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
        done(null, Object.fromEntries(parseUrlEncoded(body as string))),
      );
      await o.register(multipart, {
        attachFieldsToBody: 'keyValues',
        limits: { fileSize: 10 << 20, files: 10 },
      });
      o.setErrorHandler((err, req, reply) => {
        const fmt = formatOf((req.params as { file?: string } | undefined)?.file);
        if (err instanceof Open311Error) return sendError(reply, fmt, err);
        if (err instanceof HeweiError && err.status < 500) {
          const status = err.status === 403 || err.status === 404 ? err.status : 400;
          return sendError(
            reply,
            fmt,
            new Open311Error(status, `Bad request: ${err.field ?? err.code}`, err.code),
          );
        }
        const bodyError = bodyErrorOf(err, req, reached.has(req));
        if (bodyError) return sendError(reply, fmt, bodyError);
        if (
          (err as { statusCode?: number }).statusCode === 413 ||
          (err as { validation?: unknown }).validation
        )
          return sendError(reply, fmt, new Open311Error(400, 'Bad request', 'BAD_REQUEST'));
        req.log.error({ err }, 'open311 request failed');
        return send(reply, fmt, 'errors', [{ code: '500', description: 'Internal error' }], 500);
      });
      o.setNotFoundHandler((req, reply) =>
        sendError(reply, formatOf(req.url.split('?')[0]), new Open311Error(404, 'Not found', 'NOT_FOUND')),
      );
      const r = o.withTypeProvider<ZodTypeProvider>();
      const pub = { access: 'public' as const };
      const locale = (req: FastifyRequest): Locale =>
        (req.query as Args).locale?.toLowerCase().startsWith('en')
          ? 'en'
          : (req.query as Args).locale
            ? 'zh-CN'
            : localeOf(req.headers['accept-language']);
      const args = (req: FastifyRequest) => Form.of({}, req.query);
      const county = (req: FastifyRequest) => service.jurisdiction(args(req).one('jurisdiction_id'));
      const one = (req: FastifyRequest): Args => {
        const f = args(req);
        return Object.fromEntries(Object.keys(req.query as object).map((k) => [k, f.one(k)]));
      };

      r.get('/', { config: pub, schema: { hide: true } }, async (_req, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .send(
            '<!doctype html><meta charset="utf-8"><title>Hewei Open311</title><h1>和为贵 Open311 GeoReport v2</h1><p><a href="discovery.xml">discovery.xml</a> · <a href="discovery.json">discovery.json</a> · endpoint <code>v2/</code></p>',
          ),
      );

      r.get(
        '/:file',
        {
          config: pub,
          schema: {
            tags: ['open311'],
            summary: 'Service discovery (discovery.xml | discovery.json)',
            params: file,
            response: { 200: discoverySchema, 404: errorsSchema },
          },
        },
        async (req, reply) => {
          const [name, fmt] = splitFormat(req.params.file);
          if (name !== 'discovery') throw new Open311Error(404, 'Not found', 'NOT_FOUND');
          const base = `${req.protocol}://${req.host}`;
          return send(reply, fmt, 'discovery', {
            changeset: CHANGESET,
            contact: '和为贵 Hewei — the county governance center / 县社会治理中心',
            key_service: `${base}/api/v1/open311/keys (an administrator issues keys)`,
            endpoints: [
              {
                specification: SPECIFICATION,
                url: `${base}/open311/v2/`,
                changeset: CHANGESET,
                type: 'production',
                formats: ['text/xml', 'application/json'],
              },
            ],
          });
        },
      );

      r.get(
        '/v2/:file',
        {
          config: pub,
          schema: {
            tags: ['open311'],
            summary: 'services.{fmt}, requests.{fmt}, servicerequestupdates.{fmt}',
            params: file,
            querystring: argsSchema,
            response: {
              200: z.union([z.array(serviceSchema), z.array(requestSchema), z.array(updateSchema)]),
              ...open311Errors,
            },
          },
        },
        async (req, reply) => {
          const [name, fmt] = splitFormat(req.params.file);
          const q = one(req);
          if (name === 'services') {
            county(req);
            const loc = locale(req);
            return send(
              reply,
              fmt,
              'services',
              publicCategories(deps.org).map((c) => presentService(deps.org, c, loc)),
            );
          }
          if (name === 'requests')
            return send(reply, fmt, 'service_requests', await service.requests(q, county(req), locale(req)));
          if (name === 'servicerequestupdates')
            return send(
              reply,
              fmt,
              'service_request_updates',
              await service.getUpdates(q, county(req), locale(req)),
            );
          throw new Open311Error(404, 'Not found', 'NOT_FOUND');
        },
      );

      r.post(
        '/v2/:file',
        {
          config: pub,
          schema: {
            tags: ['open311'],
            summary: 'POST requests.{fmt} (api_key) and servicerequestupdates.{fmt}',
            params: file,
            querystring: argsSchema,
            body: argsSchema.optional(),
            response: {
              200: z.union([postResponseSchema, postUpdateResponseSchema]),
              ...open311Errors,
              415: errorsSchema,
            },
          },
        },
        async (req, reply) => {
          const [name, fmt] = splitFormat(req.params.file);
          const form = Form.of(req.body, req.query);
          if (name === 'requests') {
            const { body, replayed } = await service.submit(form, locale(req));
            if (replayed) reply.header('idempotent-replayed', 'true');
            return send(reply, fmt, 'service_requests', body);
          }
          if (name === 'servicerequestupdates')
            return send(reply, fmt, 'service_request_updates', await service.postUpdate(form));
          throw new Open311Error(404, 'Not found', 'NOT_FOUND');
        },
      );

      const item = (summary: string, response: z.ZodType) => ({
        config: pub,
        schema: {
          tags: ['open311'],
          summary,
          params: file,
          querystring: argsSchema,
          response: { 200: response, ...open311Errors },
        },
      });
      r.get('/v2/services/:file', item('Service definition', definitionSchema), async (req, reply) => {
        const [code, fmt] = splitFormat(req.params.file);
        county(req);
        const c = findService(deps.org, code);
        if (!c) throw new Open311Error(404, `service_code ${code} not found`, 'SERVICE_NOT_FOUND');
        return send(reply, fmt, 'service_definition', serviceDefinition(deps.org, c, locale(req)));
      });
      r.get('/v2/requests/:file', item('One service request', z.array(requestSchema)), async (req, reply) => {
        const [id, fmt] = splitFormat(req.params.file);
        const rows = await service.request(county(req), id, locale(req), one(req).extensions === 'true');
        return send(reply, fmt, 'service_requests', rows);
      });
      r.get('/v2/tokens/:file', item('Request id from a client token', tokenSchema), async (req, reply) => {
        const [token, fmt] = splitFormat(req.params.file);
        return send(reply, fmt, 'service_requests', await service.token(county(req), token));
      });
    },
    { prefix: '/open311' },
  );
}

const keySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

function keyRoutes(app: FastifyInstance, deps: AppDeps) {
  const keys = open311KeyStore(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: ['admin'] as const };
  const present = (k: {
    id: string;
    name: string;
    prefix: string;
    createdAt: Date;
    revokedAt: Date | null;
  }) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
  });
  r.post(
    '/api/v1/open311/keys',
    {
      config: admin,
      schema: {
        tags: ['open311'],
        summary: 'Issue an Open311 API key: shown once, stored only as a hash.',
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 201: keySchema.extend({ key: z.string() }) },
      },
    },
    async (req, reply) => {
      const k = await keys.issue(viewerOf(req), req.body.name);
      return reply.status(201).send({ ...k, revokedAt: null });
    },
  );
  r.get(
    '/api/v1/open311/keys',
    {
      config: admin,
      schema: { tags: ['open311'], response: { 200: z.object({ items: z.array(keySchema) }) } },
    },
    async (req) => ({ items: (await keys.list(viewerOf(req).countyId)).map(present) }),
  );
  r.post(
    '/api/v1/open311/keys/:id/revoke',
    {
      config: admin,
      schema: {
        tags: ['open311'],
        params: z.object({ id: z.string().max(64) }),
        response: { 200: keySchema },
      },
    },
    async (req) => {
      const k = await keys.revoke(viewerOf(req), req.params.id);
      if (!k) throw new HeweiError('NOT_FOUND');
      return present(k);
    },
  );
}
