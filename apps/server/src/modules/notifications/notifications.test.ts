import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drainOutbox } from '../../jobs/outbox.ts';
import { buildTestApp, dept, type TestApp } from '../../test/app.ts';
import { act, HOUR, newCase, submit } from '../../test/flow.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const PHONE = '13800000001';
const sms = async (phone = PHONE) =>
  (await t.call({ method: 'GET', url: `/api/v1/dev/sms?phone=${phone}` })).json().items.reverse() as {
    body: string;
    purpose: string;
  }[];
const step = async (as: string, id: string, action: string, payload: object = {}) => {
  t.clock.advance(HOUR);
  await act(t, as, id, action, payload);
  await drainOutbox(t.deps);
};

describe('notifications', () => {
  it('the resident hears of acceptance, dispatch, result and closure; the department sees the work arrive', async () => {
    const c = await submit(
      t,
      'operator',
      newCase({ parties: [{ role: 'applicant', name: '王五', phone: PHONE }] }),
    );
    await step('dispatcher-a', c.id, 'accept');
    await step('dispatcher-a', c.id, 'triage', { complexity: 'complex', colour: 'yellow' });
    await step('dispatcher-a', c.id, 'dispatch', { leadDepartmentId: dept('zhujian') });
    const inbox = await t.call({
      method: 'GET',
      url: '/api/v1/notifications?unread=true',
      as: 'handler-lead',
    });
    const notice = inbox.json().items.find((n: any) => n.caseId === c.id);
    assert.equal(notice.kind, 'case.dispatched');
    const read = await t.call({
      method: 'POST',
      url: `/api/v1/notifications/${notice.id}/read`,
      as: 'handler-lead',
    });
    assert.equal(read.statusCode, 204);
    await step('handler-lead', c.id, 'acknowledge');
    await step('handler-lead', c.id, 'reportResult', { result: '已更换电梯主板并试运行' });
    await step('gw-a1', c.id, 'verify', { passed: true, note: '现场核实电梯运行正常' });
    await step('operator', c.id, 'callback', { satisfaction: 'satisfied' });
    await step('dispatcher-a', c.id, 'close');
    const got = await sms();
    assert.deepEqual(
      got.map((m) => m.purpose),
      ['case.accepted', 'case.dispatched', 'case.result_reported', 'case.closed'],
    );
    assert.ok(got.every((m) => m.body.includes(c.trackingCode) && m.body.startsWith('【和为贵】')));
    assert.match(got[1].body, /住建局/);
  });

  it('a resident who opted out gets no more messages, and can opt back in', async () => {
    const phone = '13800000002';
    const optOut = await t.call({
      method: 'PUT',
      url: `/api/v1/notifications/sms-opt-out/${phone}`,
      payload: { optedOut: true },
      as: 'operator',
    });
    assert.equal(optOut.statusCode, 200, optOut.body);
    const c = await submit(t, 'operator', newCase({ parties: [{ role: 'applicant', name: '赵六', phone }] }));
    await step('dispatcher-a', c.id, 'accept');
    assert.equal((await sms(phone)).length, 0);
    await t.call({
      method: 'PUT',
      url: `/api/v1/notifications/sms-opt-out/${phone}`,
      payload: { optedOut: false },
      as: 'operator',
    });
    await step('dispatcher-a', c.id, 'reject', { reason: '不属于受理范围' }).catch(() => {});
    const c2 = await submit(
      t,
      'operator',
      newCase({ parties: [{ role: 'applicant', name: '赵六', phone }] }),
    );
    await step('dispatcher-a', c2.id, 'accept');
    assert.deepEqual(
      (await sms(phone)).map((m) => m.purpose),
      ['case.accepted'],
    );
  });

  it('a resident opts out of their own phone’s messages', async () => {
    const r = await t.call({
      method: 'PUT',
      url: '/api/v1/notifications/sms-opt-out',
      payload: { optedOut: true },
      as: '13900000001',
    });
    assert.equal(r.statusCode, 200, r.body);
    const staff = await t.call({
      method: 'PUT',
      url: '/api/v1/notifications/sms-opt-out',
      payload: { optedOut: true },
      as: 'operator',
    });
    assert.equal(staff.statusCode, 403);
  });
});
