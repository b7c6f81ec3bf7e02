import { HeweiError } from '@hewei/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { localeOf, messageFor } from './messages.ts';

/** The one place where errors become HTTP: coded, localised, never a stack or SQL. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = localeOf(req.headers['accept-language']);
    const e = toHeweiError(err);
    if (e.status >= 500) req.log.error({ err }, 'request failed');
    const body = {
      error: {
        code: e.code,
        message: messageFor(locale, e.code, e),
        ...(e.field ? { field: e.field } : {}),
        ...(e.rule ? { rule: e.rule } : {}),
      },
    };
    if (e.code === 'RATE_LIMITED' && !reply.getHeader('retry-after')) reply.header('retry-after', '60');
    if (e.code === 'OVERLOADED' && !reply.getHeader('retry-after')) reply.header('retry-after', '1');
    return reply.status(e.status).send(body);
  });
}

/**
 * The one not-found handler: with the web app built, a browser's GET of any page path gets the
 * single-page app (its router decides); API paths get the coded 404.
 */
export function registerNotFound(app: FastifyInstance, serveSpa: boolean) {
  app.setNotFoundHandler((req, reply) => {
    const api = req.url.startsWith('/api/') || req.url.startsWith('/open311/');
    if (serveSpa && req.method === 'GET' && !api) return reply.sendFile('index.html');
    const locale = localeOf(req.headers['accept-language']);
    return reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: messageFor(locale, 'NOT_FOUND', {}) } });
  });
}

function toHeweiError(err: FastifyError): HeweiError {
  if (err instanceof HeweiError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issue = err.validation[0];
    const path = (issue.params as { issue?: { path?: (string | number)[] } })?.issue?.path ?? [];
    const where = issue.instancePath?.replace(/^\//, '').replaceAll('/', '.') || path.join('.');
    const field = [err.validationContext === 'body' ? '' : err.validationContext, where]
      .filter(Boolean)
      .join('.');
    return new HeweiError('VALIDATION_FAILED', { field: field || String(err.validationContext ?? 'body') });
  }
  if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new HeweiError('PAYLOAD_TOO_LARGE');
  if (err.statusCode === 429) return new HeweiError('RATE_LIMITED');
  if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new HeweiError('VALIDATION_FAILED', { field: 'content-type' });
  if (
    err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    err instanceof SyntaxError
  )
    return new HeweiError('VALIDATION_FAILED', { field: 'body' });
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new HeweiError('VALIDATION_FAILED', { field: 'request' });
  return new HeweiError('INTERNAL');
}
