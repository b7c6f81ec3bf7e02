import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp, VILLAGE_A1, VILLAGE_B1 } from '../../test/app.ts';
import { act, newCase, submit } from '../../test/flow.ts';

let t: TestApp;
const ids: Record<string, string> = {};
before(async () => {
  t = await buildTestApp();
  ids.wages = (
    await submit(
      t,
      'operator',
      newCase({
        kind: 'dispute',
        categoryCode: '0201',
        description: '甲一村工地拖欠农民工工资三个月，包工头联系不上',
      }),
    )
  ).id;
  ids.lift = (await submit(t, 'operator', newCase())).id;
  ids.yiWages = (
    await submit(
      t,
      'operator',
      newCase({
        categoryCode: '0201',
        description: '乙一村砖厂拖欠工资',
        place: { regionId: VILLAGE_B1, address: '乙一村砖厂' },
      }),
    )
  ).id;
  ids.english = (
    await submit(
      t,
      'operator',
      newCase({
        description: 'Street light broken outside the school gate',
        place: { regionId: VILLAGE_A1 },
      }),
    )
  ).id;
});
after(() => t.close());

const search = async (as: string, query: string) => {
  const r = await t.call({ method: 'GET', url: `/api/v1/search?${query}`, as });
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as { terms: string[]; items: { id: string; rank: number }[] };
};

describe('search', () => {
  it('finds Chinese text by its jieba words, however the query and the document were cut', async () => {
    const r = await search('leader', `q=${encodeURIComponent('农民工 工资')}`);
    assert.deepEqual(r.terms, ['农民工', '工资']);
    assert.deepEqual(
      r.items.map((x) => x.id),
      [ids.wages],
    );
    const wages = await search('leader', `q=${encodeURIComponent('拖欠工资')}`);
    assert.deepEqual(wages.items.map((x) => x.id).sort(), [ids.wages, ids.yiWages].sort());
  });

  it('finds English words and tracking codes', async () => {
    const r = await search('leader', 'q=broken%20light');
    assert.deepEqual(
      r.items.map((x) => x.id),
      [ids.english],
    );
    const code = (await t.call({ method: 'GET', url: `/api/v1/cases/${ids.lift}`, as: 'leader' })).json()
      .trackingCode;
    assert.deepEqual(
      (await search('leader', `q=${code}`)).items.map((x) => x.id),
      [ids.lift],
    );
  });

  it('is limited to the viewer’s scope and to the filters', async () => {
    const q = `q=${encodeURIComponent('拖欠工资')}`;
    assert.deepEqual(
      (await search('dispatcher-b', q)).items.map((x) => x.id),
      [ids.yiWages],
    );
    assert.deepEqual((await search('handler-x', q)).items, []);
    assert.deepEqual(
      (await search('leader', `${q}&kind=dispute`)).items.map((x) => x.id),
      [ids.wages],
    );
    assert.equal(
      (await t.call({ method: 'GET', url: `/api/v1/search?${q}`, as: '13900000001' })).statusCode,
      403,
    );
  });

  it('keeps the entry in step: a case is searchable as soon as it is submitted', async () => {
    const id = (await submit(t, 'operator', newCase({ description: '菜市场占道经营严重' }))).id;
    assert.deepEqual(
      (await search('leader', `q=${encodeURIComponent('占道经营')}`)).items.map((x) => x.id),
      [id],
    );
    await act(t, 'dispatcher-a', id, 'accept');
    assert.deepEqual(
      (await search('leader', `q=${encodeURIComponent('占道')}&status=accepted`)).items.map((x) => x.id),
      [id],
    );
  });

  it('echoes a phone or ID number searched for only masked', async () => {
    const r = await t.call({
      method: 'GET',
      url: '/api/v1/search?q=13712349876%20110101199003074573',
      as: 'leader',
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json().terms, ['137****9876', '1101**********4573']);
    assert.ok(!r.body.includes('13712349876') && !r.body.includes('110101199003074573'));
  });
});
