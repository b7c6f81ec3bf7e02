import type { WorkingCalendar } from '@hewei/domain';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { assignments, caseParties, cases, regions } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { uuidv7 } from '../lib/ids.ts';
import { assignmentRows, eventRow, stateToRow } from '../modules/cases/cases.repository.ts';
import { deadlinesRepository } from '../modules/deadlines/deadlines.repository.ts';
import { insertSeedTimers } from '../modules/deadlines/seed-timers.ts';
import { seedFieldDemo } from '../modules/households/households.demo.ts';
import { seedMediationDemo } from '../modules/mediation/mediation.demo.ts';
import type { OrgDirectory } from '../modules/org/org.directory.ts';
import { stampGrids } from '../modules/org/org.intake.ts';
import { rebuildAnalysis } from '../modules/overview/overview.hooks.ts';
import { insertOrg } from './org.ts';
import { createRng } from './rng.ts';
import { type SimulatedCase, simulateCounty } from './simulate.ts';
import { demoOrgSpec } from './spec.ts';

export const DEMO_PASSWORD = 'hewei-demo';
const SEED = 20_261_122;

/** Start of the current day in Asia/Shanghai: the demo is the same all day, new each day. */
export function demoAnchor(now: Date): Date {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  return new Date(
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate()) - 8 * 3600_000,
  );
}

export async function seedDemoIfEmpty(deps: AppDeps, opts: { days?: number; perDay?: number } = {}) {
  const [{ n }] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(regions);
  if (n > 0) return null;
  return seedDemo(deps, opts);
}

/** The demo county and its history, lived through the domain rules in memory. */
export function simulateDemo(
  now: Date,
  calendar: WorkingCalendar,
  opts: { days?: number; perDay?: number } = {},
) {
  const rng = createRng(SEED);
  const anchor = demoAnchor(now);
  const spec = demoOrgSpec(rng);
  const cases = simulateCounty(spec, {
    rng,
    calendar,
    anchor,
    days: opts.days ?? 180,
    perDay: opts.perDay ?? 18,
  });
  return { spec, anchor, cases };
}

export async function seedDemo(deps: AppDeps, opts: { days?: number; perDay?: number } = {}) {
  const { spec, anchor, cases: simulated } = simulateDemo(deps.clock.now(), deps.calendar, opts);
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2 });
  await insertOrg(deps.db, spec, passwordHash, new Date(anchor.getTime() - 200 * 86_400_000), {
    pii: deps.pii,
  });
  // the directory knows the new grids, so cases are stamped with the grid (and version) they came in
  await deps.org.refresh();
  const events = await persistCases(deps.db, simulated, {
    org: deps.org,
    trustedLoad: deps.dbKind === 'pglite',
  });
  await seedFieldDemo(deps);
  await seedMediationDemo(deps);
  await rebuildAnalysis(deps);
  return { cases: simulated.length, events };
}

/**
 * Writes what the simulation produced, in batches, through the repository's own row mappings, with
 * what the write hooks would have kept in step: the grid stamp of every case (the org module's batch
 * form), the deadline timers the deadlines hook planned (pending, or fired by the simulated job) and
 * the urges and supervision orders those timers gave.
 *
 * `trustedLoad` (embedded PGlite only) skips the per-row foreign-key triggers for these rows, which
 * are generated together and consistent by construction: in PGlite they cost ~10 ms per event row,
 * most of the demo's start time. The constraints stay; demo.test.ts checks the rows satisfy them.
 */
export async function persistCases(
  db: Db,
  list: SimulatedCase[],
  opts: { org?: OrgDirectory; trustedLoad?: boolean } = {},
) {
  let eventCount = 0;
  for (let i = 0; i < list.length; i += 200) {
    const batch = list.slice(i, i + 200);
    await db.transaction(async (tx) => {
      if (opts.trustedLoad) await tx.execute(sql`set local session_replication_role = replica`);
      await tx.insert(cases).values(batch.map((c) => stateToRow(c.state)));
      const as = batch.flatMap((c) => assignmentRows(c.state));
      if (as.length) await tx.insert(assignments).values(as);
      const ps = batch.flatMap((c) =>
        c.parties.map((p, position) => ({
          countyId: c.state.countyId,
          caseId: c.state.id,
          id: uuidv7(Date.parse(c.state.createdAt)),
          role: p.role,
          name: p.name,
          phone: p.phone,
          idNumber: null,
          address: null,
          position,
        })),
      );
      if (ps.length) await tx.insert(caseParties).values(ps);
      // Each event gets the version it produced, as a live transition would.
      const es = batch.flatMap((c) =>
        c.events.map((e, k) => {
          const r = eventRow({ ...c.state, version: k + 1 }, e);
          return {
            county_id: r.countyId,
            case_id: r.caseId,
            seq: r.seq,
            type: r.type,
            at: e.at,
            actor_id: r.actorId,
            actor_role: r.actorRole,
            from_status: r.fromStatus,
            to_status: r.toStatus,
            reason: r.reason,
            data: r.data,
          };
        }),
      );
      // One JSON parameter per batch: far cheaper to bind than tens of thousands of parameters.
      await tx.execute(sql`
        insert into case_events (county_id, case_id, seq, type, at, actor_id, actor_role, from_status, to_status, reason, data)
        select county_id, case_id, seq, type, at, actor_id, actor_role, from_status, to_status, reason, data
        from jsonb_to_recordset(${JSON.stringify(es)}::jsonb) as x(county_id text, case_id text, seq int, type text,
          at timestamptz, actor_id text, actor_role text, from_status text, to_status text, reason text, data jsonb)`);
      eventCount += es.length;
      if (opts.org)
        await stampGrids(
          tx,
          opts.org,
          batch.map((c) => c.state),
        );
      await insertSeedTimers(
        tx,
        batch.map((c) => ({ countyId: c.state.countyId, caseId: c.state.id, timers: c.timers })),
      );
      for (const c of batch)
        for (const s of c.supervisions) await deadlinesRepository.recordSupervision(tx, s.state, s.event);
    });
  }
  return eventCount;
}
