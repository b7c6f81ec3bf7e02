import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp, VILLAGE_A1, VILLAGE_B1 } from '../../test/app.ts';
import { act, newCase, submit } from '../../test/flow.ts';

let t: TestApp;
let first: string;
let other: string;
before(async () => {
  t = await buildTestApp();
  first = (await submit(t, 'operator')).id;
  other = (
    await submit(
      t,
      'operator',
      newCase({
        categoryCode: '0101',
        description: '乙一村两户因宅基地边界发生争执',
        place: { regionId: VILLAGE_B1, address: '乙一村5组' },
        parties: [{ role: 'applicant', name: '李四', phone: '13700000000' }],
      }),
    )
  ).id;
});
after(() => t.close());

const repeat = {
  description: '锦绣花园3幢的电梯又停运了，已经好几次，上次还困人',
  categoryCode: '0605',
  place: { regionId: VILLAGE_A1, address: '甲一村锦绣花园3幢' },
  parties: [{ name: '张三', phone: '138 1234 5678' }],
};

describe('duplicate suggestions', () => {
  it('at intake, offer the open case this matter repeats, with a score and the reasons', async () => {
    const r = await t.call({
      method: 'POST',
      url: '/api/v1/duplicates/check',
      payload: repeat,
      as: 'operator',
    });
    assert.equal(r.statusCode, 200, r.body);
    const items = r.json().items;
    assert.deepEqual(
      items.map((s: { case: { id: string } }) => s.case.id),
      [first],
    );
    const codes = items[0].reasons.map((x: { code: string }) => x.code);
    for (const c of [
      'same_phone',
      'same_party_name',
      'same_village',
      'same_address',
      'same_category',
      'similar_text',
    ])
      assert.ok(codes.includes(c), `${c} in ${codes}`);
    assert.ok(items[0].score >= 0.8 && items[0].score <= 1);
    assert.match(items[0].reasons.find((x: { code: string }) => x.code === 'similar_text').text, /电梯/);
  });

  it('does not offer a different matter, nor cases outside the viewer’s scope', async () => {
    const r = await t.call({
      method: 'POST',
      url: '/api/v1/duplicates/check',
      payload: { ...repeat, place: { regionId: VILLAGE_B1 }, parties: [] },
      as: 'dispatcher-b',
    });
    assert.deepEqual(r.json().items, []);
    const unrelated = await t.call({
      method: 'POST',
      url: '/api/v1/duplicates/check',
      payload: {
        ...repeat,
        description: '路灯不亮',
        categoryCode: '0201',
        parties: [],
        place: { regionId: VILLAGE_A1 },
      },
      as: 'operator',
    });
    assert.deepEqual(unrelated.json().items, []);
    assert.equal(
      (await t.call({ method: 'POST', url: '/api/v1/duplicates/check', payload: repeat, as: 'handler-lead' }))
        .statusCode,
      403,
    );
    void other;
  });

  it('a submitted repeat lists the original, is merged in one action, and then no longer appears', async () => {
    const dup = (
      await submit(
        t,
        '13900000001',
        newCase({
          channel: 'app',
          description: repeat.description,
          parties: [{ role: 'applicant', name: '张三', phone: '13812345678' }],
        }),
      )
    ).id;
    const r = await t.call({ method: 'GET', url: `/api/v1/cases/${dup}/duplicates`, as: 'dispatcher-a' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().items[0].case.id, first);
    assert.equal(
      (await t.call({ method: 'GET', url: `/api/v1/cases/${dup}/duplicates`, as: '13900000001' })).statusCode,
      403,
    );
    await act(t, 'dispatcher-a', dup, 'merge', { targetCaseId: first });
    const back = await t.call({
      method: 'GET',
      url: `/api/v1/cases/${first}/duplicates`,
      as: 'dispatcher-a',
    });
    assert.deepEqual(back.json().items, []);
  });
});
