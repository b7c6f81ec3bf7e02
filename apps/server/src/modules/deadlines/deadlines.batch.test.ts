import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp, VILLAGE_A1 } from '../../test/app.ts';
import { fireDueTimers } from './deadlines.job.ts';
import { openCasesForTimers } from './deadlines.seed.ts';

const N = 40;
const sh = (local: string) => new Date(`${local}+08:00`);

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const rows = async <T>(q: ReturnType<typeof sql>) => (await t.deps.db.execute(q)).rows as T[];

describe('timers fire set-based, in batches, each exactly once', () => {
  let ids: string[];
  it(`${N} red cases four hours past their accept deadline: every step fires once, in order, on each timeline`, async () => {
    const at = sh('2024-06-12T09:00:00');
    t.clock.set(at);
    ids = await openCasesForTimers(t.deps, { n: N, regionIds: [VILLAGE_A1], at: () => at });
    t.clock.set(sh('2024-06-12T13:00:00'));
    // small batches split one case's timers across batches; two callers compete as two instances would
    const fired = await Promise.all([
      fireDueTimers(t.deps, { batch: 7, budgetMs: 600_000 }),
      fireDueTimers(t.deps, { batch: 11, budgetMs: 600_000 }),
    ]);
    assert.equal(fired[0] + fired[1], N * 6);
    assert.equal(await fireDueTimers(t.deps), 0, 'nothing is left to fire');
    const events = await rows<{ case_id: string; types: string[] }>(sql`
      select case_id, array_agg(type order by seq) types from case_events
      where case_id = any(${sql.param(ids)}::text[]) group by case_id`);
    assert.equal(events.length, N);
    for (const e of events)
      assert.deepEqual(e.types, [
        'case.submitted',
        'case.due_soon_warned',
        'case.overdue_marked',
        'case.urged',
        'case.supervised',
        'case.escalated',
        'case.escalated',
      ]);
  });

  it('the case rows moved up to the county; timers, urges and supervision orders are recorded against their events', async () => {
    const cases = await rows<{ owner_region_id: string; version: number }>(
      sql`select owner_region_id, version from cases where id = any(${sql.param(ids)}::text[])`,
    );
    assert.ok(cases.every((c) => c.owner_region_id === 'r-330001' && c.version === 7));
    const timers = await rows<{ outcome: string; n: number; seqs: number }>(sql`
      select outcome, count(*)::int n, count(distinct (case_id, event_seq))::int seqs from case_timers
      where case_id = any(${sql.param(ids)}::text[]) group by outcome`);
    assert.deepEqual(timers, [{ outcome: 'fired', n: N * 6, seqs: N * 6 }]);
    const sup = await rows<{ kind: string; n: number; due: number }>(sql`
      select kind, count(*)::int n, count(due_at)::int due from case_supervisions
      where case_id = any(${sql.param(ids)}::text[]) group by kind order by kind`);
    assert.deepEqual(sup, [
      { kind: 'supervise', n: N, due: N },
      { kind: 'urge', n: N, due: 0 },
    ]);
    const outbox = await rows<{ n: number }>(
      sql`select count(*)::int n from outbox where case_id = any(${sql.param(ids)}::text[])`,
    );
    assert.equal(outbox[0].n, N * 7);
  });

  it('whoever must act is told: the escalation reaches the town and county dispatchers', async () => {
    const notes = await rows<{ user_id: string; n: number }>(sql`
      select user_id, count(*)::int n from notifications
      where kind = 'case.escalated' and case_id = any(${sql.param(ids)}::text[]) group by user_id order by user_id`);
    const users = notes.map((n) => n.user_id);
    assert.ok(users.includes('u-dispatcher-a'), users.join());
    assert.ok(users.includes('u-dispatcher'), users.join());
  });
});
