import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { canView, USER_ACTIONS } from '@hewei/domain';
import { routeTable } from '../../http/access.ts';
import { buildTestApp, dept, type TestApp, VILLAGE_B1 } from '../../test/app.ts';
import { act, newCase, submit } from '../../test/flow.ts';
import { casesRepository } from './cases.repository.ts';

// Every route that reaches one case, with what a person who may see the case but not act would
// get (null: seeing is all the route does). A new case route must be added here, or this fails.
const CASE_ROUTES: Record<string, { payload?: object; seerWithoutRole: string | null }> = {
  'GET /api/v1/cases/:id': { seerWithoutRole: null },
  'GET /api/v1/cases/:id/timeline': { seerWithoutRole: null },
  'GET /api/v1/cases/:id/routing-suggestions': { seerWithoutRole: null },
  'GET /api/v1/cases/:id/duplicates': { seerWithoutRole: null },
  'POST /api/v1/cases/:id/leader-in-charge': { payload: { leaderUserId: 'x' }, seerWithoutRole: 'gw-a1' },
  'GET /api/v1/cases/:id/attachments': { seerWithoutRole: null },
  'POST /api/v1/cases/:id/attachments': { payload: {}, seerWithoutRole: 'leader' },
  // a leader may urge and supervise (issue 5): the seer without any action role is the administrator
  'POST /api/v1/cases/:id/actions/:action': { payload: {}, seerWithoutRole: 'admin' },
  'GET /api/v1/cases/:id/timers': { seerWithoutRole: null },
  'GET /api/v1/cases/:id/escalations': { seerWithoutRole: null },
  'GET /api/v1/cases/:id/consultations': { seerWithoutRole: null },
  'POST /api/v1/cases/:id/consultations': {
    payload: {
      title: '会商',
      agenda: '议题',
      scheduledAt: '2024-06-12T10:00:00+08:00',
      people: [{ name: '甲' }, { name: '乙' }],
    },
    seerWithoutRole: 'gw-a1',
  },
  'POST /api/v1/cases/:id/parties/:partyId/reveal': {
    payload: { field: 'phone' },
    seerWithoutRole: 'leader',
  },
  // channels (issue 6): questions to the resident, referrals to the police and courts
  'GET /api/v1/cases/:id/info-requests': { seerWithoutRole: null },
  'POST /api/v1/cases/:id/info-requests': { payload: { question: '请补充' }, seerWithoutRole: 'gw-a1' },
  'GET /api/v1/cases/:id/referrals': { seerWithoutRole: null },
  'POST /api/v1/cases/:id/referrals': {
    payload: { partner: 'police', note: '转110' },
    seerWithoutRole: 'gw-a1',
  },
  'POST /api/v1/cases/:id/referrals/:referralId/receipt': { payload: {}, seerWithoutRole: 'gw-a1' },
  'POST /api/v1/cases/:id/referrals/:referralId/result': {
    payload: { outcome: 'resolved', note: '已处置' },
    seerWithoutRole: 'gw-a1',
  },
};
// People who must not know a town-A case exists.
const OUTSIDERS = ['dispatcher-b', 'gw-b1', 'supervisor-b', 'handler-x', '13900000002'];

let t: TestApp;
let caseA: { id: string; version: number; partyId: string };
before(async () => {
  t = await buildTestApp();
  const c = await submit(t, 'operator');
  await act(t, 'dispatcher-a', c.id, 'accept');
  await act(t, 'dispatcher-a', c.id, 'triage', { complexity: 'complex', colour: 'yellow' });
  await act(t, 'dispatcher-a', c.id, 'dispatch', { leadDepartmentId: dept('zhujian') });
  const full = (await t.call({ method: 'GET', url: `/api/v1/cases/${c.id}`, as: 'dispatcher' })).json();
  caseA = { id: c.id, version: full.version, partyId: full.parties[0].id };
  await submit(t, 'operator', newCase({ place: { regionId: VILLAGE_B1, address: '乙一村' } }));
  await submit(t, '13900000001', newCase({ channel: 'app', parties: [] }));
});
after(() => t.close());

const urlFor = (pattern: string, action = 'accept') =>
  pattern.replace(':id', caseA.id).replace(':action', action).replace(':partyId', caseA.partyId);

describe('scope on every case route', () => {
  it('every case route of the built app has a scope test', () => {
    const served = routeTable
      .get(t.app)!
      .filter((r) => r.url.startsWith('/api/v1/cases/:id') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(served.sort(), Object.keys(CASE_ROUTES).sort());
  });

  it('every /api route declares who may call it', () => {
    const undeclared = routeTable.get(t.app)!.filter((r) => r.url.startsWith('/api/v1') && !r.access);
    assert.deepEqual(undeclared, []);
  });

  for (const [route, spec] of Object.entries(CASE_ROUTES)) {
    const [method, pattern] = route.split(' ') as ['GET' | 'POST', string];
    const actions = pattern.includes(':action') ? USER_ACTIONS : [undefined];
    it(`${route}: another town gets 404, anonymous 401${spec.seerWithoutRole ? ', a viewer without the role 403' : ''}`, async () => {
      for (const action of actions) {
        const url = urlFor(pattern, action);
        const payload = method === 'POST' ? { version: caseA.version, ...spec.payload } : undefined;
        for (const who of OUTSIDERS) {
          const r = await t.call({ method, url, payload, as: who });
          assert.equal(r.statusCode, 404, `${who} ${method} ${url}: ${r.body}`);
        }
        assert.equal((await t.call({ method, url, payload })).statusCode, 401);
        if (spec.seerWithoutRole) {
          const r = await t.call({ method, url, payload, as: spec.seerWithoutRole });
          assert.equal(r.statusCode, 403, `${spec.seerWithoutRole} ${url}: ${r.body}`);
        }
      }
    });
  }

  it('lists show exactly what each viewer may open, never more', async () => {
    const { db } = t.deps;
    const viewers = [
      'dispatcher',
      'dispatcher-a',
      'dispatcher-b',
      'dispatcher-a1',
      'handler-lead',
      'handler-x',
      'gw-a1',
      'gw-b1',
      'leader',
      'supervisor-b',
      '13900000001',
      '13900000002',
    ];
    const all = await db.query.cases.findMany();
    for (const who of viewers) {
      const me = (await t.call({ method: 'GET', url: '/api/v1/auth/me', as: who })).json().user;
      const viewer = { userId: me.id, role: me.role, regionId: me.regionId, departmentId: me.departmentId };
      const expected = [];
      for (const row of all) {
        const state = (await casesRepository.loadCase(db, row.countyId, row.id))!;
        if (canView(state, viewer)) expected.push(row.id);
      }
      const listed = (await t.call({ method: 'GET', url: '/api/v1/cases?limit=200', as: who }))
        .json()
        .items.map((c: { id: string }) => c.id);
      assert.deepEqual(listed.sort(), expected.sort(), who);
    }
  });
});
