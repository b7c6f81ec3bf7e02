import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, dept, type TestApp } from '../../test/app.ts';
import { act, newCase, submit } from '../../test/flow.ts';
import { importTestCounty, MICRO_A2, pointIn } from '../org/org.test-support.ts';

let t: TestApp;
let file: Awaited<ReturnType<typeof importTestCounty>>;
before(async () => {
  t = await buildTestApp();
  file = await importTestCounty(t);
});
after(() => t.close());

const COUNTY = 'r-330001';
const atPoint = (code: string, seed: number, over: object = {}) => {
  const [lon, lat] = pointIn(file, code, seed);
  return newCase({ place: { lat, lon, regionId: COUNTY }, ...over });
};
const suggestions = async (id: string, as = 'dispatcher-a', lang = 'zh-CN') => {
  const r = await t.call({
    method: 'GET',
    url: `/api/v1/cases/${id}/routing-suggestions`,
    as,
    headers: { 'accept-language': lang },
  });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};
const triaged = async (body: object) => {
  const c = await submit(t, 'operator', body as never);
  await act(t, 'dispatcher-a', c.id, 'accept');
  await act(t, 'dispatcher-a', c.id, 'triage', { complexity: 'complex', colour: 'yellow' });
  return c;
};

describe('a case registered at a point', () => {
  it('lands in the micro-grid and village of the point, and in that village’s queue', async () => {
    const c = await submit(t, 'operator', atPoint(MICRO_A2, 11));
    const full = (await t.call({ method: 'GET', url: `/api/v1/cases/${c.id}`, as: 'dispatcher' })).json();
    assert.equal(full.place.gridId, 'g-330001101202-2-1');
    assert.equal(full.place.regionId, 'r-330001101202');
    assert.equal(full.ownerRegionId, 'r-330001101202');
    const s = await suggestions(c.id);
    assert.equal(s.place.resolvedBy, 'point');
    assert.equal(s.place.gridCode, MICRO_A2);
  });

  it('is refused when the point lies outside the county, and nothing is written', async () => {
    const count = async () =>
      (await t.deps.db.execute(sql`select count(*)::int as n from cases`)).rows[0] as { n: number };
    const before = await count();
    const r = await t.call({
      method: 'POST',
      url: '/api/v1/cases',
      as: 'operator',
      payload: newCase({ place: { lat: 39.9, lon: 116.4 } }),
    });
    assert.equal(r.statusCode, 422, r.body);
    assert.equal(r.json().error.rule, 'POINT_OUTSIDE_COUNTY');
    assert.equal(r.json().error.field, 'place.lat');
    assert.deepEqual(await count(), before);
  });

  it('without a point, is placed by a grid’s known address, or flagged for the dispatcher', async () => {
    const grid = 'g-330001101202-3';
    const r = await t.call({
      method: 'PATCH',
      url: `/api/v1/org/grids/${grid}`,
      as: 'admin',
      payload: { addresses: ['幸福小区'] },
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().grid.version, 3);
    const known = await submit(
      t,
      'operator',
      newCase({ place: { address: '甲镇幸福小区5幢', regionId: COUNTY } }),
    );
    const s = await suggestions(known.id, 'dispatcher');
    assert.equal(s.place.gridId, grid);
    assert.equal(s.place.resolvedBy, 'address');
    const unknown = await submit(
      t,
      'operator',
      newCase({ place: { address: '不知道哪里', regionId: COUNTY } }),
    );
    assert.equal((await suggestions(unknown.id, 'dispatcher')).place.resolvedBy, 'unresolved');
  });
});

describe('routing suggestions', () => {
  it('suggest the lead from the responsibility list, saying which entry matched and why', async () => {
    const c = await triaged(atPoint(MICRO_A2, 12));
    const s = await suggestions(c.id);
    assert.equal(s.suggestion.source, 'responsibility');
    assert.equal(s.suggestion.lead.id, dept('zhujian'));
    assert.deepEqual(
      s.suggestion.why.map((w: any) => w.kind),
      ['category', 'region'],
    );
    assert.match(s.suggestion.why[0].text, /06/);
  });

  it('prefer a more specific entry: category over group, village over county, with co-handlers', async () => {
    const add = (payload: object) =>
      t.call({ method: 'POST', url: '/api/v1/org/responsibilities', as: 'admin', payload });
    const a = await add({
      categoryCode: '0605',
      regionId: 'r-330001101202',
      departmentId: dept('zhifa'),
      role: 'lead',
      validFrom: '2024-01-01',
    });
    assert.equal(a.statusCode, 201, a.body);
    await add({
      categoryCode: '0605',
      regionId: COUNTY,
      departmentId: dept('sifa'),
      role: 'co',
      validFrom: '2024-01-01',
    });
    // not yet in force: ignored
    await add({
      categoryCode: '0605',
      regionId: 'r-330001101202',
      departmentId: dept('sifa'),
      role: 'lead',
      validFrom: '2030-01-01',
    });
    const c = await triaged(atPoint(MICRO_A2, 13));
    const s = await suggestions(c.id, 'dispatcher-a', 'en');
    assert.equal(s.suggestion.lead.id, dept('zhifa'));
    assert.deepEqual(
      s.suggestion.co.map((x: any) => x.id),
      [dept('sifa')],
    );
    assert.match(s.suggestion.why[1].text, /Jia Two/);
    const elsewhere = await triaged(newCase());
    assert.equal((await suggestions(elsewhere.id)).suggestion.lead.id, dept('zhujian'));
  });

  it('an editable rule goes before the list, and says which rule matched', async () => {
    const rule = await t.call({
      method: 'POST',
      url: '/api/v1/routing/rules',
      as: 'admin',
      payload: {
        name: '电梯困人',
        priority: 100,
        categoryPrefix: '06',
        keywords: ['困人'],
        leadDepartmentId: dept('sifa'),
        coDepartmentIds: [dept('zhujian')],
      },
    });
    assert.equal(rule.statusCode, 201, rule.body);
    const c = await triaged(newCase({ description: '电梯困人二十分钟，无人处理' }));
    const s = await suggestions(c.id);
    assert.equal(s.suggestion.source, 'rule');
    assert.equal(s.suggestion.ruleName, '电梯困人');
    assert.ok(s.suggestion.why.some((w: any) => w.kind === 'keyword' && w.text.includes('困人')));
    assert.equal(s.alternatives[0].source, 'responsibility');
    const off = await t.call({
      method: 'PATCH',
      url: `/api/v1/routing/rules/${rule.json().id}`,
      as: 'admin',
      payload: { active: false },
    });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal((await suggestions(c.id)).suggestion.source, 'responsibility');
    const asDispatcher = await t.call({
      method: 'POST',
      url: '/api/v1/routing/rules',
      as: 'dispatcher',
      payload: { name: 'x', priority: 1, leadDepartmentId: dept('sifa') },
    });
    assert.equal(asDispatcher.statusCode, 403);
  });

  it('record a dispatch that differs from the suggestion, and not one that follows it', async () => {
    const followed = await triaged(newCase());
    await act(t, 'dispatcher-a', followed.id, 'dispatch', {
      leadDepartmentId: dept('zhujian'),
      coDepartmentIds: [dept('sifa')],
    });
    assert.deepEqual((await suggestions(followed.id)).overrides, []);
    const other = await triaged(newCase());
    await act(t, 'dispatcher-a', other.id, 'dispatch', {
      leadDepartmentId: dept('zhifa'),
      coDepartmentIds: [dept('sifa')],
    });
    const [o] = (await suggestions(other.id)).overrides;
    assert.equal(o.suggestedLeadId, dept('zhujian'));
    assert.equal(o.chosenLeadId, dept('zhifa'));
    assert.deepEqual(o.chosenCoIds, [dept('sifa')]);
    const del = t.deps.db.execute(sql`delete from routing_overrides`);
    await assert.rejects(del, (e: Error & { cause?: Error }) => /append-only/.test(String(e.cause?.message)));
  });

  it('are not shown to residents, nor to staff who may not see the case', async () => {
    const c = await submit(t, '13900000001', newCase({ channel: 'app', parties: [] }));
    const mine = await t.call({
      method: 'GET',
      url: `/api/v1/cases/${c.id}/routing-suggestions`,
      as: '13900000001',
    });
    assert.equal(mine.statusCode, 403);
    const other = await t.call({
      method: 'GET',
      url: `/api/v1/cases/${c.id}/routing-suggestions`,
      as: 'dispatcher-b',
    });
    assert.equal(other.statusCode, 404);
  });
});
