import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { act, newCase, submit } from '../../test/flow.ts';
import { mapVillageA1, resolvedCase } from './field.test-support.ts';

let t: TestApp;
let householdId: string;
before(async () => {
  t = await buildTestApp();
  await mapVillageA1(t);
  householdId = (
    await t.call({
      method: 'POST',
      url: '/api/v1/households',
      as: 'gw-a1',
      payload: { address: '甲一村1组1号', headName: '赵', memberCount: 2 },
    })
  ).json().id;
});
after(() => t.close());

const post = (url: string, payload: object, as = 'gw-a1') => t.call({ method: 'POST', url, payload, as });

describe('field work online', () => {
  it('a patrol logs places with positions; a point far outside the village is refused with the distance', async () => {
    const p = await post('/api/v1/field/patrols', { point: { lat: 30.015, lon: 120.025, note: '巡查开始' } });
    assert.equal(p.statusCode, 201, p.body);
    const far = await post(`/api/v1/field/patrols/${p.json().id}/points`, { lat: 30.2, lon: 120.02 });
    assert.equal(far.statusCode, 400);
    assert.equal(far.json().error.rule, 'PATROL_POINT_OUTSIDE_AREA');
    assert.equal(far.json().error.field, 'lat');
    const edge = await post(`/api/v1/field/patrols/${p.json().id}/points`, {
      lat: 30.0205,
      lon: 120.02,
      note: '村口',
    });
    assert.equal(edge.statusCode, 201, 'a few hundred metres past the edge is still the village');
    assert.equal((await post(`/api/v1/field/patrols/${p.json().id}/stop`, {})).statusCode, 200);
    const late = await post(`/api/v1/field/patrols/${p.json().id}/points`, { lat: 30.01, lon: 120.01 });
    assert.equal(late.json().error.rule, 'PATROL_ENDED');
  });

  it('a visit without a household is bad input and records nothing', async () => {
    const r = await post('/api/v1/field/visits', { kind: 'routine', note: '走访' });
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().error.field, 'householdId');
    const ok = await post('/api/v1/field/visits', { householdId, kind: 'appointment', note: '约访' });
    assert.equal(ok.statusCode, 201);
  });

  it('registers people, buildings, places and organisations; people of concern show visits against their cadence', async () => {
    const b = await post('/api/v1/field/register', {
      kind: 'building',
      name: '甲一村3幢',
      lat: 30.01,
      lon: 120.01,
    });
    assert.equal(b.statusCode, 201, b.body);
    const person = await post('/api/v1/field/register', {
      kind: 'person',
      name: '钱某',
      phone: '13700001234',
      householdId,
      concern: '社区矫正人员',
      visitsPerWeek: 3,
    });
    assert.equal(person.json().phone, '137****1234');
    const half = await post('/api/v1/field/register', { kind: 'person', name: '孙某', concern: '精神障碍' });
    assert.equal(half.json().error.rule, 'CONCERN_NEEDS_CADENCE');
    await post('/api/v1/field/visits', {
      householdId,
      kind: 'routine',
      note: '看望',
      watchedPersonId: person.json().id,
    });
    const watched = (
      await t.call({ method: 'GET', url: '/api/v1/field/register?watched=true', as: 'dispatcher-a' })
    ).json();
    assert.deepEqual(
      watched.items.map((e: { name: string; visitsLast7Days: number; behind: boolean }) => [
        e.name,
        e.visitsLast7Days,
        e.behind,
      ]),
      [['钱某', 1, true]],
    );
    const buildings = (
      await t.call({ method: 'GET', url: '/api/v1/field/register?kind=building', as: 'gw-b1' })
    ).json();
    assert.equal(buildings.items.length, 0, 'another village’s register is not shown');
  });

  it('a screening campaign collects one form per household; a yes to a dispute question is flagged', async () => {
    const c = await post(
      '/api/v1/field/screenings',
      {
        title: '婚恋家庭纠纷排查',
        startsOn: '2024-06-01',
        endsOn: '2024-06-30',
        form: [
          {
            key: 'quarrel',
            label: '近期是否有家庭争吵',
            labelEn: 'Recent quarrels?',
            type: 'yes_no',
            required: true,
            flagsDispute: true,
          },
          { key: 'note', label: '情况说明', labelEn: 'Notes', type: 'text' },
        ],
      },
      'dispatcher-a',
    );
    assert.equal(c.statusCode, 201, c.body);
    const bad = await post(`/api/v1/field/screenings/${c.json().id}/responses`, {
      householdId,
      answers: { quarrel: '有' },
    });
    assert.equal(bad.json().error.field, 'answers.quarrel');
    const r = await post(`/api/v1/field/screenings/${c.json().id}/responses`, {
      householdId,
      answers: { quarrel: true, note: '因彩礼争吵' },
    });
    assert.equal(r.json().disputeFound, true);
    const twice = await post(`/api/v1/field/screenings/${c.json().id}/responses`, {
      householdId,
      answers: { quarrel: false },
    });
    assert.equal(twice.json().error.rule, 'SCREENING_ALREADY_DONE');
    const list = (await t.call({ method: 'GET', url: '/api/v1/field/screenings', as: 'gw-a1' })).json();
    assert.equal(list.items[0].screened, 1);
  });

  it('today lists the cases to verify and the green matters to settle, with versions for offline use', async () => {
    const resolved = await resolvedCase(t);
    const green = await submit(t, 'gw-a1', newCase({ channel: 'grid_report', kind: 'hazard', parties: [] }));
    const today = (await t.call({ method: 'GET', url: '/api/v1/field/today', as: 'gw-a1' })).json();
    const v = today.verifications.find((c: { id: string }) => c.id === resolved.id);
    assert.deepEqual([v.version, v.allowedActions.includes('verify')], [resolved.version, true]);
    assert.ok(today.onSpot.some((c: { id: string }) => c.id === green.id));
    assert.ok(today.households.some((h: { id: string }) => h.id === householdId));
    await act(t, 'gw-a1', green.id, 'resolveOnSpot', { note: '现场清理完毕' });
    await act(t, 'gw-a1', resolved.id, 'verify', { passed: true, note: '已核实' });
  });

  it('work records count patrols, coverage, visits, reports, on-spot resolutions and timely verifications', async () => {
    const rec = (
      await t.call({
        method: 'GET',
        url: '/api/v1/field/records?from=2024-06-12&to=2024-06-12',
        as: 'dispatcher-a',
      })
    ).json();
    const gw = rec.items.find((x: { workerId: string }) => x.workerId === 'u-gw-a1');
    assert.equal(gw.patrols, 1);
    assert.equal(gw.patrolPoints, 2);
    assert.equal(
      gw.coverage,
      0.167,
      'one of six micro grids patrolled (the edge point lies outside every grid)',
    );
    assert.equal(gw.visits, 2);
    assert.equal(gw.reports, 1);
    assert.equal(gw.onSpotResolutions, 1);
    assert.deepEqual([gw.verifications, gw.verificationsOnTime], [1, 1]);
    assert.equal(gw.watchedVisitsDone, 1);
    const own = (
      await t.call({ method: 'GET', url: '/api/v1/field/records?from=2024-06-12&to=2024-06-12', as: 'gw-a1' })
    ).json();
    assert.deepEqual(
      own.items.map((x: { workerId: string }) => x.workerId),
      ['u-gw-a1'],
    );
  });

  it('a supervisor sees a worker’s day: patrols with points for the map, visits, follow-ups', async () => {
    const day = (
      await t.call({
        method: 'GET',
        url: '/api/v1/field/workers/u-gw-a1/days?from=2024-06-10&to=2024-06-16',
        as: 'leader',
      })
    ).json();
    assert.equal(day.patrols.length, 1);
    assert.equal(day.patrols[0].points.length, 2);
    assert.equal(day.visits.length, 2);
    const other = await t.call({
      method: 'GET',
      url: '/api/v1/field/workers/u-gw-a1/days?from=2024-06-10&to=2024-06-16',
      as: 'supervisor-b',
    });
    assert.equal(other.statusCode, 404);
  });
});
