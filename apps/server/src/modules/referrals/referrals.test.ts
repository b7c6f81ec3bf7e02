import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { act, newCase, submit } from '../../test/flow.ts';

let t: TestApp;
let caseId: string;
before(async () => {
  t = await buildTestApp();
  const c = await submit(
    t,
    'operator',
    newCase({ kind: 'dispute', categoryCode: '0101', description: '邻里因宅基地边界争吵并动手，需民警到场' }),
  );
  caseId = c.id;
  await act(t, 'dispatcher-a1', caseId, 'accept');
});
after(() => t.close());

const base = () => `/api/v1/cases/${caseId}/referrals`;
const post = (url: string, payload: object, as = 'dispatcher-a1') =>
  t.call({ method: 'POST', url, payload, as });
const timeline = async () =>
  (await t.call({ method: 'GET', url: `/api/v1/cases/${caseId}/timeline`, as: 'dispatcher' })).json().items;

describe('referrals to the police and courts', () => {
  it('a dispatcher of the case refers it; others may not', async () => {
    assert.equal((await post(base(), { partner: 'police', note: '转110' }, 'operator')).statusCode, 403);
    assert.equal((await post(base(), { partner: 'police', note: '转110' }, 'dispatcher-b')).statusCode, 404);
    const bad = await post(base(), { partner: 'army', note: 'x' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, 'partner');
  });

  it('sent, received with the partner’s reference, then the result — each on the timeline', async () => {
    const sent = await post(base(), { partner: 'police', note: '双方有肢体冲突，转110联动处置' });
    assert.equal(sent.statusCode, 201, sent.body);
    const ref = sent.json();
    assert.equal(ref.status, 'sent');
    assert.equal(ref.direction, 'out');
    const twice = await post(base(), { partner: 'police', note: '再转一次' });
    assert.equal(twice.json().error.rule, 'REFERRAL_OPEN');

    const early = await post(
      `${base()}/${ref.id}/receipt`,
      { externalRef: 'JQ20240612-0042' },
      'dispatcher-b',
    );
    assert.equal(early.statusCode, 404);
    const got = await post(`${base()}/${ref.id}/receipt`, {
      externalRef: 'JQ20240612-0042',
      note: '派出所已接警',
    });
    assert.equal(got.statusCode, 200, got.body);
    assert.equal(got.json().status, 'received');
    assert.equal(got.json().externalRef, 'JQ20240612-0042');
    const again = await post(`${base()}/${ref.id}/receipt`, {});
    assert.equal(again.statusCode, 422);
    assert.equal(again.json().error.rule, 'REFERRAL_STAGE');

    const done = await post(`${base()}/${ref.id}/result`, {
      outcome: 'resolved',
      note: '民警到场调处，双方和解',
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().status, 'concluded');
    assert.equal(done.json().outcome, 'resolved');

    const items = await timeline();
    assert.deepEqual(
      items.filter((e: any) => e.type.includes('partner')).map((e: any) => [e.type, e.data.stage ?? null]),
      [
        ['case.referred_to_partner', null],
        ['case.partner_replied', 'received'],
        ['case.partner_replied', 'result'],
      ],
    );
    assert.equal(items.at(-1).reason, '民警到场调处，双方和解');
    const list = (await t.call({ method: 'GET', url: base(), as: 'dispatcher' })).json().items;
    assert.equal(list.length, 1);
    assert.equal((await t.call({ method: 'GET', url: base(), as: 'handler-x' })).statusCode, 404);
  });

  it('a court delegation; a partner reference is used once per partner', async () => {
    const court = await post(base(), {
      partner: 'court',
      externalRef: '(2024)浙0001诉前调1号',
      note: '诉前委派调解',
    });
    assert.equal(court.statusCode, 201, court.body);
    const police = await post(base(), {
      partner: 'police',
      externalRef: 'JQ20240612-0042',
      note: '再次报警',
    });
    assert.equal(police.statusCode, 409);
    assert.equal(police.json().error.field, 'externalRef');
    const r = await post(`${base()}/${court.json().id}/result`, {
      outcome: 'filed',
      note: '调解不成，转立案',
    });
    assert.equal(r.json().outcome, 'filed');
  });
});
