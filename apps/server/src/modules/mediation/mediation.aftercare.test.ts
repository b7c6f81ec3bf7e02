// After the agreement: the judicial-confirmation window as the screens read it, the performance with
// its follow-up visit dates, the court's decision with its own date, and the window of a superseded version.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../../test/app.ts';
import { activeMediation, completeText, mediationApp, sig } from './mediation.test-support.ts';

let t: TestApp;
before(async () => {
  t = await mediationApp();
});
after(() => t.close());

const asMediator = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.call({ method, url: `/api/v1${url}`, as: 'mediator-a', payload });

/** A neighbour dispute's agreement, complete, signed in front of the mediator by both parties and by the mediator. */
async function signedAgreement() {
  const { id } = await activeMediation(t);
  const draft = (await asMediator('POST', `/mediations/${id}/agreements`, {})).json();
  assert.equal(
    (await asMediator('PUT', `/mediation/agreements/${draft.id}`, completeText(draft.text))).statusCode,
    200,
  );
  for (const [i, p] of (draft.text.parties as { id: string; name: string }[]).entries()) {
    const r = await asMediator('POST', `/mediation/agreements/${draft.id}/signatures`, {
      signerRole: 'party',
      partyId: p.id,
      signerName: p.name,
      imagePngBase64: sig(i + 1),
      identityMethod: 'id_card',
      identityChecked: true,
    });
    assert.equal(r.statusCode, 200, r.body);
  }
  const m = await asMediator('POST', `/mediation/agreements/${draft.id}/signatures`, {
    signerRole: 'mediator',
    signerName: '甲镇调解员',
    imagePngBase64: sig(3),
  });
  assert.equal(m.statusCode, 200, m.body);
  return { mediationId: id, agreementId: draft.id as string, text: draft.text, parties: draft.text.parties };
}

describe('after the agreement', () => {
  it('tracks the window, the performance, the court’s dated decision and the superseded version', async () => {
    const { mediationId, agreementId, text, parties } = await signedAgreement();
    const windowOf = async (aid: string) =>
      (await asMediator('GET', `/mediation/agreements/${aid}/confirmation-window`)).json();
    assert.deepEqual(await windowOf(agreementId), {
      open: false,
      reason: 'not_effective',
      effectiveDate: null,
      dueDate: null,
      daysLeft: null,
    });
    assert.equal((await asMediator('POST', `/mediation/agreements/${agreementId}/seal`)).statusCode, 200);
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const w = await windowOf(agreementId);
    assert.equal(w.open, true);
    assert.equal(w.effectiveDate, today);
    assert.equal(w.dueDate, '2024-07-12', '30 days from 12 June, a working day');
    assert.equal(w.daysLeft, 30);

    // the schedule and one follow-up visit the day after each due date
    const perf = (await asMediator('GET', `/mediation/agreements/${agreementId}/performance`)).json();
    assert.deepEqual(
      perf.items.map((p: { termId: string; instalment: number; dueDate: string }) => [
        p.termId,
        p.instalment,
        p.dueDate,
      ]),
      [
        ['t1', 1, '2024-06-30'],
        ['t2', 0, '2024-07-15'],
        ['t1', 2, '2024-08-31'],
      ],
    );
    assert.deepEqual(perf.followUps, ['2024-07-01', '2024-07-16', '2024-09-01']);

    const c = await asMediator('POST', `/mediation/agreements/${agreementId}/confirmation`, {
      court: { id: 'court-1', name: '测试县人民法院' },
      factsAndReasons: '双方经调解达成协议，共同申请司法确认。',
      declarationAccepted: true,
      signatures: (parties as { id: string }[]).map((p, i) => ({
        partyId: p.id,
        imagePngBase64: sig(5 + i),
      })),
    });
    assert.equal(c.statusCode, 201, c.body);
    const decide = (body: object) =>
      asMediator('POST', `/mediation/confirmations/${c.json().id}/decision`, body);
    assert.equal(
      (await decide({ status: 'accepted', caseNumber: '（2024）测0101民特调确字第 9 号' })).statusCode,
      200,
    );
    const future = await decide({ status: 'confirmed', decidedOn: '2024-06-13' });
    assert.equal(future.statusCode, 400, future.body);
    assert.deepEqual(
      [future.json().error.field, future.json().error.rule],
      ['decidedOn', 'DECISION_DATE_IN_FUTURE'],
    );
    const early = await decide({ status: 'confirmed', decidedOn: '2024-06-11' });
    assert.equal(early.json().error.rule, 'DECISION_BEFORE_APPLICATION');
    assert.equal(
      (await decide({ status: 'confirmed', decidedOn: '2024-02-30' })).json().error.field,
      'decidedOn',
    );
    const ok = await decide({ status: 'confirmed', decidedOn: today, note: '裁定确认调解协议有效' });
    assert.equal(ok.statusCode, 200, ok.body);
    const [shown] = (await asMediator('GET', `/mediations/${mediationId}/documents`)).json().confirmations;
    assert.equal(shown.status, 'confirmed');
    assert.equal(shown.agreementId, agreementId);
    assert.equal(
      shown.caseNumber,
      '（2024）测0101民特调确字第 9 号',
      'the number recorded on acceptance stays',
    );
    assert.equal(shown.decidedAt, new Date(`${today}T00:00:00+08:00`).toISOString(), 'the ruling’s own date');
    assert.equal(shown.decisionNote, '裁定确认调解协议有效');
    const events = (await asMediator('GET', `/mediations/${mediationId}/timeline`)).json().items;
    const decided = events.filter((e: { type: string }) => e.type === 'confirmation.decided');
    assert.deepEqual(
      decided.map((e: { data: { status: string } }) => e.data.status).sort(),
      ['accepted', 'confirmed'],
      'each decision on the timeline (same instant on the test clock); the refused ones are not',
    );

    // superseded: the old version can no longer be confirmed, the new one is not in effect yet
    const next = await asMediator('POST', `/mediation/agreements/${agreementId}/supersede`, {
      text: completeText(text),
      reason: '双方同意调整履行期限',
    });
    assert.equal(next.statusCode, 201, next.body);
    assert.equal((await windowOf(agreementId)).reason, 'superseded');
    assert.equal((await windowOf(next.json().id)).reason, 'not_effective');
    assert.deepEqual(
      (await asMediator('GET', `/mediation/agreements/${next.json().id}/performance`)).json(),
      { items: [], followUps: [] },
      'an unsealed version has nothing to perform yet',
    );
  });
});
