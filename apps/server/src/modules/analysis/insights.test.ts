import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp, VILLAGE_A1, VILLAGE_B1 } from '../../test/app.ts';
import { newCase, submit } from '../../test/flow.ts';
import { cached, FRESH_MS, MAX_MS } from './hot-topics.cache.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const get = async (as: string, url: string) => {
  const r = await t.call({ method: 'GET', url, as });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};
const lift = (i: number) =>
  newCase({
    description: `锦绣花园3幢电梯又停运了，第${i}次困人`,
    parties: [{ role: 'applicant', name: `住户${i}`, phone: `1370000000${i}` }],
  });
type Topic = { key: string; count: number; caseIds: string[] };
const liftTopic = async (as = 'leader') =>
  ((await get(as, '/api/v1/analysis/hot-topics?days=7')).items as Topic[]).find((x) =>
    x.key.includes('0605'),
  );

describe('hot topics: cached for a short while, invalidated by writes', () => {
  it('the cache shares one computation and recomputes when stale or when its county moved', async () => {
    const owner = {};
    let runs = 0;
    const compute = async () => ++runs;
    assert.equal(await cached(owner, 'c', 'k', 0, compute), 1);
    assert.equal(await cached(owner, 'c', 'k', FRESH_MS - 1, compute), 1, 'fresh: reused');
    assert.equal(await cached(owner, 'c', 'k', MAX_MS - 1, compute), 1, 'no write since: reused');
    assert.equal(await cached(owner, 'c', 'k', MAX_MS, compute), 2, 'too old: recomputed');
    const [a, b] = await Promise.all([
      cached(owner, 'c', 'other', 0, compute),
      cached(owner, 'c', 'other', 0, compute),
    ]);
    assert.deepEqual([a, b, runs], [3, 3, 3], 'concurrent readers share one run');
    const failing = () => Promise.reject(new Error('boom'));
    await assert.rejects(cached(owner, 'c', 'bad', 0, failing));
    assert.equal(await cached(owner, 'c', 'bad', 1, compute), 4, 'a failure is not kept');
  });

  it('a new case shows in the topic once the fresh period is over', async () => {
    for (const i of [1, 2, 3]) await submit(t, 'operator', lift(i));
    assert.equal((await liftTopic())?.count, 3);
    await submit(t, 'operator', lift(4));
    assert.equal((await liftTopic())?.count, 3, 'within the fresh period the cached topic is served');
    t.clock.advance(FRESH_MS);
    assert.equal((await liftTopic())?.count, 4, 'a write in the county makes the entry stale');
    assert.equal((await liftTopic('dispatcher-b'))?.count, undefined, 'another town does not see it');
  });
});

describe('category trends', () => {
  it('counts cases per top-level category and day, in the viewer’s scope', async () => {
    await submit(t, 'operator', newCase({ categoryCode: '0101', place: { regionId: VILLAGE_B1 } }));
    const all = await get('leader', '/api/v1/analysis/category-trends?days=7');
    assert.equal(all.days.length, 7);
    const housing = all.items.find((x: { code: string }) => x.code === '06');
    assert.equal(housing.total, 4);
    assert.equal(housing.daily[6], 4, 'all of them today');
    assert.equal(housing.last7, 4);
    const b = await get('dispatcher-b', '/api/v1/analysis/category-trends?days=7');
    assert.deepEqual(
      b.items.map((x: { code: string; total: number }) => [x.code, x.total]),
      [['01', 1]],
    );
    const bad = await t.call({ method: 'GET', url: '/api/v1/analysis/category-trends?days=3', as: 'leader' });
    assert.equal(bad.statusCode, 400);
  });
});

describe('the overview counts open cases by colour and today’s intake by channel', () => {
  it('untriaged open cases count as none', async () => {
    const f = await get('leader', '/api/v1/overview');
    const open = Object.fromEntries(f.openByColour.map((x: { key: string; n: number }) => [x.key, x.n]));
    assert.deepEqual(open, { none: 5 });
    assert.equal(f.open, 5);
    assert.deepEqual(f.today.byChannel, [{ key: 'hotline', n: 5 }], 'today’s intake by channel');
    // a rollup made before this figure existed lacks it: counted from the open cases instead
    await t.deps.db.execute(sql`delete from overview_counts where dim = 'open_colour'`);
    const legacy = await get('leader', '/api/v1/overview');
    assert.deepEqual(legacy.openByColour, [{ key: 'none', n: 5 }]);
  });
});

describe('household incident warnings', () => {
  it('a household on the register with two incidents in 30 days is warned at its village', async () => {
    const h = await t.call({
      method: 'POST',
      url: '/api/v1/households',
      as: 'gw-a1',
      payload: { address: '甲一村5组8号', headName: '钱大姐', memberCount: 3, headPhone: '13955556666' },
    });
    assert.equal(h.statusCode, 201, h.body);
    const ids: string[] = [];
    for (const description of ['钱家夫妻又吵架，邻居报警', '钱家夫妻争吵摔东西'])
      ids.push(
        (
          await submit(
            t,
            'operator',
            newCase({
              kind: 'dispute',
              categoryCode: '0101',
              description,
              place: { regionId: VILLAGE_A1, address: '甲一村5组' },
              parties: [{ role: 'applicant', name: '钱大姐', phone: '13955556666' }],
            }),
          )
        ).id,
      );
    const scan = await t.call({ method: 'POST', url: '/api/v1/warnings/scan', as: 'leader' });
    assert.equal(scan.statusCode, 200, scan.body);
    const items = (await get('leader', '/api/v1/warnings?kind=household_incidents')).items;
    assert.equal(items.length, 1);
    const w = items[0];
    assert.equal(w.level, 'village');
    assert.equal(w.regionId, VILLAGE_A1);
    assert.deepEqual([...w.cases.map((c: { id: string }) => c.id)].sort(), [...ids].sort());
    assert.equal(w.facts.incidents, 2);
    assert.doesNotMatch(w.title, /钱|13955556666|5组/, 'no personal data in the title');
    const en = await t.call({
      method: 'GET',
      url: '/api/v1/warnings?kind=household_incidents',
      as: 'leader',
      headers: { 'accept-language': 'en' },
    });
    assert.match(en.json().items[0].title, /household .*: 2 incidents in 30 days/);
    assert.equal((await get('dispatcher-b', '/api/v1/warnings?kind=household_incidents')).items.length, 0);
    const inTown = (town: string) =>
      get('leader', `/api/v1/warnings?kind=household_incidents&regionId=${town}`);
    assert.equal((await inTown('r-330001101')).items.length, 1, 'narrowed to its town');
    assert.equal((await inTown('r-330001102')).items.length, 0, 'not in the other town');
  });
});
