import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { localeOf, messageFor } from '../http/messages.ts';
import { rekeyAll } from '../lib/pii/rekey.ts';
import { attachmentsRoutes } from '../modules/attachments/attachments.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { privacyRoutes } from '../modules/audit/privacy.routes.ts';

/**
 * Issue 11 in one registration: security headers with a strict CSP that the web app (built,
 * same origin) lives with, personal data sealed before the first request, and the routes for
 * case files, the audit log and a resident's data export.
 */
export async function registerSecurity(app: FastifyInstance, deps: AppDeps) {
  const extraImg = (process.env.HEWEI_CSP_IMG_SRC ?? '').split(/\s+/).filter(Boolean);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS)
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...extraImg],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.cookieSecure ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: deps.config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  // seal what older code or the demo seed left in plaintext before anyone asks for it
  app.addHook('onReady', async () => {
    await rekeyAll(deps.db, deps.pii);
  });
  attachmentsRoutes(app, deps);
  auditRoutes(app, deps);
  privacyRoutes(app, deps);
}

/**
 * Fastify answers a malformed URL (bad encoding, a parameter past its length limit) by itself,
 * echoing the URL, which may carry personal data; this answers in Hewei's coded format instead.
 */
export function frameworkErrors(_err: Error, req: FastifyRequest, reply: FastifyReply) {
  const message = messageFor(localeOf(req.headers['accept-language']), 'VALIDATION_FAILED', { field: 'url' });
  reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message, field: 'url' } });
}
