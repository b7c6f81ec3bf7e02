// The server can run as a restricted PostgreSQL role (apps/server/ops/app-role.sql): everything
// it does works, and it cannot change, remove or unprotect the timeline, the audit chain or the
// reveal log — the database refuses it by privilege, before the append-only triggers are reached.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openPostgres } from '../db/client.ts';
import { grantAppRole } from '../db/migrate.ts';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { act, submit } from '../test/flow.ts';

const url = process.env.DATABASE_URL;
const ROLE = 'hewei_app';

describe('the restricted application role (PostgreSQL)', {
  skip: url ? false : 'needs PostgreSQL (DATABASE_URL)',
}, () => {
  const name = `hewei_role_${process.pid}_${Date.now() % 100000}`;
  const at = (user?: string) => {
    const u = new URL(url!);
    u.pathname = `/${name}`;
    if (user) u.username = user;
    return u.toString();
  };
  let t: TestApp;
  let raw: pg.Client;

  before(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      `create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
    );
    await admin.end();
    await (await openPostgres(at(), 1)).close(); // the owner migrates
    await grantAppRole(at(), ROLE);
    t = await buildTestApp(await openPostgres(at(ROLE), 4, { migrate: false }));
    raw = new pg.Client({ connectionString: at(ROLE) });
    await raw.connect();
  });
  after(async () => {
    await raw?.end();
    await t?.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('serves the closed loop and writes the audit chain as that role', async () => {
    const { rows } = await raw.query<{ u: string }>('select current_user as u');
    assert.equal(rows[0].u, ROLE);
    const c = await submit(t, 'dispatcher');
    await act(t, 'dispatcher', c.id, 'accept');
    const timeline = await t.call({ method: 'GET', url: `/api/v1/cases/${c.id}/timeline`, as: 'dispatcher' });
    assert.equal(timeline.statusCode, 200, timeline.body);
    const verify = await t.call({ method: 'GET', url: '/api/v1/audit/verify', as: 'admin' });
    assert.equal(verify.statusCode, 200, verify.body);
    assert.equal(verify.json().ok, true, verify.body);
    const n = await raw.query<{ n: string }>('select count(*) as n from audit_log');
    assert.ok(Number(n.rows[0].n) > 0);
  });

  const refused = async (statement: string, message: RegExp) => {
    await assert.rejects(raw.query(statement), (e: { code?: string; message: string }) => {
      assert.equal(e.code, '42501', e.message);
      assert.match(e.message, message);
      return true;
    });
  };

  const column = {
    case_events: 'seq',
    audit_log: 'id',
    audit_chain: 'hash',
    pii_reveals: 'id',
    mediation_events: 'id',
    deadline_policy_versions: 'county_id',
    household_risk_changes: 'county_id',
  };
  for (const [table, col] of Object.entries(column)) {
    it(`cannot update, delete or truncate ${table}`, async () => {
      await refused(`update ${table} set ${col} = ${col}`, /permission denied/);
      await refused(`delete from ${table}`, /permission denied/);
      await refused(`truncate ${table}`, /permission denied/);
    });
  }

  it('cannot switch the append-only triggers off, nor bypass them', async () => {
    await refused('alter table case_events disable trigger case_events_append_only', /must be owner/);
    await refused('alter table audit_log disable trigger all', /must be owner/);
    await refused('set session_replication_role = replica', /permission denied/);
    await refused('drop table audit_log', /must be owner/);
  });

  it('the server refuses to start on a schema that is behind when it may not migrate', async () => {
    const owner = new pg.Client({ connectionString: at() });
    await owner.connect();
    const { rows } = await owner.query<{ id: number }>(
      'select id from drizzle.__drizzle_migrations order by id desc limit 1',
    );
    await owner.query('delete from drizzle.__drizzle_migrations where id = $1', [rows[0].id]);
    await owner.end();
    // (the database is dropped after the suite)
    await assert.rejects(openPostgres(at(ROLE), 1, { migrate: false }), /schema is behind/);
  });
});
