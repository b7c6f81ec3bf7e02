import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp, VILLAGE_A1 } from '../../test/app.ts';
import { act, submit } from '../../test/flow.ts';

const DAY = 86_400_000;
let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const letter = {
  form: 'letter',
  categoryCode: '1001',
  description: '村里征地补偿款至今未足额发放，多次反映无果',
  place: { regionId: VILLAGE_A1 },
  petitioners: [{ name: '赵四', phone: '13700000001' }],
};
const register = (payload: object, as = 'operator', headers: Record<string, string> = {}) =>
  t.call({ method: 'POST', url: '/api/v1/petitions', payload, as, headers });

describe('petitions (信访)', () => {
  it('a letter is registered as a petition from the letter channel, 15 days to decide', async () => {
    const r = await register(letter, 'operator', { 'idempotency-key': 'letter-0001' });
    assert.equal(r.statusCode, 201, r.body);
    const p = r.json();
    assert.equal(p.channel, 'letter');
    assert.equal(p.collective, false);
    assert.equal(Date.parse(p.acceptBy) - t.clock.now().getTime(), 15 * DAY);
    const again = await register(letter, 'operator', { 'idempotency-key': 'letter-0001' });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().id, p.id);
    const c = (await t.call({ method: 'GET', url: `/api/v1/cases/${p.id}`, as: 'dispatcher' })).json();
    assert.equal(c.kind, 'petition');
  });

  it('a collective visit; bad input names the field; residents may not register', async () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `来访人${i + 1}` }));
    const r = await register({ ...letter, form: 'visit', petitioners: five });
    assert.equal(r.json().channel, 'walk_in');
    assert.equal(r.json().collective, true);
    const none = await register({ ...letter, petitioners: [] });
    assert.equal(none.statusCode, 400);
    assert.equal(none.json().error.field, 'petitioners');
    assert.equal((await register(letter, 'handler-lead')).statusCode, 403);
  });

  it('60 days to settle once accepted; the reply letter once a result is recorded', async () => {
    const p = (await register(letter)).json();
    await act(t, 'dispatcher-a1', p.id, 'accept');
    await act(t, 'dispatcher-a1', p.id, 'triage', { complexity: 'complex', colour: 'yellow' });
    const limits = async () =>
      (await t.call({ method: 'GET', url: `/api/v1/petitions/${p.id}/limits`, as: 'dispatcher' })).json();
    const l = await limits();
    assert.equal(Date.parse(l.resolveBy) - Date.parse(l.acceptedAt), 60 * DAY);
    assert.equal(Date.parse(l.latestExtendedBy) - Date.parse(l.acceptedAt), 90 * DAY);
    assert.equal(l.reviewRequestBy, null);
    const early = await t.call({
      method: 'GET',
      url: `/api/v1/petitions/${p.id}/reply-letter.pdf`,
      as: 'dispatcher',
    });
    assert.equal(early.statusCode, 422);
    assert.equal(early.json().error.rule, 'PETITION_NO_RESULT');

    await act(t, 'dispatcher-a1', p.id, 'dispatch', { leadDepartmentId: 'd-330001-sifa' });
    await act(t, 'handler-x', p.id, 'acknowledge');
    await act(t, 'handler-x', p.id, 'reportResult', { result: '经核查，补偿款差额已于本月补发到位。' });
    const after = await limits();
    assert.equal(Date.parse(after.reviewRequestBy) - Date.parse(after.answeredAt), 30 * DAY);
    const pdf = await t.call({
      method: 'GET',
      url: `/api/v1/petitions/${p.id}/reply-letter.pdf`,
      as: 'dispatcher',
    });
    assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 200));
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.ok(pdf.rawPayload.subarray(0, 5).toString() === '%PDF-');
    assert.ok(pdf.rawPayload.length > 2000);
  });

  it('a case of another kind has no petition limits', async () => {
    const c = await submit(t, 'operator');
    const r = await t.call({ method: 'GET', url: `/api/v1/petitions/${c.id}/limits`, as: 'dispatcher' });
    assert.equal(r.statusCode, 422);
    assert.equal(r.json().error.rule, 'NOT_A_PETITION');
  });
});
