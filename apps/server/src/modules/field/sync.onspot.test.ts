import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { act, newCase, submit } from '../../test/flow.ts';
import { mapVillageA1 } from './field.test-support.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
  await mapVillageA1(t);
});
after(() => t.close());

const sync = (actions: object[], as = 'gw-a1') =>
  t.call({ method: 'POST', url: '/api/v1/field/sync', as, payload: { actions } });
const green = () => submit(t, 'gw-a1', newCase({ channel: 'grid_report', kind: 'hazard', parties: [] }));
const settle = (key: string, c: { id: string; version: number }, note = '现场协调，已清理') => ({
  key,
  kind: 'case.act',
  payload: {
    caseId: c.id,
    action: 'resolveOnSpot',
    version: c.version,
    payload: { note },
    base: { status: 'submitted', colour: null },
  },
});

describe('first-contact resolution from the field app, offline through the sync queue', () => {
  it('a green matter settled offline is applied once, on the timeline, and leaves the list', async () => {
    const c = await green();
    const today = (await t.call({ method: 'GET', url: '/api/v1/field/today', as: 'gw-a1' })).json();
    const listed = today.onSpot.find((x: { id: string }) => x.id === c.id);
    assert.ok(listed.allowedActions.includes('resolveOnSpot'));
    const r = await sync([settle('k-onspot-0001', c)]);
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().results[0].outcome, 'applied');
    assert.equal(r.json().results[0].result.status, 'verified');
    const again = await sync([settle('k-onspot-0001', c)]);
    assert.equal(again.json().results[0].outcome, 'duplicate');
    const tl = (await t.call({ method: 'GET', url: `/api/v1/cases/${c.id}/timeline`, as: 'gw-a1' })).json();
    const items = (tl.items ?? tl) as { event?: { type: string }; type?: string }[];
    const types = items.map((x) => x.event?.type ?? x.type);
    assert.equal(types.filter((x) => x === 'case.resolved_on_spot').length, 1);
    const after = (await t.call({ method: 'GET', url: '/api/v1/field/today', as: 'gw-a1' })).json();
    assert.ok(!after.onSpot.some((x: { id: string }) => x.id === c.id));
  });

  it('a case changed meanwhile is a conflict, not overwritten; a fresh action on the new version applies', async () => {
    const c = await green();
    await act(t, 'dispatcher-a1', c.id, 'accept');
    const r = await sync([settle('k-onspot-0002', c)]);
    const res = r.json().results[0];
    assert.equal(res.outcome, 'conflict');
    assert.equal(res.conflict.current.status, 'accepted');
    assert.ok(res.conflict.current.allowedActions.includes('resolveOnSpot'));
    assert.deepEqual(
      res.conflict.changes.map((x: { type: string }) => x.type),
      ['case.accepted'],
    );
    const redo = await sync([settle('k-onspot-0003', { id: c.id, version: res.conflict.current.version })]);
    assert.equal(redo.json().results[0].outcome, 'applied');
  });

  it('a note is required: the step is refused naming the field', async () => {
    const c = await green();
    const r = await sync([settle('k-onspot-0004', c, '  ')]);
    const res = r.json().results[0];
    assert.equal(res.outcome, 'rejected');
    assert.match(res.error.field, /note/);
  });
});
