import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { newCase, submit } from '../../test/flow.ts';
import { createPii, newKey, newKeyringSpec } from './keyring.ts';
import { aes256gcm, sm4ctrSm3 } from './providers.ts';
import { rekeyAll, rekeyBatch } from './rekey.ts';

describe('field ciphers', () => {
  for (const p of [aes256gcm, sm4ctrSm3]) {
    it(`${p.name}: round trip; a changed byte or another context fails to open`, () => {
      const key = Buffer.alloc(p.keyBytes, 7);
      const sealed = p.seal(key, Buffer.from('13812345678'), Buffer.from('case_parties.phone'));
      assert.equal(p.open(key, sealed, Buffer.from('case_parties.phone')).toString(), '13812345678');
      assert.equal(sealed.includes(Buffer.from('13812345678')), false);
      const bent = Buffer.from(sealed);
      bent[bent.length - 1] ^= 1;
      assert.throws(() => p.open(key, bent, Buffer.from('case_parties.phone')));
      assert.throws(() => p.open(key, sealed, Buffer.from('users.phone')));
    });
  }

  it('the same value seals differently each time; its blind index is stable and keyed', () => {
    const a = createPii(newKeyringSpec());
    const b = createPii(newKeyringSpec());
    assert.notEqual(a.seal('13812345678', 'x'), a.seal('13812345678', 'x'));
    assert.equal(a.blind('phone', '13812345678'), a.blind('phone', '13812345678'));
    assert.notEqual(a.blind('phone', '13812345678'), b.blind('phone', '13812345678'));
    assert.equal(a.open('plain legacy', 'x'), 'plain legacy');
  });
});

describe('key rotation without downtime', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
    for (let i = 0; i < 3; i++)
      await submit(
        t,
        'operator',
        newCase({
          parties: [
            { role: 'applicant', name: '张三', phone: `1381234000${i}`, idNumber: '110101199003074573' },
          ],
        }),
      );
  });
  after(() => t.close());

  const keysInUse = async () =>
    (
      await t.deps.db.execute<{ k: string }>(
        sql`select distinct split_part(phone, ':', 2) as k from case_parties where phone is not null`,
      )
    ).rows
      .map((r) => r.k)
      .sort();

  it('a new current key (SM4 here) seals new values; the sweep re-seals old ones while reads go on', async () => {
    const { pii } = t.deps;
    assert.deepEqual(await keysInUse(), ['k1']);
    const spec = pii.spec();
    pii.reload({ ...spec, current: 'k2', keys: [...spec.keys, newKey('k2', sm4ctrSm3.name)] });
    await submit(
      t,
      'operator',
      newCase({ parties: [{ role: 'applicant', name: '李四', phone: '13900009999' }] }),
    );
    assert.deepEqual(await keysInUse(), ['k1', 'k2']);
    const first = await rekeyBatch(t.deps.db, pii, 1);
    assert.ok(first >= 1, 'one row per table in this pass');
    assert.deepEqual(await keysInUse(), ['k1', 'k2'], 'half-way through the sweep');
    // half-way: every case still reads and reveals
    const list = (await t.call({ method: 'GET', url: '/api/v1/cases?limit=50', as: 'dispatcher' })).json()
      .items;
    for (const c of list) {
      const full = (await t.call({ method: 'GET', url: `/api/v1/cases/${c.id}`, as: 'dispatcher' })).json();
      assert.match(full.parties[0].phone, /^1\d{2}\*{4}\d{4}$/);
      const r = await t.call({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/parties/${full.parties[0].id}/reveal`,
        payload: { field: 'phone' },
        as: 'dispatcher',
      });
      assert.match(r.json().value, /^1\d{10}$/);
    }
    await rekeyAll(t.deps.db, pii);
    assert.deepEqual(await keysInUse(), ['k2']);
    // k1 can now leave the keyring: nothing needs it
    pii.reload({ ...pii.spec(), keys: pii.spec().keys.filter((k) => k.id !== 'k1') });
    const c = (await t.call({ method: 'GET', url: '/api/v1/cases?limit=1', as: 'dispatcher' })).json()
      .items[0];
    assert.equal(
      (await t.call({ method: 'GET', url: `/api/v1/cases/${c.id}`, as: 'dispatcher' })).statusCode,
      200,
    );
    // the blind index did not change with the data key: a resident still finds their account
    const me = await t.call({ method: 'GET', url: '/api/v1/auth/me', as: '13900000001' });
    assert.equal(me.statusCode, 200);
  });
});
