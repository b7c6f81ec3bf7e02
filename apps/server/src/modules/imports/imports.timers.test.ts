import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { fireDueTimers } from '../deadlines/deadlines.job.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const HEADER =
  '工单编号,受理时间,来电人,来电号码,诉求分类,诉求内容,所属区域,工单状态,承办单位,回访结果,办结时间';
// received weeks before the test clock (T0, 2024-06-12): every running deadline is already past
const rows = [
  'T-PENDING,2024-05-02 09:00:00,张三,13812345678,0605,小区电梯反复停运物业不处理,330001101201,待受理,,,',
  'T-WORKING,2024-05-02 10:00:00,李四,13912345678,0301,夜间工地施工噪声扰民到凌晨,330001102201,办理中,执法局,,',
  'T-ACCEPTED,2024-05-02 11:00:00,王五,13700000000,0208,建议增加垃圾清运频次气味大,330001101202,已受理,,,',
  'T-UNHAPPY,2024-05-02 12:00:00,赵六,13600000000,0605,楼道杂物堆放影响消防通道,330001101201,已办结,住建局,不满意,2024-05-06 16:00:00',
];

type Row = { order_id: string; status: string; due_at: Date | null; timers: number; overdue_at: Date | null };
const state = async () =>
  (
    await t.deps.db.execute<Row>(sql`
      select o.order_id, c.status, c.due_at,
        (select count(*)::int from case_timers k where k.county_id = c.county_id and k.case_id = c.id) as timers,
        (select k.fire_at from case_timers k
          where k.county_id = c.county_id and k.case_id = c.id and k.kind = 'overdue') as overdue_at
      from import_orders o join cases c on c.county_id = o.county_id and c.id = o.case_id
      where c.closed_at is null order by o.order_id`)
  ).rows;

describe('timers of imported open cases', () => {
  it('every imported open case whose status runs a deadline has its timers, the overdue one at the deadline', async () => {
    const r = await t.call({
      method: 'POST',
      url: '/api/v1/imports/hotline',
      payload: `${[HEADER, ...rows].join('\n')}\n`,
      headers: { 'content-type': 'text/csv' },
      as: 'operator',
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().created, 4, r.body);
    const open = await state();
    assert.deepEqual(
      open.map((x) => [x.order_id, x.status]),
      [
        ['T-ACCEPTED', 'accepted'],
        ['T-PENDING', 'submitted'],
        ['T-UNHAPPY', 'called_back'],
        ['T-WORKING', 'in_progress'],
      ],
    );
    for (const x of open)
      if (x.due_at) {
        assert.ok(x.timers >= 2, `${x.order_id} has a deadline but ${x.timers} timers`);
        assert.equal(new Date(x.overdue_at!).getTime(), new Date(x.due_at).getTime(), x.order_id);
      } else assert.equal(x.timers, 0, x.order_id);
    // accepted runs the resolve deadline, which triage sets (as live); called back runs none
    assert.deepEqual(
      open.filter((x) => x.due_at).map((x) => x.order_id),
      ['T-PENDING', 'T-WORKING'],
    );
  });

  it('the next timer run marks imported cases whose deadline passed in the source system overdue', async () => {
    await fireDueTimers(t.deps);
    const marked = await t.deps.db.execute<{ order_id: string }>(sql`
      select distinct o.order_id from import_orders o
      join case_events e on e.county_id = o.county_id and e.case_id = o.case_id
      where e.type = 'case.overdue_marked' order by o.order_id`);
    assert.deepEqual(
      marked.rows.map((x) => x.order_id),
      ['T-PENDING', 'T-WORKING'],
    );
  });
});
