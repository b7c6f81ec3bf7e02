import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { sha256 } from '../../lib/crypto.ts';
import { buildTestApp, dept, type TestApp } from '../../test/app.ts';
import { act, HOUR, submit } from '../../test/flow.ts';

let t: TestApp;
let caseId: string;
before(async () => {
  t = await buildTestApp();
  const c = await submit(t, 'operator');
  caseId = c.id;
  await act(t, 'dispatcher-a1', caseId, 'accept');
  await act(t, 'dispatcher-a1', caseId, 'triage', { complexity: 'complex', colour: 'yellow' });
  await act(t, 'dispatcher-a1', caseId, 'dispatch', { leadDepartmentId: dept('zhujian') });
  await act(t, 'handler-lead', caseId, 'acknowledge');
});
after(() => t.close());

const ask = (as: string, payload: object = { question: '请提供电梯停运的具体日期和时间' }) =>
  t.call({ method: 'POST', url: `/api/v1/cases/${caseId}/info-requests`, payload, as });
const tokenOf = (link: string) => link.split('/portal/info/')[1];
const show = (token: string) => t.call({ method: 'GET', url: `/api/v1/info-requests/${token}` });
const answer = (token: string, text = '11月3日晚8点，困人约20分钟') =>
  t.call({ method: 'POST', url: `/api/v1/info-requests/${token}/answer`, payload: { answer: text } });
const timeline = async () =>
  (await t.call({ method: 'GET', url: `/api/v1/cases/${caseId}/timeline`, as: 'dispatcher' })).json().items;

describe('asking the resident for more information', () => {
  it('only the case’s handler or dispatcher may ask', async () => {
    assert.equal((await ask('operator')).statusCode, 403);
    assert.equal((await ask('handler-x')).statusCode, 404);
    assert.equal((await ask('dispatcher-b')).statusCode, 404);
    const bad = await ask('handler-lead', { question: '' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, 'question');
  });

  it('the resident answers once through the texted link, and both land on the timeline', async () => {
    const r = await ask('handler-lead');
    assert.equal(r.statusCode, 201, r.body);
    const q = r.json();
    assert.equal(q.state, 'open');
    assert.equal(q.smsSent, true);
    const token = tokenOf(q.link);
    const sms = (await t.call({ method: 'GET', url: '/api/v1/dev/sms?phone=13812345678' })).json().items;
    assert.ok(sms.some((m: any) => m.body.includes(q.link)));
    // only the token's hash is kept
    const rows = (await t.deps.db.execute<{ token_hash: string }>(sql`select token_hash from info_requests`))
      .rows;
    assert.deepEqual(
      rows.map((x) => x.token_hash),
      [sha256(token)],
    );

    assert.equal((await ask('handler-lead')).json().error.rule, 'INFO_REQUEST_OPEN');

    const seen = await show(token);
    assert.equal(seen.statusCode, 200, seen.body);
    assert.equal(seen.json().question, '请提供电梯停运的具体日期和时间');
    assert.equal(seen.json().categoryName, '电梯故障');
    assert.ok(!seen.body.includes('张三'));

    const a = await answer(token);
    assert.equal(a.statusCode, 200, a.body);
    const items = await timeline();
    const asked = items.find((e: any) => e.type === 'case.info_requested');
    const got = items.find((e: any) => e.type === 'case.info_received');
    assert.equal(asked.reason, '请提供电梯停运的具体日期和时间');
    assert.equal(got.reason, '11月3日晚8点，困人约20分钟');
    assert.equal(got.data.infoRequestId, q.id);

    const again = await answer(token, '再答一次');
    assert.equal(again.statusCode, 422);
    assert.equal(again.json().error.rule, 'INFO_LINK_USED');
    assert.equal((await show(token)).json().error.rule, 'INFO_LINK_USED');
    const en = await t.call({
      method: 'GET',
      url: `/api/v1/info-requests/${token}`,
      headers: { 'accept-language': 'en' },
    });
    assert.match(en.json().error.message, /already been used/);

    const list = (
      await t.call({ method: 'GET', url: `/api/v1/cases/${caseId}/info-requests`, as: 'handler-lead' })
    ).json().items;
    assert.equal(list[0].state, 'answered');
  });

  it('an expired link is refused and a made-up one is unknown', async () => {
    const q = (await ask('dispatcher-a1', { question: '请补充楼栋单元号', expiresInHours: 24 })).json();
    const token = tokenOf(q.link);
    t.clock.advance(25 * HOUR);
    const seen = await show(token);
    assert.equal(seen.statusCode, 422);
    assert.equal(seen.json().error.rule, 'INFO_LINK_EXPIRED');
    const late = await answer(token);
    assert.equal(late.json().error.rule, 'INFO_LINK_EXPIRED');
    const unknown = await show('x'.repeat(43));
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.rule, 'INFO_LINK_UNKNOWN');
    assert.equal((await show('short')).statusCode, 400);
    const items = await timeline();
    assert.equal(items.filter((e: any) => e.type === 'case.info_received').length, 1);
    // once expired, a new question may be asked
    assert.equal((await ask('handler-lead', { question: '请再补充楼栋单元号' })).statusCode, 201);
  });
});
