import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rekeyAll } from '../../lib/pii/rekey.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

async function register(headPhone: string) {
  const r = await t.call({
    method: 'POST',
    url: '/api/v1/households',
    as: 'gw-a1',
    payload: { address: '甲一村7组2号', headName: '王大哥', memberCount: 3, headPhone },
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json() as { id: string; headPhone: string };
}
const stored = async (id: string) =>
  (
    await t.deps.db.execute<{ head_phone: string | null; head_phone_digest: string | null }>(
      sql`select head_phone, head_phone_digest from households where id = ${id}`,
    )
  ).rows[0];
const reveal = (id: string, as: string) =>
  t.call({ method: 'POST', url: `/api/v1/households/${id}/reveal`, as, payload: { field: 'headPhone' } });

describe('the household head’s phone is personal data', () => {
  it('is sealed at rest, masked when read, and shown in full only by a recorded reveal', async () => {
    const h = await register('13822223333');
    assert.equal(h.headPhone, '138****3333');
    const row = await stored(h.id);
    assert.match(row.head_phone!, /^enc1:/);
    assert.ok(!row.head_phone!.includes('13822223333'));

    const r = await reveal(h.id, 'gw-a1');
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().value, '13822223333');
    const audit = await t.deps.db.execute<{ actor_id: string; data: { field: string } }>(
      sql`select actor_id, data from audit_log where action = 'pii.revealed' and target = ${`household:${h.id}`}`,
    );
    assert.equal(audit.rows.length, 1);
    assert.equal(audit.rows[0].data.field, 'headPhone');
    assert.ok(!JSON.stringify(audit.rows[0]).includes('13822223333'), 'the audit names no phone');
  });

  it('is 404 outside the household’s region and 403 for a reader who may not reveal', async () => {
    const h = await register('13822224444');
    assert.equal((await reveal(h.id, 'gw-b1')).statusCode, 404);
    assert.equal((await reveal(h.id, 'handler-lead')).statusCode, 404);
    assert.equal((await reveal(h.id, 'leader')).statusCode, 403);
    assert.equal((await reveal(h.id, 'dispatcher-a')).statusCode, 200);
  });

  it('plaintext left by older code stays readable and is sealed by the re-key sweep', async () => {
    const h = await register('13822225555');
    await t.deps.db.execute(
      sql`update households set head_phone = '13900001111', head_phone_digest = null where id = ${h.id}`,
    );
    const before = (await t.call({ method: 'GET', url: `/api/v1/households/${h.id}`, as: 'gw-a1' })).json();
    assert.equal(before.headPhone, '139****1111');
    assert.ok((await rekeyAll(t.deps.db, t.deps.pii)) >= 1);
    const row = await stored(h.id);
    assert.match(row.head_phone!, /^enc1:/);
    assert.equal(row.head_phone_digest, t.deps.pii.blind('phone', '13900001111'));
    assert.equal((await reveal(h.id, 'gw-a1')).json().value, '13900001111');
  });
});
