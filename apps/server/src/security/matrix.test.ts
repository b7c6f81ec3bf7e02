import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Actor, canView } from '@hewei/domain';
import Fastify from 'fastify';
import { buildApp } from '../app.ts';
import { enforceAccessDeclarations, type RouteEntry, routeTable } from '../http/access.ts';
import { multipart, photoWithExif } from '../modules/attachments/attachments.test-support.ts';
import { casesRepository } from '../modules/cases/cases.repository.ts';
import { buildTestApp, dept, type TestApp, VILLAGE_B1 } from '../test/app.ts';
import { act, newCase, submit } from '../test/flow.ts';
import { type MatrixActor, matrixActors, signIn } from './matrix.actors.ts';

// The case under test carries markers that must never reach anyone who may not see it.
const A = { marker: 'MATRIXA7f3q', name: '矩阵甲某', phone: '13811112222', idNumber: '110101199003074573' };
const B = { marker: 'MATRIXB9k2w', name: '矩阵乙某', phone: '13833334444' };
const REVEALERS = ['operator', 'dispatcher', 'handler', 'mediator', 'grid_worker'];
/**
 * Routes with a known leak, left to the issue that owns them. Empty: the Open311 feed (public by
 * the standard) now shows a description and place only for requests submitted through Open311,
 * and no tracking code at all (service_request_id is the case id).
 */
const KNOWN_FINDINGS = new Set<string>();
// routes the matrix does not drive: ending the caller's own session, and a websocket upgrade
const NOT_DRIVEN = new Set(['POST /api/v1/auth/logout', 'GET /api/v1/mediation/rooms/:sessionId/ws']);

