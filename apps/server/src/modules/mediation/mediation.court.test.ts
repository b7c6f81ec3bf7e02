import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractText, getDocumentProxy } from 'unpdf';
import { documentHash } from '../../documents/hash.ts';
import type { TestApp } from '../../test/app.ts';
import { get } from '../../test/flow.ts';
import { activeMediation, mediationApp } from './mediation.test-support.ts';

let t: TestApp;
before(async () => {
  t = await mediationApp();
});
after(() => t.close());

describe('failure: up the ladder, then the referral package', () => {
  it('two failed sessions climb to county joint and then to adjudication; the referral closes the case', async () => {
    const { caseId, id, trackingCode } = await activeMediation(t);
    const session = async () => {
      const at = new Date(t.clock.now().getTime() + 3600_000).toISOString();
      const s = await t.call({
        method: 'POST',
        url: `/api/v1/mediations/${id}/sessions`,
        as: 'mediator-a',
        payload: { mode: 'in_person', scheduledAt: at, place: '甲镇调解室' },
      });
      assert.equal(s.statusCode, 201, s.body);
      return s.json().session.id as string;
    };
    const noPlace = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/sessions`,
      as: 'mediator-a',
      payload: { mode: 'in_person', scheduledAt: new Date(t.clock.now().getTime() + 3600_000).toISOString() },
    });
    assert.equal(noPlace.json().error.field, 'place');
    const minutes = (sid: string, outcome: string) =>
      t.call({
        method: 'POST',
        url: `/api/v1/mediation/sessions/${sid}/minutes`,
        as: 'mediator-a',
        payload: { minutes: '双方就赔偿数额分歧较大，未能达成一致。', outcome },
      });
    const first = await minutes(await session(), 'failed');
    assert.deepEqual(first.json(), { step: 'county_joint', outcome: 'failed' });
    const second = await minutes(await session(), 'failed');
    assert.deepEqual(second.json(), { step: 'adjudication', outcome: 'failed' }, 'past county joint: refer');

    const r = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/referral`,
      as: 'mediator-a',
      payload: {
        to: 'court',
        receivingBody: '测试县人民法院',
        failureReason: '经两次调解，双方对赔偿数额分歧过大',
        claims: '请求判令被申请人赔偿围墙损失',
      },
    });
    assert.equal(r.statusCode, 201, r.body);
    const c = (await get(t, 'dispatcher', caseId)).json();
    assert.equal(c.status, 'closed', 'the case follows the referral');
    const timeline = (
      await t.call({ method: 'GET', url: `/api/v1/cases/${caseId}/timeline`, as: 'dispatcher' })
    ).json().items;
    const sealed = timeline.filter((e: { type: string }) => e.type === 'case.mediation_document_issued');
    assert.deepEqual(
      sealed.map((e: { data: { kind: string } }) => e.data.kind),
      ['referral', 'referral_json'],
    );
    assert.equal(timeline.at(-1).type, 'case.mediation_concluded');
    assert.equal(timeline.at(-1).data.outcome, 'referred');

    const pdf = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/documents/${r.json().pdfDocumentId}`,
      as: 'mediator-a',
    });
    assert.equal(documentHash(pdf.rawPayload), r.json().sha256);
    const text = (
      await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true })
    ).text.replace(/\s+/g, '');
    for (const s of ['纠纷移送函', '测试县人民法院', '张桂兰', '李建国', trackingCode])
      assert.ok(text.includes(s), `referral PDF has ${s}`);
    const json = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/documents/${r.json().jsonDocumentId}`,
      as: 'mediator-a',
    });
    const pkg = json.json();
    assert.equal(pkg.format, 'hewei.referral-package');
    assert.equal(pkg.pdf.sha256, r.json().sha256, 'the JSON names the PDF it goes with');
    assert.deepEqual(pkg.referral.caseSummary.stepsTaken, ['town_joint', 'county_joint']);
    assert.equal(pkg.referral.minutes.length, 2);
    assert.ok(pkg.referral.timeline.some((e: { action: string }) => e.action === 'mediation.step_escalated'));

    const m = await t.call({ method: 'GET', url: `/api/v1/mediations/${id}`, as: 'mediator-a' });
    assert.equal(m.json().outcome, 'referred');
    const again = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/referral`,
      as: 'mediator-a',
      payload: { to: 'court', receivingBody: '测试县人民法院', failureReason: 'x' },
    });
    assert.equal(again.json().error.rule, 'MEDIATION_NOT_OPEN');
  });

  it('a failure recorded without referral sends the dispute back to the queue (triaged)', async () => {
    const { caseId, id } = await activeMediation(t);
    const early = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/outcome`,
      as: 'mediator-a',
      payload: { outcome: 'agreement', note: '达成' },
    });
    assert.equal(early.json().error.rule, 'AGREEMENT_NOT_EFFECTIVE');
    const dispatcherTry = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/outcome`,
      as: 'dispatcher',
      payload: { outcome: 'failed', note: '未达成' },
    });
    assert.equal(dispatcherTry.statusCode, 403);
    const r = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/outcome`,
      as: 'mediator-a',
      payload: { outcome: 'failed', note: '申请人撤回调解请求，拟另行起诉' },
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal((await get(t, 'dispatcher', caseId)).json().status, 'triaged');
  });
});
