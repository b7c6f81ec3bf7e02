import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { localeOf } from '../../http/messages.ts';
import { localName } from '../cases/cases.presenter.ts';
import { orgAdminRoutes } from './org.admin.routes.ts';
import { orgGeoRoutes } from './org.geo.routes.ts';
import { orgPeopleRoutes } from './org.people.routes.ts';
import { orgSettingsRoutes } from './org.settings.routes.ts';

export function orgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { org } = deps;
  orgGeoRoutes(app, deps);
  orgAdminRoutes(app, deps);
  orgPeopleRoutes(app, deps);
  orgSettingsRoutes(app, deps);

  r.get(
    '/api/v1/org/regions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['org'],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                level: z.string(),
                code: z.string(),
                parentId: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const locale = localeOf(req.headers['accept-language']);
      return {
        items: org.regions().map((x) => ({
          id: x.id,
          name: localName(x, locale),
          level: x.level,
          code: x.code,
          parentId: x.parentId,
        })),
      };
    },
  );

  r.get(
    '/api/v1/org/departments',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['org'],
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), name: z.string(), regionId: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      const locale = localeOf(req.headers['accept-language']);
      return {
        // deactivated departments are not offered for new work (the settings list shows them all)
        items: org
          .departments()
          .filter((d) => d.active)
          .map((d) => ({ id: d.id, name: localName(d, locale), regionId: d.regionId })),
      };
    },
  );

  r.get(
    '/api/v1/org/categories',
    {
      config: { access: 'public' },
      schema: {
        tags: ['org'],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                parentCode: z.string().nullable(),
                kinds: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const locale = localeOf(req.headers['accept-language']);
      return {
        items: org
          .categories()
          .filter((c) => c.active)
          .map((c) => ({
            code: c.code,
            name: localName(c, locale),
            parentCode: c.parentCode,
            kinds: c.kinds,
          })),
      };
    },
  );
}
