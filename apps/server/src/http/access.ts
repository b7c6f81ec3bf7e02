import { type Actor, HeweiError, type Role } from '@hewei/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface Viewer extends Actor {
  countyId: string;
  displayName: string;
  username: string | null;
}

/**
 * Who may call a route, declared on every route: `public`, `signed_in`, or a list of roles.
 * A route under /api or /open311 without a declaration stops the server from starting.
 */
export type Access = 'public' | 'signed_in' | readonly Role[];

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
}

/** Every route the app serves, with its declared access: tests enumerate it. */
export const routeTable = new WeakMap<FastifyInstance, RouteEntry[]>();

export function enforceAccessDeclarations(app: FastifyInstance) {
  const entries: RouteEntry[] = [];
  routeTable.set(app, entries);
  app.addHook('onRoute', (route) => {
    const declared = (route.config as { access?: Access } | undefined)?.access;
    for (const method of [route.method].flat()) entries.push({ method, url: route.url, access: declared });
    if (!declared && /^\/(api|open311)\//.test(route.url) && !route.url.startsWith('/api/docs')) {
      throw new Error(`route ${route.method} ${route.url} declares no access`);
    }
  });
  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const viewer = req.viewer;
    if (!viewer) throw new HeweiError('UNAUTHENTICATED');
    if (access !== 'signed_in' && !access.includes(viewer.role)) throw new HeweiError('FORBIDDEN');
  });
}

export function viewerOf(req: FastifyRequest): Viewer {
  if (!req.viewer) throw new HeweiError('UNAUTHENTICATED');
  return req.viewer;
}

export const STAFF: readonly Role[] = [
  'operator',
  'grid_worker',
  'dispatcher',
  'handler',
  'mediator',
  'expert',
  'counsellor',
  'supervisor',
  'leader',
  'admin',
];