let t: TestApp;
let caseA: { id: string; trackingCode: string; partyId: string };
let caseB: { id: string; trackingCode: string };
const actors: (MatrixActor & { cookie: string | null; viewer: Actor | null })[] = [];
before(async () => {
  t = await buildTestApp();
  const a = await submit(
    t,
    '13900000001',
    newCase({
      channel: 'app',
      description: `楼道堆物影响通行 ${A.marker}`,
      parties: [
        { role: 'applicant', name: A.name, phone: A.phone, idNumber: A.idNumber, address: '甲一村5号' },
      ],
    }),
  );
  await act(t, 'dispatcher-a', a.id, 'accept');
  await act(t, 'dispatcher-a', a.id, 'triage', { complexity: 'complex', colour: 'yellow' });
  await act(t, 'dispatcher-a', a.id, 'dispatch', { leadDepartmentId: dept('zhujian') });
  const full = (await t.call({ method: 'GET', url: `/api/v1/cases/${a.id}`, as: 'dispatcher' })).json();
  caseA = { id: a.id, trackingCode: a.trackingCode, partyId: full.parties[0].id };
  const up = await t.call({
    method: 'POST',
    url: `/api/v1/cases/${a.id}/attachments`,
    as: 'operator',
    ...multipart('p.jpg', await photoWithExif()),
  });
  assert.equal(up.statusCode, 201, up.body);
  const b = await submit(
    t,
    'operator',
    newCase({
      description: `乙镇噪音 ${B.marker}`,
      place: { regionId: VILLAGE_B1, address: '乙一村' },
      parties: [{ role: 'applicant', name: B.name, phone: B.phone }],
    }),
  );
  caseB = { id: b.id, trackingCode: b.trackingCode };
  const list = await matrixActors(t);
  let n = 0;
  for (const actor of list) {
    const cookie = await signIn(t, actor, n++);
    const me = cookie
      ? (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json().user
      : null;
    const viewer = me
      ? { userId: me.id, role: me.role, regionId: me.regionId, departmentId: me.departmentId }
      : null;
    actors.push({ ...actor, cookie, viewer });
  }
});
after(() => t.close());

const GHOST = '01900a2c-0000-7000-8000-000000000000';
const fill = (url: string, id = caseA.id) =>
  url
    .replace(':partyId', id === caseA.id ? caseA.partyId : GHOST)
    .replace(':action', 'accept')
    .replace(':file', 'requests.json')
    .replace(/:[A-Za-z0-9_]+/g, id);
const REVEAL = 'POST /api/v1/cases/:id/parties/:partyId/reveal';
const PAYLOADS: Record<string, object> = {
  [REVEAL]: { field: 'phone' },
  'POST /api/v1/duplicates/check': {
    description: A.marker,
    categoryCode: '0605',
    place: { regionId: 'r-330001101201' },
  },
};
const roleAllowed = (r: RouteEntry, role: string | undefined) =>
  r.access === 'public' ||
  (role !== undefined && (r.access === 'signed_in' || (Array.isArray(r.access) && r.access.includes(role))));

describe('authorization matrix over every route of the built app', () => {
  it('a route without an access declaration stops the app from being built', async () => {
    const bare = Fastify();
    enforceAccessDeclarations(bare);
    assert.throws(() => bare.get('/api/v1/undeclared', async () => ({})), /declares no access/);
    const app = await buildApp(t.deps);
    assert.throws(
      () => app.post('/api/v1/cases/:id/forgot-to-declare', async () => ({})),
      /declares no access/,
    );
    await app.close();
  });

  it('every actor on every route: declared access holds, and nothing of a case reaches whoever may not see it', async () => {
    const state = (await casesRepository.loadCase(t.deps.db, t.deps.org.countyIds()[0], caseA.id))!;
    const stateB = (await casesRepository.loadCase(t.deps.db, t.deps.org.countyIds()[0], caseB.id))!;
    const routes = routeTable
      .get(t.app)!
      .filter(
        (r) =>
          r.method !== 'HEAD' &&
          r.access &&
          !r.url.startsWith('/api/docs') &&
          !NOT_DRIVEN.has(`${r.method} ${r.url}`),
      );
    assert.ok(routes.length > 20);
    const failures: string[] = [];
    const slow: [number, string][] = [];
    let requests = 0;
    const call = async (method: string, url: string, cookie: string | null, payload?: object) => {
      requests++;
      return t.app.inject({
        method: method as 'GET',
        url,
        headers: cookie ? { cookie } : {},
        ...(method === 'GET' ? {} : { payload: payload ?? {} }),
      });
    };
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const started = performance.now();
      const url = fill(route.url);
      // lists and searches are also asked for the marker itself
      const variants =
        route.method === 'GET' && !route.url.includes(':') ? [url, `${url}?q=${A.marker}`] : [url];
      const refused = new Set<string>();
      for (const actor of actors) {
        const role = actor.viewer?.role ?? 'anonymous';
        const allowed = roleAllowed(route, actor.viewer?.role);
        // a role the route does not admit is refused before anything else: one actor per role shows it
        if (!allowed) {
          if (refused.has(role)) continue;
          refused.add(role);
        }
        const sees = actor.viewer ? canView(state, actor.viewer) : false;
        const seesB = actor.viewer ? canView(stateB, actor.viewer) : false;
        for (const u of variants) {
          const r = await call(route.method, u, actor.cookie, PAYLOADS[key]);
          const body = r.body;
          const who = `${actor.name} ${route.method} ${u} → ${r.statusCode}`;
          if (r.statusCode >= 500) failures.push(`${who}: server error`);
          if (r.statusCode === 429) continue; // a rate limit answers before access; nothing was served
          if (route.access !== 'public' && !actor.cookie && r.statusCode !== 401)
            failures.push(`${who}: anonymous not 401`);
          if (actor.cookie && !allowed && r.statusCode !== 403)
            failures.push(`${who}: role not admitted, not 403`);
          const known = KNOWN_FINDINGS.has(key);
          if (!known && !sees && [A.marker, caseA.trackingCode, A.name].some((m) => body.includes(m)))
            failures.push(`${who}: case A leaked: ${body.slice(0, 160)}`);
          if (!known && !seesB && [B.marker, caseB.trackingCode, B.name].some((m) => body.includes(m)))
            failures.push(`${who}: case B leaked: ${body.slice(0, 160)}`);
          const revealed = key === REVEAL && sees && REVEALERS.includes(role);
          if (!revealed && [A.phone, A.idNumber, B.phone].some((m) => body.includes(m)))
            failures.push(`${who}: full phone or ID number in the response`);
          if (revealed && r.statusCode === 200 && r.json().value !== A.phone)
            failures.push(`${who}: wrong reveal`);
          // whoever may not see the case gets exactly what a case that does not exist would give
          if (!sees && allowed && actor.cookie && route.url.includes(':')) {
            const ghost = await call(route.method, fill(route.url, GHOST), actor.cookie, PAYLOADS[key]);
            if (ghost.statusCode !== r.statusCode && ghost.statusCode !== 429)
              failures.push(`${who}: differs from a missing case (${ghost.statusCode})`);
          }
        }
      }
      slow.push([performance.now() - started, key]);
    }
    slow.sort((a, b) => b[0] - a[0]);
    console.log(
      `matrix: ${requests} requests over ${routes.length} routes and ${actors.length} actors; slowest`,
      slow.slice(0, 5),
    );
    assert.ok(requests > 1000, `${requests} requests`);
    assert.deepEqual(failures, []);
  });

  it('a file link made for one viewer opens for nobody else', async () => {
    const state = (await casesRepository.loadCase(t.deps.db, t.deps.org.countyIds()[0], caseA.id))!;
    for (const owner of actors.filter((a) => a.viewer && canView(state, a.viewer))) {
      const list = await t.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${caseA.id}/attachments`,
        headers: { cookie: owner.cookie! },
      });
      assert.equal(list.statusCode, 200, `${owner.name}: ${list.body}`);
      const url = list.json().items[0].url;
      for (const other of actors) {
        const r = await t.app.inject({
          method: 'GET',
          url,
          headers: other.cookie ? { cookie: other.cookie } : {},
        });
        const expected = other === owner ? 200 : other.cookie ? 404 : 401;
        assert.equal(r.statusCode, expected, `${owner.name}'s link opened by ${other.name}`);
      }
    }
  });
});
