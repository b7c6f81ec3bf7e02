import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../../test/app.ts';
import { act, get, newCase, submit } from '../../test/flow.ts';
import {
  activeMediation,
  mediationApp,
  neighbourDispute,
  RESIDENT,
  TOWN_A_COMMITTEE,
} from './mediation.test-support.ts';

let t: TestApp;
before(async () => {
  t = await mediationApp();
});
after(() => t.close());

describe('the marketplace (调解超市)', () => {
  it('ranks the mediators for a neighbour dispute with reasons, and flags those who must stand aside', async () => {
    const c = await neighbourDispute(t);
    const r = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/marketplace?caseId=${c.id}`,
      as: RESIDENT,
    });
    assert.equal(r.statusCode, 200, r.body);
    const items = r.json().items as {
      userId: string;
      eligible: boolean;
      reasons: { text: string }[];
      excludedBecause: string[];
      conflicts: { code: string }[];
    }[];
    assert.equal(items[0].userId, 'u-mediator-a', 'the family-and-neighbour specialist comes first');
    assert.ok(items[0].reasons.some((x) => x.text.includes('擅长该类纠纷')));
    const relative = items.find((x) => x.userId === 'u-mediator-z')!;
    assert.equal(relative.eligible, false);
    assert.ok(relative.conflicts.some((x) => x.code === 'listed_relative'));
    const elsewhere = items.find((x) => x.userId === 'u-mediator-b')!;
    assert.equal(elsewhere.eligible, false, 'a mediator of another town does not serve this place');
    assert.ok(elsewhere.excludedBecause.some((x) => x.includes('服务范围')));
  });

  it('lists the organisations serving the place and the counsellor pool', async () => {
    const c = await neighbourDispute(t);
    const orgs = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/organisations?caseId=${c.id}`,
      as: RESIDENT,
    });
    assert.equal(orgs.statusCode, 200, orgs.body);
    const ids = orgs.json().items.map((o: { id: string }) => o.id);
    assert.ok(ids.includes(TOWN_A_COMMITTEE));
    assert.ok(!ids.includes('m-330001102'), 'the other town’s committee does not serve this village');
    const pool = await t.call({
      method: 'GET',
      url: '/api/v1/mediation/marketplace?kind=counsellor&category=01.0102',
      as: 'mediator-a',
    });
    assert.deepEqual(
      pool.json().items.map((x: { userId: string }) => x.userId),
      ['u-counsellor-c'],
    );
  });

  it('an administrator adds a brand room; only an administrator may', async () => {
    const body = {
      name: '老牛说理调解室',
      nameEn: 'Lao Niu Talks Sense',
      kind: 'brand',
      regionId: 'r-330001101',
      specialties: ['01.0102', '01.0106'],
    };
    assert.equal(
      (
        await t.call({
          method: 'POST',
          url: '/api/v1/mediation/organisations',
          payload: body,
          as: 'dispatcher',
        })
      ).statusCode,
      403,
    );
    const r = await t.call({
      method: 'POST',
      url: '/api/v1/mediation/organisations',
      payload: body,
      as: 'admin',
    });
    assert.equal(r.statusCode, 201, r.body);
    const c = await neighbourDispute(t);
    const orgs = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/organisations?caseId=${c.id}`,
      as: 'dispatcher',
    });
    assert.equal(
      orgs.json().items[0].name,
      '老牛说理调解室',
      'the brand room with the exact specialty ranks first',
    );
  });
});

describe('choosing and accepting', () => {
  it('the resident picks a mediator; the mediator accepts; the dispatcher starts; the case is in mediation', async () => {
    const { caseId, id } = await activeMediation(t);
    const m = await t.call({ method: 'GET', url: `/api/v1/mediations/${id}`, as: 'mediator-a' });
    assert.equal(m.json().status, 'active');
    assert.equal(m.json().step, 'town_joint');
    assert.deepEqual(
      m
        .json()
        .mediators.map((x: { userId: string; status: string; chosenVia: string }) => [
          x.userId,
          x.status,
          x.chosenVia,
        ]),
      [['u-mediator-a', 'accepted', 'applicant']],
    );
    assert.equal((await get(t, 'dispatcher', caseId)).json().status, 'in_mediation');
    const timeline = (
      await t.call({ method: 'GET', url: `/api/v1/cases/${caseId}/timeline`, as: 'dispatcher' })
    ).json().items;
    assert.equal(timeline.at(-1).type, 'case.mediation_started');
    const mine = await t.call({ method: 'GET', url: '/api/v1/mediations', as: 'mediator-a' });
    assert.ok(
      mine.json().items.some((x: { id: string }) => x.id === id),
      'on the mediator’s desk',
    );
  });

  it('refuses a mediator with a blocking conflict, a second open mediation, another resident’s case, a non-dispute', async () => {
    const c = await neighbourDispute(t);
    const pick = (as: string, payload: object) =>
      t.call({ method: 'POST', url: '/api/v1/mediations', as, payload });
    const relative = await pick(RESIDENT, { caseId: c.id, mediatorIds: ['u-mediator-z'] });
    assert.equal(relative.statusCode, 422);
    assert.equal(relative.json().error.rule, 'MEDIATOR_NOT_ELIGIBLE');
    assert.match(relative.json().error.message, /近亲属/);
    assert.equal(
      (await pick('13900000002', { caseId: c.id, mediatorIds: ['u-mediator-a'] })).statusCode,
      404,
    );
    assert.equal((await pick(RESIDENT, { caseId: c.id, mediatorIds: ['u-mediator-a'] })).statusCode, 201);
    const again = await pick(RESIDENT, { caseId: c.id, mediatorIds: ['u-mediator-a'] });
    assert.equal(again.statusCode, 409);
    const complaint = await submit(t, 'operator', newCase());
    await act(t, 'dispatcher', complaint.id, 'accept');
    assert.equal(
      (await pick('dispatcher', { caseId: complaint.id, mediatorIds: ['u-mediator-a'] })).json().error.rule,
      'MEDIATION_DISPUTES_ONLY',
    );
  });

  it('a dispatcher starts at once with two mediators (多对一); one declines with a reason, a third is added', async () => {
    const c = await neighbourDispute(t);
    const payload = {
      caseId: c.id,
      organisationId: TOWN_A_COMMITTEE,
      mediatorIds: ['u-mediator-a', 'u-mediator-v'],
      homeVisit: true,
    };
    const undisclosed = await t.call({
      method: 'POST',
      url: '/api/v1/mediations',
      as: 'dispatcher',
      payload,
    });
    assert.equal(
      undisclosed.json().error?.rule,
      'MEDIATOR_CONFLICT_DISCLOSE',
      'the village mediator sits on the parties’ village committee',
    );
    assert.match(undisclosed.json().error.message, /同一村/);
    const r = await t.call({
      method: 'POST',
      url: '/api/v1/mediations',
      as: 'dispatcher',
      payload: { ...payload, acknowledgeWarnings: true },
    });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().status, 'active');
    assert.equal((await get(t, 'dispatcher', c.id)).json().status, 'in_mediation');
    const id = r.json().id;
    const noReason = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/decline`,
      as: 'mediator-v',
      payload: {},
    });
    assert.equal(noReason.statusCode, 400);
    const declined = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/decline`,
      as: 'mediator-v',
      payload: { note: '近期外出培训' },
    });
    assert.equal(declined.json().mediators[1].status, 'declined');
    const outsider = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/accept`,
      as: 'mediator-b',
      payload: {},
    });
    assert.equal(outsider.statusCode, 404, 'a mediator not on it does not even see it');
    const accepted = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/accept`,
      as: 'mediator-a',
      payload: {},
    });
    assert.deepEqual(accepted.json().allowedActions.includes('schedule'), true);
    const added = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/mediators`,
      as: 'mediator-a',
      payload: { userId: 'u-counsellor-c' },
    });
    assert.equal(added.statusCode, 400, 'only mediators are added as mediators');
  });

  it('the ladder climbs on failure and stops at county joint, where the dispute is referred instead', async () => {
    const { id } = await activeMediation(t);
    const up = (reason: string) =>
      t.call({
        method: 'POST',
        url: `/api/v1/mediations/${id}/escalate-step`,
        as: 'mediator-a',
        payload: { reason },
      });
    const r = await up('镇级调解未果');
    assert.equal(r.json().step, 'county_joint');
    const top = await up('县级联合调解仍未果');
    assert.equal(top.statusCode, 422);
    assert.equal(top.json().error.rule, 'LADDER_TOP_REFER');
  });
});
