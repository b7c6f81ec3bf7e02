import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CaseEvent, createWorkingCalendar, replay, STATUSES } from '@hewei/domain';
import { asc } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { caseEvents, cases } from '../db/schema/index.ts';
import { ManualClock } from '../lib/clock.ts';
import { casesRepository } from '../modules/cases/cases.repository.ts';
import { createOrgDirectory } from '../modules/org/org.directory.ts';
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
  before(async () => {
    database = await openTestDatabase();
    const org = createOrgDirectory(database.db);
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
});
