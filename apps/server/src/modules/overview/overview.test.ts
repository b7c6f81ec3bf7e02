import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CHANNELS } from '@hewei/domain';
import { sql } from 'drizzle-orm';
import { createRng } from '../../demo/rng.ts';
import { buildTestApp, dept, type TestApp, VILLAGE_A1, VILLAGE_B1 } from '../../test/app.ts';
import { act, HOUR, newCase, submit } from '../../test/flow.ts';
import { shanghaiDay } from './overview.keys.ts';
import { rebuildOverview } from './overview.rollup.ts';

const TOWN_A = 'r-330001101';
const TOWN_B = 'r-330001102';
const COUNTY = 'r-330001';
const SIDE = {
  [VILLAGE_A1]: { d: 'dispatcher-a', gw: 'gw-a1' },
  [VILLAGE_B1]: { d: 'dispatcher-b', gw: 'gw-b1' },
} as const;

let t: TestApp;

type Plan = { id: string; d: string; gw: string; path: number; satisfied: boolean };

/** Takes one case through the first steps of a random path of the lifecycle. */
async function begin(rng: ReturnType<typeof createRng>, i: number): Promise<Plan | null> {
  const village = rng() < 0.6 ? VILLAGE_A1 : VILLAGE_B1;
  const { d, gw } = SIDE[village];
  const c = await submit(
    t,
    'operator',
    newCase({
      kind: rng() < 0.3 ? 'dispute' : 'complaint',
      channel: CHANNELS[Math.floor(rng() * 4)],
      categoryCode: ['0605', '0101', '0201'][Math.floor(rng() * 3)],
      description: `第${i}件：噪音扰民，请处理`,
      place: { regionId: village, address: `测试地址${i}` },
    }),
  );
  t.clock.advance(Math.floor(rng() * 10) * 60_000);
  const path = rng();
  const satisfied = rng() < 0.7;
  if (path < 0.1) await act(t, d, c.id, 'reject', { reason: '不属于受理范围' });
  if (path < 0.2) return null;
  await act(t, d, c.id, 'accept');
  if (path < 0.3) {
    await act(t, d, c.id, 'resolveOnSpot', { note: '当场解决' });
    return null;
  }
  await act(t, d, c.id, 'triage', { complexity: 'complex', colour: rng() < 0.5 ? 'yellow' : 'red' });
  if (path < 0.4) return null;
  await act(t, d, c.id, 'dispatch', { leadDepartmentId: dept('zhujian') });
  if (path < 0.5) return null;
  await act(t, 'handler-lead', c.id, 'acknowledge');
  if (path < 0.65) await act(t, 'handler-lead', c.id, 'reportResult', { result: '已处理' });
  return { id: c.id, d, gw, path, satisfied };
}

/** The rest of the path, a day and more later: red results come late, yellow ones on time. */
async function finish({ id, d, gw, path, satisfied }: Plan) {
  if (path >= 0.65) await act(t, 'handler-lead', id, 'reportResult', { result: '已处理' });
  if (path < 0.75) return;
  await act(t, gw, id, 'verify', { passed: true, note: '现场核查' });
  await act(t, 'operator', id, 'callback', { satisfaction: satisfied ? 'satisfied' : 'dissatisfied' });
  if (!satisfied) await act(t, d, id, 'reopen', { reason: '群众不满意' });
  else await act(t, d, id, 'close', { note: '办结' });
}

const figures = async (as: string, query = '') => {
  const r = await t.call({ method: 'GET', url: `/api/v1/overview${query}`, as });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};
const asMap = (list: { key: string; n: number }[]) => Object.fromEntries(list.map((x) => [x.key, x.n]));

async function direct(dim: string, regionId: string) {
  const rows = await t.deps.db.execute(
    sql.raw(
      `select coalesce(${dim}, 'none') as k, count(*)::int as n from cases where region_path @> array['${regionId}'] group by 1`,
    ),
  );
  return Object.fromEntries((rows.rows as { k: string; n: number }[]).map((r) => [r.k, r.n]));
}

before(async () => {
  t = await buildTestApp();
  const rng = createRng(42);
  const plans: Plan[] = [];
  for (let i = 0; i < 28; i++) {
    const p = await begin(rng, i);
    if (p) plans.push(p);
  }
  t.clock.advance(30 * HOUR);
  for (const p of plans) await finish(p);
});
after(() => t.close());

