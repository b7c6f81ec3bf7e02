import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { notifications, users } from '../../db/schema/index.ts';
import { buildTestApp, dept, type TestApp } from '../../test/app.ts';
import { act, newCase, submit } from '../../test/flow.ts';
import { fireDueTimers } from '../deadlines/deadlines.job.ts';

const sh = (local: string) => new Date(`${local}+08:00`);
const VILLAGE_B1 = 'r-330001102201';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

async function dispatched(regionId: string, dispatcher: string, lead: string) {
  const c = await submit(t, 'operator', newCase({ place: { address: '某处', regionId } }));
  await act(t, dispatcher, c.id, 'accept');
  await act(t, dispatcher, c.id, 'triage', { complexity: 'complex', colour: 'yellow' });
  await act(t, dispatcher, c.id, 'dispatch', { leadDepartmentId: dept(lead) });
  return c.id;
}
const board = (as: string, state = 'overdue') =>
  t.call({ method: 'GET', url: `/api/v1/supervision/board?state=${state}`, as });

describe('supervisors watch due-soon and overdue work and act on it', () => {
  let inA: string;
  let inB: string;
  it('the board groups overdue work by owning center and lead department, within the viewer’s region', async () => {
    t.clock.set(sh('2024-09-30T10:00:00'));
    inA = await dispatched('r-330001101201', 'dispatcher-a1', 'zhujian');
    inB = await dispatched(VILLAGE_B1, 'dispatcher-b', 'zhifa');
    t.clock.set(sh('2024-10-17T10:00:00'));
    await fireDueTimers(t.deps);
    const soon = await board('leader', 'due_soon');
    assert.equal(soon.statusCode, 200, soon.body);
    assert.equal(soon.json().total, 2);
    assert.equal((await board('leader')).json().total, 0);

    t.clock.set(sh('2024-10-18T10:00:01'));
    await fireDueTimers(t.deps);
    const all = (await board('leader')).json();
    assert.equal(all.total, 2);
    assert.deepEqual(all.byDepartment.map((g: { name: string }) => g.name).sort(), ['住建局', '执法局']);
    assert.equal(all.items[0].urged, 1, 'urged automatically at the deadline');
    const townB = (await board('supervisor-b')).json();
    assert.deepEqual(
      townB.items.map((i: { id: string }) => i.id),
      [inB],
      'a town supervisor sees only the town',
    );
    assert.equal((await board('handler-lead')).statusCode, 403);
  });

  it('a supervisor urges and supervises (with a deadline) a case in their region; not one outside it', async () => {
    const urged = await act(t, 'supervisor-b', inB, 'urge', { reason: '请今日内答复' });
    assert.equal(urged.status, 'dispatched');
    await act(t, 'supervisor-b', inB, 'supervise', { reason: '挂牌督办', workingDays: 3 });
    await act(t, 'supervisor-b', inA, 'urge', { reason: '越权' }, 404);
    await act(t, 'dispatcher-b', inB, 'urge', { reason: '调度员不能督办' }, 403);
    const orders = await t.call({ method: 'GET', url: '/api/v1/supervision/orders', as: 'supervisor-b' });
    const mine = orders.json().items.filter((o: { automatic: boolean }) => !o.automatic);
    assert.deepEqual(
      mine.map((o: { kind: string; dueAt: string | null }) => [o.kind, o.dueAt]),
      [
        ['supervise', sh('2024-10-23T10:00:01').toISOString()],
        ['urge', null],
      ],
    );
    // followed to its end: open (not yet past its own limit), the case's status and owning center
    assert.deepEqual(
      [mine[0].settled, mine[0].overdue, mine[0].status, typeof mine[0].ownerRegionName],
      [false, false, 'dispatched', 'string'],
    );
  });

  it('whoever must act hears of it: the lead department’s handlers, and the center on supervision', async () => {
    const [lead] = await t.deps.db.select().from(users).where(eq(users.username, 'handler-co'));
    const notes = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, lead.id), eq(notifications.caseId, inB)));
    const kinds = notes.map((n) => n.kind).sort();
    assert.deepEqual(kinds, [
      'case.due_soon_warned',
      'case.overdue_marked',
      'case.supervised',
      'case.urged',
      'case.urged',
    ]);
  });

  it('the escalation history of a case is on its timeline and in one list', async () => {
    t.clock.set(sh('2024-10-25T10:00:00'));
    await fireDueTimers(t.deps);
    const r = await t.call({ method: 'GET', url: `/api/v1/cases/${inA}/escalations`, as: 'leader' });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(
      r.json().items.map((e: { type: string; actorRole: string }) => `${e.type}/${e.actorRole}`),
      [
        'case.due_soon_warned/system',
        'case.overdue_marked/system',
        'case.urged/system',
        'case.supervised/system',
        'case.escalated/system',
        'case.escalated/system',
      ],
    );
    const orders = (await t.call({ method: 'GET', url: '/api/v1/supervision/orders', as: 'leader' })).json();
    assert.ok(
      orders.items.some((o: { kind: string; overdue: boolean }) => o.kind === 'supervise' && o.overdue),
    );
  });
});
