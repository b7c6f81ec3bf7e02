import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp, VILLAGE_A1, VILLAGE_B1 } from '../../test/app.ts';
import { newCase, submit } from '../../test/flow.ts';

let t: TestApp;
const lift = ['锦绣花园3幢电梯又停运了', '锦绣花园3幢电梯停运困人', '锦绣花园3幢电梯经常停运，维保不到位'];
let groupId: string;
let threatId: string;
before(async () => {
  t = await buildTestApp();
  for (const description of lift) await submit(t, 'operator', newCase({ description }));
  groupId = (
    await submit(
      t,
      'operator',
      newCase({
        kind: 'dispute',
        categoryCode: '0201',
        description: '30多名农民工聚集在工地门口讨要工资',
        place: { regionId: VILLAGE_A1, address: '甲一村工地' },
        parties: [{ role: 'applicant', name: '王五', phone: '13600000001' }],
      }),
    )
  ).id;
  threatId = (
    await submit(
      t,
      'operator',
      newCase({
        categoryCode: '0101',
        description: '邻居占用通道，再不解决我就去跳楼',
        place: { regionId: VILLAGE_B1, address: '乙一村3组' },
        parties: [{ role: 'applicant', name: '赵六', phone: '13600000002' }],
      }),
    )
  ).id;
});
after(() => t.close());

type W = {
  id: string;
  kind: string;
  level: string;
  state: string;
  caseCount: number;
  cases: { id: string }[];
  title: string;
};
const list = async (as: string, query = '') => {
  const r = await t.call({ method: 'GET', url: `/api/v1/warnings${query}`, as });
  assert.equal(r.statusCode, 200, r.body);
  return r.json().items as W[];
};

describe('risk warnings', () => {
  it('a scan finds repeat callers, repeat places, group disputes and escalation language, each with its evidence', async () => {
    const r = await t.call({ method: 'POST', url: '/api/v1/warnings/scan', as: 'leader' });
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(r.json().created >= 4);
    const all = await list('leader');
    const kinds = all.map((w) => w.kind).sort();
    assert.deepEqual(
      [...new Set(kinds)],
      ['escalation_language', 'group_dispute', 'repeat_caller', 'repeat_place'],
    );
    const caller = all.find((w) => w.kind === 'repeat_caller')!;
    assert.equal(caller.caseCount, 3);
    assert.equal(caller.level, 'village');
    const group = all.find((w) => w.kind === 'group_dispute')!;
    assert.deepEqual(
      group.cases.map((c) => c.id),
      [groupId],
    );
    assert.equal(group.level, 'county', 'thirty people: the county handles it');
    assert.match(all.find((w) => w.kind === 'escalation_language')!.title, /跳楼/);
    assert.equal(
      (await t.call({ method: 'POST', url: '/api/v1/warnings/scan', as: 'leader' })).json().created,
      0,
    );
  });

  it('goes to the right level: a town sees its own, a village only what was routed to it', async () => {
    const b = await list('dispatcher-b');
    assert.deepEqual(
      b.map((w) => w.kind),
      ['escalation_language'],
    );
    assert.equal(b[0].cases[0].id, threatId);
    const village = await list('dispatcher-a1');
    assert.deepEqual(village.map((w) => w.kind).sort(), ['repeat_caller', 'repeat_place']);
    assert.equal(
      (await t.call({ method: 'GET', url: '/api/v1/warnings', as: 'handler-lead' })).statusCode,
      403,
    );
  });

  it('is tracked until handled, in an append-only log', async () => {
    const [w] = await list('dispatcher-b');
    const url = `/api/v1/warnings/${w.id}/actions`;
    const other = await t.call({
      method: 'POST',
      url,
      payload: { action: 'acknowledge' },
      as: 'dispatcher-a',
    });
    assert.equal(other.statusCode, 404);
    const ack = await t.call({ method: 'POST', url, payload: { action: 'acknowledge' }, as: 'dispatcher-b' });
    assert.equal(ack.json().state, 'acknowledged');
    assert.equal(
      (await t.call({ method: 'POST', url, payload: { action: 'handle' }, as: 'dispatcher-b' })).statusCode,
      400,
    );
    const done = await t.call({
      method: 'POST',
      url,
      payload: { action: 'handle', note: '已约谈当事人并协调通道问题' },
      as: 'leader',
    });
    assert.equal(done.json().state, 'handled');
    assert.deepEqual(
      done.json().history.map((h: { action: string }) => h.action),
      ['acknowledge', 'handle'],
    );
    assert.equal(
      (await t.call({ method: 'POST', url, payload: { action: 'acknowledge' }, as: 'leader' })).statusCode,
      422,
    );
    assert.deepEqual(await list('dispatcher-b', '?state=open'), []);
    await assert.rejects(t.deps.db.execute('delete from warning_actions' as never));
  });
});

describe('hot topics', () => {
  it('clusters similar matters in one place this week, with keywords, trend and samples', async () => {
    const r = await t.call({ method: 'GET', url: '/api/v1/analysis/hot-topics?days=7', as: 'leader' });
    assert.equal(r.statusCode, 200, r.body);
    const [topic] = r.json().items;
    assert.equal(topic.count, 3);
    assert.equal(topic.previousCount, 0);
    assert.ok(topic.keywords.includes('电梯'), topic.keywords.join());
    assert.equal(topic.samples.length, 3);
    assert.equal(
      topic.daily.reduce((s: number, d: { n: number }) => s + d.n, 0),
      3,
    );
    const b = await t.call({ method: 'GET', url: '/api/v1/analysis/hot-topics?days=7', as: 'dispatcher-b' });
    assert.deepEqual(b.json().items, []);
  });
});
