import { HeweiError, phoneSchema } from '@hewei/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { STAFF, viewerOf } from '../../http/access.ts';
import { assertSameOrigin } from '../../security/csrf.ts';
import { presentViewer, userSchema } from './auth.presenter.ts';
import { type AuthService, authService, type SessionInfo, toViewer } from './auth.service.ts';

export const SESSION_COOKIE = 'hewei_session';
const ok = z.object({ ok: z.literal(true) });
// what a session that still has to enrol a second factor may reach
const ENROL_ONLY = new Set([
  '/api/v1/auth/me',
  '/api/v1/auth/logout',
  '/api/v1/auth/totp/setup',
  '/api/v1/auth/totp/enable',
]);

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
}

export function tokenOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

/** Reads the session cookie or bearer token on every request and sets `req.viewer`. */
export function registerViewer(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('viewer', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req) => {
    const token = tokenOf(req);
    const session = token ? await auth.sessionForToken(token) : null;
    req.session = session;
    req.viewer = session?.viewer ?? null;
    // the declared access is checked again here, before any body is read or validated: a caller
    // who may not use a route learns nothing from it, not even how its input is checked
    const access = req.routeOptions.config?.access;
    if (access && access !== 'public') {
      if (!session) throw new HeweiError('UNAUTHENTICATED');
      if (access !== 'signed_in' && !access.includes(session.viewer.role)) throw new HeweiError('FORBIDDEN');
    }
    if (!session) return;
    if (!req.headers.authorization?.startsWith('Bearer ')) assertSameOrigin(req);
    const path = req.url.split('?')[0];
    if (session.kind === 'enrol' && path.startsWith('/api/') && !ENROL_ONLY.has(path))
      throw new HeweiError('FORBIDDEN', { rule: 'TOTP_ENROLMENT_REQUIRED' });
  });
}

export function authRoutes(app: FastifyInstance, deps: AppDeps, auth = authService(deps)) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.cookieSecure,
      expires,
    });
  const userOut = z.object({ user: userSchema, totpEnrolmentRequired: z.boolean().optional() });
  const withRetryAfter = async <T>(reply: FastifyReply, run: () => Promise<T>) => {
    try {
      return await run();
    } catch (e) {
      if (e instanceof HeweiError && e.rule === 'ACCOUNT_LOCKED')
        reply.header('retry-after', String(e.params.seconds));
      throw e;
    }
  };

  r.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({
          username: z.string().min(1).max(64),
          password: z.string().min(1).max(256),
          otp: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
        response: { 200: userOut },
      },
    },
    async (req, reply) => {
      const s = await withRetryAfter(reply, () =>
        auth.signIn(req.body.username, req.body.password, req.body.otp),
      );
      setCookie(reply, s.token, s.expiresAt);
      const user = presentViewer(toViewer(s.user), deps.org);
      return s.kind === 'enrol' ? { user, totpEnrolmentRequired: true } : { user };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { config: { access: 'signed_in' }, schema: { tags: ['auth'], response: { 200: ok } } },
    async (req, reply) => {
      const token = tokenOf(req);
      if (token) await auth.signOut(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/auth/me',
    { config: { access: 'signed_in' }, schema: { tags: ['auth'], response: { 200: userOut } } },
    async (req) => ({
      user: presentViewer(viewerOf(req), deps.org),
      ...(req.session?.kind === 'enrol' ? { totpEnrolmentRequired: true } : {}),
    }),
  );

  r.post(
    '/api/v1/auth/tokens',
    {
      config: { access: STAFF },
      schema: {
        tags: ['auth'],
        body: z.object({ name: z.string().min(1).max(100) }),
        response: { 201: z.object({ token: z.string(), expiresAt: z.string() }) },
      },
    },
    async (req, reply) => {
      const t = await auth.issueBearerToken(viewerOf(req), req.body.name);
      return reply.status(201).send({ token: t.token, expiresAt: t.expiresAt.toISOString() });
    },
  );

  r.post(
    '/api/v1/auth/password',
    {
      config: { access: STAFF, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password; other sessions of the user end.',
        body: z.object({ current: z.string().min(1).max(256), next: z.string().min(10).max(256) }),
        response: { 200: ok },
      },
    },
    async (req, reply) => {
      await withRetryAfter(reply, () =>
        auth.changePassword(viewerOf(req), req.session!.tokenHash, req.body.current, req.body.next),
      );
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/auth/totp/setup',
    {
      config: { access: STAFF, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: a secret for the authenticator app (not in force until enabled).',
        response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
      },
    },
    async (req) => auth.beginTotp(viewerOf(req)),
  );

  r.post(
    '/api/v1/auth/totp/enable',
    {
      config: { access: STAFF, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({ code: z.string().regex(/^\d{6}$/) }),
        response: { 200: userOut },
      },
    },
    async (req, reply) => {
      const s = await withRetryAfter(reply, () => auth.enableTotp(viewerOf(req), req.body.code));
      const token = tokenOf(req);
      if (token && req.session?.kind === 'enrol') await auth.signOut(token);
      setCookie(reply, s.token, s.expiresAt);
      return { user: presentViewer(toViewer(s.user), deps.org) };
    },
  );

  r.post(
    '/api/v1/auth/otp/request',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: z.object({ phone: phoneSchema }), response: { 200: ok } },
    },
    async (req) => {
      await auth.requestOtp(req.body.phone);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/auth/otp/verify',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({ phone: phoneSchema, code: z.string().regex(/^\d{6}$/) }),
        response: { 200: userOut },
      },
    },
    async (req, reply) => {
      const s = await withRetryAfter(reply, () => auth.verifyOtp(req.body.phone, req.body.code));
      setCookie(reply, s.token, s.expiresAt);
      return { user: presentViewer(toViewer(s.user), deps.org) };
    },
  );
}
