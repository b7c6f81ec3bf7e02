import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CaseEvent, createWorkingCalendar, replay, runningDeadline, STATUSES } from '@hewei/domain';
import { asc, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { caseEvents, caseGridStamps, cases, caseTimers } from '../db/schema/index.ts';
import { ManualClock } from '../lib/clock.ts';
import { casesRepository } from '../modules/cases/cases.repository.ts';
import { createOrgDirectory, type OrgDirectory } from '../modules/org/org.directory.ts';
import { openTestDatabase } from '../test/database.ts';
import { demoAnchor, seedDemo, simulateDemo } from './seed.ts';

const NOW = new Date('2026-11-22T06:00:00Z');

describe('the demo county, as the simulation makes it', () => {
  const run = () => simulateDemo(NOW, createWorkingCalendar());
  const { spec, cases: sim } = run();

  it('has a county of at least 10 towns and 100 villages with staff in every role', () => {
    assert.ok(spec.towns.length >= 10);
    assert.ok(spec.towns.flatMap((t) => t.villages).length >= 100);
    const roles = new Set(spec.users.map((u) => u.role));
    for (const r of [
      'admin',
      'operator',
      'dispatcher',
      'handler',
      'grid_worker',
      'mediator',
      'supervisor',
      'leader',
      'resident',
    ])
      assert.ok(roles.has(r), r);
  });

  it('has a few thousand cases over six months, in every status, with 500+ distinct descriptions', () => {
    assert.ok(sim.length >= 2000, `${sim.length} cases`);
    const statuses = new Set(sim.map((c) => c.state.status));
    const missing = STATUSES.filter((s) => !statuses.has(s));
    assert.deepEqual(missing, []);
    assert.ok(new Set(sim.map((c) => c.state.description)).size >= 500);
    const oldest = Math.min(...sim.map((c) => Date.parse(c.state.createdAt)));
    assert.ok(demoAnchor(NOW).getTime() - oldest > 170 * 86_400_000);
  });

  it('lives the deadline timers too: open cases hold pending timers, some fired in the past', () => {
    const open = sim.filter((c) => !c.state.closedAt && runningDeadline(c.state));
    assert.ok(open.length > 20, `${open.length} open cases`);
    for (const c of open) {
      // the timers of the running deadline: pending, or all fired already (escalated to the top)
      const mine = c.timers.filter((t) => t.deadline === runningDeadline(c.state));
      assert.ok(mine.length > 0, `${c.state.id} (${c.state.status}) has no timer`);
      assert.ok(
        mine.some((t) => !t.firedAt) || mine.every((t) => t.outcome),
        `${c.state.id} (${c.state.status})`,
      );
    }
    assert.ok(open.filter((c) => c.timers.some((t) => !t.firedAt)).length > open.length * 0.8);
    const fired = sim.flatMap((c) => c.timers.filter((t) => t.outcome === 'fired'));
    assert.ok(fired.length > 0);
    const types = new Set(sim.flatMap((c) => c.events.map((e) => e.type)));
    for (const t of ['case.due_soon_warned', 'case.overdue_marked']) assert.ok(types.has(t), t);
  });

  it('is the same every time (fixed seed, clock anchored to the day)', () => {
    const again = run().cases;
    assert.deepEqual(
      again.map((c) => [c.state.id, c.state.status, c.state.version]),
      sim.map((c) => [c.state.id, c.state.status, c.state.version]),
    );
  });
});

describe('every stored demo case rebuilds from its timeline', () => {
  let database: Database;
  let org: OrgDirectory;
  before(async () => {
    database = await openTestDatabase();
    org = createOrgDirectory(database.db);
    await seedDemo(
      {
        db: database.db,
        dbKind: database.kind,
        clock: new ManualClock(NOW),
        calendar: createWorkingCalendar(),
        org,
      } as never,
      { days: 40, perDay: 10 },
    );
  });
  after(() => database.close());

  it('replaying the timeline gives the stored case, field for field', async () => {
    const { db } = database;
    const rows = await db.select({ countyId: cases.countyId, id: cases.id }).from(cases);
    assert.ok(rows.length > 200);
    const events = await db.select().from(caseEvents).orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
    const byCase = new Map<string, CaseEvent[]>();
    for (const e of events) {
      const list = byCase.get(e.caseId) ?? [];
      list.push({
        type: e.type,
        at: e.at.toISOString(),
        actor: { id: e.actorId, role: e.actorRole as never },
        fromStatus: e.fromStatus as never,
        toStatus: e.toStatus as never,
        reason: e.reason,
        data: e.data as Record<string, unknown>,
      });
      byCase.set(e.caseId, list);
    }
    for (const r of rows) {
      const stored = await casesRepository.loadCase(db, r.countyId, r.id);
      assert.deepEqual(replay(byCase.get(r.id)!), stored, r.id);
    }
  });

  it('every case carries its grid stamp, the micro-grid its point resolves to', async () => {
    const { db } = database;
    const rows = await db
      .select({
        id: cases.id,
        countyId: cases.countyId,
        lat: cases.lat,
        lon: cases.lon,
        gridId: cases.gridId,
      })
      .from(cases);
    const stamps = new Map((await db.select().from(caseGridStamps)).map((s) => [s.caseId, s]));
    assert.equal(stamps.size, rows.length);
    for (const r of rows) {
      const s = stamps.get(r.id);
      assert.ok(s?.gridId, `${r.id} has no grid stamp`);
      assert.equal(s.resolvedBy, 'point');
      assert.equal(s.gridVersion, 1);
      assert.equal(s.gridId, r.gridId);
      const located = org.locate(r.countyId, Number(r.lon), Number(r.lat));
      assert.equal(located?.grids.micro?.id, s.gridId, r.id);
    }
  });

  it('open cases have pending deadline timers, closed ones none, and no row lacks its case', async () => {
    const { db } = database;
    const open = await db.execute<{ id: string; status: string; n: number; pending: number }>(sql`
      select c.id, c.status, count(t.key)::int as n, count(t.key) filter (where t.fired_at is null)::int as pending
      from cases c left join case_timers t on t.county_id = c.county_id and t.case_id = c.id and t.deadline = c.due_at
      where c.closed_at is null and c.due_at is not null group by c.id, c.status`);
    assert.ok(open.rows.length > 10);
    for (const r of open.rows) assert.ok(r.n > 0, `${r.id} (${r.status}) has no timer for its deadline`);
    assert.ok(open.rows.filter((r) => r.pending > 0).length > open.rows.length * 0.8);
    const closedPending = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from case_timers t join cases c on c.county_id = t.county_id and c.id = t.case_id
      where c.closed_at is not null and t.fired_at is null`);
    assert.equal(closedPending.rows[0].n, 0);
    const fired = await db
      .select({ seq: caseTimers.eventSeq })
      .from(caseTimers)
      .where(sql`outcome = 'fired'`);
    assert.ok(fired.length > 0);
    // the bulk load skips per-row foreign-key triggers on PGlite: the rows must satisfy them anyway
    for (const table of ['case_events', 'assignments', 'case_parties', 'case_grid_stamps', 'case_timers']) {
      const r = await db.execute<{ n: number }>(sql`
        select count(*)::int as n from ${sql.identifier(table)} x
        where not exists (select 1 from cases c where c.county_id = x.county_id and c.id = x.case_id)`);
      assert.equal(r.rows[0].n, 0, table);
    }
  });
});
