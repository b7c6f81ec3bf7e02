import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dept, type TestApp } from '../../test/app.ts';
import { act, submit } from '../../test/flow.ts';

const sh = (local: string) => new Date(`${local}+08:00`);

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

describe('a joint consultation (会商研判) on a matter that spans departments', () => {
  let caseId: string;
  let id: string;
  it('is convened by a leader with departments and people; a department that does not exist is refused', async () => {
    t.clock.set(sh('2024-09-30T09:00:00'));
    caseId = (await submit(t, 'operator')).id;
    await act(t, 'dispatcher-a', caseId, 'accept');
    await act(t, 'dispatcher-a', caseId, 'triage', { complexity: 'complex', colour: 'yellow' });
    await act(t, 'dispatcher-a', caseId, 'dispatch', { leadDepartmentId: dept('zhifa') });
    await act(t, 'handler-co', caseId, 'object', { reason: '电梯安全属住建局职责' });
    const body = {
      title: '锦绣花园电梯问题会商',
      agenda: '明确电梯维保与执法职责分工',
      scheduledAt: '2024-09-30T14:00:00+08:00',
      departmentIds: [dept('zhujian'), dept('zhifa')],
      people: [{ name: '物业公司经理' }],
    };
    const bad = await t.call({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/consultations`,
      as: 'leader',
      payload: { ...body, departmentIds: ['d-nowhere'] },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.rule, 'UNKNOWN_DEPARTMENT');
    const post = (as: string) =>
      t.call({ method: 'POST', url: `/api/v1/cases/${caseId}/consultations`, as, payload: body });
    assert.equal((await post('gw-a1')).statusCode, 403, 'a grid worker sees the case but does not convene');
    assert.equal((await post('dispatcher-b')).statusCode, 404, 'another town does not know the case');
    const r = await t.call({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/consultations`,
      as: 'leader',
      payload: body,
    });
    assert.equal(r.statusCode, 201, r.body);
    id = r.json().id;
    assert.deepEqual(
      r.json().participants.map((p: { name: string; attendance: string }) => `${p.name}/${p.attendance}`),
      ['住建局/invited', '执法局/invited', '物业公司经理/invited'],
    );
  });

  it('concludes with minutes and decisions; the assignment decision re-dispatches the case with its own time limit', async () => {
    t.clock.set(sh('2024-09-30T16:00:00'));
    const payload = {
      minutes: '经会商，电梯安全隐患由住建局牵头，执法局配合查处违规维保。',
      attended: [0, 1],
      decisions: [
        {
          text: '住建局牵头整改，执法局协办',
          leadDepartmentId: dept('zhujian'),
          coDepartmentIds: [dept('zhifa')],
          workingDays: 5,
        },
        { text: '物业公司每周报告维保情况' },
      ],
    };
    const r = await t.call({
      method: 'POST',
      url: `/api/v1/consultations/${id}/conclude`,
      as: 'dispatcher-a',
      payload,
    });
    assert.equal(r.statusCode, 200, r.body);
    const c = r.json();
    assert.equal(c.status, 'concluded');
    // 5 working days from 30 Sept 16:00, across National Day: Oct 8, 9, 10, 11, 12 (make-up Saturday)
    assert.equal(c.decisions[0].dueAt, sh('2024-10-12T16:00:00').toISOString());
    assert.equal(c.decisions[1].caseEventSeq, null);
    assert.deepEqual(
      c.participants.map((p: { attendance: string }) => p.attendance),
      ['attended', 'attended', 'absent'],
    );
    const kase = (await t.call({ method: 'GET', url: `/api/v1/cases/${caseId}`, as: 'dispatcher-a' })).json();
    assert.equal(kase.status, 'dispatched');
    assert.equal(kase.deadlines.resolveBy, c.decisions[0].dueAt);
    const lead = kase.assignments.find(
      (a: { role: string; status: string }) => a.role === 'lead' && a.status === 'pending',
    );
    assert.equal(lead.departmentId, dept('zhujian'));
    const timeline = (
      await t.call({ method: 'GET', url: `/api/v1/cases/${caseId}/timeline`, as: 'dispatcher-a' })
    ).json();
    const last = timeline.items.at(-1);
    assert.equal(last.type, 'case.redispatched');
    assert.equal(last.seq, c.decisions[0].caseEventSeq);
  });

  it('cannot be concluded twice, and is listed on the case', async () => {
    const again = await t.call({
      method: 'POST',
      url: `/api/v1/consultations/${id}/conclude`,
      as: 'dispatcher-a',
      payload: { minutes: '再次', decisions: [{ text: '无' }] },
    });
    assert.equal(again.statusCode, 422);
    assert.equal(again.json().error.rule, 'CONSULTATION_CONCLUDED');
    const list = await t.call({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/consultations`,
      as: 'handler-lead',
    });
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.json().items.length, 1);
    const other = await t.call({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/consultations`,
      as: 'dispatcher-b',
    });
    assert.equal(other.statusCode, 404);
  });
});
