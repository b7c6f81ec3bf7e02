import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LI_ID, ZHANG_ID } from '@hewei/domain/mediation/testdata.ts';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { extractText, getDocumentProxy } from 'unpdf';
import { documentHash } from '../../documents/hash.ts';
import { syntheticSignaturePng } from '../../documents/testing.ts';
import type { TestApp } from '../../test/app.ts';
import { get } from '../../test/flow.ts';
import { openApplication } from './confirmation-pii.ts';
import { mediationSweep } from './mediation.jobs.ts';
import { activeMediation, completeText, mediationApp, RESIDENT, sig } from './mediation.test-support.ts';

let t: TestApp;
before(async () => {
  t = await mediationApp();
});
after(() => t.close());

const DAY = 86_400_000;
const pdfText = async (bytes: Buffer) =>
  (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;

describe('a session, the agreement signed on screen, its PDF, performance and judicial confirmation', () => {
  it('goes from scheduling to a confirmed agreement', async () => {
    const { caseId, id } = await activeMediation(t);
    const at = new Date(t.clock.now().getTime() + DAY).toISOString();

    // a video session with both parties, the mediator, a counsellor from the pool and a judge by link
    const past = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/sessions`,
      as: 'mediator-a',
      payload: { mode: 'video', scheduledAt: '2024-01-01T00:00:00Z' },
    });
    assert.equal(past.json().error.rule, 'SESSION_IN_PAST');
    assert.equal(
      (
        await t.call({
          method: 'POST',
          url: `/api/v1/mediations/${id}/sessions`,
          as: 'mediator-b',
          payload: { mode: 'video', scheduledAt: at },
        })
      ).statusCode,
      404,
    );
    const s = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/sessions`,
      as: 'mediator-a',
      payload: {
        mode: 'video',
        scheduledAt: at,
        inviteUserIds: ['u-counsellor-c'],
        guests: [{ kind: 'judge', name: '刘法官' }],
      },
    });
    assert.equal(s.statusCode, 201, s.body);
    const session = s.json().session;
    assert.deepEqual(session.participants.map((p: { kind: string }) => p.kind).sort(), [
      'counsellor',
      'judge',
      'mediator',
      'party',
      'party',
    ]);
    const judgeLink = s.json().links.find((l: { kind: string }) => l.kind === 'judge').link as string;
    const token = new URL(judgeLink, 'http://x').searchParams.get('token');
    const room = await t.call({ method: 'GET', url: `/api/v1/mediation/rooms/${session.id}?token=${token}` });
    assert.equal(room.json().you.kind, 'judge');
    assert.equal(
      (await t.call({ method: 'GET', url: `/api/v1/mediation/rooms/${session.id}?token=nope` })).statusCode,
      404,
    );

    // reminders go out an hour before: an SMS with the link to the respondent, a notice to the counsellor
    t.clock.set(new Date(Date.parse(at) - 59 * 60_000));
    const sent = await mediationSweep(t.deps);
    assert.ok(sent.reminders >= 4, JSON.stringify(sent));
    const sms = await t.call({ method: 'GET', url: '/api/v1/dev/sms?phone=13987654321' });
    const reminder = (sms.json().items as { body: string }[]).find((m) => m.body.includes('调解会提醒'))!;
    assert.match(reminder.body, /入会链接见邀请短信/);
    // stored reminders keep neither a room token nor a plaintext phone
    const kept = await t.deps.db.execute<{ phone: string | null; body: string }>(
      sql`select phone, body from mediation_reminders`,
    );
    assert.ok(kept.rows.length >= 4);
    for (const r of kept.rows) {
      assert.doesNotMatch(r.body, /token=/);
      assert.ok(r.phone === null || r.phone.startsWith('enc1:'), r.phone ?? '');
    }
    assert.equal((await mediationSweep(t.deps)).reminders, 0, 'each reminder goes out once');
    t.clock.set(new Date(Date.parse(at) + 30 * 60_000));

    // the agreement: drafted from the template, incomplete until edited
    const d = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/agreements`,
      as: 'mediator-a',
      payload: {},
    });
    assert.equal(d.statusCode, 201, d.body);
    const draft = d.json();
    assert.ok(draft.issues.some((i: { field: string }) => i.field === 'disputedMatters'));
    assert.equal(draft.text.parties[0].name, '张桂兰');
    assert.equal(
      draft.text.parties[0].idNumber,
      `${ZHANG_ID.slice(0, 4)}**********${ZHANG_ID.slice(-4)}`,
      'masked in the response',
    );
    const aid = draft.id;
    const signUrl = `/api/v1/mediation/agreements/${aid}/signatures`;
    const [zhang, li] = draft.text.parties;
    const early = await t.call({
      method: 'POST',
      url: signUrl,
      as: RESIDENT,
      payload: { signerRole: 'party', partyId: zhang.id, signerName: '张桂兰', imagePngBase64: sig(1) },
    });
    assert.equal(early.json().error.rule, 'AGREEMENT_INCOMPLETE');
    assert.equal(early.json().error.field, 'parties[0].ethnicity');

    const edited = await t.call({
      method: 'PUT',
      url: `/api/v1/mediation/agreements/${aid}`,
      as: 'mediator-a',
      payload: completeText(draft.text),
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(edited.json().issues, []);

    // signatures: an empty pad, an unchecked identity, someone else's party are refused
    const empty = syntheticSignaturePng(1, { empty: true }).toString('base64');
    const r1 = await t.call({
      method: 'POST',
      url: signUrl,
      as: RESIDENT,
      payload: { signerRole: 'party', partyId: zhang.id, signerName: '张桂兰', imagePngBase64: empty },
    });
    assert.equal(r1.json().error.rule, 'SIGNATURE_EMPTY');
    const r2 = await t.call({
      method: 'POST',
      url: signUrl,
      as: RESIDENT,
      payload: { signerRole: 'party', partyId: li.id, signerName: '李建国', imagePngBase64: sig(2) },
    });
    assert.equal(r2.statusCode, 403);
    const ok1 = await t.call({
      method: 'POST',
      url: signUrl,
      as: RESIDENT,
      payload: {
        signerRole: 'party',
        partyId: zhang.id,
        signerName: '张桂兰',
        imagePngBase64: `data:image/png;base64,${sig(1)}`,
      },
    });
    assert.equal(ok1.statusCode, 200, ok1.body);
    assert.equal(ok1.json().status, 'signing');
    const unchecked = await t.call({
      method: 'POST',
      url: signUrl,
      as: 'mediator-a',
      payload: {
        signerRole: 'party',
        partyId: li.id,
        signerName: '李建国',
        imagePngBase64: sig(2),
        identityMethod: 'id_card',
      },
    });
    assert.equal(unchecked.json().error.rule, 'SIGNATURE_IDENTITY_REQUIRED');
    const ok2 = await t.call({
      method: 'POST',
      url: signUrl,
      as: 'mediator-a',
      payload: {
        signerRole: 'party',
        partyId: li.id,
        signerName: '李建国',
        imagePngBase64: sig(2),
        identityMethod: 'id_card',
        identityChecked: true,
      },
    });
    assert.equal(ok2.statusCode, 200, ok2.body);

    // once signed, the text is frozen: by the service and by the database itself
    const frozen = await t.call({
      method: 'PUT',
      url: `/api/v1/mediation/agreements/${aid}`,
      as: 'mediator-a',
      payload: completeText(draft.text),
    });
    assert.equal(frozen.json().error.rule, 'AGREEMENT_SIGNED_IMMUTABLE');
    await assert.rejects(t.deps.db.execute(sql`update agreements set draft = '{}'::jsonb where id = ${aid}`));

    const early2 = await t.call({
      method: 'POST',
      url: `/api/v1/mediation/agreements/${aid}/seal`,
      as: 'mediator-a',
    });
    assert.equal(early2.json().error.rule, 'SIGNATURES_MISSING');
    const ok3 = await t.call({
      method: 'POST',
      url: signUrl,
      as: 'mediator-a',
      payload: { signerRole: 'mediator', signerName: '甲镇调解员', imagePngBase64: sig(3) },
    });
    assert.equal(ok3.statusCode, 200, ok3.body);
    assert.deepEqual(ok3.json().missing, { partyIds: [], mediatorIds: [] });

    // the seal: effective, the PDF stored, its hash sealed on the case timeline
    const sealed = await t.call({
      method: 'POST',
      url: `/api/v1/mediation/agreements/${aid}/seal`,
      as: 'mediator-a',
    });
    assert.equal(sealed.statusCode, 200, sealed.body);
    const { documentId, sha256 } = sealed.json();
    const timeline = (
      await t.call({ method: 'GET', url: `/api/v1/cases/${caseId}/timeline`, as: 'dispatcher' })
    ).json().items;
    const seal = timeline.find((e: { type: string }) => e.type === 'case.mediation_document_issued');
    assert.equal(seal.data.sha256, sha256);
    assert.equal(seal.actor.role, 'mediator');

    const pdf = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/documents/${documentId}`,
      as: RESIDENT,
    });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(documentHash(pdf.rawPayload), sha256);
    if (process.env.HEWEI_DOC_OUT)
      writeFileSync(join(process.env.HEWEI_DOC_OUT, 'agreement.pdf'), pdf.rawPayload);
    const text = await pdfText(pdf.rawPayload);
    for (const s of ['人民调解协议书', '张桂兰', '李建国', '捌仟元', '排水沟', ZHANG_ID, LI_ID])
      assert.ok(text.replace(/\s+/g, '').includes(s), `PDF text has ${s}`);
    assert.equal(
      (
        await t.call({
          method: 'GET',
          url: `/api/v1/mediation/documents/${documentId}/verify`,
          as: 'mediator-a',
        })
      ).json().matches,
      true,
    );

    // the outcome moves the case on
    const done = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/outcome`,
      as: 'mediator-a',
      payload: { outcome: 'agreement', note: '双方达成调解协议' },
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().status, 'concluded');
    assert.equal((await get(t, 'dispatcher', caseId)).json().status, 'verified');

    // performance: three obligations tracked, follow-ups as iCalendar, a missed instalment flagged
    const perf = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/agreements/${aid}/performance`,
      as: 'mediator-a',
    });
    assert.deepEqual(
      perf.json().items.map((p: { dueDate: string }) => p.dueDate),
      ['2024-06-30', '2024-07-15', '2024-08-31'],
    );
    const ics = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/agreements/${aid}/followups.ics`,
      as: 'mediator-a',
    });
    const todos = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vtodo');
    assert.equal(todos.length, 3);
    assert.match(String(todos[0].getFirstPropertyValue('summary')), /回访：李建国履行调解协议情况/);

    // judicial confirmation inside the 30-day window
    const apply = (payload: object) =>
      t.call({
        method: 'POST',
        url: `/api/v1/mediation/agreements/${aid}/confirmation`,
        as: 'mediator-a',
        payload,
      });
    const body = {
      court: { id: 'court-1', name: '测试县人民法院' },
      courtBasis: 'mediation_organisation_seat',
      disputeTitle: '相邻关系纠纷',
      factsAndReasons: '双方经甲镇人民调解委员会主持调解达成协议，为保障协议履行，共同申请司法确认。',
      declarationAccepted: true,
      signatures: [
        { partyId: zhang.id, imagePngBase64: sig(5) },
        { partyId: li.id, imagePngBase64: sig(6) },
      ],
    };
    assert.equal(
      (await apply({ ...body, declarationAccepted: false })).json().error.rule,
      'CONFIRMATION_INCOMPLETE',
    );
    const c1 = await apply(body);
    assert.equal(c1.statusCode, 201, c1.body);
    assert.equal(c1.json().windowDueDate, '2024-07-15', '30 days from 13 June, the day it took effect');
    const app = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/documents/${c1.json().documentId}`,
      as: 'mediator-a',
    });
    const appText = (await pdfText(app.rawPayload)).replace(/\s+/g, '');
    for (const s of ['司法确认申请书', '张桂兰', '李建国', '测试县人民法院'])
      assert.ok(appText.includes(s), `application has ${s}`);
    // the applicants' ID numbers and phones are sealed at rest, and open back to the same values
    const [stored] = (
      await t.deps.db.execute(
        sql`select application::text as a from confirmations where id = ${c1.json().id}`,
      )
    ).rows as { a: string }[];
    for (const plain of [ZHANG_ID, LI_ID, RESIDENT, '13987654321'])
      assert.ok(!stored.a.includes(plain), `no plaintext ${plain.slice(0, 4)}… in confirmations.application`);
    const opened = openApplication(t.deps.pii, JSON.parse(stored.a));
    assert.deepEqual(
      opened.applicants.map((a: { idNumber: string }) => a.idNumber).sort(),
      [LI_ID, ZHANG_ID].sort(),
    );
    const decide = (status: string) =>
      t.call({
        method: 'POST',
        url: `/api/v1/mediation/confirmations/${c1.json().id}/decision`,
        as: 'mediator-a',
        payload: { status, caseNumber: '（2024）测0101民特调确字第 7 号' },
      });
    assert.equal((await decide('confirmed')).statusCode, 422, 'accepted before decided');
    assert.equal((await decide('accepted')).statusCode, 200);
    assert.equal((await decide('confirmed')).statusCode, 200);

    t.clock.set(new Date(Date.parse('2024-07-02T02:00:00Z')));
    const breached = await mediationSweep(t.deps);
    assert.equal(breached.breaches, 1, 'the first instalment (30 June) was not reported paid');
    const after1 = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/agreements/${aid}/performance`,
      as: 'mediator-a',
    });
    assert.equal(after1.json().items[0].status, 'breached');
    t.clock.set(new Date(Date.parse('2024-07-20T02:00:00Z')));
    assert.equal((await apply(body)).json().error.rule, 'CONFIRMATION_WINDOW_CLOSED');

    // supersede: the signed text stays as history
    const next = await t.call({
      method: 'POST',
      url: `/api/v1/mediation/agreements/${aid}/supersede`,
      as: 'mediator-a',
      payload: { text: completeText(draft.text), reason: '双方同意调整履行期限' },
    });
    assert.equal(next.statusCode, 201, next.body);
    assert.equal(next.json().version, 2);
    const history = (
      await t.call({ method: 'GET', url: `/api/v1/mediations/${id}/agreements`, as: 'mediator-a' })
    ).json().items;
    assert.deepEqual(
      history.map((a: { status: string }) => a.status),
      ['superseded', 'draft'],
    );

    // the applicant rates; the statistics count it
    assert.equal(
      (
        await t.call({
          method: 'POST',
          url: `/api/v1/mediations/${id}/rate`,
          as: RESIDENT,
          payload: { satisfaction: 5 },
        })
      ).statusCode,
      200,
    );
    const stats = await t.call({ method: 'GET', url: '/api/v1/mediation/stats?by=mediator', as: 'leader' });
    const mine = stats.json().items.find((x: { key: string }) => x.key === 'u-mediator-a');
    assert.equal(mine.succeeded, 1);
    assert.equal(mine.meanSatisfaction, 5);
    const byOrg = await t.call({
      method: 'GET',
      url: '/api/v1/mediation/stats?by=organisation',
      as: 'leader',
    });
    assert.equal(byOrg.json().items.find((x: { key: string }) => x.key === 'm-330001101').successRate, 1);

    // a stored document altered behind our back is refused
    await t.deps.storage.put(`mediation/r-330001/${id}/${documentId}.pdf`, Buffer.from('%PDF-1.4 forged'));
    const forged = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/documents/${documentId}`,
      as: 'mediator-a',
    });
    assert.equal(forged.json().error.rule, 'DOCUMENT_HASH_MISMATCH');
  });
});
