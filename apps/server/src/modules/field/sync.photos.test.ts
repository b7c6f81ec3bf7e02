import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { mapVillageA1, photo, resolvedCase, upload } from './field.test-support.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
  await mapVillageA1(t);
});
after(() => t.close());

const sync = (actions: object[]) =>
  t.call({ method: 'POST', url: '/api/v1/field/sync', as: 'gw-a1', payload: { actions } });
const attachmentsOf = async (caseId: string) =>
  (await t.deps.db.execute<{ sha256: string }>(sql`select sha256 from attachments where case_id = ${caseId}`))
    .rows;

describe('an on-site verification with a photo, taken offline', () => {
  it('waits for its photo, then verifies once and keeps the photo with the case', async () => {
    const c = await resolvedCase(t);
    const pic = photo(30_000);
    const verify = {
      key: 'k-verify-photo-01',
      kind: 'case.act',
      payload: {
        caseId: c.id,
        action: 'verify',
        version: c.version,
        payload: { passed: true, note: '现场查看，路灯已亮' },
        photos: [pic.sha256],
        base: { status: 'resolved' },
      },
    };
    const early = (await sync([verify])).json().results[0];
    assert.equal(early.outcome, 'retry');
    assert.equal(early.error.rule, 'PHOTO_NOT_UPLOADED');

    await upload(t, 'gw-a1', pic);
    const done = (await sync([verify])).json().results[0];
    assert.equal(done.outcome, 'applied', JSON.stringify(done));
    assert.equal(done.result.status, 'verified');
    assert.deepEqual(
      (await attachmentsOf(c.id)).map((a) => a.sha256),
      [pic.sha256],
    );

    const again = (await sync([verify])).json().results[0];
    assert.equal(again.outcome, 'duplicate');
    assert.equal((await attachmentsOf(c.id)).length, 1);
    const events = await t.deps.db.execute<{ n: number }>(
      sql`select count(*)::int as n from case_events where case_id = ${c.id} and type = 'case.verified'`,
    );
    assert.equal(Number(events.rows[0].n), 1, 'verified exactly once');
  });
});
