import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, orgPeople } from '../../db/schema/index.ts';
import { rekeyBatch } from '../../lib/pii/index.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { importTestCounty } from './org.test-support.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
  await importTestCounty(t);
});
after(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, as = 'admin') =>
  t.call({ method, url, payload, as });
const stored = async (id: string) =>
  (await t.deps.db.select({ phone: orgPeople.phone }).from(orgPeople).where(eq(orgPeople.id, id)))[0].phone;

describe("grid workers' and mediators' phones", () => {
  let id: string;

  it('are stored sealed by the keyring and answered masked', async () => {
    const r = await call('POST', '/api/v1/org/people', {
      kind: 'grid_worker',
      name: '网格员老周',
      phone: '13922223333',
      gridId: 'g-330001101201-1-1',
      validFrom: '2024-01-01',
    });
    assert.equal(r.statusCode, 201, r.body);
    id = r.json().id;
    assert.equal(r.json().phone, '139****3333');
    const raw = await stored(id);
    assert.match(raw!, /^enc1:/);
    assert.ok(!raw!.includes('13922223333'));
    const listed = await call('GET', '/api/v1/org/people?gridId=g-330001101201-1-1', undefined, 'dispatcher');
    assert.equal(listed.json().items.find((p: { id: string }) => p.id === id).phone, '139****3333');
  });

  it('stay sealed once (not twice) when the person is edited without a new phone', async () => {
    const r = await call('PATCH', `/api/v1/org/people/${id}`, { name: '网格员周师傅' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().phone, '139****3333');
    const shown = await call('POST', `/api/v1/org/people/${id}/reveal`);
    assert.equal(shown.json().phone, '13922223333');
  });

  it('are revealed in full to an admin or a dispatcher of the place, one at a time, audited', async () => {
    const r = await call('POST', `/api/v1/org/people/${id}/reveal`, undefined, 'dispatcher-a');
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().phone, '13922223333');
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'org.person.phone_revealed'), eq(auditLog.target, id)));
    assert.ok(audits.length >= 2);
    assert.ok(!JSON.stringify(audits).includes('13922223333'));
    assert.equal(
      (await call('POST', `/api/v1/org/people/${id}/reveal`, undefined, 'handler-lead')).statusCode,
      403,
    );
    assert.equal(
      (await call('POST', `/api/v1/org/people/${id}/reveal`, undefined, 'dispatcher-b')).statusCode,
      404,
    );
    assert.equal((await call('POST', '/api/v1/org/people/nobody/reveal')).statusCode, 404);
  });

  it('written in plaintext before sealing stay readable, and the sweep seals them', async () => {
    const { db, pii, org } = t.deps;
    await db.insert(orgPeople).values({
      countyId: 'r-330001',
      id: 'legacy-1',
      kind: 'village_mediator',
      employment: null,
      name: '老调解员',
      phone: '13744445555',
      userId: null,
      gridId: null,
      regionId: 'r-330001101201',
      validFrom: '2024-01-01',
    });
    await org.refresh();
    const before = await call('GET', '/api/v1/org/people?kind=village_mediator');
    assert.equal(before.json().items.find((p: { id: string }) => p.id === 'legacy-1').phone, '137****5555');
    while ((await rekeyBatch(db, pii, 100)) > 0);
    assert.match((await stored('legacy-1'))!, /^enc1:/);
    await org.refresh();
    const shown = await call('POST', '/api/v1/org/people/legacy-1/reveal');
    assert.equal(shown.json().phone, '13744445555');
  });
});
