import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { newCase } from '../../test/flow.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const countCases = async () =>
  (await t.deps.db.execute<{ n: number }>(sql`select count(*)::int as n from cases`)).rows[0].n;
const post = (payload: unknown, headers: Record<string, string> = {}, as: string | null = 'operator') =>
  t.call({ method: 'POST', url: '/api/v1/cases', payload: payload as object, headers, as: as ?? undefined });
/** Drizzle wraps the database's error; the database's own words are in its cause. */
const appendOnly = (e: Error & { cause?: Error }) => /append-only/.test(e.cause?.message ?? e.message);

describe('intake is idempotent', () => {
  it('a retry with the same key returns the same case, and makes no second one', async () => {
    const before = await countCases();
    const key = { 'idempotency-key': 'call-20240612-0001' };
    const a = await post(newCase(), key);
    const b = await post(newCase(), key);
    assert.equal(a.statusCode, 201);
    assert.equal(b.statusCode, 200);
    assert.equal(b.headers['idempotent-replayed'], 'true');
    assert.equal(b.json().id, a.json().id);
    assert.equal(b.json().trackingCode, a.json().trackingCode);
    assert.equal(await countCases(), before + 1);
  });

  it('the same key with a different body is refused and changes nothing', async () => {
    const key = { 'idempotency-key': 'call-20240612-0002' };
    await post(newCase(), key);
    const before = await countCases();
    const r = await post(newCase({ description: '另一件完全不同的事情，路灯坏了' }), key);
    assert.equal(r.statusCode, 422);
    assert.equal(r.json().error.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(await countCases(), before);
  });

  it('ten parallel retries of one submission make exactly one case', async () => {
    const before = await countCases();
    const key = { 'idempotency-key': 'parallel-retry-0003' };
    const rs = await Promise.all(Array.from({ length: 10 }, () => post(newCase(), key)));
    assert.ok(
      rs.every((r) => r.statusCode === 200 || r.statusCode === 201),
      rs.map((r) => r.body).join('\n'),
    );
    assert.equal(new Set(rs.map((r) => r.json().id)).size, 1);
    assert.equal(rs.filter((r) => r.statusCode === 201).length, 1);
    assert.equal(await countCases(), before + 1);
  });

  it('a key is the submitter’s own: another user with the same key gets a new case', async () => {
    const key = { 'idempotency-key': 'shared-key-0004' };
    const a = await post(newCase(), key, 'operator');
    const b = await post(newCase(), key, 'dispatcher');
    assert.notEqual(a.json().id, b.json().id);
  });
});

describe('bad input gets a coded error naming the field, in the request’s language, and changes nothing', () => {
  const cases: [string, unknown, string][] = [
    ['unknown kind', newCase({ kind: 'gossip' }), 'kind'],
    ['too short a description', newCase({ description: '短' }), 'description'],
    ['oversized description', newCase({ description: '长'.repeat(4001) }), 'description'],
    ['unknown category', newCase({ categoryCode: '9999' }), 'categoryCode'],
    ['unknown region', newCase({ place: { regionId: 'r-nowhere' } }), 'place.regionId'],
    ['a latitude without a longitude', newCase({ place: { lat: 30.1 } }), 'place.lat'],
    [
      'a bad phone number',
      newCase({ parties: [{ role: 'applicant', name: '张三', phone: '12345' }] }),
      'parties.0.phone',
    ],
    [
      'an ID number with a wrong check digit',
      newCase({ parties: [{ role: 'applicant', name: '张三', idNumber: '110101199003071234' }] }),
      'parties.0.idNumber',
    ],
  ];
  for (const [what, body, field] of cases) {
    it(what, async () => {
      const before = await countCases();
      const r = await post(body);
      assert.equal(r.statusCode, 400, r.body);
      const { error } = r.json();
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.equal(error.field, field);
      assert.match(error.message, /[\u4e00-\u9fff]/, 'zh-CN by default');
      assert.equal(await countCases(), before);
    });
  }

  it('speaks English when asked', async () => {
    const r = await post(newCase({ kind: 'gossip' }), { 'accept-language': 'en-US,en;q=0.9' });
    assert.match(r.json().error.message, /^Invalid request: field kind/);
  });

  it('malformed JSON and wrong content types are 400, never a stack', async () => {
    const r = await t.call({
      method: 'POST',
      url: '/api/v1/cases',
      payload: '{"kind":',
      headers: { 'content-type': 'application/json' },
      as: 'operator',
    });
    assert.equal(r.statusCode, 400);
    assert.doesNotMatch(r.body, /at |node_modules|SELECT|stack/i);
  });

  it('an over-limit body is 413', async () => {
    const r = await post({ ...newCase(), padding: 'x'.repeat(1_100_000) });
    assert.equal(r.statusCode, 413);
    assert.equal(r.json().error.code, 'PAYLOAD_TOO_LARGE');
  });

  it('an anonymous resident must leave a phone to follow the case', async () => {
    const r = await post(newCase({ channel: 'web', parties: [] }), {}, null);
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().error.field, 'parties');
    const ok = await post(newCase({ channel: 'web' }), {}, null);
    assert.equal(ok.statusCode, 201);
    assert.equal(ok.json().allowedActions.length, 0);
  });

  it('staff who do not take matters in (a department handler) are refused', async () => {
    const r = await post(newCase(), {}, 'handler-lead');
    assert.equal(r.statusCode, 403);
  });

  it('personal data is masked in every response', async () => {
    const r = await post(
      newCase({
        parties: [{ role: 'applicant', name: '张三', phone: '13812345678', idNumber: '11010519491231002X' }],
      }),
    );
    const body = r.body;
    assert.doesNotMatch(body, /13812345678|11010519491231002X/);
    const party = r.json().parties[0];
    assert.equal(party.phone, '138****5678');
    assert.equal(party.idNumber, '1101**********002X');
  });

  it('a reveal returns the value and is recorded, append-only', async () => {
    const created = (await post(newCase())).json();
    const r = await t.call({
      method: 'POST',
      url: `/api/v1/cases/${created.id}/parties/${created.parties[0].id}/reveal`,
      payload: { field: 'phone' },
      as: 'dispatcher',
    });
    assert.equal(r.json().value, '13812345678');
    const log = await t.deps.db.execute<{ viewer_id: string }>(
      sql`select viewer_id from pii_reveals where case_id = ${created.id}`,
    );
    assert.deepEqual(
      log.rows.map((x) => x.viewer_id),
      ['u-dispatcher'],
    );
    await assert.rejects(
      t.deps.db.execute(sql`update pii_reveals set viewer_id = 'someone' where case_id = ${created.id}`),
      appendOnly,
    );
    await assert.rejects(
      t.deps.db.execute(sql`delete from pii_reveals where case_id = ${created.id}`),
      appendOnly,
    );
  });
});

describe('the timeline is append-only, enforced by the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on case_events', async () => {
    const created = (await post(newCase())).json();
    await assert.rejects(
      t.deps.db.execute(sql`update case_events set reason = 'forged' where case_id = ${created.id}`),
      appendOnly,
    );
    await assert.rejects(
      t.deps.db.execute(sql`delete from case_events where case_id = ${created.id}`),
      appendOnly,
    );
    await assert.rejects(t.deps.db.execute(sql`truncate case_events cascade`), appendOnly);
    const n = await t.deps.db.execute<{ n: number }>(
      sql`select count(*)::int as n from case_events where case_id = ${created.id}`,
    );
    assert.equal(n.rows[0].n, 1);
  });
});
