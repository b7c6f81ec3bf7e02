import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { act, HOUR } from '../../test/flow.ts';
import { mapVillageA1, photo, resolvedCase, upload } from './field.test-support.ts';

let t: TestApp;
let householdId: string;
before(async () => {
  t = await buildTestApp();
  await mapVillageA1(t);
  const h = await t.call({
    method: 'POST',
    url: '/api/v1/households',
    as: 'gw-a1',
    payload: {
      address: '甲一村5组3号',
      headName: '王大哥',
      memberCount: 3,
      riskLevel: 'medium',
      reason: '夫妻矛盾',
    },
  });
  householdId = h.json().id;
});
after(() => t.close());

const sync = (actions: object[], as = 'gw-a1') =>
  t.call({ method: 'POST', url: '/api/v1/field/sync', as, payload: { actions } });
const count = async (table: string) =>
  Number(
    (
      (await t.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0].n,
  );

describe('offline sync: a day in the field, queued on the phone and sent when the signal returns', () => {
  let queue: object[];
  let verifyCase: { id: string; version: number; status: string };
  let raceCase: { id: string; version: number; status: string };
  const pic = photo(100_000);

  it('a photo uploads in chunks and resumes where the server stopped', async () => {
    const begin = await t.call({
      method: 'POST',
      url: '/api/v1/field/uploads',
      as: 'gw-a1',
      payload: { sha256: pic.sha256, size: pic.bytes.length, mime: 'image/jpeg' },
    });
    assert.deepEqual(begin.json(), { sha256: pic.sha256, size: 100_000, received: 0, complete: false });
    const chunk = (o: number, n: number) =>
      t.call({
        method: 'PATCH',
        url: `/api/v1/field/uploads/${pic.sha256}`,
        as: 'gw-a1',
        headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(o) },
        payload: pic.bytes.subarray(o, o + n),
      });
    assert.equal((await chunk(0, 60_000)).json().received, 60_000);
    // the connection dropped; the phone asks where to go on, and a resend at the old offset is refused
    const wrong = await chunk(0, 60_000);
    assert.equal(wrong.statusCode, 409);
    assert.equal(wrong.json().error.rule, 'UPLOAD_OFFSET_MISMATCH');
    const where = (
      await t.call({ method: 'GET', url: `/api/v1/field/uploads/${pic.sha256}`, as: 'gw-a1' })
    ).json();
    const done = await chunk(where.received, 100_000 - where.received);
    assert.equal(done.json().complete, true, done.body);
    const back = await t.call({
      method: 'GET',
      url: `/api/v1/field/uploads/${pic.sha256}/content`,
      as: 'dispatcher-a',
    });
    assert.deepEqual(back.rawPayload, pic.bytes);
  });

  it('applies the queue in order, each action once, with a clear word for each bad one', async () => {
    verifyCase = await resolvedCase(t);
    raceCase = await resolvedCase(t);
    const at = (m: number) => new Date(t.clock.now().getTime() - HOUR + m * 60_000).toISOString();
    queue = [
      {
        key: 'k-patrol-start-1',
        kind: 'patrol.start',
        payload: { id: 'patrol-0001', at: at(0), point: { lat: 30.005, lon: 120.005 } },
      },
      {
        key: 'k-patrol-point-2',
        kind: 'patrol.point',
        payload: {
          patrolId: 'patrol-0001',
          lat: 30.005,
          lon: 120.015,
          note: '河道护栏松动',
          photos: [pic.sha256],
          at: at(5),
        },
      },
      {
        key: 'k-patrol-point-3',
        kind: 'patrol.point',
        payload: { patrolId: 'patrol-0001', lat: 30.5, lon: 121, at: at(6) },
      },
      {
        key: 'k-visit-00004',
        kind: 'visit.record',
        payload: { householdId, kind: 'follow_up', note: '回访，夫妻关系缓和', at: at(10) },
      },
      {
        key: 'k-visit-00005',
        kind: 'visit.record',
        payload: { householdId, kind: 'routine', note: '走访了解家庭情况', at: at(20) },
      },
      { key: 'k-visit-00006', kind: 'visit.record', payload: { kind: 'routine', note: '没有选家庭' } },
      {
        key: 'k-report-0007',
        kind: 'case.report',
        payload: {
          categoryCode: '0605',
          description: '村道路灯损坏，夜间通行不便',
          lat: 30.006,
          lon: 120.016,
          photos: [pic.sha256],
        },
      },
      {
        key: 'k-verify-0008',
        kind: 'case.act',
        payload: {
          caseId: verifyCase.id,
          action: 'verify',
          version: verifyCase.version,
          payload: { passed: true, note: '现场查看已修复' },
          base: { status: 'resolved' },
        },
      },
      {
        key: 'k-verify-0009',
        kind: 'case.act',
        payload: {
          caseId: raceCase.id,
          action: 'verify',
          version: raceCase.version,
          payload: { passed: true, note: '已修复' },
          base: { status: 'resolved', ownerRegionId: 'r-330001101201' },
        },
      },
      { key: 'k-patrol-stop-10', kind: 'patrol.stop', payload: { patrolId: 'patrol-0001', at: at(40) } },
    ];
    // meanwhile, in the office, the village dispatcher escalates the second case
    await act(t, 'dispatcher-a1', raceCase.id, 'escalate', { reason: '涉及多户，上报镇里' });

    const r = await sync(queue);
    assert.equal(r.statusCode, 200, r.body);
    const results = r.json().results as {
      key: string;
      outcome: string;
      error?: { rule?: string; field?: string; message: string };
      result?: Record<string, unknown>;
      conflict?: Record<string, any>;
    }[];
    assert.deepEqual(
      results.map((x) => x.outcome),
      [
        'applied',
        'applied',
        'rejected',
        'applied',
        'applied',
        'rejected',
        'applied',
        'applied',
        'conflict',
        'applied',
      ],
    );
    assert.equal(results[2].error?.rule, 'PATROL_POINT_OUTSIDE_AREA');
    assert.match(results[2].error!.message, /区域外约 \d+(\.\d)? 公里/);
    assert.equal(results[5].error?.rule, 'VISIT_NEEDS_HOUSEHOLD');
    assert.ok(results[3].result?.completedTaskId, 'the follow-up visit completed a task');
    assert.equal(results[7].result?.status, 'verified');

    const conflict = results[8].conflict!;
    assert.equal(conflict.yourVersion, raceCase.version);
    assert.equal(conflict.current.version, raceCase.version + 1);
    assert.deepEqual(conflict.differs, [
      { field: 'ownerRegionId', was: 'r-330001101201', now: 'r-330001101' },
    ]);
    assert.deepEqual(
      conflict.changes.map((c: { type: string }) => c.type),
      ['case.escalated'],
    );
    const untouched = (
      await t.call({ method: 'GET', url: `/api/v1/cases/${raceCase.id}`, as: 'gw-a1' })
    ).json();
    assert.equal(untouched.status, 'resolved', 'the offline verification did not overwrite the change');

    const report = await t.call({
      method: 'GET',
      url: `/api/v1/cases/${results[6].result!.caseId}`,
      as: 'dispatcher-a',
    });
    assert.equal(report.json().channel, 'grid_report');
    assert.equal(report.json().place.lat, 30.006);
  });

  it('a duplicate sync of the same queue records nothing twice', async () => {
    const before = {
      points: await count('patrol_points'),
      visits: await count('visits'),
      cases: await count('cases'),
      att: await count('attachments'),
    };
    assert.deepEqual([before.points, before.visits, before.att], [2, 2, 1]);
    const again = (await sync(queue)).json().results as {
      outcome: string;
      original?: string;
      error?: { message: string };
    }[];
    assert.ok(again.every((x) => x.outcome === 'duplicate'));
    assert.deepEqual(
      again.map((x) => x.original),
      [
        'applied',
        'applied',
        'rejected',
        'applied',
        'applied',
        'rejected',
        'applied',
        'applied',
        'conflict',
        'applied',
      ],
    );
    assert.equal(again[0].error?.message, '该操作已同步过，未重复记录');
    const afterCount = {
      points: await count('patrol_points'),
      visits: await count('visits'),
      cases: await count('cases'),
      att: await count('attachments'),
    };
    assert.deepEqual(afterCount, before);
  });

  it('the worker resolves the conflict with a fresh action on the current version', async () => {
    const current = (
      await t.call({ method: 'GET', url: `/api/v1/cases/${raceCase.id}`, as: 'gw-a1' })
    ).json();
    const r = (
      await sync([
        {
          key: 'k-verify-0011',
          kind: 'case.act',
          payload: {
            caseId: raceCase.id,
            action: 'verify',
            version: current.version,
            payload: { passed: true, note: '已修复' },
          },
        },
      ])
    ).json();
    assert.equal(r.results[0].outcome, 'applied');
    assert.equal(r.results[0].result.status, 'verified');
  });

  it('a key reused for a different action is refused; an action naming a photo not yet uploaded waits', async () => {
    const reused = (
      await sync([
        {
          key: 'k-visit-00004',
          kind: 'visit.record',
          payload: { householdId, kind: 'routine', note: '别的内容' },
        },
      ])
    ).json();
    assert.equal(reused.results[0].outcome, 'rejected');
    assert.equal(reused.results[0].error.code, 'IDEMPOTENCY_KEY_REUSED');
    const missing = photo(5000);
    const waiting = (
      await sync([
        {
          key: 'k-visit-00012',
          kind: 'visit.record',
          payload: { householdId, kind: 'routine', note: '有照片', photos: [missing.sha256] },
        },
      ])
    ).json();
    assert.equal(waiting.results[0].outcome, 'retry');
    await upload(t, 'gw-a1', missing);
    const later = (
      await sync([
        {
          key: 'k-visit-00012',
          kind: 'visit.record',
          payload: { householdId, kind: 'routine', note: '有照片', photos: [missing.sha256] },
        },
      ])
    ).json();
    assert.equal(later.results[0].outcome, 'applied');
  });

  it('only grid workers sync, and a worker cannot reach another village’s household', async () => {
    assert.equal(
      (
        await sync(
          [{ key: 'k-x-000001', kind: 'patrol.stop', payload: { patrolId: 'patrol-0001' } }],
          'dispatcher-a',
        )
      ).statusCode,
      403,
    );
    const r = (
      await sync(
        [
          {
            key: 'k-b-visit-1',
            kind: 'visit.record',
            payload: { householdId, kind: 'routine', note: '越界' },
          },
        ],
        'gw-b1',
      )
    ).json();
    assert.equal(r.results[0].error.rule, 'UNKNOWN_HOUSEHOLD');
  });
});
