import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dept, type TestApp, VILLAGE_A1 } from '../../test/app.ts';
import { act, get, newCase, submit } from '../../test/flow.ts';
import { fireDueTimers } from './deadlines.job.ts';

const sh = (local: string) => new Date(`${local}+08:00`);
const TOWN_A = 'r-330001101';
const COUNTY = 'r-330001';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

async function timeline(id: string) {
  const r = await t.call({ method: 'GET', url: `/api/v1/cases/${id}/timeline`, as: 'dispatcher' });
  assert.equal(r.statusCode, 200, r.body);
  return r.json().items as { type: string; actor: { role: string }; data: Record<string, unknown> }[];
}
const count = (items: { type: string }[], type: string) => items.filter((e) => e.type === type).length;

/** Moves the clock to `at` and lets the timers fire, twice, as two instances would. */
async function moveTo(at: Date) {
  t.clock.set(at);
  await fireDueTimers(t.deps);
  await fireDueTimers(t.deps);
}

describe('a case dispatched at 16:00 on the last working day before National Day 2024', () => {
  let id: string;
  it('gets the deadline the official calendar gives: 10 working days later is Friday 18 October', async () => {
    t.clock.set(sh('2024-09-30T15:50:00'));
    id = (await submit(t, 'operator', newCase({ place: { address: '甲一村', regionId: VILLAGE_A1 } }))).id;
    await act(t, 'dispatcher-a1', id, 'accept');
    await act(t, 'dispatcher-a1', id, 'triage', { complexity: 'complex', colour: 'yellow' });
    t.clock.set(sh('2024-09-30T16:00:00'));
    const c = await act(t, 'dispatcher-a1', id, 'dispatch', { leadDepartmentId: dept('zhujian') });
    // Oct 1–7 are holidays, Saturday Oct 12 is a make-up working day: Oct 8..12, 14..18
    assert.equal(c.deadlines.resolveBy, sh('2024-10-18T15:50:00').toISOString());
    await act(t, 'handler-lead', id, 'acknowledge');
  });

  it('warns once when 80 % of the working time is used, and not before', async () => {
    await moveTo(sh('2024-10-16T15:49:00'));
    assert.equal(count(await timeline(id), 'case.due_soon_warned'), 0);
    await moveTo(sh('2024-10-16T15:51:00'));
    const items = await timeline(id);
    assert.equal(count(items, 'case.due_soon_warned'), 1);
    assert.equal(items.at(-1)?.actor.role, 'system');
  });

  it('turns overdue and is urged at the deadline, each once; the lead department is told', async () => {
    await moveTo(sh('2024-10-18T15:50:01'));
    const items = await timeline(id);
    assert.equal(count(items, 'case.overdue_marked'), 1);
    assert.equal(count(items, 'case.urged'), 1);
    assert.equal((await get(t, 'dispatcher', id)).json().dueState, 'overdue');
  });

  it('is supervised one working day later with its own deadline, then escalated to the town and the county', async () => {
    await moveTo(sh('2024-10-21T15:51:00'));
    let items = await timeline(id);
    assert.equal(count(items, 'case.supervised'), 1);
    assert.equal(
      items.find((e) => e.type === 'case.supervised')?.data.dueAt,
      sh('2024-10-23T15:51:00').toISOString(),
    );
    assert.equal(count(items, 'case.escalated'), 0);

    await moveTo(sh('2024-10-22T15:51:00'));
    assert.equal((await get(t, 'dispatcher', id)).json().ownerRegionId, TOWN_A);
    items = await timeline(id);
    assert.equal(count(items, 'case.escalated'), 1);
    assert.equal(items.find((e) => e.type === 'case.escalated')?.data.toRegionId, TOWN_A);

    await moveTo(sh('2024-10-24T15:51:00'));
    items = await timeline(id);
    assert.deepEqual(
      items.filter((e) => e.type === 'case.escalated').map((e) => [e.actor.role, e.data.toRegionId]),
      [
        ['system', TOWN_A],
        ['system', COUNTY],
      ],
    );
    // a month later nothing more has fired: every timer fired exactly once
    await moveTo(sh('2024-11-30T12:00:00'));
    const final = await timeline(id);
    for (const type of ['case.due_soon_warned', 'case.overdue_marked', 'case.urged', 'case.supervised'])
      assert.equal(count(final, type), 1, type);
    assert.equal(count(final, 'case.escalated'), 2);
  });

  it('the village dispatcher can no longer act on it; the county can', async () => {
    await act(t, 'dispatcher-a1', id, 'redispatch', { leadDepartmentId: dept('zhifa'), reason: '改派' }, 403);
    await act(t, 'dispatcher', id, 'handle', { note: 'x' }, 403);
  });
});
