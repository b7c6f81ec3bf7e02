import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditLog } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { act, submit } from '../../test/flow.ts';

const sh = (local: string) => new Date(`${local}+08:00`);
const TOWN_A = 'r-330001101';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const read = (as = 'admin') => t.call({ method: 'GET', url: '/api/v1/deadline-policies', as });
const save = (payload: object, as = 'admin') =>
  t.call({ method: 'PUT', url: '/api/v1/deadline-policies', as, payload });

describe('deadline policies, edited by an administrator', () => {
  it('start as the decisions.md defaults, readable by supervisors, not by handlers', async () => {
    const r = await read('leader');
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().version, 0);
    assert.ok(
      r
        .json()
        .policies.some(
          (p: { colour: string; stage: string; amount: number }) =>
            p.colour === 'yellow' && p.stage === 'resolve' && p.amount === 10,
        ),
    );
    assert.equal((await read('handler-lead')).statusCode, 403);
  });

  it('a regional override changes the deadline of the next triage there, not elsewhere; the change is audited', async () => {
    const base = (await read()).json();
    const policies = [
      ...base.policies,
      { colour: 'yellow', stage: 'resolve', amount: 3, unit: 'working_days', regionId: TOWN_A },
    ];
    assert.equal((await save({ baseVersion: 0, policies, reason: '甲镇试点' }, 'leader')).statusCode, 403);
    const saved = await save({ baseVersion: 0, policies, reason: '甲镇试点提速' });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().version, 1);
    assert.equal(saved.json().history[0].reason, '甲镇试点提速');
    const audit = await t.deps.db.select().from(auditLog);
    assert.ok(audit.some((a) => a.action === 'deadline_policies.saved' && a.target?.endsWith('/v1')));

    t.clock.set(sh('2024-09-30T16:00:00'));
    const inTownA = await submit(t, 'operator');
    await act(t, 'dispatcher', inTownA.id, 'accept');
    const a = await act(t, 'dispatcher', inTownA.id, 'triage', { complexity: 'complex', colour: 'yellow' });
    assert.equal(a.deadlines.resolveBy, sh('2024-10-10T16:00:00').toISOString());
    const inTownB = await submit(t, 'operator', {
      kind: 'complaint',
      channel: 'hotline',
      categoryCode: '0605',
      description: '乙一村路灯不亮已经一周',
      place: { address: '乙一村', regionId: 'r-330001102201' },
      parties: [{ role: 'applicant', name: '李四', phone: '13812345670' }],
    });
    await act(t, 'dispatcher', inTownB.id, 'accept');
    const b = await act(t, 'dispatcher', inTownB.id, 'triage', { complexity: 'complex', colour: 'yellow' });
    assert.equal(b.deadlines.resolveBy, sh('2024-10-18T16:00:00').toISOString());
  });

  it('refuses a stale version and an invalid policy, naming it', async () => {
    const base = (await read()).json();
    const stale = await save({ baseVersion: 0, policies: base.policies, reason: '重复保存' });
    assert.equal(stale.statusCode, 409);
    const bad = await save({
      baseVersion: 1,
      policies: [...base.policies, { colour: 'orange', stage: 'resolve', amount: 30, unit: 'hours' }],
      reason: '错误配置',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.rule, 'INVALID_DEADLINE_POLICY');
    const unknownRegion = await save({
      baseVersion: 1,
      policies: [
        ...base.policies,
        { colour: 'red', stage: 'resolve', amount: 12, unit: 'hours', regionId: 'r-x' },
      ],
      reason: '未知区域',
    });
    assert.equal(unknownRegion.statusCode, 400);
  });

  it('a case shows its timers; someone who cannot see the case gets 404', async () => {
    t.clock.set(sh('2024-06-12T10:00:00'));
    const c = await submit(t, 'operator');
    const r = await t.call({ method: 'GET', url: `/api/v1/cases/${c.id}/timers`, as: 'dispatcher-a' });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(
      r.json().items.map((x: { kind: string; stage: string }) => `${x.kind}:${x.stage}`),
      [
        'due_soon:accept',
        'overdue:accept',
        'urge:accept',
        'supervise:accept',
        'escalate:accept',
        'escalate:accept',
      ],
    );
    const other = await t.call({ method: 'GET', url: `/api/v1/cases/${c.id}/timers`, as: 'dispatcher-b' });
    assert.equal(other.statusCode, 404);
    await act(t, 'dispatcher-a', c.id, 'accept');
    const accepted = await t.call({ method: 'GET', url: `/api/v1/cases/${c.id}/timers`, as: 'dispatcher-a' });
    assert.deepEqual(accepted.json().items, [], 'accepting ends the accept deadline and its timers');
  });
});
