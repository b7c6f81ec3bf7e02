import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../../test/app.ts';
import { mediationApp, neighbourDispute, RESIDENT } from './mediation.test-support.ts';

let t: TestApp;
before(async () => {
  t = await mediationApp();
});
after(() => t.close());

describe('the mediation desk', () => {
  it('lists the applicant’s request for the dispatcher and the invited mediator, not for others', async () => {
    const c = await neighbourDispute(t);
    const r = await t.call({
      method: 'POST',
      url: '/api/v1/mediations',
      as: RESIDENT,
      payload: { caseId: c.id, mediatorIds: ['u-mediator-a'] },
    });
    assert.equal(r.statusCode, 201, r.body);
    const id = r.json().id as string;
    const desk = async (as: string) => {
      const x = await t.call({ method: 'GET', url: '/api/v1/mediations', as });
      assert.equal(x.statusCode, 200, x.body);
      return x.json().items as { id: string; allowedActions: string[] }[];
    };
    const forDispatcher = (await desk('dispatcher')).find((m) => m.id === id);
    assert.ok(forDispatcher, 'the dispatcher sees the request');
    assert.ok(forDispatcher.allowedActions.includes('start'));
    const forMediator = (await desk('mediator-a')).find((m) => m.id === id);
    assert.deepEqual(forMediator?.allowedActions.sort(), ['accept', 'decline']);
    assert.equal(
      (await desk('mediator-b')).find((m) => m.id === id),
      undefined,
    );
    const resident = await t.call({ method: 'GET', url: '/api/v1/mediations', as: RESIDENT });
    assert.equal(resident.json().error.field, 'caseId', 'a resident lists by case');
  });
});
