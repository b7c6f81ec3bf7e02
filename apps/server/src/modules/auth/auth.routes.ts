import { phoneSchema } from '@hewei/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { STAFF, viewerOf } from '../../http/access.ts';
import { presentViewer, userSchema } from './auth.presenter.ts';
import { type AuthService, authService, toViewer } from './auth.service.ts';

export const SESSION_COOKIE = 'hewei_session';
const ok = z.object({ ok: z.literal(true) });

export function tokenOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

/** Reads the session cookie or bearer token on every request and sets `req.viewer`. */
export function registerViewer(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (req) => {
    const token = tokenOf(req);
    req.viewer = token ? await auth.viewerForToken(token) : null;
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
  const userOut = z.object({ user: userSchema });

  r.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: userOut },
      },
    },
    async (req, reply) => {
      const s = await auth.signIn(req.body.username, req.body.password);
      setCookie(reply, s.token, s.expiresAt);
      return { user: presentViewer(toViewer(s.user), deps.org) };
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
    async (req) => ({ user: presentViewer(viewerOf(req), deps.org) }),
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
      const s = await auth.verifyOtp(req.body.phone, req.body.code);
      setCookie(reply, s.token, s.expiresAt);
      return { user: presentViewer(toViewer(s.user), deps.org) };
    },
  );
}
