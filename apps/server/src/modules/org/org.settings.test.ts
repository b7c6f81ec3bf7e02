import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dept, type TestApp } from '../../test/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, as = 'admin') =>
  t.call({ method, url, payload, as });

describe("the administrator's settings: departments, categories, routing rules", () => {
  it('deactivates a department: still listed in settings, no longer offered for new work', async () => {
    const d = await call('POST', '/api/v1/org/departments', { name: '县信访局', nameEn: 'Petitions Bureau' });
    assert.equal(d.statusCode, 201, d.body);
    assert.equal(d.json().active, true);
    const off = await call('PATCH', `/api/v1/org/departments/${d.json().id}`, {
      name: '县信访局',
      nameEn: 'Petitions Bureau',
      active: false,
    });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().active, false);
    const settings = (await call('GET', '/api/v1/org/settings/departments')).json().items;
    assert.equal(settings.find((x: { id: string }) => x.id === d.json().id).active, false);
    const offered = (await call('GET', '/api/v1/org/departments', undefined, 'dispatcher')).json().items;
    assert.ok(!offered.some((x: { id: string }) => x.id === d.json().id));
    assert.equal(
      (await call('GET', '/api/v1/org/settings/departments', undefined, 'dispatcher')).statusCode,
      403,
    );
    const bad = await call('POST', '/api/v1/org/departments', { name: '', nameEn: 'x' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, 'name');
  });

  it("sets a category's default department through the responsibility list, refusing unknown ones", async () => {
    const before = (await call('GET', '/api/v1/org/settings/categories')).json().items;
    assert.equal(before.find((c: { code: string }) => c.code === '06').defaultDepartmentId, dept('zhujian'));
    const set = await call('PUT', '/api/v1/org/categories/0601/default-department', {
      departmentId: dept('zhifa'),
    });
    assert.equal(set.statusCode, 200, set.body);
    const after = (await call('GET', '/api/v1/org/settings/categories')).json().items;
    assert.equal(after.find((c: { code: string }) => c.code === '0601').defaultDepartmentId, dept('zhifa'));
    const listed = (
      await call('GET', '/api/v1/org/responsibilities?categoryCode=0601', undefined, 'dispatcher')
    ).json();
    assert.ok(listed.items.some((x: { departmentId: string }) => x.departmentId === dept('zhifa')));
    const bad = await call('PUT', '/api/v1/org/categories/0601/default-department', {
      departmentId: 'd-nope',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, 'departmentId');
    assert.equal(
      (await call('PUT', '/api/v1/org/categories/9999/default-department', { departmentId: null }))
        .statusCode,
      404,
    );
    const off = await call('PATCH', '/api/v1/org/categories/0601', { active: false });
    assert.equal(off.json().active, false);
    const all = (await call('GET', '/api/v1/org/settings/categories')).json().items;
    assert.equal(all.find((c: { code: string }) => c.code === '0601').active, false);
  });

  it('tries the rules on a sample case, saying which rule matched and why', async () => {
    const rule = await call('POST', '/api/v1/routing/rules', {
      name: '甲镇电梯归执法',
      priority: 50,
      categoryPrefix: '06',
      regionId: 'r-330001101',
      keywords: ['电梯'],
      leadDepartmentId: dept('zhifa'),
    });
    assert.equal(rule.statusCode, 201, rule.body);
    const sample = { categoryCode: '0605', regionId: 'r-330001101201', kind: 'complaint' };
    const hit = await call('POST', '/api/v1/routing/test', { ...sample, description: '小区电梯困人' });
    assert.equal(hit.statusCode, 200, hit.body);
    assert.equal(hit.json().suggestion.ruleId, rule.json().id);
    assert.equal(hit.json().suggestion.lead.id, dept('zhifa'));
    assert.ok(hit.json().suggestion.why.some((w: { kind: string }) => w.kind === 'keyword'));
    assert.equal(hit.json().alternatives[0].source, 'responsibility');
    const miss = await call(
      'POST',
      '/api/v1/routing/test',
      { ...sample, description: '楼道灯坏了' },
      'dispatcher',
    );
    assert.equal(miss.json().suggestion.source, 'responsibility');
    assert.equal(miss.json().suggestion.lead.id, dept('zhujian'));
    const elsewhere = await call('POST', '/api/v1/routing/test', { ...sample, regionId: 'r-nowhere' });
    assert.equal(elsewhere.statusCode, 400);
    assert.equal(elsewhere.json().error.field, 'regionId');
    const outOfScope = await call(
      'POST',
      '/api/v1/routing/test',
      { ...sample, regionId: 'r-330001102' },
      'dispatcher-a',
    );
    assert.equal(outOfScope.json().error.field, 'regionId');
    assert.equal((await call('POST', '/api/v1/routing/test', sample, 'handler-lead')).statusCode, 403);
  });
});
