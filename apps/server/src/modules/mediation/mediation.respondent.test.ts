// The other party named in the portal: a resident who raised a dispute alone names the respondent
// when asking for mediation; bad input is refused naming the field; the respondent is stored as a
// sealed, audited case party the mediator sees masked, and gets their own room link by SMS.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../test/app.ts';
import { get } from '../../test/flow.ts';
import { mediationApp, neighbourDispute, RESIDENT } from './mediation.test-support.ts';

let t: TestApp;
before(async () => {
  t = await mediationApp();
});
after(() => t.close());

const OTHER = '13712345678';
const DAY = 86_400_000;

/** A neighbour dispute the resident raised alone: only the applicant is on it. */
const alone = () => neighbourDispute(t, { parties: [] });

const ask = (caseId: string, extra: object, lang = 'zh-CN', mediatorIds = ['u-mediator-a']) =>
  t.call({
    method: 'POST',
    url: '/api/v1/mediations',
    as: RESIDENT,
    headers: { 'accept-language': lang },
    payload: { caseId, mediatorIds, ...extra },
  });

describe('the respondent named with the mediation request', () => {
  it('refuses a request without the other party, or with a bad one, naming the field in zh-CN and en', async () => {
    const c = await alone();
    const none = await ask(c.id, {});
    assert.equal(none.statusCode, 400);
    assert.deepEqual(
      [none.json().error.code, none.json().error.field, none.json().error.rule],
      ['VALIDATION_FAILED', 'respondent', 'RESPONDENT_REQUIRED'],
    );
    assert.match(none.json().error.message, /对方当事人/);
    assert.match((await ask(c.id, {}, 'en')).json().error.message, /other party/);

    const badPhone = await ask(c.id, { respondent: { name: '李建国', phone: '12345' } });
    assert.equal(badPhone.statusCode, 400);
    assert.equal(badPhone.json().error.field, 'respondent.phone');
    assert.match(badPhone.json().error.message, /respondent\.phone/);
    const noName = await ask(c.id, { respondent: { name: '  ', phone: OTHER } });
    assert.equal(noName.json().error.field, 'respondent.name');
    const self = await ask(c.id, { respondent: { name: '张桂兰', phone: RESIDENT } }, 'en');
    assert.equal(self.json().error.rule, 'RESPONDENT_IS_APPLICANT');
    assert.equal(self.json().error.field, 'respondent.phone');
    assert.match(self.json().error.message, /applicant/);

    // the named party counts in the conflict check at once: 张德顺 is related to 李建国
    const related = await ask(c.id, { respondent: { name: '李建国', phone: OTHER } }, 'zh-CN', [
      'u-mediator-z',
    ]);
    assert.equal(related.json().error.rule, 'MEDIATOR_NOT_ELIGIBLE');
    assert.match(related.json().error.message, /近亲属/);

    // nothing was stored by the refusals
    const parties = (await get(t, 'dispatcher', c.id)).json().parties as { role: string }[];
    assert.deepEqual(
      parties.map((p) => p.role),
      ['applicant'],
    );
  });

  it('a dispute that names its respondent already takes no second one this way', async () => {
    const c = await neighbourDispute(t);
    const r = await ask(c.id, { respondent: { name: '王五', phone: OTHER } });
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().error.rule, 'RESPONDENT_ALREADY_NAMED');
  });

  it('stores the respondent sealed and audited, shows it masked, and texts them their room link', async () => {
    const c = await alone();
    const r = await ask(c.id, {
      respondent: { name: '李建国', phone: OTHER, address: '测试县甲镇甲一村三组15号' },
    });
    assert.equal(r.statusCode, 201, r.body);
    const id = r.json().id as string;

    const rows = await t.deps.db.execute<{ id: string; name: string; phone: string; address: string }>(
      sql`select id, name, phone, address from case_parties where case_id = ${c.id} and role = 'respondent'`,
    );
    assert.equal(rows.rows.length, 1);
    const row = rows.rows[0];
    assert.equal(row.name, '李建国');
    assert.ok(!row.phone.includes(OTHER), 'the phone is sealed at rest');
    assert.ok(!row.address.includes('三组15号'), 'the address is sealed at rest');
    const audit = await t.deps.db.execute<{ actor_id: string; data: { partyId: string } }>(
      sql`select actor_id, data from audit_log where action = 'case.party_added' and target = ${`case:${c.id}`}`,
    );
    assert.equal(audit.rows.length, 1);
    assert.equal(audit.rows[0].data.partyId, row.id);
    assert.ok(!JSON.stringify(audit.rows[0]).includes(OTHER), 'no phone in the audit trail');

    for (const [as, path] of [
      ['mediator-a', 'accept'],
      ['dispatcher', 'start'],
    ] as const) {
      const x = await t.call({ method: 'POST', url: `/api/v1/mediations/${id}/${path}`, as, payload: {} });
      assert.equal(x.statusCode, 200, x.body);
    }
    // the mediator sees both parties, the respondent's phone masked
    const seen = await get(t, 'mediator-a', c.id);
    assert.equal(seen.statusCode, 200, seen.body);
    const respondent = seen.json().parties.find((p: { role: string }) => p.role === 'respondent');
    assert.equal(respondent.name, '李建国');
    assert.equal(respondent.phone, '137****5678');

    const at = new Date(t.clock.now().getTime() + DAY).toISOString();
    const s = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/sessions`,
      as: 'mediator-a',
      payload: { mode: 'video', scheduledAt: at },
    });
    assert.equal(s.statusCode, 201, s.body);
    const session = s.json().session as { id: string; participants: { kind: string; name: string }[] };
    assert.ok(session.participants.some((p) => p.kind === 'party' && p.name === '李建国'));

    // the invitation goes out at once by SMS, with the respondent's own link
    const sms = await t.call({ method: 'GET', url: `/api/v1/dev/sms?phone=${OTHER}` });
    const invite = (sms.json().items as { body: string }[]).find((m) => m.body.includes('入会链接'));
    assert.ok(invite, JSON.stringify(sms.json()));
    const link = invite.body.match(/入会链接：(\S+?)。/)![1];
    const url = new URL(link, 'http://x');
    assert.equal(url.pathname, `/mediation/room/${session.id}`);
    const room = await t.call({
      method: 'GET',
      url: `/api/v1/mediation/rooms/${session.id}?token=${url.searchParams.get('token')}`,
    });
    assert.equal(room.statusCode, 200, room.body);
    assert.deepEqual([room.json().you.kind, room.json().you.name], ['party', '李建国']);

    // an opted-out respondent is not texted
    await t.deps.db.execute(
      sql`insert into sms_opt_outs (county_id, phone, opted_out_at, source) values ('r-330001', ${t.deps.pii.blind('phone', OTHER)}, now(), 'test')`,
    );
    const before = (await t.call({ method: 'GET', url: `/api/v1/dev/sms?phone=${OTHER}` })).json().items
      .length;
    const again = await t.call({
      method: 'POST',
      url: `/api/v1/mediations/${id}/sessions`,
      as: 'mediator-a',
      payload: { mode: 'video', scheduledAt: new Date(Date.parse(at) + DAY).toISOString() },
    });
    assert.equal(again.statusCode, 201, again.body);
    const afterOptOut = (await t.call({ method: 'GET', url: `/api/v1/dev/sms?phone=${OTHER}` })).json().items
      .length;
    assert.equal(afterOptOut, before);
  });
});
