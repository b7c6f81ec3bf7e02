import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dept, type TestApp } from '../../test/app.ts';
import { act, get, HOUR, newCase, submit } from '../../test/flow.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

describe('the whole closed loop over HTTP, each step by the person whose job it is', () => {
  it('goes from a hotline call to a closed case the resident has rated', async () => {
    const created = await submit(t, 'operator');
    assert.equal(created.status, 'submitted');
    assert.match(created.trackingCode, /^HW\d{6}-[0-9A-Z]{6}$/);
    const id = created.id;

    t.clock.advance(HOUR / 4);
    await act(t, 'dispatcher-a', id, 'accept');
    const triaged = await act(t, 'dispatcher-a', id, 'triage', { complexity: 'complex', colour: 'yellow' });
    assert.equal(triaged.colour, 'yellow');
    assert.ok(triaged.deadlines.resolveBy);

    const dispatched = await act(t, 'dispatcher-a', id, 'dispatch', {
      leadDepartmentId: dept('zhujian'),
      coDepartmentIds: [dept('zhifa')],
      note: '请住建局牵头处理',
    });
    assert.equal(dispatched.status, 'dispatched');
    assert.deepEqual(
      dispatched.assignments.map((a: { role: string; status: string }) => [a.role, a.status]),
      [
        ['lead', 'pending'],
        ['co', 'pending'],
      ],
    );

    t.clock.advance(HOUR);
    const inbox = await t.call({ method: 'GET', url: '/api/v1/cases?mine=true', as: 'handler-lead' });
    assert.ok(
      inbox.json().items.some((c: { id: string }) => c.id === id),
      'the case is in the lead department inbox',
    );
    const acked = await act(t, 'handler-lead', id, 'acknowledge');
    assert.equal(acked.status, 'in_progress');
    await act(t, 'handler-co', id, 'acknowledge');
    await act(t, 'handler-lead', id, 'handle', { note: '已联系物业和维保单位' });
    await act(t, 'handler-co', id, 'handle', { note: '已到现场督促' });
    t.clock.advance(24 * HOUR);
    const resolved = await act(t, 'handler-lead', id, 'reportResult', {
      result: '已更换曳引机，电梯恢复运行',
    });
    assert.equal(resolved.status, 'resolved');

    t.clock.advance(5 * HOUR);
    const verified = await act(t, 'gw-a1', id, 'verify', { passed: true, note: '现场试乘正常' });
    assert.equal(verified.status, 'verified');
    const called = await act(t, 'operator', id, 'callback', { satisfaction: 'satisfied', note: '电话回访' });
    assert.equal(called.status, 'called_back');
    const closed = await act(t, 'dispatcher-a', id, 'close', { note: '办结' });
    assert.equal(closed.status, 'closed');
    assert.deepEqual(closed.allowedActions, []);

    const timeline = await t.call({ method: 'GET', url: `/api/v1/cases/${id}/timeline`, as: 'dispatcher' });
    const items = timeline.json().items as { type: string; actor: { name: string }; seq: number }[];
    assert.deepEqual(
      items.map((e) => e.type),
      [
        'case.submitted',
        'case.accepted',
        'case.triaged',
        'case.dispatched',
        'case.acknowledged',
        'case.acknowledged',
        'case.handled',
        'case.handled',
        'case.result_reported',
        'case.verified',
        'case.called_back',
        'case.closed',
      ],
    );
    assert.deepEqual(
      items.map((e) => e.seq),
      items.map((_, i) => i + 1),
    );
    assert.equal(items[1].actor.name, '甲镇调度');

    const track = await t.call({
      method: 'GET',
      url: `/api/v1/track?code=${created.trackingCode}&phone4=5678`,
    });
    assert.equal(track.statusCode, 200);
    assert.equal(track.json().status, 'closed');
    const wrong = await t.call({
      method: 'GET',
      url: `/api/v1/track?code=${created.trackingCode}&phone4=0000`,
    });
    assert.equal(wrong.statusCode, 404);
  });

  it('a resident who signed in brings a matter, sees it through and rates it', async () => {
    const created = await submit(t, '13900000001', newCase({ channel: 'app', parties: [] }));
    const id = created.id;
    await act(t, 'dispatcher', id, 'accept');
    await act(t, 'dispatcher', id, 'resolveOnSpot', { note: '已电话指导当场解决' });
    const called = await act(t, '13900000001', id, 'callback', { satisfaction: 'satisfied' });
    assert.equal(called.status, 'called_back');
    await act(t, 'dispatcher', id, 'close');
    const rated = await act(t, '13900000001', id, 'rate', { satisfaction: 'satisfied', comment: '很满意' });
    assert.equal(rated.status, 'closed');
    const mine = await t.call({ method: 'GET', url: '/api/v1/cases', as: '13900000001' });
    assert.deepEqual(
      mine.json().items.map((c: { id: string }) => c.id),
      [id],
    );
    const other = await get(t, '13900000002', id);
    assert.equal(other.statusCode, 404);
  });
});