describe('overview figures', () => {
  it('agree with a direct count of the cases, at every level, after random workflows', async () => {
    for (const [as, region] of [
      ['leader', COUNTY],
      ['leader', TOWN_A],
      ['dispatcher-b', TOWN_B],
      ['leader', VILLAGE_A1],
    ] as const) {
      const f = await figures(as, region === COUNTY ? '' : `?regionId=${region}`);
      assert.equal(f.node.id, region);
      assert.deepEqual(asMap(f.byStatus), await direct('status', region), `${region} status`);
      assert.deepEqual(asMap(f.byColour), await direct('colour', region), `${region} colour`);
      assert.deepEqual(asMap(f.byKind), await direct('kind', region), `${region} kind`);
      assert.deepEqual(asMap(f.byChannel), await direct('channel', region), `${region} channel`);
      const sat = await direct('satisfaction', region);
      delete sat.none;
      const rate = f.rates.find((r: { key: string }) => r.key === 'satisfactionRate');
      assert.equal(
        rate.denominator,
        Object.values(sat).reduce((s: number, n) => s + (n as number), 0),
      );
      assert.equal(rate.numerator, sat.satisfied ?? 0);
      const total = Object.values(await direct('status', region)).reduce((s, n) => s + (n as number), 0);
      assert.equal(f.total, total);
    }
  });

  it('the county total is the sum of its towns, and children carry their overdue work', async () => {
    const f = await figures('leader');
    assert.deepEqual(
      f.children.map((c: { id: string }) => c.id),
      [TOWN_A, TOWN_B],
    );
    assert.equal(
      f.total,
      f.children.reduce((s: number, c: { total: number }) => s + c.total, 0),
    );
    const now = t.clock.now().toISOString();
    const overdue = await t.deps.db.execute(
      sql`select count(*)::int as n from cases where closed_at is null and due_at < ${now}::timestamptz`,
    );
    assert.equal(f.due.overdue, (overdue.rows[0] as { n: number }).n);
    assert.ok(f.due.overdue > 0, 'the random workflows leave some work overdue');
    assert.equal(
      f.due.overdue,
      f.children.reduce((s: number, c: { overdue: number }) => s + c.overdue, 0),
    );
  });

  it('trend and today count intake and closures by Shanghai day', async () => {
    const f = await figures('leader');
    const rows = (await t.deps.db.execute(sql`select created_at, closed_at from cases`)).rows as {
      created_at: string;
      closed_at: string | null;
    }[];
    for (const day of f.trend) {
      assert.equal(day.created, rows.filter((r) => shanghaiDay(new Date(r.created_at)) === day.day).length);
      assert.equal(
        day.closed,
        rows.filter((r) => r.closed_at && shanghaiDay(new Date(r.closed_at)) === day.day).length,
      );
    }
    assert.equal(f.trend.length, 30);
    assert.equal(f.today.day, shanghaiDay(t.clock.now()));
  });

  it('a rebuild from the base rows gives exactly the figures the hooks kept', async () => {
    const live = await figures('leader');
    await rebuildOverview(t.deps.db, COUNTY);
    const rebuilt = await figures('leader');
    assert.deepEqual({ ...rebuilt, generatedAt: '' }, { ...live, generatedAt: '' });
    const onTime = live.rates.find((r: { key: string }) => r.key === 'onTimeRate');
    assert.ok(onTime.denominator > 0 && onTime.formula.includes('÷'));
  });

  it('drills down to the overdue cases of a village, exactly those', async () => {
    const now = t.clock.now().toISOString();
    const r = await t.call({
      method: 'GET',
      url: `/api/v1/overview/cases?regionId=${VILLAGE_A1}&due=overdue&limit=200`,
      as: 'leader',
    });
    assert.equal(r.statusCode, 200, r.body);
    const expected = (
      await t.deps.db.execute(
        sql`select id from cases where closed_at is null and due_at < ${now}::timestamptz and region_path @> array[${VILLAGE_A1}]`,
      )
    ).rows.map((x) => (x as { id: string }).id);
    assert.deepEqual(
      r
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
      expected.sort(),
    );
    assert.ok(r.json().items.every((c: { dueState: string }) => c.dueState === 'overdue'));
  });

  it('is limited to the viewer’s scope: another town is 404, a department or anonymous cannot read it', async () => {
    const b = await figures('dispatcher-b');
    assert.equal(b.node.id, TOWN_B);
    assert.equal(
      (await t.call({ method: 'GET', url: `/api/v1/overview?regionId=${TOWN_A}`, as: 'dispatcher-b' }))
        .statusCode,
      404,
    );
    assert.equal(
      (
        await t.call({
          method: 'GET',
          url: `/api/v1/overview/cases?regionId=${VILLAGE_A1}`,
          as: 'supervisor-b',
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (await t.call({ method: 'GET', url: '/api/v1/overview', as: 'handler-lead' })).statusCode,
      403,
    );
    assert.equal((await t.call({ method: 'GET', url: '/api/v1/overview' })).statusCode, 401);
    const all = await figures('leader');
    assert.equal(b.total, all.children.find((c: { id: string }) => c.id === TOWN_B).total);
  });
});
