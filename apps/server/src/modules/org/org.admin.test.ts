import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dept, type TestApp } from '../../test/app.ts';
import { createOrgDirectory } from './org.directory.ts';
import { importTestCounty, MICRO_A1, testCountyFile } from './org.test-support.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
  await importTestCounty(t);
});
after(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, as = 'admin') =>
  t.call({ method, url, payload, as });

describe('administering the organisation', () => {
  it('assigns grid workers to grids and mediators to villages, with masked phones and effective dates', async () => {
    const gw = await call('POST', '/api/v1/org/people', {
      kind: 'grid_worker',
      employment: 'volunteer',
      name: '志愿者小李',
      phone: '13911112222',
      gridId: 'g-330001101201-1-1',
      validFrom: '2024-01-01',
    });
    assert.equal(gw.statusCode, 201, gw.body);
    assert.equal(gw.json().phone, '139****2222');
    assert.equal(gw.json().regionId, 'r-330001101201');
    const listed = (
      await call('GET', '/api/v1/org/people?gridId=g-330001101201-1-1', undefined, 'dispatcher')
    ).json();
    assert.ok(listed.items.some((p: any) => p.name === '志愿者小李' && p.employment === 'volunteer'));
    const ended = await call('PATCH', `/api/v1/org/people/${gw.json().id}`, { validTo: '2024-05-31' });
    assert.equal(ended.statusCode, 200, ended.body);
    const file = testCountyFile();
    const f = file.features.find((x) => x.properties.code === MICRO_A1)!;
    const [lon, lat] = (f.geometry as { coordinates: number[][][] }).coordinates[0][0];
    const here = await call('GET', `/api/v1/org/locate?lat=${lat}&lon=${lon}`, undefined, 'dispatcher');
    assert.ok(
      !here.json().gridWorkers.some((p: any) => p.name === '志愿者小李'),
      'no longer in force on 2024-06-12',
    );
  });

  it('refuses people without their grid or village, and bad dates, naming the field', async () => {
    const noGrid = await call('POST', '/api/v1/org/people', {
      kind: 'grid_worker',
      name: '甲',
      validFrom: '2024-01-01',
    });
    assert.equal(noGrid.json().error.field, 'gridId');
    const town = await call('POST', '/api/v1/org/people', {
      kind: 'village_mediator',
      name: '乙',
      regionId: 'r-330001101',
      validFrom: '2024-01-01',
    });
    assert.equal(town.json().error.rule, 'MEDIATOR_NEEDS_VILLAGE');
    const dates = await call('POST', '/api/v1/org/responsibilities', {
      categoryCode: '06',
      regionId: 'r-330001',
      departmentId: dept('zhujian'),
      role: 'co',
      validFrom: '2024-06-01',
      validTo: '2024-01-01',
    });
    assert.equal(dates.json().error.rule, 'VALID_TO_BEFORE_FROM');
    const unknown = await call('POST', '/api/v1/org/responsibilities', {
      categoryCode: '99',
      regionId: 'r-330001',
      departmentId: dept('zhujian'),
      role: 'co',
      validFrom: '2024-06-01',
    });
    assert.equal(unknown.json().error.field, 'categoryCode');
    assert.equal(
      (
        await call(
          'POST',
          '/api/v1/org/people',
          { kind: 'grid_worker', name: '丙', gridId: 'g-330001101201', validFrom: '2024-01-01' },
          'dispatcher',
        )
      ).statusCode,
      403,
    );
  });

  it('edits departments, categories and region names; the list answers in both languages', async () => {
    const d = await call('POST', '/api/v1/org/departments', {
      name: '县应急管理局',
      nameEn: 'Emergency Bureau',
    });
    assert.equal(d.statusCode, 201, d.body);
    const c = await call('POST', '/api/v1/org/categories', {
      code: '0699',
      parentCode: '06',
      name: '物业维修基金',
      nameEn: 'Repair fund',
      kinds: ['complaint'],
    });
    assert.equal(c.statusCode, 201, c.body);
    assert.equal((await call('POST', '/api/v1/org/categories', { code: '0699', name: 'x' })).statusCode, 409);
    const resp = await call('POST', '/api/v1/org/responsibilities', {
      categoryCode: '0699',
      regionId: 'r-330001101',
      departmentId: d.json().id,
      role: 'lead',
      validFrom: '2024-01-01',
    });
    assert.equal(resp.statusCode, 201, resp.body);
    const en = await t.call({
      method: 'GET',
      url: '/api/v1/org/responsibilities?categoryCode=0699',
      as: 'dispatcher',
      headers: { 'accept-language': 'en' },
    });
    const entry = en.json().items.find((x: any) => x.categoryCode === '0699');
    assert.equal(entry.departmentName, 'Emergency Bureau');
    assert.equal(entry.regionName, 'Jia Town');
    const renamed = await call('PATCH', '/api/v1/org/regions/r-330001101', { name: '甲镇（新）' });
    assert.equal(renamed.json().name, '甲镇（新）');
  });

  it('redraws a grid outline only when it stays inside its parent and off its siblings', async () => {
    const file = testCountyFile();
    const small2 = file.features.find((x) => x.properties.code === '33000110120120')!;
    const r = await call('PATCH', '/api/v1/org/grids/g-330001101201-1-1', { geometry: small2.geometry });
    assert.equal(r.statusCode, 422, r.body);
    assert.ok(r.json().report.problems.some((p: any) => p.problem === 'OUTSIDE_PARENT'));
    const own = file.features.find((x) => x.properties.code === MICRO_A1)!;
    const ok = await call('PATCH', '/api/v1/org/grids/g-330001101201-1-1', {
      geometry: own.geometry,
      name: '锦绣花园微网格',
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().grid.name, '锦绣花园微网格');
  });

  it('audits every change, and another server instance picks it up from the change stamp', async () => {
    const other = createOrgDirectory(t.deps.db);
    await other.refresh();
    assert.equal(await other.refreshIfChanged(), false);
    const r = await call('PATCH', '/api/v1/org/grids/g-330001101202-1', { addresses: ['和平路12号'] });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(await other.refreshIfChanged(), true);
    assert.deepEqual(other.grid('g-330001101202-1')?.addresses, ['和平路12号']);
    const audit = (await call('GET', '/api/v1/org/audit?limit=100')).json().items;
    const actions = new Set(audit.map((x: any) => x.action));
    for (const a of [
      'org.person.created',
      'org.person.updated',
      'org.department.created',
      'org.category.created',
      'org.responsibility.created',
      'org.region.updated',
      'org.grid.updated',
      'org.grid.outline_edited',
    ])
      assert.ok(actions.has(a), a);
    assert.ok(audit.every((x: any) => x.actorId === 'u-admin'));
  });
});