describe('each branch of the loop', () => {
  it('reject: refused with a reason, and nothing more can happen', async () => {
    const { id } = await submit(t, 'operator');
    const r = await act(t, 'dispatcher-a', id, 'reject', { reason: '属于司法诉讼范围，已告知走诉讼程序' });
    assert.equal(r.status, 'rejected');
    await act(t, 'dispatcher-a', id, 'accept', {}, 422);
  });

  it('green on the spot: no dispatch, no verification, still called back', async () => {
    const { id } = await submit(t, 'gw-a1', newCase({ channel: 'grid_report' }));
    const r = await act(t, 'gw-a1', id, 'resolveOnSpot', { note: '网格员现场协调解决' });
    assert.equal(r.status, 'verified');
    assert.equal(r.colour, 'green');
    assert.deepEqual(r.assignments, []);
    await act(t, 'operator', id, 'skipCallback', { reason: '不需要' }, 422);
    await act(t, 'operator', id, 'callback', { satisfaction: 'satisfied' });
    assert.equal((await act(t, 'dispatcher-a', id, 'close')).status, 'closed');
  });

  it('pool: several departments may claim; the first one takes it', async () => {
    const { id } = await submit(t, 'operator');
    await act(t, 'dispatcher-a', id, 'accept');
    await act(t, 'dispatcher-a', id, 'triage', { complexity: 'complex', colour: 'yellow' });
    await act(t, 'dispatcher-a', id, 'publishToPool', { departmentIds: [dept('zhujian'), dept('zhifa')] });
    const claimed = await act(t, 'handler-co', id, 'claim');
    assert.equal(claimed.status, 'in_progress');
    assert.equal(claimed.assignments[0].departmentId, dept('zhifa'));
    // the department that did not claim it no longer sees it
    await act(t, 'handler-lead', id, 'claim', {}, 404);
  });

  it('objection inside the window, then re-dispatch, then objection overruled', async () => {
    const { id } = await submit(t, 'operator');
    await act(t, 'dispatcher-a', id, 'accept');
    await act(t, 'dispatcher-a', id, 'triage', { complexity: 'complex', colour: 'yellow' });
    await act(t, 'dispatcher-a', id, 'dispatch', { leadDepartmentId: dept('sifa') });
    t.clock.advance(2 * HOUR);
    const objected = await act(t, 'handler-x', id, 'object', { reason: '电梯安全不属于司法局职责' });
    assert.equal(objected.status, 'objected');
    const re = await act(t, 'dispatcher-a', id, 'redispatch', {
      leadDepartmentId: dept('zhifa'),
      reason: '异议成立',
    });
    assert.equal(re.status, 'dispatched');
    assert.deepEqual(
      re.assignments.map((a: { status: string }) => a.status),
      ['withdrawn', 'pending'],
    );
    await act(t, 'handler-co', id, 'object', { reason: '也不属于执法局' });
    const overruled = await act(t, 'dispatcher-a', id, 'overrule', { reason: '经核实属执法局职责' });
    assert.equal(overruled.status, 'in_progress');
    // the department that no longer holds the case sees it but cannot act
    await act(t, 'handler-x', id, 'handle', { note: 'x' }, 403);
  });

  it('objection after the window is refused with the rule named', async () => {
    const { id } = await submit(t, 'operator');
    await act(t, 'dispatcher-a', id, 'accept');
    await act(t, 'dispatcher-a', id, 'triage', { complexity: 'complex', colour: 'yellow' });
    await act(t, 'dispatcher-a', id, 'dispatch', { leadDepartmentId: dept('zhujian') });
    t.clock.advance(7 * 24 * HOUR);
    const r = await act(t, 'handler-lead', id, 'object', { reason: '晚了' }, 422);
    assert.equal(r.error.rule, 'OBJECTION_WINDOW_CLOSED');
  });

  it('extension granted moves the deadline; refused keeps it', async () => {
    const { id } = await submit(t, 'operator');
    await act(t, 'dispatcher-a', id, 'accept');
    await act(t, 'dispatcher-a', id, 'triage', { complexity: 'complex', colour: 'yellow' });
    await act(t, 'dispatcher-a', id, 'dispatch', { leadDepartmentId: dept('zhujian') });
    const acked = await act(t, 'handler-lead', id, 'acknowledge');
    const due = acked.deadlines.resolveBy;
    await act(t, 'handler-lead', id, 'requestExtension', { workingDays: 5, reason: '等待检测报告' });
    const granted = await act(t, 'dispatcher-a', id, 'grantExtension', { reason: '同意' });
    assert.ok(Date.parse(granted.deadlines.resolveBy) > Date.parse(due));
    assert.equal(granted.assignments[0].dueAt, granted.deadlines.resolveBy);
    await act(t, 'handler-lead', id, 'requestExtension', { workingDays: 5, reason: '还要等' });
    const refused = await act(t, 'dispatcher-a', id, 'refuseExtension', { reason: '时限足够' });
    assert.equal(refused.status, 'in_progress');
    assert.equal(refused.deadlines.resolveBy, granted.deadlines.resolveBy);
  });

  it('failed verification sends the case back to the handler', async () => {
    const { id } = await submit(t, 'operator');
    await act(t, 'dispatcher-a', id, 'accept');
    await act(t, 'dispatcher-a', id, 'triage', { complexity: 'complex', colour: 'yellow' });
    await act(t, 'dispatcher-a', id, 'dispatch', { leadDepartmentId: dept('zhujian') });
    await act(t, 'handler-lead', id, 'acknowledge');
    await act(t, 'handler-lead', id, 'reportResult', { result: '已维修' });
    const failed = await act(t, 'gw-a1', id, 'verify', { passed: false, note: '电梯仍然异响' });
    assert.equal(failed.status, 'in_progress');
    await act(t, 'handler-lead', id, 'reportResult', { result: '再次维修，更换导轨' });
    assert.equal((await act(t, 'gw-a1', id, 'verify', { passed: true, note: '正常' })).status, 'verified');
    // a grid worker of another town cannot even see it
    await act(t, 'gw-b1', id, 'verify', { passed: true, note: 'x' }, 404);
  });

  it('dissatisfied: cannot be closed, is reopened for a second dispatch', async () => {
    const { id } = await submit(t, 'operator');
    await act(t, 'dispatcher-a', id, 'accept');
    await act(t, 'dispatcher-a', id, 'triage', { complexity: 'complex', colour: 'yellow' });
    await act(t, 'dispatcher-a', id, 'dispatch', { leadDepartmentId: dept('zhujian') });
    await act(t, 'handler-lead', id, 'acknowledge');
    await act(t, 'handler-lead', id, 'reportResult', { result: '已处理' });
    await act(t, 'gw-a1', id, 'verify', { passed: true, note: '已处理' });
    await act(t, 'operator', id, 'callback', { satisfaction: 'dissatisfied', note: '群众说问题依旧' });
    const refused = await act(t, 'dispatcher-a', id, 'close', {}, 422);
    assert.equal(refused.error.rule, 'DISSATISFIED_MUST_REOPEN');
    const reopened = await act(t, 'dispatcher-a', id, 'reopen', { reason: '群众不满意' });
    assert.equal(reopened.status, 'triaged');
    assert.equal(reopened.reopenCount, 1);
    const second = await act(t, 'dispatcher-a', id, 'dispatch', { leadDepartmentId: dept('zhifa') });
    assert.equal(second.assignments.at(-1).status, 'pending');
  });

  it('withdraw by the resident who brought it', async () => {
    const { id } = await submit(t, '13900000002', newCase({ channel: 'app', parties: [] }));
    const r = await act(t, '13900000002', id, 'withdraw', { reason: '已和邻居谈好了' });
    assert.equal(r.status, 'withdrawn');
  });

  it('merge a duplicate into the case it repeats; both timelines say so', async () => {
    const first = await submit(t, 'operator');
    const dup = await submit(
      t,
      'operator',
      newCase({ channel: 'web', description: '锦绣花园3幢电梯又坏了，困人' }),
    );
    await act(t, 'dispatcher-a', first.id, 'accept');
    const merged = await act(t, 'dispatcher-a', dup.id, 'merge', {
      targetCaseId: first.id,
      reason: '同一事项',
    });
    assert.equal(merged.status, 'merged');
    assert.equal(merged.mergedIntoId, first.id);
    const tl = await t.call({ method: 'GET', url: `/api/v1/cases/${first.id}/timeline`, as: 'dispatcher' });
    assert.equal(tl.json().items.at(-1).type, 'case.duplicate_attached');
    await act(t, 'dispatcher-a', first.id, 'merge', { targetCaseId: first.id }, 422);
  });

  it('a dispute goes to mediation and comes back with an agreement', async () => {
    const { id } = await submit(
      t,
      'operator',
      newCase({ kind: 'dispute', categoryCode: '0102', description: '邻居翻建房屋屋檐伸到我家院子' }),
    );
    await act(t, 'dispatcher-a', id, 'accept');
    assert.equal(
      (await act(t, 'dispatcher-a', id, 'startMediation', { note: '双方同意调解' })).status,
      'in_mediation',
    );
    const done = await act(t, 'mediator-a', id, 'recordMediationOutcome', {
      outcome: 'agreement',
      note: '达成协议',
    });
    assert.equal(done.status, 'verified');
  });

  it('escalation moves the queue up: the village may no longer act, the town may', async () => {
    const { id } = await submit(t, 'operator');
    await act(t, 'dispatcher-a1', id, 'escalate', { reason: '村级无法协调' });
    const r = await get(t, 'dispatcher-a1', id);
    assert.equal(r.statusCode, 200, 'the village keeps read access');
    assert.equal(r.json().ownerRegionId, 'r-330001101');
    await act(t, 'dispatcher-a1', id, 'accept', {}, 403);
    await act(t, 'dispatcher-a', id, 'accept');
  });
});

describe('concurrency', () => {
  it('two actions on the same version: one wins, the other gets 409 and changes nothing', async () => {
    const { id } = await submit(t, 'operator');
    const version = (await get(t, 'dispatcher', id)).json().version;
    const [a, b] = await Promise.all([
      t.call({
        method: 'POST',
        url: `/api/v1/cases/${id}/actions/accept`,
        payload: { version },
        as: 'dispatcher-a',
      }),
      t.call({
        method: 'POST',
        url: `/api/v1/cases/${id}/actions/reject`,
        payload: { version, reason: '重复' },
        as: 'dispatcher',
      }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    const tl = await t.call({ method: 'GET', url: `/api/v1/cases/${id}/timeline`, as: 'dispatcher' });
    assert.equal(tl.json().items.length, 2);
  });
});
