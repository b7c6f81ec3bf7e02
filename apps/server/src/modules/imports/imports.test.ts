import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { replay } from '@hewei/domain';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const HEADER =
  '工单编号,受理时间,来电人,来电号码,诉求类型,诉求分类,诉求内容,诉求地址,所属区域,紧急程度,工单状态,承办单位,办理结果,回访结果,办结时间';
const line = (cells: string[]) =>
  cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
const upload = (body: string, query = '', as = 'operator') =>
  t.call({
    method: 'POST',
    url: `/api/v1/imports/hotline${query}`,
    payload: body,
    headers: { 'content-type': 'text/csv' },
    as,
  });
const count = async (table = 'cases') =>
  (await t.deps.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`))).rows[0].n;
const caseOf = async (orderId: string) =>
  (
    await t.deps.db.execute<{ id: string; status: string }>(
      sql`select c.id, c.status from import_orders o join cases c on c.id = o.case_id where o.order_id = ${orderId}`,
    )
  ).rows[0];

const good = [
  [
    'GD20240601001',
    '2024-06-01 09:15:00',
    '张三',
    '13812345678',
    '投诉',
    '0605',
    '锦绣花园3幢电梯反复停运，物业不处理',
    '甲一村锦绣花园3幢',
    '330001101201',
    '一般',
    '已办结',
    '住建局',
    '已督促物业更换主板',
    '满意',
    '2024-06-05 16:00:00',
  ],
  [
    'GD20240601002',
    '2024-06-01 10:00:00',
    '李四',
    '13912345678',
    '投诉',
    '0301',
    '夜间工地施工噪声扰民，持续到凌晨',
    '乙一村东',
    '330001102201',
    '紧急',
    '办理中',
    '执法局',
    '',
    '',
    '',
  ],
  [
    'GD20240601003',
    '2024-06-02 08:30:00',
    '',
    '',
    '咨询',
    '0204',
    '询问路灯报修的电话和办理时限',
    '',
    '',
    '',
    '已办结',
    '',
    '已告知报修电话',
    '',
    '2024-06-02 08:40:00',
  ],
  [
    'GD20240601004',
    '2024-06-03 14:00:00',
    '王五',
    '13700000000',
    '建议',
    '0208',
    '建议增加垃圾清运的频次，夏天气味大',
    '甲二村',
    '330001101202',
    '',
    '待受理',
    '',
    '',
    '',
    '',
  ],
];
const broken = [
  [
    'GD20240601005',
    '2024-06-03 15:00:00',
    '赵六',
    '12345',
    '投诉',
    '0605',
    '电话号码写错的工单内容',
    '',
    '',
    '',
    '待受理',
    '',
    '',
    '',
    '',
  ],
  [
    'GD20240601006',
    '2024-06-03 15:00:00',
    '',
    '',
    '投诉',
    '9999',
    '分类代码不存在的工单',
    '',
    '',
    '',
    '待受理',
    '',
    '',
    '',
    '',
  ],
  ['GD20240601007', '六月三日', '', '', '投诉', '0605', '', '', '', '', '待受理', '', '', '', ''],
  [
    'GD20240601001',
    '2024-06-01 09:15:00',
    '',
    '',
    '投诉',
    '0605',
    '同一批次里重复的工单编号',
    '',
    '',
    '',
    '待受理',
    '',
    '',
    '',
    '',
  ],
];
const csv = (rows: string[][]) => `\uFEFF${[HEADER, ...rows.map(line)].join('\r\n')}\r\n`;

describe('hotline work-order import', () => {
  it('imports the good rows, reports each broken one by row, field and code', async () => {
    const r = await upload(csv([...good, ...broken]));
    assert.equal(r.statusCode, 200, r.body);
    const rep = r.json();
    assert.equal(rep.created, 4);
    assert.equal(rep.failed, 5);
    const codes = rep.errors.map((e: any) => `${e.row}:${e.field}:${e.code}`);
    assert.deepEqual(codes, [
      '5:caller_phone:BAD_PHONE',
      '6:category_code:UNKNOWN_CATEGORY',
      '7:received_at:BAD_DATETIME',
      '7:content:REQUIRED',
      '8:order_id:DUPLICATE_IN_BATCH',
    ]);
  });

  it('made each case through the lifecycle: listable, with a replayable timeline, deadline and party', async () => {
    const closed = await caseOf('GD20240601001');
    assert.equal(closed.status, 'closed');
    const tl = await t.call({ method: 'GET', url: `/api/v1/cases/${closed.id}/timeline`, as: 'dispatcher' });
    const types = tl.json().items.map((e: any) => e.type);
    assert.deepEqual(types, [
      'case.submitted',
      'case.accepted',
      'case.triaged',
      'case.dispatched',
      'case.acknowledged',
      'case.result_reported',
      'case.verified',
      'case.called_back',
      'case.closed',
    ]);
    const rows = await t.deps.db.execute<any>(
      sql`select type, at, actor_id, actor_role, from_status, to_status, reason, data from case_events where case_id = ${closed.id} order by seq`,
    );
    const replayed = replay(
      rows.rows.map((e: any) => ({
        type: e.type,
        at: new Date(e.at).toISOString(),
        actor: { id: e.actor_id, role: e.actor_role },
        fromStatus: e.from_status,
        toStatus: e.to_status,
        reason: e.reason,
        data: e.data,
      })),
    );
    assert.equal(replayed.status, 'closed');
    assert.equal(replayed.satisfaction, 'satisfied');
    assert.equal(tl.json().items[8].at, '2024-06-05T08:00:00.000Z');
    const open = await caseOf('GD20240601002');
    const c = (await t.call({ method: 'GET', url: `/api/v1/cases/${open.id}`, as: 'dispatcher' })).json();
    assert.equal(c.status, 'in_progress');
    assert.equal(c.channel, 'hotline');
    assert.equal(c.colour, 'red');
    assert.ok(c.dueAt);
    assert.equal(c.parties[0].phone, '139****5678');
    const list = await t.call({
      method: 'GET',
      url: '/api/v1/cases?channel=hotline&limit=50',
      as: 'dispatcher',
    });
    assert.equal(list.json().items.length, 4);
    const onSpot = await caseOf('GD20240601003');
    assert.equal(onSpot.status, 'closed');
  });

  it('a re-import changes nothing; an update moves the case on and extends its timeline', async () => {
    const before = await count('case_events');
    const again = (await upload(csv(good))).json();
    assert.deepEqual([again.created, again.updated, again.unchanged, again.failed], [0, 0, 4, 0]);
    assert.equal(await count('case_events'), before);
    const done = good[1].map(
      (v, i) =>
        [v, v, v, v, v, v, v, v, v, v, '已办结', v, '已责令夜间停工', '基本满意', '2024-06-04 12:00:00'][i],
    );
    const up = (await upload(csv([done]))).json();
    assert.deepEqual([up.created, up.updated, up.failed], [0, 1, 0], JSON.stringify(up.errors));
    assert.equal((await caseOf('GD20240601002')).status, 'closed');
    assert.equal(await count('case_events'), before + 4);
    const back = good[1].map((v, i) => (i === 10 ? '已受理' : v));
    const regress = (await upload(csv([back]))).json();
    assert.equal(regress.errors[0].code, 'STATUS_REGRESSION');
    assert.equal((await caseOf('GD20240601002')).status, 'closed');
  });

  it('strict batches are all or nothing; broken CSV and missing columns are refused by name', async () => {
    const before = await count();
    const fresh = good.map((r) => r.map((v, i) => (i === 0 ? `${v}-S` : v)));
    const strict = await upload(csv([...fresh, broken[0]]), '?strict=true');
    assert.equal(strict.statusCode, 422);
    assert.equal(strict.json().failed, 1);
    assert.equal(await count(), before);
    const bad = await upload(`${HEADER}\nGD1,"2024-06-01 09:00:00,未闭合的引号`);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, 'line 2');
    const noContent = await upload('工单编号,受理时间,诉求分类\nX1,2024-06-01 09:00:00,0605\n');
    assert.equal(noContent.statusCode, 400);
    assert.equal(noContent.json().error.field, 'content');
    const denied = await upload(csv(fresh), '', 'handler-lead');
    assert.equal(denied.statusCode, 403);
  });

  it('takes JSON with English keys too, and keeps sources apart', async () => {
    const r = await t.call({
      method: 'POST',
      url: '/api/v1/imports/hotline?source=city-12345',
      payload: [
        {
          order_id: 'GD20240601001',
          received_at: '2024-06-01T09:15:00+08:00',
          category_code: '0204',
          content: '另一个来源系统的同号工单',
          status: '已受理',
        },
      ],
      as: 'dispatcher',
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().created, 1);
    const report = await t.call({ method: 'GET', url: `/api/v1/imports/${r.json().id}`, as: 'dispatcher' });
    assert.equal(report.json().created, 1);
  });

  it('an imported case naming a registered household is linked to it, as a live one would be', async () => {
    const h = await t.call({
      method: 'POST',
      url: '/api/v1/households',
      as: 'gw-a1',
      payload: { address: '甲一村3组8号', headName: '周大爷', memberCount: 2, headPhone: '13600001111' },
    });
    assert.equal(h.statusCode, 201, h.body);
    const row = [...good[0]];
    row[0] = 'GD20240701001';
    row[3] = '13600001111';
    const r = await upload(csv([row]));
    assert.equal(r.json().created, 1, r.body);
    const { id } = await caseOf('GD20240701001');
    const linked = await t.deps.db.execute<{ case_id: string }>(
      sql`select case_id from household_incidents where household_id = ${h.json().id}`,
    );
    assert.deepEqual(
      linked.rows.map((x) => x.case_id),
      [id],
    );
  });
});
