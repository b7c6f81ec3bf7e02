import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { submit } from '../../test/flow.ts';
import { verifyAuditChain } from './audit.verify.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
  const c = await submit(t, 'operator');
  const full = (await t.call({ method: 'GET', url: `/api/v1/cases/${c.id}`, as: 'dispatcher' })).json();
  await t.call({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/parties/${full.parties[0].id}/reveal`,
    payload: { field: 'phone' },
    as: 'dispatcher',
  });
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'operator', password: 'bad' },
  });
});
after(() => t.close());

/** what someone with the database's owner rights could do: switch the triggers off and edit */
const tamper = (db: Db, ...statements: ReturnType<typeof sql>[]) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const s of statements) await tx.execute(s);
  });
const swapFirstTwo = [
  sql`update audit_chain set seq = -1 where seq = 1`,
  sql`update audit_chain set seq = 1 where seq = 2`,
  sql`update audit_chain set seq = 2 where seq = -1`,
];
const kinds = async () => (await verifyAuditChain(t.deps.db)).problems.map((p) => p.kind);

describe('hash-chained audit', () => {
  it('sign-ins, failures and reveals are in the chain, and the chain verifies', async () => {
    const { rows } = await t.deps.db.execute(sql`select action from audit_log`);
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['auth.signed_in', 'auth.sign_in_failed', 'pii.revealed']) assert.ok(actions.has(a), a);
    const r = await t.call({ method: 'GET', url: '/api/v1/audit/verify', as: 'admin' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().ok, true);
    assert.ok(r.json().entries >= 4);
    assert.equal(
      (await t.call({ method: 'GET', url: '/api/v1/audit/verify', as: 'dispatcher' })).statusCode,
      403,
    );
    const list = await t.call({ method: 'GET', url: '/api/v1/audit?action=pii.revealed', as: 'admin' });
    assert.equal(list.json().items.length, 1);
  });

  it('the application cannot change, delete or empty the log', async () => {
    for (const q of [
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log cascade`,
      sql`update audit_chain set hash = 'x'`,
      sql`delete from audit_chain`,
    ])
      await assert.rejects(t.deps.db.execute(q));
  });

  it('the verifier finds a changed, a deleted, an inserted and a reordered entry', async () => {
    const db = t.deps.db;
    const [a, b] = (
      await db.execute<{ id: string; data: string }>(
        sql`select a.id, a.data::text as data from audit_chain c join audit_log a on a.id = c.audit_id order by c.seq limit 2`,
      )
    ).rows;
    assert.deepEqual(await kinds(), []);

    await tamper(db, sql`update audit_log set data = '{"forged":true}' where id = ${a.id}`);
    assert.deepEqual(await kinds(), ['changed']);
    await tamper(db, sql`update audit_log set data = ${a.data}::jsonb where id = ${a.id}`);

    await tamper(
      db,
      sql`insert into audit_log (id, at, action, data) values ('forged', now(), 'auth.signed_in', '{}')`,
    );
    assert.deepEqual(await kinds(), ['unchained']);

    await tamper(db, ...swapFirstTwo);
    assert.ok((await kinds()).includes('broken_link'), 'reordered');
    await tamper(db, ...swapFirstTwo);
    await tamper(db, sql`delete from audit_log where id = 'forged'`);
    assert.deepEqual(await kinds(), []);

    await tamper(db, sql`delete from audit_log where id = ${b.id}`);
    assert.deepEqual(await kinds(), ['missing_entry']);

    await tamper(db, sql`delete from audit_chain where audit_id = ${b.id}`);
    const deleted = await kinds();
    assert.ok(deleted.includes('gap') && deleted.includes('broken_link'), String(deleted));
  });

  it('an anchor kept outside the database catches a cut-off tail', async () => {
    const fresh = await buildTestApp();
    try {
      await fresh.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'operator', password: 'bad' },
      });
      await fresh.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'leader', password: 'bad' },
      });
      const before = await verifyAuditChain(fresh.deps.db);
      assert.equal(before.ok, true);
      const anchor = before.head!;
      const last = (
        await fresh.deps.db.execute<{ audit_id: string }>(
          sql`select audit_id from audit_chain where seq = ${anchor.seq}`,
        )
      ).rows[0];
      await tamper(fresh.deps.db, sql`delete from audit_chain where seq = ${anchor.seq}`);
      await tamper(fresh.deps.db, sql`delete from audit_log where id = ${last.audit_id}`);
      assert.equal(
        (await verifyAuditChain(fresh.deps.db)).ok,
        true,
        'without the anchor the tail cut is invisible',
      );
      const withAnchor = await verifyAuditChain(fresh.deps.db, anchor);
      assert.deepEqual(
        withAnchor.problems.map((p) => p.kind),
        ['anchor_mismatch'],
      );
    } finally {
      await fresh.close();
    }
  });
});
