import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
let householdId: string;
before(async () => {
  t = await buildTestApp();
  const h = await t.call({
    method: 'POST',
    url: '/api/v1/households',
    as: 'gw-a1',
    payload: { address: '甲一村2组8号', headName: '赵大姐', memberCount: 2 },
  });
  householdId = h.json().id;
});
after(() => t.close());

const visit = (note: string, at: string) =>
  t.call({
    method: 'POST',
    url: '/api/v1/field/visits',
    as: 'gw-a1',
    payload: { householdId, kind: 'routine', note, at },
  });

describe('a household’s visit log', () => {
  it('lists the visits newest first with who made them, only inside the household’s region', async () => {
    assert.equal((await visit('第一次走访，家庭和睦', '2024-06-11T02:00:00Z')).statusCode, 201);
    assert.equal((await visit('第二次走访，邻里关系良好', '2024-06-12T01:00:00Z')).statusCode, 201);
    const r = await t.call({ method: 'GET', url: `/api/v1/households/${householdId}/visits`, as: 'gw-a1' });
    assert.equal(r.statusCode, 200, r.body);
    const items = r.json().items as { note: string; workerName: string; kind: string }[];
    assert.deepEqual(
      items.map((v) => v.note),
      ['第二次走访，邻里关系良好', '第一次走访，家庭和睦'],
    );
    assert.equal(items[0].workerName, '甲一网格员');
    assert.equal(
      (await t.call({ method: 'GET', url: `/api/v1/households/${householdId}/visits`, as: 'dispatcher-a' }))
        .statusCode,
      200,
    );
    for (const as of ['gw-b1', 'handler-lead'])
      assert.equal(
        (await t.call({ method: 'GET', url: `/api/v1/households/${householdId}/visits`, as })).statusCode,
        as === 'gw-b1' ? 404 : 403,
      );
  });
});
