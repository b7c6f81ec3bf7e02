import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ping } from './db/client.ts';
import type { AppDeps } from './deps.ts';
import { enforceAccessDeclarations } from './http/access.ts';
import { type BackpressureOptions, registerBackpressure } from './http/backpressure.ts';
import { registerErrorHandler, registerNotFound } from './http/errors.ts';
import { authRoutes, registerViewer } from './modules/auth/auth.routes.ts';
import { authService } from './modules/auth/auth.service.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { consultationsRoutes } from './modules/consultations/consultations.routes.ts';
import { deadlinesRoutes } from './modules/deadlines/deadlines.routes.ts';
import { devRoutes } from './modules/dev/dev.routes.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';
import { fieldRoutes } from './modules/field/field.routes.ts';
import { householdsRoutes } from './modules/households/households.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { infoRequestsRoutes } from './modules/info-requests/info-requests.routes.ts';
import { mediationRoutes } from './modules/mediation/mediation.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { open311Routes } from './modules/open311/open311.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { insightRoutes } from './modules/overview/overview.register.ts';
import { petitionsRoutes } from './modules/petitions/petitions.routes.ts';
import { referralsRoutes } from './modules/referrals/referrals.routes.ts';
import { retentionRoutes } from './modules/retention/retention.routes.ts';
import { routingRoutes } from './modules/routing/routing.routes.ts';
import { supervisionRoutes } from './modules/supervision/supervision.routes.ts';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes.ts';
import { frameworkErrors, registerSecurity } from './security/index.ts';

export interface BuildOptions {
  logger?: boolean | object;
  /** load shedding (main.ts reads it from the environment); 512 in flight, no lag check, by default */
  backpressure?: BackpressureOptions;
}

/** The whole HTTP surface, built from its dependencies: plugins first, then every module's routes. */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    return503OnClosing: true,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerBackpressure(app, opts.backpressure ?? { maxInFlight: 512, maxLagMs: 0 });
  enforceAccessDeclarations(app);

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error('rate limited'), { statusCode: 429, retryAfter: ctx.after }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hewei (和为贵) API',
        version: '1.0.0',
        description: 'One queue for every matter a resident raises.',
      },
      components: {
        securitySchemes: {
          cookie: { type: 'apiKey', in: 'cookie', name: 'hewei_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const auth = authService(deps);
  registerViewer(app, auth);
  await registerSecurity(app, deps);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await ping(deps.db);
      return { ok: true, db: deps.dbKind };
    } catch {
      return reply.status(503).send({ ok: false });
    }
  });

  authRoutes(app, deps, auth);
  orgRoutes(app, deps);
  routingRoutes(app, deps);
  casesRoutes(app, deps);
  insightRoutes(app, deps);
  mediationRoutes(app, deps);
  open311Routes(app, deps);
  importsRoutes(app, deps);
  notificationsRoutes(app, deps);
  householdsRoutes(app, deps);
  fieldRoutes(app, deps);
  calendarRoutes(app, deps);
  deadlinesRoutes(app, deps);
  supervisionRoutes(app, deps);
  consultationsRoutes(app, deps);
  eventsRoutes(app, deps);
  webhooksRoutes(app, deps);
  infoRequestsRoutes(app, deps);
  referralsRoutes(app, deps);
  petitionsRoutes(app, deps);
  retentionRoutes(app, deps);
  if (deps.config.demo) devRoutes(app, deps);

  if (deps.config.webDist) {
    await app.register(fastifyStatic, { root: deps.config.webDist, wildcard: false });
  }
  registerNotFound(app, Boolean(deps.config.webDist));
  return app;
}
