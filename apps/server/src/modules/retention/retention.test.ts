import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { drainOutbox } from '../../jobs/outbox.ts';
import { buildTestApp, dept, type TestApp } from '../../test/app.ts';
import { act, HOUR, newCase, submit } from '../../test/flow.ts';

const DAY = 24 * HOUR;
const SECRET = {
  name: '欧阳秘密',
  phone: '13912345678',
  idNumber: '330102199001011234',
  address: '甲一村锦绣花园3幢2单元501',
  words: '邻居欧阳秘密家漏水',
};

let t: TestApp;
let closedId: string;
let openId: string;
let fileKey: string;
before(async () => {
  t = await buildTestApp();
  const c = await submit(
    t,
    'operator',
    newCase({
      description: `${SECRET.words}，电话${SECRET.phone}`,
      place: { address: SECRET.address, regionId: 'r-330001101201', lat: 30.1, lon: 120.2 },
      parties: [
        {
          role: 'applicant',
          name: SECRET.name,
          phone: SECRET.phone,
          idNumber: SECRET.idNumber,
          address: SECRET.address,
        },
      ],
    }),
  );
  closedId = c.id;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const up = await t.call({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/attachments?name=${encodeURIComponent(`${SECRET.name}.pdf`)}`,
    as: 'operator',
    payload: pdf,
    headers: { 'content-type': 'application/pdf' },
  });
  assert.equal(up.statusCode, 201, up.body);
  const step = async (as: string, action: string, payload: object = {}) => {
    t.clock.advance(HOUR);
    await act(t, as, c.id, action, payload);
  };
  await step('dispatcher-a', 'accept');
  await step('dispatcher-a', 'triage', { complexity: 'complex', colour: 'yellow' });
  await step('dispatcher-a', 'dispatch', { leadDepartmentId: dept('zhujian') });
  await step('handler-lead', 'acknowledge');
  await step('handler-lead', 'reportResult', { result: `已联系${SECRET.name}修复` });
  await step('gw-a1', 'verify', { passed: true, note: `${SECRET.name}确认` });
  await step('operator', 'callback', { satisfaction: 'satisfied' });
  await step('dispatcher-a', 'close');
  await drainOutbox(t.deps);
  openId = (await submit(t, 'operator', newCase({ description: `${SECRET.words}（未办结）` }))).id;
  const rows = await t.deps.db.execute(sql`select storage_key from attachments where case_id = ${closedId}`);
  fileKey = (rows.rows[0] as { storage_key: string }).storage_key;
});
after(() => t.close());

const retention = (
  method: 'GET' | 'PUT' | 'POST',
  url = '/api/v1/admin/retention',
  payload?: object,
  as = 'admin',
) => t.call({ method, url, payload, as });

describe('retention: finished cases lose their personal data after the period', () => {
  it('only an admin sets the period; below 180 days is refused with a coded error', async () => {
    assert.equal((await retention('GET', undefined, undefined, 'dispatcher')).statusCode, 403);
    assert.deepEqual((await retention('GET')).json(), { retentionDays: null, due: 0 });
    const short = await retention('PUT', undefined, { retentionDays: 30 });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().error.field, 'retentionDays');
    const ok = await retention('PUT', undefined, { retentionDays: 365 });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { retentionDays: 365, due: 0 });
  });

  it('nothing is touched before the period has passed', async () => {
    t.clock.advance(300 * DAY);
    const r = await retention('POST', '/api/v1/admin/retention/run');
    assert.deepEqual(r.json(), { retentionDays: 365, anonymised: 0, files: 0 });
  });

  it('after it, the case, parties, file, timeline, outbox and search forget the person', async () => {
    t.clock.advance(70 * DAY);
    assert.equal((await retention('GET')).json().due, 1);
    const r = await retention('POST', '/api/v1/admin/retention/run');
    assert.deepEqual(r.json(), { retentionDays: 365, anonymised: 1, files: 1 });

    const c = (await t.call({ method: 'GET', url: `/api/v1/cases/${closedId}`, as: 'dispatcher' })).json();
    assert.equal(c.status, 'closed');
    assert.equal(c.description, '（已匿名化）');
    assert.equal(c.categoryCode, '0605');
    const timeline = (
      await t.call({ method: 'GET', url: `/api/v1/cases/${closedId}/timeline`, as: 'dispatcher' })
    ).json();
    const items = timeline.items ?? timeline;
    assert.equal(items.at(-1).type, 'case.anonymised');
    assert.ok(items.length >= 10, 'the timeline keeps every step');

    // every row the case owns: no trace of the person
    const rowsOf = async (q: ReturnType<typeof sql>) => (await t.deps.db.execute(q)).rows;
    const own = (table: string) => sql`select * from ${sql.identifier(table)} where case_id = ${closedId}`;
    const dump = JSON.stringify([
      await rowsOf(sql`select * from cases where id = ${closedId}`),
      ...(await Promise.all(
        ['case_parties', 'case_events', 'outbox', 'attachments', 'notifications', 'household_incidents'].map(
          (x) => rowsOf(own(x)),
        ),
      )),
      await rowsOf(sql`select doc::text from case_search where case_id = ${closedId}`),
    ]);
    for (const s of [
      SECRET.name,
      SECRET.phone,
      SECRET.idNumber,
      SECRET.address,
      '邻居',
      '漏水',
      '30.1',
      '120.2',
    ])
      assert.ok(!dump.includes(s), `${s} remains`);
    assert.match(dump, /case\.anonymised/);
    const digests = await rowsOf(sql`select * from party_pii_index where party_id in
      (select id from case_parties where case_id = ${closedId})`);
    assert.equal(digests.length, 0, 'the phone and ID lookups are gone');
    assert.equal(existsSync(join(t.dataDir, 'files', fileKey)), false, 'the file bytes are gone');

    const found = await t.call({
      method: 'GET',
      url: `/api/v1/search?q=${encodeURIComponent('漏水')}`,
      as: 'dispatcher',
    });
    assert.equal(found.statusCode, 200, found.body);
    const ids = (found.json().items as { id: string }[]).map((x) => x.id);
    assert.ok(ids.includes(openId), 'the open case is still found');
    assert.ok(!ids.includes(closedId), 'the anonymised case is not found by its old words');
  });

  it('an open case is left whole, and the run is audited', async () => {
    const c = (await t.call({ method: 'GET', url: `/api/v1/cases/${openId}`, as: 'dispatcher' })).json();
    assert.match(c.description, /漏水/);
    const audit = (
      await t.call({ method: 'GET', url: '/api/v1/audit?action=retention.anonymised', as: 'admin' })
    ).json();
    assert.equal(audit.items[0].data.cases, 1);
  });

  it('the timeline of a case that is not anonymised cannot be redacted', async () => {
    await assert.rejects(
      t.deps.db.execute(sql`select hewei_redact_case_events(${'330001'}, ${openId})`),
      (e: Error) => /not anonymised/.test(String((e.cause as Error)?.message)),
    );
    await assert.rejects(
      t.deps.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('hewei.redacting', 'on', true)`);
        await tx.execute(sql`update case_events set data = '{}'::jsonb where case_id = ${openId}`);
      }),
      (e: Error) => /append-only/.test(String((e.cause as Error)?.message ?? e.message)),
    );
  });
});
